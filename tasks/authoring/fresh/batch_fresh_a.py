from lib import t, lines

# Fresh evaluation batch A, written to the tier rubric in docs/tasks.md (not to the router, whose code and
# data were not consulted). Persona: a backend/platform engineer filing terse, practical requests.
# 54 tasks: 18 simple, 18 medium, 18 complex, spread over all 8 agent types, many languages and domains.
# Where a label was a close call, a `# why:` comment above the task gives the deciding reason.

# =====================================================================================================
# SIMPLE
# =====================================================================================================

t('simple', 'test-generation', "pytest cases for clamp_discount please: negative, over the cap, exactly 40, and the rounding.", [('billing/discounts.py', '''
def clamp_discount(pct: float) -> float:
    """Discounts are capped at 40% and never negative."""
    if pct < 0:
        return 0.0
    if pct > 40:
        return 40.0
    return round(pct, 2)''')], fw='pytest', lang=None)

t('simple', 'test-generation', "Port ChangeSetTest from JUnit 4 to JUnit 5. Same three cases; the expected-exception one should use assertThrows.", [('app/src/test/kotlin/com/acme/sync/ChangeSetTest.kt', '''
package com.acme.sync

import org.junit.Assert.assertEquals
import org.junit.Assert.assertTrue
import org.junit.Before
import org.junit.Test

class ChangeSetTest {
    private lateinit var cs: ChangeSet

    @Before
    fun setUp() {
        cs = ChangeSet(deviceId = "dev-1")
    }

    @Test
    fun emptyByDefault() {
        assertTrue(cs.isEmpty())
    }

    @Test
    fun addIncrementsSize() {
        cs.add(Change("note", 1L, "hello"))
        assertEquals(1, cs.size)
    }

    @Test(expected = IllegalArgumentException::class)
    fun rejectsBlankEntity() {
        cs.add(Change("", 1L, "x"))
    }
}''')], fw='junit5', lang=None)

t('simple', 'test-generation', "PriorityTests never checks the \"low\" label. Add one [Fact] for it, don't touch the rest.", [('src/Alerts/Priority.cs', '''
namespace Acme.Alerts;

public static class Priority
{
    public static string Label(int score) => score switch
    {
        >= 90 => "critical",
        >= 70 => "high",
        >= 40 => "normal",
        _ => "low",
    };
}'''), ('tests/Alerts.Tests/PriorityTests.cs', '''
using Acme.Alerts;
using Xunit;

public class PriorityTests
{
    [Fact] public void Critical() => Assert.Equal("critical", Priority.Label(95));
    [Fact] public void High() => Assert.Equal("high", Priority.Label(70));
    [Fact] public void Normal() => Assert.Equal("normal", Priority.Label(50));
}''')], fw='xunit', lang=None)

# why: -race only changes the flags of the run; the ask is to execute and report, nothing to diagnose.
t('simple', 'test-execution', "Rerun ./internal/leaderboard/... with -count=1 -race and tell me pass/fail per package.", [], fw='go test', lang=None)

_etl_mods = ['test_ingest_s3', 'test_normalize', 'test_dedupe', 'test_enrich_geo', 'test_currency', 'test_sessionize', 'test_rollup']
_etl_cases = ['empty_input', 'single_row', 'null_fields', 'unicode', 'late_event', 'schema_v2', 'large_batch', 'duplicate_keys', 'timezone_utc', 'partition_prune']
_etl_failed = {17, 52, 88, 121}
_etl_errs = ['AssertionError: assert 3 == 2', "KeyError: 'event_ts'", 'botocore.exceptions.ReadTimeoutError: Read timeout on endpoint URL', 'AssertionError: row count 0 != 1']
t('simple', 'test-execution', "Output from last night's ETL run is below. How many failed and which ones? Just the list.", [('ci/etl-nightly.log', '''
============================= test session starts ==============================
platform linux -- Python 3.11.8, pytest-8.1.1, pluggy-1.4.0
rootdir: /builds/data/etl
plugins: xdist-3.5.0, cov-5.0.0
collected 140 items
''' + lines(140, lambda i: f"tests/{_etl_mods[i % 7]}.py::test_{_etl_cases[i % 10]}_{i // 10} {'FAILED' if i in _etl_failed else 'PASSED'}") + '''
=========================== short test summary info ============================
''' + lines(4, lambda k: f"FAILED tests/{_etl_mods[sorted(_etl_failed)[k] % 7]}.py::test_{_etl_cases[sorted(_etl_failed)[k] % 10]}_{sorted(_etl_failed)[k] // 10} - {_etl_errs[k]}") + '''
================== 4 failed, 136 passed in 212.44s (0:03:32) ===================''')], fw='pytest', lang=None)

_php_names = ['creates_invoice_for_annual_plan', 'applies_coupon', 'rejects_expired_coupon', 'prorates_upgrade', 'handles_zero_tax', 'rounds_half_even', 'emails_pdf', 'voids_draft', 'retries_failed_webhook', 'renders_line_items']
t('simple', 'test-execution', "From this phpunit testdox run, give me the 5 slowest tests with their times.", [('build/phpunit-testdox.txt', '''
PHPUnit 10.5.10 by Sebastian Bergmann and contributors.

Runtime:       PHP 8.3.3
Configuration: /app/phpunit.xml

''' + lines(60, lambda i: f" \u2714 Tests\\Billing\\InvoiceTest::test_{_php_names[i % 10]}_{i // 10} {(i * 137) % 940 + 4} ms") + '''

Time: 00:18.402, Memory: 48.00 MB

OK (60 tests, 211 assertions)''')], fw='phpunit', lang=None)

_pipe_dirs = ['ingest', 'transforms', 'sinks', 'quality', 'schemas', 'jobs', 'utils', 'io']
_pipe_mods = ['normalize', 'dedupe', 'enrich', 'geo', 'currency', 'sessionize', 'join_orders', 'bucket', 'rollup', 'late_events']
def _cov_row(i):
    stmts = 40 + (i * 29) % 160
    cover = (i * 53 + 11) % 100
    miss = stmts - round(stmts * cover / 100)
    return f"pipeline/{_pipe_dirs[i // 10]}/{_pipe_mods[i % 10]}.py".ljust(46) + f"{stmts:>6}{miss:>6}{cover:>6}%"
t('simple', 'coverage-analysis', "coverage report from the pipeline repo. List every file under 50%, lowest first. That's all.", [('reports/coverage.txt', 'Name'.ljust(46) + ' Stmts  Miss Cover\n' + '-' * 70 + '\n' + lines(80, _cov_row) + '\n' + '-' * 70 + '\nTOTAL'.ljust(47) + ' 8114  3302   59%')], lang=None)

t('simple', 'coverage-analysis', "Which functions in templates.ts are never called by the tests, according to this lcov?", [('coverage/lcov.info', '''
TN:
SF:src/email/templates.ts
FN:4,renderSubject
FN:12,renderGreeting
FN:21,renderFooter
FN:30,renderUnsubscribeLink
FN:38,renderPlainText
FN:51,escapeHtml
FNDA:14,renderSubject
FNDA:14,renderGreeting
FNDA:0,renderFooter
FNDA:0,renderUnsubscribeLink
FNDA:9,renderPlainText
FNDA:22,escapeHtml
FNF:6
FNH:4
LF:58
LH:41
end_of_record''')])

t('simple', 'quality-gate', "checkout-api after today's deploy: p99 420ms against a 500ms budget, error rate 0.3% against a 0.5% max. Pass or fail?", [], lang=None)

t('simple', 'quality-gate', "Our gate is zero blocker issues and duplicated lines under 3%. Does this Sonar export pass?", [('reports/sonar-metrics.yaml', '''
project: fleet-telemetry-api
analysis_date: 2024-06-03T09:14:22Z
metrics:
  bugs: 4
  vulnerabilities: 0
  security_hotspots: 2
  code_smells: 131
  blocker_issues: 0
  critical_issues: 1
  coverage: 77.9
  new_coverage: 81.2
  duplicated_lines_density: 3.4
  ncloc: 18422
  cognitive_complexity: 2210
  sqale_rating: A
  reliability_rating: C
  security_rating: A''')], lang=None)

_sync_fail = {4, 11, 23, 37, 38, 51}
t('simple', 'flaky-test-analysis', "CI history for SyncQueueTest.retriesOnConflict over the last 60 runs on main. Count the failures and list their run ids.", [('ci/history-SyncQueueTest.tsv', 'run_id\tdate\tbranch\tsha\tresult\tduration_s\n' + lines(60, lambda i: f"{48210 + i * 3}\t2024-05-{1 + i // 2:02d}\tmain\t{(i * 2654435761) % (16 ** 7):07x}\t{'FAIL' if i in _sync_fail else 'PASS'}\t{31 + (i * 7) % 9}"))], lang=None)

t('simple', 'flaky-test-analysis', "spec/models/shipment_spec.rb:42 flaked twice on CI today. Run it 30 times with random seeds and give me the seeds that failed.", [], fw='rspec', lang=None)

_trivy_pkgs = ['libssl3', 'openssl', 'zlib1g', 'libcurl4', 'libxml2', 'glibc', 'libexpat1', 'perl-base', 'libsqlite3-0', 'ncurses-base', 'busybox', 'libgnutls30', 'tar', 'libpcre2-8-0']
def _trivy_row(i):
    sev = 'CRITICAL' if i % 17 == 3 else ['LOW', 'MEDIUM', 'MEDIUM', 'HIGH', 'LOW'][i % 5]
    fixed = '' if i % 6 == 0 else f"{1 + i % 3}.{i % 10}.{(i * 7) % 13}"
    return f"| {_trivy_pkgs[i % 14]:<14} | CVE-2024-{21000 + i * 37:<5} | {sev:<8} | {1 + i % 3}.{i % 10}.{(i * 3) % 7:<3} | {fixed:<8} |"
t('simple', 'security-scan', "trivy output for the api image. Count findings by severity and list the CRITICAL ones with their fixed version.", [('scans/trivy-api.txt', '''
registry.acme.io/api:2024.06.03 (debian 12.5)
=============================================
Total: 70

| Library        | Vulnerability  | Severity | Installed | Fixed    |
|----------------|----------------|----------|-----------|----------|
''' + lines(70, _trivy_row))], lang=None)

# why: security-scan by type, but it is a version comparison against a given list; no code to reason about.
t('simple', 'security-scan', "AppSec sent the minimum-version list below. Which gems in our lockfile are under the minimum?", [('Gemfile.lock', '''
GEM
  remote: https://rubygems.org/
  specs:
    actionpack (7.0.8)
    activesupport (7.0.8)
    devise (4.9.2)
    nokogiri (1.15.4)
    puma (6.3.1)
    rack (2.2.8)
    rails-html-sanitizer (1.6.0)
    sidekiq (7.1.2)
    jwt (2.7.1)
    faraday (2.7.10)
    redis (5.0.7)
    pg (1.5.4)'''), ('security/min-versions.txt', '''
nokogiri >= 1.16.2
puma >= 6.4.2
rack >= 2.2.8.1
rails-html-sanitizer >= 1.6.0
sidekiq >= 7.1.3
jwt >= 2.7.1
faraday >= 2.7.11''')], lang=None)

_jm_labels = ['GET /shipments/{id}', 'GET /shipments?order', 'POST /shipments', 'PATCH /shipments/{id}/status', 'GET /routes/{id}', 'POST /routes/optimize', 'GET /depots', 'GET /drivers/{id}/stops', 'POST /scans', 'GET /eta/{id}']
def _jm_row(i):
    avg = 40 + (i * 71) % 400
    return f"{_jm_labels[i % 10]} [{['eu', 'us', 'ap'][i // 10]}],{900 + (i * 13) % 300},{avg},{int(avg * 0.9)},{int(avg * 1.8)},{int(avg * 2.3)},{int(avg * 3.9)},{8 + i % 9},{avg * 7},{(i * 3) % 11 / 10:.2f}%,{14.2 + (i % 7) * 0.8:.1f}"
t('simple', 'performance-testing', "JMeter aggregate report from the logistics API run. Pull the 90% line for every label into a markdown table, region in its own column.", [('results/aggregate.csv', 'Label,# Samples,Average,Median,90% Line,95% Line,99% Line,Min,Max,Error %,Throughput\n' + lines(30, _jm_row))], fw='jmeter', lang=None)

t('simple', 'performance-testing', "Bump this to 200 VUs and make the steady stage 10 minutes. Leave everything else as is.", [('load/ingest.js', '''
import http from 'k6/http';
import { check, sleep } from 'k6';

export const options = {
  stages: [
    { duration: '2m', target: 50 },
    { duration: '5m', target: 50 },
    { duration: '1m', target: 0 },
  ],
  thresholds: {
    http_req_duration: ['p(95)<400'],
    http_req_failed: ['rate<0.01'],
  },
};

const payload = JSON.stringify({ deviceId: 'sim-001', readings: [{ t: 0, v: 21.4 }] });

export default function () {
  const res = http.post(`${__ENV.BASE_URL}/v1/telemetry`, payload, { headers: { 'Content-Type': 'application/json' } });
  check(res, { 'accepted': (r) => r.status === 202 });
  sleep(1);
}''')], fw='k6', lang='javascript')

t('simple', 'defect-analysis', "What does this panic mean? One or two sentences, and which line blew up.", [('logs/decoder-panic.txt', '''
thread 'tokio-runtime-worker' panicked at src/ingest/decoder.rs:88:41:
called `Option::unwrap()` on a `None` value
stack backtrace:
   0: rust_begin_unwind
   1: core::panicking::panic_fmt
   2: core::panicking::panic
   3: core::option::unwrap_failed
   4: telemetry_ingest::ingest::decoder::Decoder::next_frame
             at ./src/ingest/decoder.rs:88:41
   5: telemetry_ingest::ingest::pipeline::run::{{closure}}
             at ./src/ingest/pipeline.rs:142:27
   6: tokio::runtime::task::core::Core<T,S>::poll
note: Some details are omitted, run with `RUST_BACKTRACE=full` for a verbose backtrace.''')], lang=None)

_pm_events = ['PagerDuty: search-api 5xx > 2% (shard {s})', 'Grafana: es query latency p99 > 3s (shard {s})', 'Kubernetes: search-api pod restarted (OOMKilled) node-{s}', 'Statuspage: component "Search" degraded', 'Alertmanager: es heap usage > 90% (data-{s})']
# why: the postmortem already states cause and fix; condensing it is mechanical however long the appendix.
t('simple', 'defect-analysis', "Turn this postmortem into 3 bullets for the weekly eng update: what broke, impact, fix.", [('docs/postmortems/2024-05-29-search.md', '''
# Postmortem: search outage, 2024-05-29

## Summary
Between 14:02 and 15:18 UTC product search returned errors or empty results for roughly 38% of requests.
A reindex job for the new synonyms file was started against the live cluster instead of the shadow cluster
because the job's config defaulted to the production alias. The reindex doubled heap pressure on the data
nodes, which caused long GC pauses and OOM restarts of search-api pods.

## Impact
- ~410k failed searches, ~6% drop in checkout conversion during the window
- No data loss

## Resolution
The reindex job was killed at 15:05, data nodes recovered by 15:18. The job config now has no default alias
and requires --target explicitly; a pre-flight check refuses production aliases outside the change window.

## Appendix: alert log
''' + lines(70, lambda i: f"14:{(2 + i) % 60:02d} UTC  " + _pm_events[i % 5].format(s=i % 6)))], lang=None)

# =====================================================================================================
# MEDIUM
# =====================================================================================================

t('medium', 'test-generation', "vitest + supertest for flagsRouter. Mock the FlagStore. I care about the 400/404/410/503 paths, deny winning over allow, and the rollout boundary.", [('src/routes/flags.ts', '''
import { Router, Request, Response } from 'express';
import type { FlagStore } from '../store/flagStore';
import { hashBucket } from '../lib/bucket';

export function flagsRouter(store: FlagStore) {
  const r = Router();

  r.get('/flags/:key/evaluate', async (req: Request, res: Response) => {
    const { key } = req.params;
    const userId = String(req.query.userId ?? '');
    if (!userId) return res.status(400).json({ error: 'userId required' });

    let flag;
    try {
      flag = await store.get(key);
    } catch {
      return res.status(503).json({ error: 'flag store unavailable' });
    }
    if (!flag) return res.status(404).json({ error: 'unknown flag' });
    if (flag.archived) return res.status(410).json({ error: 'flag archived' });
    if (flag.denyList.includes(userId)) return res.json({ key, enabled: false, reason: 'deny' });
    if (flag.allowList.includes(userId)) return res.json({ key, enabled: true, reason: 'allow' });

    const bucket = hashBucket(`${key}:${userId}`); // 0..99
    const enabled = flag.enabled && bucket < flag.rolloutPercent;
    return res.json({ key, enabled, reason: 'rollout', bucket });
  });

  r.put('/flags/:key', async (req: Request, res: Response) => {
    const pct = Number(req.body?.rolloutPercent);
    if (!Number.isInteger(pct) || pct < 0 || pct > 100) {
      return res.status(422).json({ error: 'rolloutPercent must be an integer 0-100' });
    }
    const updated = await store.update(req.params.key, {
      rolloutPercent: pct,
      enabled: req.body.enabled !== false,
    });
    if (!updated) return res.status(404).json({ error: 'unknown flag' });
    return res.json(updated);
  });

  return r;
}'''), ('src/store/flagStore.ts', '''
export interface Flag {
  key: string;
  enabled: boolean;
  archived: boolean;
  rolloutPercent: number;
  allowList: string[];
  denyList: string[];
}

export interface FlagStore {
  get(key: string): Promise<Flag | null>;
  update(key: string, patch: Partial<Pick<Flag, 'rolloutPercent' | 'enabled'>>): Promise<Flag | null>;
}''')], fw='vitest')

t('medium', 'test-generation', "Table-driven tests for the shipments Repo with go-sqlmock. Include the not-found paths, limit clamping and scan errors.", [('internal/shipments/repo.go', '''
package shipments

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"
)

var ErrNotFound = errors.New("shipment not found")

type Shipment struct {
	ID        string
	OrderID   string
	Carrier   string
	Status    string
	UpdatedAt time.Time
}

type Repo struct{ db *sql.DB }

func NewRepo(db *sql.DB) *Repo { return &Repo{db: db} }

func (r *Repo) Get(ctx context.Context, id string) (*Shipment, error) {
	row := r.db.QueryRowContext(ctx,
		`SELECT id, order_id, carrier, status, updated_at FROM shipments WHERE id = $1`, id)
	var s Shipment
	if err := row.Scan(&s.ID, &s.OrderID, &s.Carrier, &s.Status, &s.UpdatedAt); err != nil {
		if errors.Is(err, sql.ErrNoRows) {
			return nil, ErrNotFound
		}
		return nil, fmt.Errorf("get shipment %s: %w", id, err)
	}
	return &s, nil
}

func (r *Repo) ListByOrder(ctx context.Context, orderID string, limit int) ([]Shipment, error) {
	if limit <= 0 || limit > 100 {
		limit = 50
	}
	rows, err := r.db.QueryContext(ctx,
		`SELECT id, order_id, carrier, status, updated_at FROM shipments
		 WHERE order_id = $1 ORDER BY updated_at DESC LIMIT $2`, orderID, limit)
	if err != nil {
		return nil, fmt.Errorf("list shipments: %w", err)
	}
	defer rows.Close()
	var out []Shipment
	for rows.Next() {
		var s Shipment
		if err := rows.Scan(&s.ID, &s.OrderID, &s.Carrier, &s.Status, &s.UpdatedAt); err != nil {
			return nil, fmt.Errorf("scan shipment: %w", err)
		}
		out = append(out, s)
	}
	return out, rows.Err()
}

func (r *Repo) UpdateStatus(ctx context.Context, id, status string) error {
	switch status {
	case "label_created", "in_transit", "out_for_delivery", "delivered", "exception":
	default:
		return fmt.Errorf("invalid status %q", status)
	}
	res, err := r.db.ExecContext(ctx,
		`UPDATE shipments SET status = $1, updated_at = now() WHERE id = $2`, status, id)
	if err != nil {
		return fmt.Errorf("update shipment %s: %w", id, err)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return err
	}
	if n == 0 {
		return ErrNotFound
	}
	return nil
}''')], fw='go test', lang=None)

# why: ~30 lines and pure, but the booking rules (buffers, lunch, touching boundaries, unsorted overlapping
# input) need real judgement to turn into the right cases, and a rule may be implemented wrong: not simple.
t('medium', 'test-generation', "Tests for next_slot in the clinic scheduler. The docstring rules are what product signed off on; pick the edge cases that matter and tell me if the code breaks one of the rules.", [('scheduling/slots.py', '''
from datetime import datetime, time, timedelta

OPEN = time(8, 0)
CLOSE = time(17, 0)
LUNCH = (time(12, 0), time(13, 0))
BUFFER = timedelta(minutes=10)


def next_slot(after: datetime, duration: timedelta,
              booked: list[tuple[datetime, datetime]]) -> datetime | None:
    """First start >= `after`, same day, such that the appointment:
    - lies within opening hours (it may end exactly at CLOSE),
    - does not overlap lunch (no buffer needed around lunch),
    - keeps BUFFER before and after every booked appointment.
    `booked` may be unsorted and may contain overlapping entries."""
    day = after.date()
    start = max(after, datetime.combine(day, OPEN))
    end_of_day = datetime.combine(day, CLOSE)
    blocks = sorted(
        [(s - BUFFER, e + BUFFER) for s, e in booked]
        + [(datetime.combine(day, LUNCH[0]), datetime.combine(day, LUNCH[1]))]
    )
    for b_start, b_end in blocks:
        if start + duration <= b_start:
            break
        if b_end > start:
            start = b_end
    if start + duration > end_of_day:
        return None
    return start''')], fw='pytest', lang=None)

t('medium', 'test-execution', "Run the notifications-service integration suite (npm run test:integration) against the compose stack. If anything fails, tell me whether it's environment (ports, containers not ready) or a real regression.", [('docker-compose.test.yml', '''
services:
  postgres:
    image: postgres:16
    environment:
      POSTGRES_PASSWORD: test
      POSTGRES_DB: notifications
    ports: ["5433:5432"]
  mailhog:
    image: mailhog/mailhog:v1.0.1
    ports: ["1025:1025", "8025:8025"]
  redis:
    image: redis:7
    ports: ["6380:6379"]'''), ('test/integration/setup.ts', '''
import { Client } from 'pg';

export default async function globalSetup() {
  const pg = new Client({ connectionString: process.env.DATABASE_URL ?? 'postgres://postgres:test@localhost:5433/notifications' });
  await pg.connect();
  await pg.query('TRUNCATE outbound_messages, templates RESTART IDENTITY CASCADE');
  await pg.end();
}''')], fw='jest')

t('medium', 'test-execution', "Playwright run with --retries=2 below. Split the hard failures from the ones that only passed on retry, and for the hard ones say whether it looks like a test bug or an app bug from the errors.", [('reports/playwright-run.txt', '''
Running 64 tests using 4 workers

  ✓  1 [chromium] › auth/login.spec.js:12:3 › logs in with email (2.1s)
  ✓  2 [chromium] › auth/login.spec.js:28:3 › shows error on wrong password (1.4s)
  ✘  3 [webkit] › checkout/cart.spec.js:40:5 › applies promo code (30.0s)
  ✓  4 [webkit] › checkout/cart.spec.js:40:5 › applies promo code (retry #1) (3.2s)
  ✘  5 [chromium] › account/profile.spec.js:55:3 › updates avatar (4.8s)
  ✘  6 [chromium] › account/profile.spec.js:55:3 › updates avatar (retry #1) (4.6s)
  ✘  7 [chromium] › account/profile.spec.js:55:3 › updates avatar (retry #2) (4.7s)
  ✘  8 [firefox] › orders/history.spec.js:18:3 › paginates order history (30.0s)
  ✘  9 [firefox] › orders/history.spec.js:18:3 › paginates order history (retry #1) (30.0s)
  ✓ 10 [firefox] › orders/history.spec.js:18:3 › paginates order history (retry #2) (9.9s)
  ✘ 11 [webkit] › checkout/pay.spec.js:77:5 › shows total incl. VAT (2.2s)
  ✘ 12 [webkit] › checkout/pay.spec.js:77:5 › shows total incl. VAT (retry #1) (2.1s)
  ✘ 13 [webkit] › checkout/pay.spec.js:77:5 › shows total incl. VAT (retry #2) (2.3s)
  ... 51 more passed

  1) [chromium] › account/profile.spec.js:55:3 › updates avatar
     Error: locator.setInputFiles: Error: ENOENT: no such file or directory, stat '/builds/web/e2e/fixtures/avatar.png'

  2) [webkit] › checkout/pay.spec.js:77:5 › shows total incl. VAT
     Error: expect(received).toHaveText(expected)
     Expected string: "€121.00"
     Received string: "€121,00"

  3) [firefox] › orders/history.spec.js:18:3 › paginates order history
     TimeoutError: locator.click: Timeout 30000ms exceeded.
     waiting for getByRole('button', { name: 'Next page' })

  4) [webkit] › checkout/cart.spec.js:40:5 › applies promo code
     TimeoutError: page.waitForResponse: Timeout 30000ms exceeded. (/api/promo/validate)

  2 failed
  2 flaky
  60 passed (6.4m)''')], fw='playwright', lang='javascript')

t('medium', 'coverage-analysis', "Jacoco for the proration package is below, plus the source of the worst class. Where are the gaps that actually matter and which tests would you add first?", [('build/reports/jacoco/proration.csv', '''
GROUP,PACKAGE,CLASS,INSTRUCTION_MISSED,INSTRUCTION_COVERED,BRANCH_MISSED,BRANCH_COVERED,LINE_MISSED,LINE_COVERED,COMPLEXITY_MISSED,COMPLEXITY_COVERED,METHOD_MISSED,METHOD_COVERED
billing,com.acme.billing.proration,ProrationCalculator,88,64,7,3,12,10,6,3,1,2
billing,com.acme.billing.proration,Plan,0,41,0,2,0,9,0,5,0,4
billing,com.acme.billing.proration,ProrationPolicy,22,70,3,5,4,15,3,5,0,4
billing,com.acme.billing.proration,InvoiceLineBuilder,5,120,1,9,1,28,1,9,0,6
billing,com.acme.billing.proration,CurrencyRounding,30,10,4,0,6,2,4,1,2,1'''), ('src/main/java/com/acme/billing/proration/ProrationCalculator.java', '''
package com.acme.billing.proration;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

public final class ProrationCalculator {
    private static final int SCALE = 2;

    public BigDecimal credit(Plan oldPlan, LocalDate periodStart, LocalDate periodEnd, LocalDate changeDate) {
        if (changeDate.isBefore(periodStart) || !changeDate.isBefore(periodEnd)) {
            return BigDecimal.ZERO;
        }
        long total = ChronoUnit.DAYS.between(periodStart, periodEnd);
        long remaining = ChronoUnit.DAYS.between(changeDate, periodEnd);
        if (total == 0) {
            throw new IllegalArgumentException("empty billing period");
        }
        return oldPlan.price()
                .multiply(BigDecimal.valueOf(remaining))
                .divide(BigDecimal.valueOf(total), SCALE, RoundingMode.HALF_EVEN);
    }

    public BigDecimal charge(Plan newPlan, LocalDate periodStart, LocalDate periodEnd,
                             LocalDate changeDate, boolean trial) {
        if (trial || newPlan.isFree()) {
            return BigDecimal.ZERO;
        }
        long total = ChronoUnit.DAYS.between(periodStart, periodEnd);
        long remaining = ChronoUnit.DAYS.between(changeDate, periodEnd);
        BigDecimal amount = newPlan.price()
                .multiply(BigDecimal.valueOf(remaining))
                .divide(BigDecimal.valueOf(total), SCALE, RoundingMode.HALF_EVEN);
        return amount.max(newPlan.minimumCharge());
    }

    public BigDecimal net(Plan oldPlan, Plan newPlan, LocalDate start, LocalDate end,
                          LocalDate change, boolean trial) {
        BigDecimal n = charge(newPlan, start, end, change, trial)
                .subtract(credit(oldPlan, start, end, change));
        if (n.signum() < 0 && !oldPlan.refundable()) {
            return BigDecimal.ZERO;
        }
        return n;
    }
}''')], lang=None)

t('medium', 'coverage-analysis', "tarpaulin for the telemetry-decoder crate. For the uncovered lines in frame.rs, which are real error paths we should hit and what bytes would hit them?", [('reports/tarpaulin.txt', '''
|| Uncovered Lines:
|| src/batch.rs: 22-25, 61
|| src/frame.rs: 37, 43, 47
|| Tested/Total Lines:
|| src/batch.rs: 38/43
|| src/frame.rs: 17/20
|| src/lib.rs: 4/4
||
88.06% coverage, 59/67 lines covered'''), ('src/frame.rs', '''
use thiserror::Error;

#[derive(Debug, Error, PartialEq)]
pub enum FrameError {
    #[error("frame too short: {0} bytes")]
    TooShort(usize),
    #[error("bad magic {0:#06x}")]
    BadMagic(u16),
    #[error("unsupported version {0}")]
    Version(u8),
    #[error("length mismatch: header says {declared}, got {actual}")]
    Length { declared: usize, actual: usize },
    #[error("checksum mismatch")]
    Checksum,
}

pub const MAGIC: u16 = 0xA55A;
const HEADER: usize = 6;

#[derive(Debug, PartialEq)]
pub struct Frame<'a> {
    pub version: u8,
    pub sensor_id: u8,
    pub payload: &'a [u8],
}

pub fn parse(buf: &[u8]) -> Result<Frame<'_>, FrameError> {
    if buf.len() < HEADER + 1 {
        return Err(FrameError::TooShort(buf.len()));
    }
    let magic = u16::from_be_bytes([buf[0], buf[1]]);
    if magic != MAGIC {
        return Err(FrameError::BadMagic(magic));
    }
    let version = buf[2];
    if version == 0 || version > 2 {
        return Err(FrameError::Version(version));
    }
    let sensor_id = buf[3];
    let declared = u16::from_be_bytes([buf[4], buf[5]]) as usize;
    let body = &buf[HEADER..buf.len() - 1];
    if body.len() != declared {
        return Err(FrameError::Length { declared, actual: body.len() });
    }
    let sum = body.iter().fold(0u8, |acc, b| acc.wrapping_add(*b));
    if version == 2 && sum != buf[buf.len() - 1] {
        return Err(FrameError::Checksum);
    }
    Ok(Frame { version, sensor_id, payload: body })
}''')], lang=None)

t('medium', 'quality-gate', "Go/no-go for sync-api 4.12 against our criteria. Per-criterion verdict please, and say if any waiver is defensible.", [('release/sync-api-4.12.txt', '''
release: sync-api 4.12.0
line_coverage: 81.2        # prev release 83.9
branch_coverage: 69.5
new_code_coverage: 72.4
mutation_score: 58
flaky_tests_quarantined: 6 # prev release 2
p95_latency_ms: 240        # baseline 210
error_rate_pct: 0.21
open_bugs:
  blocker: 0
  critical: 1   # SYNC-2231 "conflict resolution drops offline edits when two devices edit the same note", fix in review
  major: 7'''), ('release/criteria.md', '''
- line coverage >= 80% and no drop of more than 2 points vs previous release
- new code coverage >= 80%
- p95 latency regression <= 10% vs baseline
- no open blocker or critical bugs
- quarantined flaky tests <= 5''')], lang=None)

t('medium', 'quality-gate', "Apply our release policy to the mailer 2.8 report and tell me if it can ship Friday.", [('policy/release.md', '''
1. All P1 tests pass. P2 failures are allowed if each one has a linked ticket.
2. Any High or Critical security finding blocks, unless it is only in a dev dependency.
3. Coverage on changed files >= 70%, unless the change touches config files only.
4. No endpoint p95 may regress more than 15% vs the last release; endpoints under 50ms p95 are exempt.
5. Every migration must be reversible or have a signed-off runbook.
6. Friday releases need two approvers.'''), ('release/mailer-2.8-report.txt', '''
tests: P1 412/412 pass; P2 3 failures (MAIL-881 linked, MAIL-884 linked, "bounce webhook retries" no ticket)
security: 1 High (CVE-2024-29041 in express 4.18.2, runtime dependency), 2 Medium (eslint plugins, dev only)
changed files coverage: 66% (src/templates/*.ts, src/webhooks/bounce.ts, config/smtp.yaml)
p95: POST /send 180ms -> 199ms; GET /status/{id} 31ms -> 44ms; POST /webhooks/bounce 95ms -> 118ms
migrations: 0042_add_suppression_reason (reversible), 0043_drop_legacy_queue (not reversible, runbook drafted)
approvals: @dana''')], lang=None)

t('medium', 'flaky-test-analysis', "This digest test passes all day and fails in the nightly run. Why?", [('src/digest/schedule.ts', '''
export function nextDigestAt(now: Date, hourLocal: number, tzOffsetMin: number): Date {
  const local = new Date(now.getTime() + tzOffsetMin * 60_000);
  const target = new Date(Date.UTC(
    local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate(), hourLocal, 0, 0,
  ));
  if (target.getTime() <= local.getTime()) target.setUTCDate(target.getUTCDate() + 1);
  return new Date(target.getTime() - tzOffsetMin * 60_000);
}'''), ('test/digest/schedule.test.ts', '''
import { nextDigestAt } from '../../src/digest/schedule';

it('schedules tomorrow 08:00 for a Berlin user', () => {
  const now = new Date();
  const next = nextDigestAt(now, 8, 60);
  const tomorrow = new Date(now);
  tomorrow.setUTCDate(now.getUTCDate() + 1);
  expect(next.getUTCDate()).toBe(tomorrow.getUTCDate());
  expect(next.getUTCHours()).toBe(7);
});'''), ('ci/nightly-2024-06-04.log', '''
[2024-06-04T05:12:09.331Z] RUN  v1.6.0 /builds/mailer
[2024-06-04T05:12:11.902Z]  FAIL  test/digest/schedule.test.ts > schedules tomorrow 08:00 for a Berlin user
[2024-06-04T05:12:11.902Z] AssertionError: expected 4 to be 5 // Object.is equality
[2024-06-04T05:12:11.903Z]  ❯ test/digest/schedule.test.ts:8:34
[2024-06-04T05:12:12.110Z]  Test Files  1 failed | 61 passed (62)''')], fw='vitest')

t('medium', 'flaky-test-analysis', "test_refund_marks_invoice fails with some random seeds and passes with others. Two runs below; find the cause.", [('ci/pytest-random-runs.log', '''
$ pytest -p randomly tests/billing --randomly-seed=1718
tests/billing/test_refunds.py::test_refund_marks_invoice PASSED
tests/billing/test_import.py::test_bulk_import_eur_invoices PASSED
tests/billing/test_refunds.py::test_partial_refund PASSED
======================== 41 passed in 3.02s ========================

$ pytest -p randomly tests/billing --randomly-seed=90210
tests/billing/test_import.py::test_bulk_import_eur_invoices PASSED
tests/billing/test_refunds.py::test_partial_refund PASSED
tests/billing/test_refunds.py::test_refund_marks_invoice FAILED
E   AssertionError: assert Decimal('0.00') == Decimal('25.00')
E    +  where Decimal('0.00') = <Invoice INV-1 status='paid' currency='EUR'>.refunded_amount
======================== 1 failed, 40 passed in 3.11s ========================'''), ('billing/fx.py', '''
from decimal import Decimal

_RATES: dict[str, Decimal] = {"USD": Decimal("1")}

def load_rates(rates: dict[str, Decimal]) -> None:
    _RATES.update(rates)

def to_usd(amount: Decimal, currency: str) -> Decimal:
    return (amount * _RATES.get(currency, Decimal("0"))).quantize(Decimal("0.01"))'''), ('tests/billing/test_refunds.py', '''
from decimal import Decimal
from billing.refunds import refund
from tests.factories import make_invoice

def test_refund_marks_invoice():
    inv = make_invoice(total=Decimal("100"), currency="EUR")
    refund(inv, Decimal("25"))
    assert inv.refunded_amount == Decimal("25.00")''')], fw='pytest', lang=None)

# why: configuration hardening (root user, privileged, no limits, latest tags) is a checklist review of two
# short files, not authentication/crypto/injection reasoning: medium rather than complex.
t('medium', 'security-scan', "Hardening pass on the telemetry-gateway image and deployment before it goes on the shared cluster.", [('Dockerfile', '''
FROM node:latest
WORKDIR /app
COPY . .
RUN npm install
ENV NODE_ENV=production
EXPOSE 8080 9229
CMD ["node", "--inspect=0.0.0.0:9229", "dist/server.js"]'''), ('k8s/deployment.yaml', '''
apiVersion: apps/v1
kind: Deployment
metadata:
  name: telemetry-gateway
spec:
  replicas: 3
  selector:
    matchLabels: { app: telemetry-gateway }
  template:
    metadata:
      labels: { app: telemetry-gateway }
    spec:
      hostNetwork: true
      containers:
        - name: gateway
          image: registry.acme.io/telemetry-gateway:latest
          securityContext:
            privileged: true
          env:
            - name: MQTT_PASSWORD
              value: "s3nsor-Fleet!2024"
          ports:
            - containerPort: 8080
            - containerPort: 9229
          volumeMounts:
            - name: docker-sock
              mountPath: /var/run/docker.sock
      volumes:
        - name: docker-sock
          hostPath: { path: /var/run/docker.sock }''')], lang=None)

t('medium', 'security-scan', "Review our release workflow for supply-chain problems.", [('.github/workflows/release.yml', '''
name: release
on:
  push:
    tags: ['v*']
permissions: write-all
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: some-org/setup-toolchain@master
      - name: Install protoc
        run: curl -sSL https://get.example-tools.dev/protoc.sh | bash
      - run: npm install
      - run: npm run build
      - name: Publish
        run: |
          echo "//registry.npmjs.org/:_authToken=${{ secrets.NPM_TOKEN }}" > ~/.npmrc
          cat ~/.npmrc
          npm publish
      - uses: softprops/action-gh-release@v1
        with:
          files: dist/*.tgz''')], lang=None)

t('medium', 'performance-testing', "Write a k6 script for GET /v2/search.", [], reqs=[
    'ramp to 300 VUs over 5m, hold 10m, ramp down 2m',
    'query terms from data/terms.csv (about 500 rows), shared across VUs',
    'tag requests by query length bucket: 1 word, 2-3 words, 4+',
    'thresholds: p95 < 300ms overall and per bucket, errors < 1%'], fw='k6', lang='javascript')

t('medium', 'performance-testing', "Did PR #882 regress leaderboard ranking? benchstat below, count=10 on both sides. Tell me what's real and what's noise.", [('bench/benchstat-882.txt', '''
goos: linux
goarch: amd64
pkg: github.com/acme/games/leaderboard
cpu: AMD EPYC 7B13
                          │  base.txt   │               pr882.txt               │
                          │   sec/op    │    sec/op     vs base                 │
RankInsert/n=1k-8           812.4n ± 3%   798.1n ±  4%        ~ (p=0.393 n=10)
RankInsert/n=100k-8         1.412µ ± 2%   1.581µ ±  2%  +11.97% (p=0.002 n=10)
RankQuery/top100-8          4.201µ ± 1%   4.188µ ±  1%        ~ (p=0.631 n=10)
RankQuery/around-8          2.980µ ± 9%   3.260µ ± 14%        ~ (p=0.143 n=10)
Snapshot-8                  18.22m ± 5%   16.90m ±  3%   -7.24% (p=0.009 n=10)
geomean                     10.35µ        10.58µ         +2.22%

                          │  base.txt   │              pr882.txt              │
                          │    B/op     │     B/op      vs base               │
RankInsert/n=100k-8          96.00 ± 0%    160.00 ± 0%  +66.67% (p=0.000 n=10)
Snapshot-8                  4.112Mi ± 0%  2.870Mi ± 0%  -30.20% (p=0.000 n=10)''')], lang=None)

t('medium', 'defect-analysis', "NullReferenceException in the reminder job last night, trace and class below. What's the cause?", [('src/Scheduling/ReminderDispatcher.cs', '''
using Microsoft.Extensions.Logging;

namespace Acme.Scheduling;

public sealed class ReminderDispatcher
{
    private readonly IAppointmentRepository _appointments;
    private readonly IPatientDirectory _patients;
    private readonly ISmsGateway _sms;
    private readonly ILogger<ReminderDispatcher> _log;

    public ReminderDispatcher(IAppointmentRepository appointments, IPatientDirectory patients,
                              ISmsGateway sms, ILogger<ReminderDispatcher> log)
    {
        _appointments = appointments;
        _patients = patients;
        _sms = sms;
        _log = log;
    }

    public async Task<int> DispatchAsync(DateOnly day, CancellationToken ct)
    {
        var sent = 0;
        var appts = await _appointments.ForDayAsync(day, ct);
        foreach (var a in appts)
        {
            if (a.Status == AppointmentStatus.Cancelled) continue;

            var patient = await _patients.FindAsync(a.PatientId, ct);
            if (patient is null)
            {
                _log.LogWarning("No patient {PatientId} for appointment {Id}", a.PatientId, a.Id);
                continue;
            }

            var phone = patient.Contacts
                            .FirstOrDefault(c => c.Kind == ContactKind.Mobile && c.Verified)?.Value
                        ?? patient.Guardian.Phone;

            if (string.IsNullOrWhiteSpace(phone) || patient.SmsOptOut)
            {
                _log.LogInformation("Skipping SMS for {PatientId}", a.PatientId);
                continue;
            }

            var text = $"Reminder: {a.ClinicName} on {a.StartsAt:dd MMM} at {a.StartsAt:HH:mm}. Reply C to cancel.";
            await _sms.SendAsync(phone, text, ct);
            sent++;
        }
        return sent;
    }
}'''), ('logs/reminder-job.log', '''
2024-06-05T02:00:04.118Z info  ReminderJob starting for 2024-06-05 (412 appointments)
2024-06-05T02:00:09.774Z info  Skipping SMS for 88120
2024-06-05T02:00:11.020Z fail  ReminderJob crashed
System.NullReferenceException: Object reference not set to an instance of an object.
   at Acme.Scheduling.ReminderDispatcher.DispatchAsync(DateOnly day, CancellationToken ct) in /src/Scheduling/ReminderDispatcher.cs:line 38
   at Acme.Scheduling.ReminderJob.ExecuteAsync(CancellationToken stoppingToken) in /src/Scheduling/ReminderJob.cs:line 22
2024-06-05T02:00:11.021Z info  sent=131 before failure''')], lang=None)

t('medium', 'defect-analysis', "Monthly revenue report roughly doubled for some accounts since the subscriptions change shipped. Query, schema and sample below. Why?", [('sql/monthly_revenue.sql', '''
SELECT a.id            AS account_id,
       a.name          AS account_name,
       s.plan_code,
       SUM(i.amount_cents) / 100.0 AS revenue
FROM accounts a
JOIN invoices i      ON i.account_id = a.id
JOIN subscriptions s ON s.account_id = a.id
WHERE i.status = 'paid'
  AND i.issued_at >= date_trunc('month', now()) - interval '1 month'
  AND i.issued_at <  date_trunc('month', now())
GROUP BY a.id, a.name, s.plan_code
ORDER BY revenue DESC;'''), ('sql/schema_changes.sql', '''
-- 2024-05-20: accounts can hold more than one subscription (add-ons)
ALTER TABLE subscriptions DROP CONSTRAINT subscriptions_account_id_key;
ALTER TABLE subscriptions ADD COLUMN kind text NOT NULL DEFAULT 'base';  -- 'base' | 'addon'
ALTER TABLE subscriptions ADD COLUMN ended_at timestamptz;'''), ('reports/sample.csv', '''
account_id,account_name,plan_code,revenue
1042,Northwind,pro,1980.00
1042,Northwind,extra-seats,1980.00
2210,Globex,team,450.00
3307,Initech,pro,1188.00
3307,Initech,legacy-pro,1188.00''')], lang=None)

t('medium', 'defect-analysis', "Support says some rows from the Stripe payout export vanish on import and one refund showed up as a charge. Importer and a sample of the file below.", [('lib/billing/payout_importer.rb', '''
require "bigdecimal"

module Billing
  class PayoutImporter
    Row = Struct.new(:id, :date, :description, :amount, :currency)

    def initialize(io, logger:)
      @io = io
      @logger = logger
    end

    def rows
      header, *body = @io.read.lines.map(&:chomp)
      cols = header.split(",")
      body.filter_map do |line|
        fields = line.split(",")
        if fields.size != cols.size
          @logger.warn("skipping malformed line: #{line}")
          next
        end
        rec = cols.zip(fields).to_h
        Row.new(rec["id"], rec["created"], rec["description"], parse_amount(rec["amount"]), rec["currency"])
      end
    end

    private

    def parse_amount(raw)
      cleaned = raw.to_s.delete('"').delete("(").delete(")").strip
      BigDecimal(cleaned)
    end
  end
end'''), ('samples/payouts-2024-05.csv', '''
id,created,description,amount,currency
txn_1P9a,2024-05-02,"Subscription, Pro annual",1188.00,usd
txn_1P9b,2024-05-02,Seat add-on,49.00,usd
txn_1P9c,2024-05-03,Refund INV-2291,(49.00),usd
txn_1P9d,2024-05-04,"Usage overage, April",212.40,usd
txn_1P9e,2024-05-05,Subscription Team monthly,99.00,usd''')], lang=None)

# =====================================================================================================
# COMPLEX
# =====================================================================================================

# why: only ~40 lines, but it is a multi-producer CAS ring buffer; useful tests must target the
# reserve-then-write publication race and memory visibility, which is concurrency work.
t('complex', 'test-generation', "Need tests for this ring buffer, it sits in the telemetry ingest hot path. They should hold up under go test -race with several producers and consumers.", [('internal/ringbuf/ring.go', '''
package ringbuf

import "sync/atomic"

type Ring struct {
	buf  []uint64
	mask uint64
	head atomic.Uint64 // next slot to read
	tail atomic.Uint64 // next slot to write
}

func New(size uint64) *Ring {
	if size == 0 || size&(size-1) != 0 {
		panic("size must be a power of two")
	}
	return &Ring{buf: make([]uint64, size), mask: size - 1}
}

func (r *Ring) Push(v uint64) bool {
	for {
		t := r.tail.Load()
		if t-r.head.Load() == uint64(len(r.buf)) {
			return false
		}
		if r.tail.CompareAndSwap(t, t+1) {
			r.buf[t&r.mask] = v
			return true
		}
	}
}

func (r *Ring) Pop() (uint64, bool) {
	for {
		h := r.head.Load()
		if h == r.tail.Load() {
			return 0, false
		}
		v := r.buf[h&r.mask]
		if r.head.CompareAndSwap(h, h+1) {
			return v, true
		}
	}
}''')], fw='go test', lang=None)

t('complex', 'test-generation', "proptest suite for LwwMap::merge. Whatever invariants you think matter, they have to hold for arbitrary interleavings of edits across devices, including deletes.", [('sync-core/src/lww.rs', '''
use std::collections::HashMap;

#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Stamp {
    pub lamport: u64,
    pub device: u32,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Entry {
    pub value: Option<String>, // None = tombstone
    pub stamp: Stamp,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct LwwMap {
    entries: HashMap<String, Entry>,
    clock: u64,
}

impl LwwMap {
    pub fn set(&mut self, device: u32, key: &str, value: Option<String>) {
        self.clock += 1;
        let stamp = Stamp { lamport: self.clock, device };
        self.entries.insert(key.to_string(), Entry { value, stamp });
    }

    pub fn get(&self, key: &str) -> Option<&str> {
        self.entries.get(key).and_then(|e| e.value.as_deref())
    }

    pub fn merge(&mut self, other: &LwwMap) {
        for (k, theirs) in &other.entries {
            match self.entries.get(k) {
                Some(ours) if ours.stamp >= theirs.stamp => {}
                _ => {
                    self.entries.insert(k.clone(), theirs.clone());
                }
            }
        }
        self.clock = self.clock.max(other.clock);
    }
}''')], reqs=['use proptest', 'generate op sequences per device and random merge orders; failures must shrink to short sequences'], lang=None)

t('complex', 'test-execution', "Run make chaos-outbox (SIGKILLs the outbox relay at random points between broker publish and mark-sent, restarts it, 500 iterations) and tell me if we lost or duplicated anything. Consumers dedupe by message id inside a 10 minute window, so dupes inside that are fine, lost messages are not. If it fails, work out from the run logs which kill point causes it.", [], lang=None)

t('complex', 'test-execution', "Kick off the partition suite for the 3-node flag config store (toxiproxy cuts links, heals, cuts again while clients read and write), feed the history into the linearizability checker and explain any anomaly it reports. We promise read-your-writes per client and no stale reads from the leader.", [], lang=None)

t('complex', 'coverage-analysis', "Coverage says lease_lock.py is at 92% and the tests are green, yet the nightly billing export ran twice last week on two workers. What are the tests not exercising that matters here?", [('pipeline/locks/lease_lock.py', '''
import time
import uuid

import redis

RELEASE = """
if redis.call('get', KEYS[1]) == ARGV[1] then
  return redis.call('del', KEYS[1])
else
  return 0
end
"""


class LeaseLock:
    def __init__(self, client: redis.Redis, name: str, ttl_ms: int = 10_000):
        self.r = client
        self.key = f"lock:{name}"
        self.ttl_ms = ttl_ms
        self.token: str | None = None
        self.acquired_at = 0.0
        self._release = client.register_script(RELEASE)

    def acquire(self, wait_s: float = 5.0) -> bool:
        token = uuid.uuid4().hex
        deadline = time.monotonic() + wait_s
        while time.monotonic() < deadline:
            if self.r.set(self.key, token, nx=True, px=self.ttl_ms):
                self.token = token
                self.acquired_at = time.monotonic()
                return True
            time.sleep(0.05)
        return False

    def extend(self) -> bool:
        if self.token is None:
            return False
        if self.r.get(self.key) == self.token.encode():
            return bool(self.r.pexpire(self.key, self.ttl_ms))
        return False

    def still_valid(self) -> bool:
        return self.token is not None and (time.monotonic() - self.acquired_at) * 1000 < self.ttl_ms

    def release(self) -> None:
        if self.token:
            self._release(keys=[self.key], args=[self.token])
            self.token = None'''), ('pipeline/jobs/export_runner.py', '''
from pipeline.locks.lease_lock import LeaseLock

def run_export(r, export):
    lock = LeaseLock(r, "billing-export", ttl_ms=30_000)
    if not lock.acquire(wait_s=1):
        return "skipped"
    try:
        for chunk in export.chunks():          # each chunk can take 5-20s
            export.write(chunk)
            lock.extend()
        export.publish()
        return "done"
    finally:
        lock.release()'''), ('reports/coverage.txt', '''
Name                              Stmts   Miss  Cover   Missing
---------------------------------------------------------------
pipeline/locks/lease_lock.py         38      3    92%   37, 40, 43
pipeline/jobs/export_runner.py       13      0   100%
---------------------------------------------------------------
TOTAL                                51      3    94%''')], lang=None)

t('complex', 'coverage-analysis', "Branch coverage on fulfilment.ts is 88% so the dashboard is green, but we keep shipping bugs around cancelling after a partial shipment. Which transitions and guard combinations are never exercised, and which event sequences should we be testing?", [('src/orders/fulfilment.ts', '''
export type State =
  | 'created' | 'paid' | 'picking' | 'partially_shipped' | 'shipped'
  | 'delivered' | 'cancel_requested' | 'cancelled' | 'returned' | 'refunded';

export type Event =
  | { type: 'PAY'; amount: number }
  | { type: 'START_PICK' }
  | { type: 'SHIP'; lineIds: string[] }
  | { type: 'DELIVER' }
  | { type: 'REQUEST_CANCEL'; reason: string }
  | { type: 'CONFIRM_CANCEL' }
  | { type: 'RETURN'; lineIds: string[] }
  | { type: 'REFUND'; amount: number };

export interface Order {
  state: State;
  total: number;
  paid: number;
  refunded: number;
  lines: { id: string; price: number; shipped: boolean; returned: boolean }[];
  history: State[];
}

export class TransitionError extends Error {}

const allShipped = (o: Order) => o.lines.every((l) => l.shipped);
const anyShipped = (o: Order) => o.lines.some((l) => l.shipped);

export function apply(o: Order, e: Event): Order {
  const next: Order = structuredClone(o);
  const go = (s: State) => {
    next.history.push(next.state);
    next.state = s;
    return next;
  };

  switch (o.state) {
    case 'created':
      if (e.type === 'PAY') {
        next.paid += e.amount;
        return next.paid >= next.total ? go('paid') : next;
      }
      if (e.type === 'REQUEST_CANCEL') return go('cancelled');
      break;
    case 'paid':
      if (e.type === 'START_PICK') return go('picking');
      if (e.type === 'REQUEST_CANCEL') return go('cancel_requested');
      break;
    case 'picking':
    case 'partially_shipped':
      if (e.type === 'SHIP') {
        for (const id of e.lineIds) {
          const line = next.lines.find((l) => l.id === id);
          if (!line) throw new TransitionError(`unknown line ${id}`);
          line.shipped = true;
        }
        return go(allShipped(next) ? 'shipped' : 'partially_shipped');
      }
      if (e.type === 'REQUEST_CANCEL') return go('cancel_requested');
      break;
    case 'cancel_requested':
      if (e.type === 'CONFIRM_CANCEL') {
        if (anyShipped(o)) return go('partially_shipped');
        return go(o.paid > 0 ? 'refunded' : 'cancelled');
      }
      if (e.type === 'SHIP') throw new TransitionError('cannot ship while cancellation pending');
      break;
    case 'shipped':
      if (e.type === 'DELIVER') return go('delivered');
      break;
    case 'delivered':
    case 'returned':
      if (e.type === 'RETURN') {
        for (const id of e.lineIds) {
          const line = next.lines.find((l) => l.id === id && l.shipped && !l.returned);
          if (!line) throw new TransitionError(`line ${id} not returnable`);
          line.returned = true;
        }
        return go('returned');
      }
      if (e.type === 'REFUND' && o.state === 'returned') {
        if (next.refunded + e.amount > next.paid) throw new TransitionError('refund exceeds paid');
        next.refunded += e.amount;
        return next.refunded === next.paid ? go('refunded') : next;
      }
      break;
    case 'cancelled':
    case 'refunded':
      break;
  }
  throw new TransitionError(`${e.type} not allowed in ${o.state}`);
}'''), ('coverage/fulfilment-summary.txt', '''
File            | % Stmts | % Branch | % Funcs | % Lines | Uncovered Line #s
----------------|---------|----------|---------|---------|-------------------
 fulfilment.ts  |   93.1  |   88.0   |  100    |   93.0  | 54,63,66,82''')], fw='vitest')

t('complex', 'quality-gate', "Canary score came out at 86. Do we promote billing-api 7.3 to 100%? Gate is score >= 80 and no SLO burn, but I want a real read, not just the number.", [('release/canary-billing-api-7.3.txt', '''
Canary analysis: billing-api 7.3.0 vs 7.2.4   (25% traffic, 2h, regions us-east, eu-west, ap-south)
Overall score: 86 / 100 (pass threshold 80)

metric                                       baseline   canary    verdict
http 5xx rate (billing-api)                  0.08%      0.07%     pass
p50 latency POST /v1/charges                 48ms       46ms      pass
p99 latency POST /v1/charges                 610ms      640ms     pass
CPU per pod                                  41%        44%       pass
memory per pod                               610MiB     655MiB    pass
gateway client retries/min (us-east)         12         13        pass
gateway client retries/min (eu-west)         15         71        marginal
gateway client retries/min (ap-south)        4          6         pass
ledger-service write p99 (eu-west)           35ms       190ms     marginal
idempotency_key_conflict total               22         97        marginal (low volume)
payment intents per charge                   1.00       1.04      pass (tolerance 5%)
SLO burn rate, availability (1h)             0.4x       0.5x      pass'''), ('release/CHANGELOG-7.3.md', '''
## 7.3.0
- gateway client: request timeout lowered from 10s to 3s
- gateway client: retry policy now also retries on timeout (max 2 retries, jittered backoff)
- ledger: batch writes behind flag LEDGER_BATCH (enabled in eu-west only)
- deps: bump pg driver 8.11 -> 8.12''')], lang=None)

t('complex', 'quality-gate', "Can the raft library bump in config-store ship? Our gate says no linearizability violations in the nightly Jepsen runs. Summary below; I need a yes/no I can defend.", [('reports/jepsen-nightly-summary.txt', '''
config-store @ raft 3.5.12 -> 3.6.0, 20 runs, 5 nodes, 30 min each

nemesis                         runs   valid?    notes
partition-majorities-ring         4    true
kill-random-node                  4    true
pause-leader                      4    true
partition + clock-skew (±400ms)   4    3 true, 1 :unknown   checker timed out (history 2.1M ops)
membership-change + partition     4    3 true, 1 false      stale read: key /flags/checkout-v2 read 17 after 18 acked

config-store settings: lease-based reads enabled (ReadOnlyLeaseBased), election timeout 1000ms,
heartbeat 100ms, max clock drift assumed 500ms
previous raft 3.5.12 baseline: 60/60 runs valid over the last 3 nights''')], lang=None)

t('complex', 'flaky-test-analysis', "Our reservation integration test fails about 3% of CI runs and I can't reproduce it locally. Flow: order-service writes the order and publishes OrderPlaced to Kafka inside the same DB transaction (before commit), inventory-service has two consumer replicas that read the order back over HTTP and reserve stock, and the test polls GET /reservations/{orderId} for 5s. Failures are either 404 for the whole 5s or a reservation with the quantity from before an order update the test does right after placing. Why, and what should change, in the test and in the services?", [], lang=None)

t('complex', 'flaky-test-analysis', "Auth integration tests flake on CI only, always 'token not yet valid'. Tokens are minted by the auth container and checked by the api container, and they run on different CI nodes since we moved to the new runner pool.", [('ci/auth-it-failure.log', '''
[api] 2024-06-06T10:41:07.112Z WARN jwt verify failed: TokenNotYetValid iat=1717670468 nbf=1717670468 now=1717670467
[api] 2024-06-06T10:41:07.113Z INFO GET /v1/me 401 3ms
[test] AssertionError: expected 200, got 401 (test/it/session.test.ts:58)'''), ('src/auth/verify.ts', '''
import { jwtVerify, createRemoteJWKSet } from 'jose';

const jwks = createRemoteJWKSet(new URL(process.env.AUTH_JWKS_URL!));

export async function verifyAccessToken(token: string) {
  const { payload } = await jwtVerify(token, jwks, {
    issuer: 'https://auth.internal',
    audience: 'api',
    clockTolerance: 0,
  });
  return payload;
}''')], fw='vitest')

# why: 15 lines and the user thinks it is fine, but it is webhook authentication: non-constant-time signature
# comparison, replay window checked after the compare, unparsable timestamps; that is security-critical work.
t('complex', 'security-scan', "Quick look at our payment provider webhook verifier? Looks fine to me.", [('payments/webhooks.py', '''
import hashlib
import hmac
import os
import time

from flask import abort, request

SECRET = os.environ["WEBHOOK_SECRET"].encode()


def verify_webhook() -> None:
    sig = request.headers.get("X-Signature", "")
    ts = request.headers.get("X-Timestamp", "0")
    body = request.get_data()
    expected = hmac.new(SECRET, ts.encode() + b"." + body, hashlib.sha256).hexdigest()
    if sig != expected:
        abort(401)
    if abs(time.time() - int(ts)) > 300:
        abort(401)''')], lang=None)

t('complex', 'security-scan', "Pen test is next month. Scan the leaderboard API for whatever they're going to find.", [('src/main/java/com/acme/games/LeaderboardController.java', '''
package com.acme.games;

import java.sql.SQLException;
import java.util.List;
import org.springframework.web.bind.annotation.*;

@RestController
@RequestMapping("/api/leaderboards")
public class LeaderboardController {
    private final ScoreDao dao;

    public LeaderboardController(ScoreDao dao) { this.dao = dao; }

    @GetMapping("/{board}")
    public List<Score> top(@PathVariable String board,
                           @RequestParam String tenantId,
                           @RequestParam(defaultValue = "score") String sort,
                           @RequestParam(defaultValue = "100") int limit) throws SQLException {
        return dao.top(tenantId, board, sort, limit);
    }

    @PostMapping("/{board}/scores")
    public void submit(@PathVariable String board, @RequestBody ScoreSubmission s) throws SQLException {
        dao.upsert(s.tenantId(), board, s.playerId(), s.score());
    }
}'''), ('src/main/java/com/acme/games/ScoreDao.java', '''
package com.acme.games;

import java.sql.*;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

public class ScoreDao {
    private final DataSource ds;

    public ScoreDao(DataSource ds) { this.ds = ds; }

    public List<Score> top(String tenantId, String board, String sort, int limit) throws SQLException {
        String sql = "SELECT player_id, score, updated_at FROM scores WHERE tenant_id = ? AND board = ? "
                   + "ORDER BY " + sort + " DESC LIMIT ?";
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, tenantId);
            ps.setString(2, board);
            ps.setInt(3, limit);
            List<Score> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Score(rs.getString(1), rs.getLong(2), rs.getTimestamp(3).toInstant()));
                }
            }
            return out;
        }
    }

    public void upsert(String tenantId, String board, String playerId, long score) throws SQLException {
        String sql = "INSERT INTO scores (tenant_id, board, player_id, score, updated_at) VALUES (?, ?, ?, ?, now()) "
                   + "ON CONFLICT (tenant_id, board, player_id) DO UPDATE SET score = GREATEST(scores.score, EXCLUDED.score), updated_at = now()";
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, tenantId);
            ps.setString(2, board);
            ps.setString(3, playerId);
            ps.setLong(4, score);
            ps.executeUpdate();
        }
    }
}''')], lang=None)

t('complex', 'security-scan', "Security review of the auth chain before we open the partner API. Follow the whole path from app.ts down.", [('src/app.ts', '''
import express from 'express';
import { adminRouter } from './routes/admin';
import { tenantRouter } from './routes/tenants';
import { authenticate } from './auth/middleware';

export const app = express();
app.use(express.json());
app.use('/admin', adminRouter);
app.use(authenticate);
app.use('/tenants', tenantRouter);'''), ('src/auth/jwt.ts', '''
import jwt from 'jsonwebtoken';

const PUBLIC_KEY = process.env.JWT_PUBLIC_KEY!;
const LEGACY_SECRET = process.env.JWT_LEGACY_SECRET ?? 'dev-secret';

export function decodeToken(token: string) {
  const header = JSON.parse(Buffer.from(token.split('.')[0], 'base64url').toString());
  const key = header.alg === 'HS256' ? LEGACY_SECRET : PUBLIC_KEY;
  return jwt.verify(token, key) as { sub: string; tenant: string; roles: string };
}'''), ('src/auth/middleware.ts', '''
import type { Request, Response, NextFunction } from 'express';
import { decodeToken } from './jwt';

export function authenticate(req: Request, res: Response, next: NextFunction) {
  const raw = req.headers.authorization?.replace('Bearer ', '') ?? '';
  try {
    res.locals.user = decodeToken(raw);
    next();
  } catch {
    res.status(401).end();
  }
}'''), ('src/auth/roles.ts', '''
export function hasRole(user: { roles: string }, role: string) {
  return user.roles.includes(role);
}

export function sameTenant(user: { tenant: string }, tenantId: string | number) {
  return user.tenant == tenantId;
}'''), ('src/routes/admin.ts', '''
import { Router } from 'express';
import { authenticate } from '../auth/middleware';
import { hasRole } from '../auth/roles';
import { db } from '../db';

export const adminRouter = Router();

adminRouter.get('/health', (_req, res) => res.json({ ok: true }));
adminRouter.post('/tenants/:id/suspend', async (req, res) => {
  if (res.locals.user && !hasRole(res.locals.user, 'admin')) return res.status(403).end();
  await db.tenants.update(req.params.id, { suspended: true });
  res.status(204).end();
});
adminRouter.use(authenticate);'''), ('src/routes/tenants.ts', '''
import { Router } from 'express';
import { hasRole, sameTenant } from '../auth/roles';
import { db } from '../db';

export const tenantRouter = Router();

tenantRouter.get('/:id/invoices', async (req, res) => {
  const user = res.locals.user;
  if (!sameTenant(user, req.params.id) && !hasRole(user, 'support')) return res.status(403).end();
  res.json(await db.invoices.forTenant(req.params.id, { status: req.query.status }));
});

tenantRouter.put('/:id/users/:userId/roles', async (req, res) => {
  const user = res.locals.user;
  if (!sameTenant(user, req.params.id)) return res.status(403).end();
  await db.users.setRoles(req.params.userId, req.body.roles);
  res.status(204).end();
});''')])

t('complex', 'performance-testing', "Need a soak test plan for the IoT telemetry platform before the fleet doubles in Q3: MQTT gateways -> Kafka -> Flink enrichment -> TimescaleDB, with an alerting service and a device-shadow API on the side. What to run, for how long, with what device mix and reconnect behaviour, what to watch for, and what counts as a fail.", [], lang=None)

t('complex', 'performance-testing', "Design the load test for the season-launch leaderboard: ~2M players, score submissions spike in the last 10 minutes of each tournament, reads are top-100 plus 'around me', all backed by a Redis Cluster with a Postgres write-behind. I want to know where it breaks first (hot keys, write-behind lag, cross-slot ops) before launch, not just a throughput number.", [('infra/leaderboard-topology.yaml', '''
services:
  score-api:      { replicas: 12, cpu: 2, lang: go }
  rank-api:       { replicas: 8,  cpu: 2, lang: go }
  writebehind:    { replicas: 3,  batch: 500, flush_ms: 250 }
redis_cluster:
  shards: 6
  replicas_per_shard: 1
  keys:
    - "lb:{tournament}:scores   # one ZSET per tournament"
    - "lb:{tournament}:player:<id>"
postgres:
  primary: db.r6g.2xlarge
  read_replicas: 2''')], lang=None)

t('complex', 'defect-analysis', "A handful of customers got charged twice this month, always during gateway latency spikes. ChargeService below. Why, and what's the fix?", [('src/main/kotlin/com/acme/billing/ChargeService.kt', '''
package com.acme.billing

import kotlinx.coroutines.withTimeout

class ChargeService(
    private val gateway: PaymentGateway,
    private val charges: ChargeRepository,
    private val cache: IdempotencyCache,
) {
    suspend fun charge(req: ChargeRequest): ChargeResult {
        cache.get(req.idempotencyKey)?.let { return it }
        charges.findByKey(req.idempotencyKey)?.let { return it.toResult() }

        val result = retry(times = 3, backoffMs = 200) {
            withTimeout(2_000) {
                gateway.capture(req.customerId, req.amountCents, req.currency)
            }
        }
        charges.save(Charge.from(req, result))
        cache.put(req.idempotencyKey, result, ttlSeconds = 3600)
        return result
    }
}''')], lang=None)

_api_log = [
    '2024-06-02T09:14:01.020Z api     POST /v1/campaigns/cmp_77/send 202 request_id=req_a1 idem_key=cmp_77-2024-06-02',
    '2024-06-02T09:14:01.031Z api     enqueued job=job_5521 recipients=48210 queue=email-send',
]
_worker_log = [
    '2024-06-02T09:14:02.400Z worker-1 job=job_5521 claimed (visibility_timeout=300s)',
    '2024-06-02T09:14:02.410Z worker-1 job=job_5521 idem check key=cmp_77-2024-06-02 -> miss, set ttl=240s',
] + [f'2024-06-02T09:{14 + (i * 9) // 60:02d}:{(2 + i * 9) % 60:02d}.000Z worker-1 job=job_5521 batch {i + 1}/50 sent=1000 provider_latency_ms={180 + (i * 37) % 400}' for i in range(34)] + [
    '2024-06-02T09:19:02.402Z worker-2 job=job_5521 claimed (visibility_timeout=300s) attempt=2',
    '2024-06-02T09:19:02.409Z worker-2 job=job_5521 idem check key=cmp_77-2024-06-02 -> miss, set ttl=240s',
    '2024-06-02T09:19:03.100Z worker-2 job=job_5521 batch 1/50 sent=1000 provider_latency_ms=201',
    '2024-06-02T09:19:09.880Z worker-1 job=job_5521 batch 35/50 sent=1000 provider_latency_ms=455',
    '2024-06-02T09:21:40.551Z worker-1 job=job_5521 done sent=48210; ack failed: ReceiptHandleIsInvalid',
    '2024-06-02T09:26:51.002Z worker-2 job=job_5521 done sent=48210; ack ok',
]
_provider_log = [f'2024-06-02T09:{20 + i // 6:02d}:{(i * 10) % 60:02d}Z mailprovider webhook complaint campaign=cmp_77 type=duplicate count={3 + (i * 5) % 17}' for i in range(24)]
t('complex', 'defect-analysis', "Subscribers got the June 2 campaign twice and complaints spiked. Logs from the api, the send workers and the provider webhooks are below. Root cause please, and what needs to change where.", [('logs/api.log', '\n'.join(_api_log)), ('logs/email-workers.log', '\n'.join(_worker_log)), ('logs/provider-webhooks.log', '\n'.join(_provider_log)), ('config/email-send.yaml', '''
queue: email-send
visibility_timeout_s: 300
max_receive_count: 5
idempotency:
  store: redis
  ttl_s: 240
batch_size: 1000''')], lang=None)

t('complex', 'defect-analysis', "Two patients got booked into the same 10:30 slot with Dr Okafor on Tuesday. Booking API runs 3 replicas behind the LB; each request checks availability with a SELECT on appointments, then inserts, both in a READ COMMITTED transaction, and a separate calendar-sync worker also writes appointments it pulls from the clinic's external calendar every minute. There's no unique constraint on (practitioner_id, starts_at) because of multi-slot appointments. What happened and how do we close it for good?", [], lang=None)
