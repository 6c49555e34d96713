from lib import t, lines

# Fresh evaluation batch k, written to the rubric in docs/tasks.md (never fitted on).
# Persona: DevOps / platform-reliability engineer at a logistics company (Go, Python, Bash, Terraform, Helm,
# GitHub Actions, Kafka, Postgres, Redis). Runbook-style asks, pasted CI logs, k6/Locust output, Grafana exports
# and incident timelines; routine chores mixed with production mysteries. 18 simple / 18 medium / 18 complex.

# ---- generated artefacts ------------------------------------------------------------------------------------

_GHA_SPECIAL = {
    41: '2024-11-18T09:15:22.871Z [test (manifest)] --- FAIL: TestImportRejectsDuplicateParcel (0.04s)',
    42: '2024-11-18T09:15:22.874Z [test (manifest)]     importer_test.go:88: expected ErrDuplicate, got <nil>',
    43: '2024-11-18T09:15:23.101Z [test (manifest)] ##[error]Process completed with exit code 1.',
    97: '2024-11-18T09:17:04.310Z [test (billing)] panic: runtime error: index out of range [3] with length 3',
    98: '2024-11-18T09:17:04.311Z [test (billing)] ##[error]Process completed with exit code 2.',
    131: '2024-11-18T09:18:40.002Z [lint] ##[error]internal/geo/fence.go:88:2: ineffectual assignment to err (ineffassign)',
    132: '2024-11-18T09:18:40.019Z [lint] ##[error]Process completed with exit code 1.',
}
_SVCS = ['tracking', 'dispatch', 'billing', 'notifier', 'geo', 'manifest']
_PKGS = ['api', 'store', 'kafka', 'domain', 'config']


def _gha(i):
    if i in _GHA_SPECIAL:
        return _GHA_SPECIAL[i]
    ts = f'2024-11-18T09:{14 + i // 30:02d}:{(i * 7) % 60:02d}.{(i * 131) % 1000:03d}Z'
    svc = _SVCS[i % 6]
    return f'{ts} [test ({svc})] ok  \tgithub.com/shipfast/{svc}/internal/{_PKGS[i % 5]}\t{0.1 + (i % 17) * 0.13:.3f}s'


_FNS = ['New', 'Run', 'Close', 'handleCreate', 'handleGet', 'handleList', 'validate', 'toDTO', 'fromRow',
        'retryable', 'backoff', 'marshal', 'unmarshal', 'String', 'Apply', 'Shutdown']


def _cover(i):
    pkg = _SVCS[i % 6]
    fn = _FNS[(i // 6) % 16]
    pct = '0.0%' if (i * 5) % 11 == 3 else f'{55 + (i * 13) % 45}.{i % 10}%'
    return f'github.com/shipfast/fleet/internal/{pkg}/{pkg}.go:{20 + (i // 6) * 14}:\t{fn}\t\t{pct}'


_LIBS = [('golang.org/x/net', 'v0.17.0', 'v0.23.0'), ('github.com/jackc/pgx/v5', 'v5.4.3', 'v5.5.4'),
         ('openssl', '3.0.11-r0', '3.0.13-r0'), ('busybox', '1.36.1-r2', ''), ('libcrypto3', '3.0.11-r0', '3.0.13-r0'),
         ('google.golang.org/grpc', 'v1.58.2', 'v1.58.3'), ('zlib', '1.2.13-r1', ''), ('github.com/docker/docker', 'v24.0.5', 'v24.0.9')]
_SEVS = ['LOW', 'MEDIUM', 'HIGH', 'MEDIUM', 'CRITICAL', 'LOW', 'HIGH', 'MEDIUM', 'CRITICAL']


def _trivy(i):
    lib, inst, fixed = _LIBS[i % 8]
    if i % 5 == 2:
        fixed = ''
    return f'| {lib:<26} | CVE-2023-{40000 + i * 37:<6} | {_SEVS[i % 9]:<8} | {inst:<10} | {fixed:<10} |'


_FLAKY_TESTS = ['TestAssignDriver', 'TestRouteETA', 'TestManifestExport', 'TestWebhookRetry', 'TestGeofenceEnter',
                'TestInvoiceRounding']
_FLAKY_RATE = [3, 12, 0, 21, 7, 1]


def _flaky_csv(i):
    run = 48100 + i // 6
    j = i % 6
    res = 'fail' if (i * 2654435761) % 100 < _FLAKY_RATE[j] else 'pass'
    return f'{run},2024-11-{1 + (i // 6) % 28:02d},main,{_FLAKY_TESTS[j]},{res},{0.8 + (i % 9) * 0.21:.2f}'


_GOSEC = [('G104', 'LOW', 'Errors unhandled.'), ('G304', 'MEDIUM', 'Potential file inclusion via variable'),
          ('G401', 'MEDIUM', 'Use of weak cryptographic primitive'), ('G112', 'MEDIUM', 'Potential Slowloris Attack because ReadHeaderTimeout is not configured in the http.Server'),
          ('G204', 'MEDIUM', 'Subprocess launched with a potential tainted input or cmd arguments'), ('G104', 'LOW', 'Errors unhandled.'),
          ('G402', 'HIGH', 'TLS InsecureSkipVerify set true.')]


def _gosec(i):
    rule, sev, det = _GOSEC[i % 7]
    return (f'    {{"severity": "{sev}", "confidence": "HIGH", "rule_id": "{rule}", "details": "{det}", '
            f'"file": "internal/{_SVCS[i % 6]}/{_PKGS[i % 5]}.go", "line": "{30 + i * 11}"}},')


_TIMELINE = [
    '09:02 #inc-2231 PagerDuty: [FIRING] TrackingAPIHighErrorRate (5xx > 5% for 5m) tracking-api prod-eu',
    '09:03 @mira ack, looking',
    '09:05 @mira 5xx are all from GET /v2/shipments/{id}/events, pods look healthy',
    '09:07 @jonas deploy of tracking-api 3.18.0 went out at 08:51, could be related',
    '09:09 @mira pgbouncer shows waiting clients climbing on tracking-db',
    '09:11 @jonas rollback? or wait',
    '09:12 @mira DECLARING INCIDENT SEV2, I am IC',
    '09:14 @kai customer support says 40+ tickets about "tracking page not loading"',
    '09:16 @jonas starting helm rollback tracking-api to revision 211',
    '09:21 @jonas rollback done, pods 6/6 ready',
    '09:24 @mira error rate dropping, 1.2% now',
    '09:26 @mira MITIGATED, 5xx below 0.5%',
    '09:31 @kai status page updated',
    '09:40 @jonas found it: new query in 3.18.0 lost the index hint on events(shipment_id, seq)',
    '09:55 @mira monitoring, no recurrence',
    '10:30 @mira RESOLVED, closing incident, postmortem owner jonas',
]


def _timeline(i):
    if i < len(_TIMELINE):
        return _TIMELINE[i]
    return f'10:{31 + (i - len(_TIMELINE)):02d} @bot tracking-api p95={180 + (i * 7) % 40}ms err=0.{(i * 3) % 4}% (auto-post)'


# =============================================================================================================
# SIMPLE
# =============================================================================================================

t('simple', 'test-execution', "Quick one before standup: run `go test ./internal/dispatch/... -run TestAssign -count=3` on main and tell me pass/fail per run. If something fails just paste the failing test names, don't go digging.", [], lang=None)

# why: 130+ lines of CI log, but the ask is only to pick out failed jobs and their first error line
t('simple', 'test-execution', "CI for PR #2291 is red and I'm on call so no time to scroll. From the Actions log below:\n- which jobs failed\n- the first error line for each\nThat's it, no analysis.", [('ci/actions-run-88412.log', lines(140, _gha))], lang=None)

t('simple', 'test-execution', "Can you run the bats suite for the backup script (`bats scripts/test/pg_backup.bats`) and paste back the TAP summary line plus any `not ok` lines? Nightly skipped it because the runner was down.", [], fw='bats', lang=None)

# why: long go tool cover output, but listing the 0% functions is pure filtering
t('simple', 'coverage-analysis', "From this `go tool cover -func` dump, list every function sitting at 0.0%, grouped by file. Going into the sprint tracking sheet as-is.", [('coverage/func.txt', lines(96, _cover) + '\ntotal:\t\t\t\t\t\t(statements)\t\t71.3%')], lang=None)

t('simple', 'coverage-analysis', "Turn this text-summary from the driver dashboard into a markdown table sorted by branch coverage, lowest first. For the weekly platform report.", [('coverage/text-summary.txt', '''
----------------------|---------|----------|---------|---------|
File                  | % Stmts | % Branch | % Funcs | % Lines |
----------------------|---------|----------|---------|---------|
All files             |   78.41 |    63.90 |   81.22 |   78.95 |
 src/api              |   84.10 |    70.33 |   88.00 |   84.72 |
 src/components/map   |   61.27 |    41.18 |   66.67 |   62.01 |
 src/components/route |   79.55 |    65.00 |   80.00 |   80.12 |
 src/hooks            |   91.02 |    83.33 |   93.75 |   91.40 |
 src/store            |   72.64 |    58.97 |   75.00 |   73.30 |
 src/utils            |   95.80 |    90.48 |  100.00 |   96.10 |
----------------------|---------|----------|---------|---------|''')], lang=None)

t('simple', 'quality-gate', "Perf gate for tracking-api is p95 < 400ms, http_req_failed < 0.5%, checks > 99%. Tonight's k6 summary: p95=372ms, http_req_failed=0.61%, checks=99.7%. Pass or fail? One line is fine.", [], fw='k6', lang=None)

# why: long scanner table; the gate is a count of CRITICAL rows with a fixed version, nothing to judge
t('simple', 'quality-gate', "Image gate for dispatch-worker: zero CRITICAL findings that have a fix available. Count them from the trivy table and tell me if we pass.", [('reports/trivy-dispatch-worker.txt', '''
dispatch-worker:3.4.1 (alpine 3.18.4)
| Library                    | Vulnerability    | Severity | Installed  | Fixed      |
|----------------------------|------------------|----------|------------|------------|
''' + lines(58, _trivy))], lang=None)

# why: looks like flaky triage but it is counting fail rows per test in a CSV
t('simple', 'flaky-test-analysis', "Export of the last ~200 main-branch runs from our test analytics is below. Count failures per test, give me the fail rate for each, top 5 first. Just the numbers for the quarantine meeting.", [('reports/test-history.csv', 'run_id,date,branch,test,result,duration_s\n' + lines(240, _flaky_csv))], lang=None)

t('simple', 'flaky-test-analysis', "Need an inventory of every test we've skipped as flaky. Here's the grep; make a table with package, test name and the ticket in the skip message (blank if none).", [('grep-skips.txt', '''
internal/dispatch/assign_test.go:41:	t.Skip("flaky, see PLAT-1182")
internal/dispatch/assign_test.go:97:	t.Skip("flaky under load PLAT-1190")
internal/geo/fence_test.go:22:	t.Skip("flaky on arm runners")
internal/notifier/sms_test.go:130:	t.Skip("flaky: twilio sandbox timeouts PLAT-1044")
internal/billing/invoice_test.go:58:	t.Skip("flaky PLAT-1211")
internal/tracking/events_test.go:203:	t.Skip("flaky since pgx upgrade, PLAT-1230")
internal/manifest/export_test.go:15:	t.Skip("flaky")''')], lang=None)

# why: big JSON report, but the ask is a tally per rule and severity
t('simple', 'security-scan', "gosec output from the monorepo scan is attached. Give me a count of findings per rule_id and per severity, that's all I need for the audit spreadsheet.", [('reports/gosec.json', '{\n  "Golang errors": {},\n  "Issues": [\n' + lines(63, _gosec) + '\n    {"severity": "LOW", "confidence": "HIGH", "rule_id": "G104", "details": "Errors unhandled.", "file": "cmd/migrate/main.go", "line": "44"}\n  ],\n  "Stats": {"files": 412, "lines": 58211, "nosec": 9, "found": 64}\n}')], lang=None)

t('simple', 'security-scan', "Before the Helm bump: list every image in this values file that isn't pinned (uses :latest or no tag at all). Just the keys and image names.", [('charts/dispatch/values-prod.yaml', '''
api:
  image: ghcr.io/shipfast/dispatch-api:3.4.1
  replicas: 6
worker:
  image: ghcr.io/shipfast/dispatch-worker:latest
  replicas: 4
migrator:
  image: ghcr.io/shipfast/dispatch-migrate
sidecars:
  cloudsqlProxy:
    image: gcr.io/cloud-sql-connectors/cloud-sql-proxy:2.7.1
  otelCollector:
    image: otel/opentelemetry-collector-contrib:latest
  logShipper:
    image: fluent/fluent-bit:2.2
redis:
  image: redis:7.2-alpine
pgbouncer:
  image: bitnami/pgbouncer
cronjobs:
  reindex:
    image: ghcr.io/shipfast/dispatch-tools:latest
    schedule: "0 3 * * *"''')], lang=None)

t('simple', 'performance-testing', "Locust stats from yesterday's quotes-service run. Pull p95 and failure count per endpoint into a markdown table, skip the Aggregated row.", [('results/quotes_stats.csv', '''
Type,Name,Request Count,Failure Count,Median Response Time,Average Response Time,Min Response Time,Max Response Time,Average Content Size,Requests/s,Failures/s,50%,66%,75%,80%,90%,95%,98%,99%,99.9%,99.99%,100%
POST,/v1/quotes,48213,112,140,171.4,38,4120,812,160.7,0.37,140,170,190,210,260,320,450,610,1900,3900,4120
GET,/v1/quotes/{id},96012,8,42,55.2,9,1802,640,320.0,0.03,42,51,58,63,80,98,140,190,700,1500,1802
GET,/v1/lanes,12004,0,21,24.9,6,310,2210,40.0,0.0,21,25,28,30,37,44,60,75,190,300,310
POST,/v1/quotes/{id}/accept,9120,57,210,260.8,61,5230,420,30.4,0.19,210,250,280,300,390,510,720,980,3100,5200,5230
,Aggregated,165349,177,61,96.3,6,5230,700,551.1,0.59,61,100,140,160,210,270,390,510,1800,3900,5230''')], lang=None)

t('simple', 'performance-testing', "Bump this k6 script for the peak-season rehearsal: ramp to 200 VUs over 10 minutes, hold 20 minutes, ramp down over 2, and loosen the p95 threshold to 600ms. Nothing else changes.", [('load/tracking.js', '''
import http from 'k6/http';
import { check, sleep } from 'k6';

export const options = {
  stages: [
    { duration: '5m', target: 80 },
    { duration: '10m', target: 80 },
    { duration: '1m', target: 0 },
  ],
  thresholds: {
    http_req_duration: ['p(95)<450'],
    http_req_failed: ['rate<0.005'],
  },
};

const BASE = __ENV.BASE_URL || 'https://tracking.staging.shipfast.internal';

export default function () {
  const id = `SF${Math.floor(Math.random() * 900000) + 100000}DE`;
  const res = http.get(`${BASE}/v2/shipments/${id}/events?limit=20`, { tags: { name: 'events' } });
  check(res, { 'status 200 or 404': (r) => r.status === 200 || r.status === 404 });
  sleep(1);
}''')], fw='k6', lang='javascript')

t('simple', 'test-generation', "The dashboard repo finished moving to vitest. Port this jest spec over, same cases, vi instead of jest, nothing clever.", [('src/utils/trackingNumber.test.ts', '''
import { formatTrackingNumber } from './trackingNumber';

jest.mock('./carrierPrefixes', () => ({ prefixFor: jest.fn(() => 'SF') }));

describe('formatTrackingNumber', () => {
  it('groups digits in fours', () => {
    expect(formatTrackingNumber('123456789012')).toBe('SF 1234 5678 9012');
  });
  it('strips spaces and dashes first', () => {
    expect(formatTrackingNumber('1234-5678 9012')).toBe('SF 1234 5678 9012');
  });
  it('returns empty string for empty input', () => {
    expect(formatTrackingNumber('')).toBe('');
  });
});''')], fw='vitest', lang='typescript')

t('simple', 'test-generation', "Table-driven test for ParseWeight please, usual cases plus a couple of bad inputs. Standard library testing only.", [('internal/manifest/weight.go', '''
package manifest

import (
	"fmt"
	"strconv"
	"strings"
)

// ParseWeight turns "12.5kg" or "3lb" into grams.
func ParseWeight(s string) (int, error) {
	s = strings.ToLower(strings.TrimSpace(s))
	unit := 1000.0
	switch {
	case strings.HasSuffix(s, "kg"):
		s = strings.TrimSuffix(s, "kg")
	case strings.HasSuffix(s, "lb"):
		s = strings.TrimSuffix(s, "lb")
		unit = 453.592
	default:
		return 0, fmt.Errorf("unknown unit in %q", s)
	}
	v, err := strconv.ParseFloat(strings.TrimSpace(s), 64)
	if err != nil || v < 0 {
		return 0, fmt.Errorf("bad weight %q", s)
	}
	return int(v*unit + 0.5), nil
}''')], lang=None)

t('simple', 'test-generation', "normalize_postcode has a pytest file with one case. Add the obvious ones: lowercase, extra spaces, the NL 4+2 format, and that garbage raises ValueError.", [('ops/geo/postcode.py', '''
import re

_NL = re.compile(r"^(\\d{4})\\s*([A-Z]{2})$")


def normalize_postcode(raw: str, country: str) -> str:
    s = raw.strip().upper()
    if country == "NL":
        m = _NL.match(s)
        if not m:
            raise ValueError(f"bad NL postcode: {raw!r}")
        return f"{m.group(1)} {m.group(2)}"
    if country == "DE":
        if not (len(s) == 5 and s.isdigit()):
            raise ValueError(f"bad DE postcode: {raw!r}")
        return s
    return re.sub(r"\\s+", " ", s)'''), ('ops/geo/test_postcode.py', '''
from ops.geo.postcode import normalize_postcode


def test_de_plain():
    assert normalize_postcode("10115", "DE") == "10115"''')], fw='pytest', lang=None)

t('simple', 'defect-analysis', "The label-printer job died overnight with this traceback. What's wrong and what's the one-line fix?", [('ops/labels/build.py', '''
def label_fields(parcel: dict) -> dict:
    return {
        "ref": parcel["reference"],
        "to": parcel["recipient"]["name"],
        "kg": round(parcel["weight_kg"], 1),
        "zone": parcel.get("zone", "STD"),
    }'''), ('logs/label-job.txt', '''
2024-11-19 02:14:07,331 INFO  labels: fetched 412 parcels from carrier feed dhl-express-v3
Traceback (most recent call last):
  File "ops/labels/run.py", line 31, in <module>
    rows = [label_fields(p) for p in parcels]
  File "ops/labels/run.py", line 31, in <listcomp>
    rows = [label_fields(p) for p in parcels]
  File "ops/labels/build.py", line 5, in label_fields
    "kg": round(parcel["weight_kg"], 1),
KeyError: 'weight_kg'
2024-11-19 02:14:07,402 DEBUG labels: first parcel keys: ['reference', 'recipient', 'weightKg', 'zone', 'service']''')], lang=None)

# why: the timeline reads like an incident, but the ask is extracting three timestamps and two subtractions
t('simple', 'defect-analysis', "Postmortem template needs time-to-detect, time-to-mitigate and time-to-resolve for INC-2231. Deploy was 08:51. Pull the timestamps out of the Slack export and do the maths, don't rewrite the root cause.", [('incidents/inc-2231-slack.txt', lines(40, _timeline))], lang=None)

# =============================================================================================================
# MEDIUM
# =============================================================================================================

t('medium', 'test-generation', "Write tests for the shipment events handler in tracking-api. Use httptest and a hand-rolled fake for EventStore, no real DB. I care about:\n- 400s for bad id/limit/after\n- 404 vs 500 from the store\n- ETag / If-None-Match 304\n- next cursor only when the page is full", [('internal/api/events.go', '''
package api

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strconv"

	"github.com/go-chi/chi/v5"
	"github.com/shipfast/tracking/internal/store"
)

type EventStore interface {
	ShipmentVersion(ctx context.Context, shipmentID string) (int64, error)
	ListEvents(ctx context.Context, shipmentID string, after int64, limit int) ([]store.Event, error)
}

type EventsHandler struct {
	Store   EventStore
	MaxPage int
}

type page struct {
	Events []store.Event `json:"events"`
	Next   string        `json:"next,omitempty"`
}

func (h *EventsHandler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	id := chi.URLParam(r, "id")
	if id == "" || len(id) > 32 {
		http.Error(w, "bad shipment id", http.StatusBadRequest)
		return
	}
	limit := 50
	if v := r.URL.Query().Get("limit"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n <= 0 {
			http.Error(w, "bad limit", http.StatusBadRequest)
			return
		}
		if n > h.MaxPage {
			n = h.MaxPage
		}
		limit = n
	}
	var after int64
	if v := r.URL.Query().Get("after"); v != "" {
		n, err := strconv.ParseInt(v, 10, 64)
		if err != nil || n < 0 {
			http.Error(w, "bad cursor", http.StatusBadRequest)
			return
		}
		after = n
	}

	ver, err := h.Store.ShipmentVersion(r.Context(), id)
	if errors.Is(err, store.ErrNotFound) {
		http.Error(w, "not found", http.StatusNotFound)
		return
	}
	if err != nil {
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	etag := fmt.Sprintf(`W/"%s-%d-%d-%d"`, id, ver, after, limit)
	if r.Header.Get("If-None-Match") == etag {
		w.WriteHeader(http.StatusNotModified)
		return
	}

	events, err := h.Store.ListEvents(r.Context(), id, after, limit)
	if err != nil {
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	resp := page{Events: events}
	if len(events) == limit {
		resp.Next = strconv.FormatInt(events[len(events)-1].Seq, 10)
	}
	w.Header().Set("ETag", etag)
	w.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(w).Encode(resp)
}''')], lang=None)

t('medium', 'test-generation', "RateCache needs proper pytest coverage before we put it in front of the quotes DB. Use fakeredis (or a MagicMock that raises redis errors where needed) and a stub repo. Must prove Redis being down never breaks a lookup, and that a corrupt entry gets evicted.", [('quotes/cache.py', '''
import json
import logging
from dataclasses import dataclass
from decimal import Decimal
from typing import Optional

import redis

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Quote:
    lane: str
    carrier: str
    price_eur: Decimal
    valid_until: str


class RateCache:
    """Cache-aside for carrier quotes. Redis is an optimisation, never a dependency."""

    def __init__(self, r: redis.Redis, repo, ttl_s: int = 900, prefix: str = "rates:v2"):
        self.r = r
        self.repo = repo
        self.ttl_s = ttl_s
        self.prefix = prefix

    def _key(self, lane: str, carrier: str) -> str:
        return f"{self.prefix}:{lane.upper()}:{carrier.lower()}"

    def get(self, lane: str, carrier: str) -> Optional[Quote]:
        key = self._key(lane, carrier)
        try:
            raw = self.r.get(key)
        except redis.RedisError as e:
            log.warning("redis get failed, falling back to db: %s", e)
            raw = None
        if raw is not None:
            try:
                d = json.loads(raw)
                return Quote(d["lane"], d["carrier"], Decimal(d["price_eur"]), d["valid_until"])
            except (ValueError, KeyError, ArithmeticError) as e:
                log.error("corrupt cache entry %s: %s", key, e)
                self._delete(key)
        quote = self.repo.latest_quote(lane, carrier)
        if quote is None:
            return None
        self._set(key, quote)
        return quote

    def _set(self, key: str, q: Quote) -> None:
        body = json.dumps({"lane": q.lane, "carrier": q.carrier,
                           "price_eur": str(q.price_eur), "valid_until": q.valid_until})
        try:
            self.r.setex(key, self.ttl_s, body)
        except redis.RedisError as e:
            log.warning("redis set failed for %s: %s", key, e)

    def _delete(self, key: str) -> None:
        try:
            self.r.delete(key)
        except redis.RedisError:
            pass

    def invalidate_lane(self, lane: str) -> bool:
        pattern = f"{self.prefix}:{lane.upper()}:*"
        try:
            for k in self.r.scan_iter(match=pattern, count=500):
                self.r.delete(k)
        except redis.RedisError as e:
            log.warning("invalidate %s failed: %s", lane, e)
            return False
        return True''')], fw='pytest', lang=None)

t('medium', 'test-generation', "Carrier status lines come in over SFTP in this pipe format and we parse them in the ingest worker. Write vitest tests for parseStatusLine: escaping, aliases, the offset-required timestamp rule, attrs, and every error branch.", [('src/ingest/statusLine.ts', r'''
export type CarrierStatus = 'PICKED_UP' | 'IN_TRANSIT' | 'OUT_FOR_DELIVERY' | 'DELIVERED' | 'EXCEPTION';

export interface StatusLine {
  tracking: string;
  at: Date;
  status: CarrierStatus;
  location?: string;
  attrs: Record<string, string>;
}

export class ParseError extends Error {}

const STATUSES = new Set<string>(['PICKED_UP', 'IN_TRANSIT', 'OUT_FOR_DELIVERY', 'DELIVERED', 'EXCEPTION']);
const ALIASES: Record<string, CarrierStatus> = {
  PU: 'PICKED_UP', TR: 'IN_TRANSIT', OFD: 'OUT_FOR_DELIVERY', DLV: 'DELIVERED', EXC: 'EXCEPTION',
};

function splitEscaped(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === '\\' && i + 1 < line.length) { cur += line[++i]; continue; }
    if (c === '|') { out.push(cur); cur = ''; continue; }
    cur += c;
  }
  out.push(cur);
  return out;
}

export function parseStatusLine(raw: string): StatusLine {
  const line = raw.replace(/\r?\n$/, '').trim();
  if (!line) throw new ParseError('empty line');
  const parts = splitEscaped(line);
  if (parts.length < 3) throw new ParseError(`expected at least 3 fields, got ${parts.length}`);
  const [tracking, ts, rawStatus, location, ...rest] = parts;
  if (!/^[A-Z0-9]{10,22}$/.test(tracking)) throw new ParseError(`bad tracking number ${tracking}`);
  if (!/(Z|[+-]\d\d:\d\d)$/i.test(ts)) throw new ParseError('timestamp must carry an offset');
  const at = new Date(ts);
  if (Number.isNaN(at.getTime())) throw new ParseError(`bad timestamp ${ts}`);
  const upper = rawStatus.trim().toUpperCase();
  const status = STATUSES.has(upper) ? (upper as CarrierStatus) : ALIASES[upper];
  if (!status) throw new ParseError(`unknown status ${rawStatus}`);
  const attrs: Record<string, string> = {};
  for (const kv of rest) {
    if (!kv) continue;
    const eq = kv.indexOf('=');
    if (eq <= 0) throw new ParseError(`bad attribute ${kv}`);
    attrs[kv.slice(0, eq).trim().toLowerCase()] = kv.slice(eq + 1).trim();
  }
  return { tracking, at, status, location: location?.trim() || undefined, attrs };
}''')], fw='vitest', lang='typescript')

# why: only ~20 lines and no I/O, but deciding the cases (cutoff edge, naive datetimes, DST, holiday chains) takes judgement
t('medium', 'test-generation', "Sales keeps promising dates this function doesn't produce. Write pytest cases that pin down what it *should* do:\n- order at exactly 15:00 depot time counts as after cutoff\n- naive datetimes must be rejected, not guessed\n- weekend and holiday chains (Christmas week)\n- depot in a different TZ than the order timestamp, incl. the DST switch weekend\nMark the ones that fail today as xfail with a reason.", [('promise/eta.py', '''
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

CUTOFF = time(15, 0)


def promised_delivery(order_ts: datetime, depot_tz: str, transit_days: int, holidays: set[date]) -> date:
    local = order_ts.astimezone(ZoneInfo(depot_tz))
    day = local.date()
    if local.time() >= CUTOFF or day.weekday() >= 5 or day in holidays:
        day = _next_business_day(day, holidays)
    for _ in range(transit_days):
        day = _next_business_day(day, holidays)
    return day


def _next_business_day(d: date, holidays: set[date]) -> date:
    d += timedelta(days=1)
    while d.weekday() >= 5 or d in holidays:
        d += timedelta(days=1)
    return d''')], fw='pytest', lang=None)

t('medium', 'test-execution', "Please run `make itest` for tracking-api (it brings up the compose stack below and runs the Go integration tests against it) and report. Last run was a mess, see the log. I need failures split into:\n- environment (container not ready, port clash, image pull)\n- real test failures\nand for env ones, what to change in the compose file so it stops happening.", [('docker-compose.itest.yml', '''
services:
  postgres:
    image: postgres:15
    environment:
      POSTGRES_PASSWORD: itest
      POSTGRES_DB: tracking
    ports: ["5432:5432"]
  redis:
    image: redis:7.2-alpine
    ports: ["6379:6379"]
  kafka:
    image: bitnami/kafka:3.6
    environment:
      KAFKA_CFG_NODE_ID: "1"
      KAFKA_CFG_PROCESS_ROLES: broker,controller
      KAFKA_CFG_LISTENERS: PLAINTEXT://:9092,CONTROLLER://:9093
      KAFKA_CFG_ADVERTISED_LISTENERS: PLAINTEXT://localhost:9092
      KAFKA_CFG_CONTROLLER_QUORUM_VOTERS: 1@kafka:9093
      KAFKA_CFG_CONTROLLER_LISTENER_NAMES: CONTROLLER
    ports: ["9092:9092"]
  itest:
    build: { context: ., target: itest }
    depends_on: [postgres, redis, kafka]
    environment:
      DATABASE_URL: postgres://postgres:itest@postgres:5432/tracking?sslmode=disable
      REDIS_ADDR: redis:6379
      KAFKA_BROKERS: kafka:9092'''), ('logs/itest-last.txt', '''
itest-1  | === RUN   TestMigrationsApply
itest-1  |     db_test.go:31: dial tcp 172.19.0.2:5432: connect: connection refused
itest-1  | --- FAIL: TestMigrationsApply (0.01s)
itest-1  | === RUN   TestEventsRepo_ListAfterCursor
itest-1  | --- PASS: TestEventsRepo_ListAfterCursor (0.42s)
itest-1  | === RUN   TestEventsRepo_ListOrdersBySeq
itest-1  |     events_repo_test.go:77: got seq [3 1 2], want [1 2 3]
itest-1  | --- FAIL: TestEventsRepo_ListOrdersBySeq (0.08s)
itest-1  | === RUN   TestPublisher_EmitsShipmentUpdated
itest-1  |     publisher_test.go:54: kafka: client has run out of available brokers to talk to: dial tcp 127.0.0.1:9092: connect: connection refused
itest-1  | --- FAIL: TestPublisher_EmitsShipmentUpdated (10.00s)
itest-1  | === RUN   TestCache_Invalidate
itest-1  | --- PASS: TestCache_Invalidate (0.03s)
itest-1  | FAIL
Error response from daemon: driver failed programming external connectivity on endpoint itest-redis-1: Bind for 0.0.0.0:6379 failed: port is already allocated''')], lang=None)

t('medium', 'coverage-analysis', "Coverage profile for internal/manifest is below with the importer source. Walk the uncovered blocks and tell me which ones are real risk (bad CSV from depots is the #1 cause of our Monday pages) and sketch the test for each. Skip the trivial ones.", [('internal/manifest/importer.go', '''
package manifest

import (
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"
)

var ErrDuplicate = errors.New("duplicate parcel")

type Row struct {
	ParcelID string
	Depot    string
	WeightG  int
	Service  string
}

type Sink interface {
	Exists(ctx context.Context, parcelID string) (bool, error)
	Insert(ctx context.Context, rows []Row) error
}

type Importer struct {
	Sink      Sink
	BatchSize int
}

func (im *Importer) Import(ctx context.Context, r io.Reader) (int, error) {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1
	header, err := cr.Read()
	if err != nil {
		return 0, fmt.Errorf("read header: %w", err)
	}
	idx, err := columns(header)
	if err != nil {
		return 0, err
	}
	var batch []Row
	seen := map[string]bool{}
	total := 0
	for line := 2; ; line++ {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return total, fmt.Errorf("line %d: %w", line, err)
		}
		if len(rec) < len(idx) {
			return total, fmt.Errorf("line %d: short record", line)
		}
		row := Row{ParcelID: strings.TrimSpace(rec[idx["parcel_id"]]), Depot: rec[idx["depot"]], Service: rec[idx["service"]]}
		if row.WeightG, err = ParseWeight(rec[idx["weight"]]); err != nil {
			return total, fmt.Errorf("line %d: %w", line, err)
		}
		if seen[row.ParcelID] {
			return total, fmt.Errorf("line %d: %w", line, ErrDuplicate)
		}
		if ok, err := im.Sink.Exists(ctx, row.ParcelID); err != nil {
			return total, err
		} else if ok {
			return total, fmt.Errorf("line %d: %w", line, ErrDuplicate)
		}
		seen[row.ParcelID] = true
		batch = append(batch, row)
		if len(batch) == im.BatchSize {
			if err := im.Sink.Insert(ctx, batch); err != nil {
				return total, err
			}
			total += len(batch)
			batch = batch[:0]
		}
	}
	if len(batch) > 0 {
		if err := im.Sink.Insert(ctx, batch); err != nil {
			return total, err
		}
		total += len(batch)
	}
	return total, nil
}

func columns(header []string) (map[string]int, error) {
	idx := map[string]int{}
	for i, h := range header {
		idx[strings.ToLower(strings.TrimSpace(h))] = i
	}
	for _, want := range []string{"parcel_id", "depot", "weight", "service"} {
		if _, ok := idx[want]; !ok {
			return nil, fmt.Errorf("missing column %q", want)
		}
	}
	return idx, nil
}'''), ('coverage/manifest.out', '''
mode: set
github.com/shipfast/fleet/internal/manifest/importer.go:32.66,36.16 4 1
github.com/shipfast/fleet/internal/manifest/importer.go:36.16,38.3 1 0
github.com/shipfast/fleet/internal/manifest/importer.go:39.2,40.16 2 1
github.com/shipfast/fleet/internal/manifest/importer.go:40.16,42.3 1 1
github.com/shipfast/fleet/internal/manifest/importer.go:46.26,48.27 2 1
github.com/shipfast/fleet/internal/manifest/importer.go:48.27,49.9 1 1
github.com/shipfast/fleet/internal/manifest/importer.go:51.3,51.17 1 1
github.com/shipfast/fleet/internal/manifest/importer.go:51.17,53.4 1 0
github.com/shipfast/fleet/internal/manifest/importer.go:54.3,54.27 1 1
github.com/shipfast/fleet/internal/manifest/importer.go:54.27,56.4 1 0
github.com/shipfast/fleet/internal/manifest/importer.go:57.3,58.68 2 1
github.com/shipfast/fleet/internal/manifest/importer.go:58.68,60.4 1 1
github.com/shipfast/fleet/internal/manifest/importer.go:61.3,61.23 1 1
github.com/shipfast/fleet/internal/manifest/importer.go:61.23,63.4 1 1
github.com/shipfast/fleet/internal/manifest/importer.go:64.3,64.71 1 1
github.com/shipfast/fleet/internal/manifest/importer.go:64.71,66.4 1 0
github.com/shipfast/fleet/internal/manifest/importer.go:66.4,66.16 1 1
github.com/shipfast/fleet/internal/manifest/importer.go:66.16,68.4 1 0
github.com/shipfast/fleet/internal/manifest/importer.go:69.3,71.35 3 1
github.com/shipfast/fleet/internal/manifest/importer.go:71.35,72.53 1 0
github.com/shipfast/fleet/internal/manifest/importer.go:72.53,74.5 1 0
github.com/shipfast/fleet/internal/manifest/importer.go:75.4,76.22 2 0
github.com/shipfast/fleet/internal/manifest/importer.go:79.2,79.19 1 1
github.com/shipfast/fleet/internal/manifest/importer.go:79.19,80.52 1 1
github.com/shipfast/fleet/internal/manifest/importer.go:80.52,82.4 1 0
github.com/shipfast/fleet/internal/manifest/importer.go:83.3,83.23 1 1
github.com/shipfast/fleet/internal/manifest/importer.go:85.2,85.19 1 1
github.com/shipfast/fleet/internal/manifest/importer.go:88.55,90.30 2 1
github.com/shipfast/fleet/internal/manifest/importer.go:90.30,92.3 1 1
github.com/shipfast/fleet/internal/manifest/importer.go:93.2,93.67 1 1
github.com/shipfast/fleet/internal/manifest/importer.go:93.67,94.29 1 1
github.com/shipfast/fleet/internal/manifest/importer.go:94.29,96.4 1 0
github.com/shipfast/fleet/internal/manifest/importer.go:98.2,98.17 1 1''')], lang=None)

t('medium', 'coverage-analysis', "coverage.py report for the routing package (the Python side that builds driver runs). Which of these gaps actually matter? Rank them by blast radius, and say what test you'd write for the top three. I don't want a blanket 'get to 90%'.", [('reports/routing-coverage.txt', '''
Name                               Stmts   Miss Branch BrPart  Cover   Missing
------------------------------------------------------------------------------
routing/__init__.py                    4      0      0      0   100%
routing/capacity.py                   88     19     34      9    72%   41-47, 63->70, 88-96, 112, 118->exit
routing/depot_windows.py              51      3     18      2    93%   77-79
routing/geocode_cache.py              64     22     20      6    61%   30-38, 55-71, 90->93
routing/run_builder.py               211     48     86     21    74%   102-118, 140->152, 166-190, 233-241, 288, 301-305
routing/serializers.py                73      2     12      1    96%   119-120
routing/splitter.py                  102     31     44     13    66%   58-74, 91->99, 120-135, 160-162
------------------------------------------------------------------------------
TOTAL                                593    125    214     52    74%'''), ('reports/routing-notes.md', '''
- capacity.py: vehicle weight/volume limits; 88-96 is the "overweight parcel splits across two vans" path
- run_builder.py: 166-190 handles depot closure mid-day (reassigns runs); 233-241 is the fallback when OSRM times out
- splitter.py: 120-135 is the ADR (hazmat) separation rule
- geocode_cache.py: 55-71 is cache warmup at startup''')], lang=None)

t('medium', 'quality-gate', "Release gate for dispatch 3.5.0. Criteria and this morning's CI summary are below, plus the current waiver list. Go / no-go with reasons per criterion. Watch the waiver dates.", [('release/criteria.md', '''
Dispatch release criteria (v4, platform team)
1. Unit + integration tests: 100% pass on main, no tests newly quarantined in this release
2. Line coverage >= 80% overall, and no package drops more than 2 points vs previous release
3. Mutation score (go-mutesting, core packages only) >= 60%
4. Zero HIGH/CRITICAL vulns in images unless waived with an unexpired waiver
5. k6 smoke: p95 < 300ms, error rate < 0.5%
6. DB migrations: reversible (down migration present) or explicitly marked forward-only with approval'''), ('release/ci-summary-3.5.0.txt', '''
tests: 1482 passed, 0 failed, 3 skipped (quarantined: TestAssignDriver_Reassign [new in 3.5.0], TestGeofenceEnter, TestEtaDrift)
coverage: total 81.7% (prev 82.4%)
  internal/assign   78.1% (prev 81.0%)
  internal/api      86.2% (prev 85.9%)
  internal/kafka    74.4% (prev 75.0%)
mutation (core): 63.2%
trivy: dispatch-api 0 CRITICAL 1 HIGH (CVE-2024-24790 net/netip)
       dispatch-worker 0 CRITICAL 2 HIGH (CVE-2024-24790, CVE-2023-45288)
k6 smoke: p95=271ms err=0.21%
migrations: 0042_add_route_version.up.sql (down present), 0043_drop_legacy_eta.up.sql (no down, marked forward-only, approval: none)'''), ('release/waivers.yaml', '''
- cve: CVE-2024-24790
  scope: [dispatch-api, dispatch-worker]
  reason: netip not reachable from untrusted input; Go 1.22.4 bump scheduled
  expires: 2024-12-31
- cve: CVE-2023-45288
  scope: [dispatch-worker]
  reason: HTTP/2 server disabled in worker
  expires: 2024-10-31''')], lang=None)

t('medium', 'quality-gate', "Terraform PR gate for the prod network/data stack. Apply our merge policy to the reports below and say merge / don't merge, per rule:\n- tflint: 0 errors\n- checkov: no HIGH unless suppressed inline with a ticket id\n- plan: no destroy or replace of stateful resources (RDS, ElastiCache, MSK, S3 with data)\n- infracost delta < 10% of the stack's monthly cost", [('reports/tflint.txt', '''
3 issue(s) found:
Warning: terraform "required_version" attribute is required (terraform_required_version)
  on versions.tf line 1
Warning: variable "legacy_cidr" is declared but not used (terraform_unused_declarations)
  on variables.tf line 44
Notice: Module source "git::https://github.com/shipfast/tf-modules.git//msk" is not pinned (terraform_module_pinned_source)
  on msk.tf line 2'''), ('reports/checkov.txt', '''
Check: CKV_AWS_17: "Ensure all data stored in RDS is not publicly accessible"  PASSED
Check: CKV_AWS_16: "Ensure all data stored in the RDS is securely encrypted at rest"  PASSED
Check: CKV_AWS_31: "Ensure all data stored in the ElastiCache Replication Group is securely encrypted in transit"  FAILED  severity: HIGH
	File: elasticache.tf:3-24  (suppressed: checkov:skip=CKV_AWS_31:legacy clients, no ticket)
Check: CKV_AWS_80: "Ensure MSK Cluster logging is enabled"  FAILED  severity: MEDIUM
	File: msk.tf:1-40
Check: CKV2_AWS_6: "Ensure that S3 bucket has a Public Access block"  PASSED'''), ('reports/plan-summary.txt', '''
  # aws_elasticache_replication_group.sessions must be replaced
-/+ resource "aws_elasticache_replication_group" "sessions" {
      ~ engine_version = "6.2" -> "7.1" # forces replacement
        ...
  # aws_security_group_rule.msk_ingress_vpn will be created
  # aws_db_parameter_group.tracking will be updated in-place
Plan: 2 to add, 1 to change, 1 to destroy.'''), ('reports/infracost.txt', '''
Project: shipfast/infra/prod-data
 Monthly cost change: +$412 ($9,870 -> $10,282)''')], lang=None)

t('medium', 'flaky-test-analysis', "TestDailyManifestIncludesTodaysPickups has been flaky for weeks and nobody owns it. Test, the repo query, and the failures from CI history below. Why does it flap, and what's the fix (test or code)?", [('internal/manifest/daily_test.go', '''
func TestDailyManifestIncludesTodaysPickups(t *testing.T) {
	db := testdb.New(t)
	repo := manifest.NewRepo(db)
	now := time.Now()

	mustInsertPickup(t, db, "PU-1", "DE-BER-01", now.Add(-2*time.Hour))
	mustInsertPickup(t, db, "PU-2", "DE-BER-01", now.Add(30*time.Minute))

	m, err := repo.DailyManifest(context.Background(), "DE-BER-01", now)
	require.NoError(t, err)
	require.ElementsMatch(t, []string{"PU-1", "PU-2"}, ids(m.Pickups))
}'''), ('internal/manifest/repo.go', '''
const dailyManifestSQL = `
SELECT id, depot, pickup_at
FROM pickups
WHERE depot = $1
  AND (pickup_at AT TIME ZONE 'Europe/Berlin')::date = ($2::timestamptz AT TIME ZONE 'Europe/Berlin')::date
ORDER BY pickup_at`'''), ('ci/flaky-history.txt', '''
run 48211  2024-11-12T23:41:09Z  FAIL  daily_test.go:14: elements differ: extra: [] missing: ["PU-2"]
run 48240  2024-11-13T10:02:55Z  PASS
run 48277  2024-11-13T22:18:30Z  PASS
run 48302  2024-11-13T23:07:44Z  FAIL  daily_test.go:14: elements differ: extra: [] missing: ["PU-2"]
run 48350  2024-11-14T14:40:12Z  PASS
run 48391  2024-11-15T00:12:01Z  FAIL  daily_test.go:14: elements differ: extra: [] missing: ["PU-1"]
run 48420  2024-11-15T09:15:37Z  PASS
run 48466  2024-11-15T21:58:20Z  PASS
run 48502  2024-11-16T22:35:51Z  FAIL  daily_test.go:14: elements differ: extra: [] missing: ["PU-2"]''')], lang=None)

t('medium', 'flaky-test-analysis', "test_assign_nearest_driver passes alone and fails maybe a third of the time in the full run since we added pytest-randomly. Two runs pasted, plus the test module and conftest. Figure out the interaction and propose the minimal fix.", [('tests/dispatch/test_assign.py', '''
import pytest
from dispatch.assign import assign_nearest_driver
from tests.factories import make_driver, make_stop


def test_assign_nearest_driver(db):
    make_driver(db, "D-1", depot="BER-01", lat=52.52, lon=13.40)
    make_driver(db, "D-2", depot="BER-01", lat=52.60, lon=13.50)
    stop = make_stop(db, lat=52.521, lon=13.401, depot="BER-01")
    assert assign_nearest_driver(db, stop).driver_id == "D-1"


def test_driver_off_shift_is_skipped(db):
    make_driver(db, "D-9", depot="BER-01", lat=52.5205, lon=13.4005, on_shift=False)
    stop = make_stop(db, lat=52.521, lon=13.401, depot="BER-01")
    assert assign_nearest_driver(db, stop) is None or assign_nearest_driver(db, stop).driver_id != "D-9"


def test_reassign_after_breakdown(db):
    make_driver(db, "D-3", depot="BER-01", lat=52.5209, lon=13.4009)
    stop = make_stop(db, lat=52.521, lon=13.401, depot="BER-01")
    first = assign_nearest_driver(db, stop)
    db.execute("UPDATE drivers SET status = 'BROKEN_DOWN' WHERE id = %s", (first.driver_id,))
    assert assign_nearest_driver(db, stop).driver_id != first.driver_id'''), ('tests/conftest.py', '''
import pytest
import psycopg


@pytest.fixture(scope="module")
def db(pg_url):
    conn = psycopg.connect(pg_url, autocommit=True)
    yield conn
    conn.execute("TRUNCATE drivers, stops CASCADE")
    conn.close()'''), ('ci/pytest-runs.txt', '''
$ pytest tests/dispatch -p randomly -p no:cacheprovider   (Using --randomly-seed=1732011)
tests/dispatch/test_assign.py::test_reassign_after_breakdown PASSED
tests/dispatch/test_assign.py::test_assign_nearest_driver FAILED
E   AssertionError: assert 'D-3' == 'D-1'
tests/dispatch/test_assign.py::test_driver_off_shift_is_skipped PASSED

$ pytest tests/dispatch -p randomly -p no:cacheprovider   (Using --randomly-seed=88120)
tests/dispatch/test_assign.py::test_assign_nearest_driver PASSED
tests/dispatch/test_assign.py::test_driver_off_shift_is_skipped PASSED
tests/dispatch/test_assign.py::test_reassign_after_breakdown PASSED''')], fw='pytest', lang=None)

# why: infrastructure misconfig review of one module against well-known checks; no auth/crypto logic to reason about
t('medium', 'security-scan', "Security pass on the proof-of-delivery module before it goes to prod. Driver photos and signatures land in that bucket, so anything leaky is a GDPR problem. List the issues with severity and the Terraform change for each.", [('infra/modules/pod-storage/main.tf', '''
resource "aws_s3_bucket" "pod" {
  bucket = "shipfast-pod-${var.env}"
}

resource "aws_s3_bucket_acl" "pod" {
  bucket = aws_s3_bucket.pod.id
  acl    = "public-read"
}

resource "aws_s3_bucket_versioning" "pod" {
  bucket = aws_s3_bucket.pod.id
  versioning_configuration { status = "Suspended" }
}

resource "aws_s3_bucket_cors_configuration" "pod" {
  bucket = aws_s3_bucket.pod.id
  cors_rule {
    allowed_methods = ["GET", "PUT"]
    allowed_origins = ["*"]
    allowed_headers = ["*"]
  }
}

resource "aws_security_group" "pod_db" {
  name   = "pod-db-${var.env}"
  vpc_id = var.vpc_id
  ingress {
    from_port   = 5432
    to_port     = 5432
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
  egress {
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

resource "aws_db_instance" "pod" {
  identifier              = "pod-${var.env}"
  engine                  = "postgres"
  engine_version          = "15.4"
  instance_class          = "db.t4g.medium"
  allocated_storage       = 100
  username                = "pod_admin"
  password                = var.db_password
  publicly_accessible     = true
  storage_encrypted       = false
  backup_retention_period = 0
  skip_final_snapshot     = true
  vpc_security_group_ids  = [aws_security_group.pod_db.id]
}

output "db_password" {
  value = var.db_password
}''')], lang=None)

t('medium', 'security-scan', "Review the notifier image build. Someone copied this from a blog post two years ago and it's now in the PCI-adjacent namespace. What's wrong, ranked, and a fixed Dockerfile/entrypoint.", [('services/notifier/Dockerfile', '''
FROM python:3.11
ARG TWILIO_AUTH_TOKEN
ARG PIP_EXTRA_INDEX_URL
ENV TWILIO_AUTH_TOKEN=$TWILIO_AUTH_TOKEN
RUN apt-get update && apt-get install -y curl gcc postgresql-client
RUN curl -sSL https://install.python-poetry.org | python3 -
WORKDIR /app
COPY . .
RUN pip install --extra-index-url $PIP_EXTRA_INDEX_URL -r requirements.txt
EXPOSE 8080 5678
ENTRYPOINT ["./entrypoint.sh"]'''), ('services/notifier/entrypoint.sh', '''
#!/bin/bash
set -x
echo "starting notifier with env:"
env
if [ "$DEBUG" = "1" ]; then
  python -m debugpy --listen 0.0.0.0:5678 -m notifier &
fi
chmod -R 777 /app
exec python -m notifier --db "$DATABASE_URL"''')], lang=None)

t('medium', 'performance-testing', "tracking-api 3.19.0-rc1 vs 3.18.2 baseline, same k6 script, same staging env. Flag any endpoint where p95 or error rate got >10% worse, and given the changelog, tell me which change most likely explains each regression and what to check to confirm.", [('results/k6-baseline-3.18.2.txt', '''
     http_req_duration{name:events}......: avg=61ms  med=48ms  p(90)=110ms p(95)=142ms
     http_req_duration{name:shipment}....: avg=38ms  med=31ms  p(90)=70ms  p(95)=88ms
     http_req_duration{name:search}......: avg=190ms med=150ms p(90)=330ms p(95)=410ms
     http_req_duration{name:subscribe}...: avg=75ms  med=60ms  p(90)=130ms p(95)=160ms
     http_req_failed{name:events}........: 0.08%
     http_req_failed{name:search}........: 0.40%
     http_req_failed{name:subscribe}.....: 0.10%
     iterations..........................: 181204 201.3/s'''), ('results/k6-candidate-3.19.0-rc1.txt', '''
     http_req_duration{name:events}......: avg=63ms  med=49ms  p(90)=114ms p(95)=149ms
     http_req_duration{name:shipment}....: avg=52ms  med=33ms  p(90)=120ms p(95)=171ms
     http_req_duration{name:search}......: avg=186ms med=148ms p(90)=320ms p(95)=402ms
     http_req_duration{name:subscribe}...: avg=76ms  med=61ms  p(90)=131ms p(95)=162ms
     http_req_failed{name:events}........: 0.09%
     http_req_failed{name:search}........: 0.38%
     http_req_failed{name:subscribe}.....: 0.71%
     iterations..........................: 180977 201.1/s'''), ('CHANGELOG-3.19.0.md', '''
- shipment: include last 3 events inline in GET /v2/shipments/{id} (N+1 guarded by batch loader)
- subscribe: webhook URL now validated by a HEAD request to the target before saving
- search: upgrade pg_trgm index, no API change
- deps: pgx 5.5.4 -> 5.6.0''')], fw='k6', lang=None)

t('medium', 'performance-testing', "Write me a k6 script for the quotes service so we can run it in the nightly pipeline:\n- get a token once in setup() from POST /v1/auth/token (client creds from env)\n- traffic mix: 60% GET /v1/quotes/{id}, 30% POST /v1/quotes, 10% POST /v1/quotes/{id}/accept (needs an id from a quote you created)\n- constant-arrival-rate 50 rps for 15m\n- per-endpoint thresholds: p95 < 250ms reads, < 500ms writes, failures < 1%\n- tag requests so the Grafana dashboard can split by endpoint", [], fw='k6', lang='javascript')

t('medium', 'defect-analysis', "dispatch-api panicked 14 times last night, all on the reassign endpoint. Stack trace and handler attached. Root cause + fix, and a regression test idea.", [('internal/api/reassign.go', '''
package api

func (s *Server) handleReassign(w http.ResponseWriter, r *http.Request) {
	var req struct {
		StopID   string `json:"stop_id"`
		DriverID string `json:"driver_id"`
		Reason   string `json:"reason"`
	}
	if err := json.NewDecoder(r.Body).Decode(&req); err != nil {
		writeErr(w, http.StatusBadRequest, "bad body")
		return
	}
	stop, err := s.stops.Get(r.Context(), req.StopID)
	if err != nil {
		writeErr(w, http.StatusNotFound, "stop not found")
		return
	}
	driver, err := s.drivers.Get(r.Context(), req.DriverID)
	if err != nil && !errors.Is(err, store.ErrNotFound) {
		writeErr(w, http.StatusInternalServerError, "driver lookup failed")
		return
	}
	if stop.Status == domain.StopDelivered {
		writeErr(w, http.StatusConflict, "stop already delivered")
		return
	}
	if !driver.OnShift {
		writeErr(w, http.StatusConflict, "driver off shift")
		return
	}
	res, err := s.assign.Reassign(r.Context(), stop, driver, req.Reason)
	if err != nil {
		s.log.Error("reassign failed", "stop", stop.ID, "driver", driver.ID, "run", res.RunID, "err", err)
		writeErr(w, http.StatusInternalServerError, "reassign failed")
		return
	}
	writeJSON(w, http.StatusOK, res)
}'''), ('logs/dispatch-api-panic.txt', '''
2024-11-19T01:12:44Z http: panic serving 10.4.7.19:51822: runtime error: invalid memory address or nil pointer dereference
goroutine 88127 [running]:
net/http.(*conn).serve.func1()
	net/http/server.go:1898 +0xbe
panic({0x1a3c2e0?, 0x2b6e1f0?})
	runtime/panic.go:770 +0x132
github.com/shipfast/dispatch/internal/api.(*Server).handleReassign(0xc0001f2000, {0x1d8e4a8, 0xc0034a61c0}, 0xc0041d6b40)
	github.com/shipfast/dispatch/internal/api/reassign.go:29 +0x3d1
net/http.HandlerFunc.ServeHTTP(...)
--- request log around panics ---
01:12:44 POST /v1/reassign {"stop_id":"ST-88120","driver_id":"D-0","reason":"manual"} (ops-console 2.4.0)
01:13:02 POST /v1/reassign {"stop_id":"ST-88131","driver_id":"","reason":"auto-unassign"} (ops-console 2.4.0)''')], lang=None)

t('medium', 'defect-analysis', "Since the carrier-events producer moved to schema v2 on Monday, the eta-updater consumer has been quietly dropping updates: lag is zero, no errors in Sentry, but ETAs are stale for ~8% of parcels. Consumer code and a log sample below. What's going on?", [('eta_updater/consumer.py', '''
import json
import logging

from confluent_kafka import Consumer

from eta_updater.store import EtaStore

log = logging.getLogger("eta-updater")

REQUIRED = ("tracking", "event", "eta")


def build_consumer(cfg):
    return Consumer({
        "bootstrap.servers": cfg.brokers,
        "group.id": "eta-updater",
        "enable.auto.commit": True,
        "auto.offset.reset": "latest",
    })


def handle(msg_value: bytes, store: EtaStore) -> bool:
    try:
        ev = json.loads(msg_value)
    except json.JSONDecodeError:
        log.debug("skip non-json message")
        return False
    if ev.get("schema", 1) != 1:
        log.debug("skip schema %s", ev.get("schema"))
        return False
    if not all(k in ev for k in REQUIRED):
        log.debug("skip incomplete event %s", ev.get("tracking"))
        return False
    if ev["event"] not in ("ETA_CHANGED", "OUT_FOR_DELIVERY"):
        return False
    store.upsert(ev["tracking"], ev["eta"])
    return True


def run(cfg, store):
    c = build_consumer(cfg)
    c.subscribe(["carrier-events"])
    while True:
        msg = c.poll(1.0)
        if msg is None:
            continue
        if msg.error():
            log.warning("kafka error: %s", msg.error())
            continue
        handle(msg.value(), store)'''), ('logs/carrier-events-sample.jsonl', '''
{"schema": 1, "tracking": "SF100231DE", "event": "ETA_CHANGED", "eta": "2024-11-19T14:00:00+01:00", "carrier": "dpd"}
{"schema": 2, "tracking": "SF100877DE", "event": "ETA_CHANGED", "eta": {"from": "2024-11-19T13:00:00+01:00", "to": "2024-11-19T15:00:00+01:00"}, "carrier": "gls"}
{"schema": 1, "tracking": "SF100912DE", "event": "OUT_FOR_DELIVERY", "eta": "2024-11-19T11:30:00+01:00", "carrier": "dpd"}
{"schema": 2, "tracking": "SF101004DE", "event": "OUT_FOR_DELIVERY", "eta": {"from": "2024-11-19T09:00:00+01:00", "to": "2024-11-19T11:00:00+01:00"}, "carrier": "gls"}''')], lang=None)

# why: "just run it" on the surface, but three charts' outputs need sorting into real breakage vs housekeeping
t('medium', 'test-execution', "Run `helm unittest` and `ct lint` over the three charts touched in PR #2310 and give me a per-chart verdict. Output from my local attempt is below; tell me which failures are real template bugs and which are just the missing version bump / stale snapshot.", [('ci/helm-local.txt', '''
### Chart [ charts/tracking-api ]
 PASS  deployment_test.yaml
 FAIL  hpa_test.yaml
	- asserts[1] `equal` fail
		Path:	spec.maxReplicas
		Expected to equal: 12
		Actual: "12"
### Chart [ charts/dispatch ]
 PASS  deployment_test.yaml
 FAIL  configmap_test.yaml
	- asserts[0] `matchSnapshot` fail
		Template:	dispatch/templates/configmap.yaml
		Diff:
			-   LOG_LEVEL: info
			+   LOG_LEVEL: debug
### Chart [ charts/notifier ]
 PASS  all tests
------------------------------------------------------------------------------------------
 Linting chart "dispatch => (version: \\"1.14.0\\", path: \\"charts/dispatch\\")"
Error: chart version not ok. Needs a version bump!
 Linting chart "notifier => (version: \\"0.9.3\\", path: \\"charts/notifier\\")"
[ERROR] templates/: template: notifier/templates/secret.yaml:7:25: executing "notifier/templates/secret.yaml" at <.Values.twilio.token>: nil pointer evaluating interface {}.token''')], fw='helm-unittest', lang=None)

# =============================================================================================================
# COMPLEX
# =============================================================================================================

_SAGA_PKGS = ['settlement/orchestrator', 'settlement/steps', 'settlement/compensate', 'settlement/outbox',
              'payments/capture', 'payments/refund', 'carrierinvoice/client', 'ledger/posting']
_SAGA_FNS = ['Start', 'Advance', 'onTimeout', 'onDuplicate', 'persistState', 'loadState', 'emit', 'retryPolicy',
             'idempotencyKey', 'compensateFrom', 'markFailed', 'handleReply', 'reconcile', 'Close', 'validate']


def _saga_cov(i):
    pkg = _SAGA_PKGS[i % 8]
    fn = _SAGA_FNS[(i // 8) % 15]
    pct = '0.0%' if (i * 7) % 13 in (2, 9) else f'{40 + (i * 17) % 60}.{(i * 3) % 10}%'
    return f'github.com/shipfast/finance/internal/{pkg}/{pkg.split("/")[1]}.go:{18 + (i // 8) * 21}:\t{fn}\t\t{pct}'


_STATES = ['CREATED', 'LABEL_PRINTED', 'PICKED_UP', 'AT_HUB', 'IN_TRANSIT', 'CUSTOMS_HOLD', 'OUT_FOR_DELIVERY',
           'DELIVERY_ATTEMPTED', 'DELIVERED', 'RETURN_REQUESTED', 'RETURNING', 'RETURNED', 'LOST', 'DAMAGED',
           'CANCELLED', 'HELD_AT_PICKUP_POINT']
_TRANSITIONS = [
    ('CREATED', 'LABEL_PRINTED', 'label_printed', '', 412), ('CREATED', 'CANCELLED', 'cancel', 'not_paid_or_refundable', 37),
    ('LABEL_PRINTED', 'PICKED_UP', 'scan_pickup', '', 398), ('LABEL_PRINTED', 'CANCELLED', 'cancel', 'not_scanned', 0),
    ('PICKED_UP', 'AT_HUB', 'scan_hub', '', 377), ('AT_HUB', 'IN_TRANSIT', 'scan_linehaul', '', 350),
    ('AT_HUB', 'CUSTOMS_HOLD', 'customs_flag', 'cross_border', 12), ('CUSTOMS_HOLD', 'IN_TRANSIT', 'customs_release', '', 9),
    ('CUSTOMS_HOLD', 'RETURNING', 'customs_reject', '', 0), ('IN_TRANSIT', 'AT_HUB', 'scan_hub', 'multi_leg', 41),
    ('IN_TRANSIT', 'OUT_FOR_DELIVERY', 'scan_ofd', '', 301), ('IN_TRANSIT', 'LOST', 'declare_lost', 'no_scan_72h', 0),
    ('OUT_FOR_DELIVERY', 'DELIVERED', 'pod_captured', 'signature_or_photo', 270),
    ('OUT_FOR_DELIVERY', 'DELIVERY_ATTEMPTED', 'attempt_failed', '', 28),
    ('OUT_FOR_DELIVERY', 'HELD_AT_PICKUP_POINT', 'drop_at_pudo', 'pudo_capacity', 3),
    ('OUT_FOR_DELIVERY', 'DAMAGED', 'report_damage', '', 0),
    ('DELIVERY_ATTEMPTED', 'OUT_FOR_DELIVERY', 'scan_ofd', 'attempts_lt_3', 19),
    ('DELIVERY_ATTEMPTED', 'HELD_AT_PICKUP_POINT', 'drop_at_pudo', 'attempts_eq_3', 0),
    ('DELIVERY_ATTEMPTED', 'RETURNING', 'auto_return', 'attempts_eq_3 and pudo_full', 0),
    ('HELD_AT_PICKUP_POINT', 'DELIVERED', 'pudo_collected', 'otp_valid', 2),
    ('HELD_AT_PICKUP_POINT', 'RETURNING', 'pudo_expired', 'held_gt_7d', 0),
    ('DELIVERED', 'RETURN_REQUESTED', 'customer_return', 'within_30d', 6),
    ('RETURN_REQUESTED', 'RETURNING', 'scan_pickup', '', 4), ('RETURN_REQUESTED', 'DELIVERED', 'return_cancelled', '', 0),
    ('RETURNING', 'RETURNED', 'scan_sender', '', 3), ('RETURNING', 'LOST', 'declare_lost', 'no_scan_72h', 0),
    ('ANY_ACTIVE', 'DAMAGED', 'report_damage', 'not_terminal', 1), ('ANY_ACTIVE', 'CANCELLED', 'cancel', 'before_pickup', 0),
    ('LOST', 'IN_TRANSIT', 'scan_any', 'found_after_lost', 0), ('DAMAGED', 'RETURNING', 'auto_return', 'sender_opt_in', 0),
]


def _sm(i):
    frm, to, ev, guard, hits = _TRANSITIONS[i]
    return f'  - {{from: {frm}, to: {to}, on: {ev}, guard: "{guard}", test_hits: {hits}}}'


_GRAFANA_SERIES = ['tracking-api p99 ms', 'dispatch-api p99 ms', 'pgbouncer tracking cl_waiting', 'pg tracking active conns',
                   'redis sessions latency p99 ms', 'kafka carrier-events lag', 'tracking-api goroutines']


def _grafana(i):
    m = i  # minute since test start
    cliff = m >= 41
    vals = [
        140 + (m % 5) * 6 + (2200 if cliff else 0) + (m - 41) * 35 * cliff,
        95 + (m % 4) * 5 + (310 if cliff else 0),
        0 if m < 38 else (m - 37) * 14,
        48 + min(m, 40) // 2 if not cliff else 100,
        1.1 + (m % 3) * 0.2,
        120 + (m % 7) * 30 + (m - 40) * 900 * cliff,
        1800 + m * 12 + (m - 40) * 400 * cliff,
    ]
    return f'2024-11-14T20:{m:02d}:00Z,' + ','.join(str(round(v, 1)) for v in vals)


_DUP_TIMELINE = [
    '14:02:11.204 order-api      POST /v1/orders idem=ik_7f3a body_sha=9c1e -> 201 order=O-55120 (412ms)',
    '14:02:11.219 order-api      outbox insert order.created O-55120 seq=88811',
    '14:02:12.001 outbox-relay   published order.created O-55120 partition=7 offset=1204410',
    '14:02:12.003 outbox-relay   mark-sent seq=88811 FAILED: pq: canceling statement due to conflict with recovery',
    '14:02:12.950 dispatch-cons  recv order.created O-55120 p7@1204410',
    '14:02:12.951 dispatch-cons  SETNX dedupe:order.created:O-55120 -> 1 (ttl 600s)',
    '14:02:13.140 dispatch-cons  created shipment SH-90211 for O-55120',
    '14:02:13.141 dispatch-cons  commit p7@1204411 deferred (batch commit every 5s)',
    '14:02:14.700 kafka          group dispatch rebalance: member dispatch-cons-2 left (session timeout)',
    '14:02:15.002 outbox-relay   retry unsent seq=88811 -> published order.created O-55120 partition=7 offset=1204466',
    '14:02:17.310 dispatch-cons  (cons-4) assigned p7, resuming from committed offset 1204402',
    '14:02:17.512 dispatch-cons  (cons-4) recv order.created O-55120 p7@1204410',
    '14:02:17.513 dispatch-cons  (cons-4) SETNX dedupe:order.created:O-55120 -> 0, skipping',
    '14:02:17.860 dispatch-cons  (cons-4) recv order.created O-55120 p7@1204466',
    '14:02:17.861 dispatch-cons  (cons-4) SETNX dedupe:order.created:O-55120 -> 1 (ttl 600s)',
    '14:02:18.020 dispatch-cons  (cons-4) created shipment SH-90230 for O-55120',
    '14:02:18.300 redis          INFO: failover sessions-redis primary -> replica-1 (sentinel), last sync 3.1s ago',
]


def _dup(i):
    if i < len(_DUP_TIMELINE):
        return _DUP_TIMELINE[i]
    k = i - len(_DUP_TIMELINE)
    return (f'14:{3 + k // 20:02d}:{(k * 3) % 60:02d}.{(k * 97) % 1000:03d} dispatch-cons  (cons-{1 + k % 4}) recv order.created '
            f'O-{55121 + k} p{k % 12}@{1204500 + k * 3} -> created shipment SH-{90231 + k}')


t('complex', 'test-generation', "Here's our Redis lock helper that the settlement cron and the reindex job both use. I want a proper test suite (miniredis is fine, plus a real Redis via testcontainers for anything miniredis fakes badly):\n- two holders never both think they own the key\n- renewal vs expiry when the holder stalls longer than the TTL\n- Release after the lock already expired and someone else took it\n- double Release\nIf the tests show the helper is wrong, say so and fix it.", [('internal/lock/lock.go', '''
package lock

var unlockScript = redis.NewScript(`
if redis.call("GET", KEYS[1]) == ARGV[1] then
  return redis.call("DEL", KEYS[1])
end
return 0`)

var ErrLocked = errors.New("lock held")

type Lock struct {
	rdb   *redis.Client
	key   string
	token string
	ttl   time.Duration
	stop  chan struct{}
}

func Acquire(ctx context.Context, rdb *redis.Client, key string, ttl time.Duration) (*Lock, error) {
	token := uuid.NewString()
	ok, err := rdb.SetNX(ctx, key, token, ttl).Result()
	if err != nil {
		return nil, err
	}
	if !ok {
		return nil, ErrLocked
	}
	l := &Lock{rdb: rdb, key: key, token: token, ttl: ttl, stop: make(chan struct{})}
	go l.renew()
	return l, nil
}

func (l *Lock) renew() {
	t := time.NewTicker(l.ttl / 3)
	defer t.Stop()
	for {
		select {
		case <-l.stop:
			return
		case <-t.C:
			l.rdb.PExpire(context.Background(), l.key, l.ttl)
		}
	}
}

func (l *Lock) Release(ctx context.Context) error {
	close(l.stop)
	return unlockScript.Run(ctx, l.rdb, []string{l.key}, l.token).Err()
}''')], lang=None)

# why: it is "run a suite", but running it means injecting faults across Postgres, Kafka and three services and judging delivery invariants
t('complex', 'test-execution', "Game day prep. Run the outbox-relay chaos suite against staging and report whether the delivery guarantees held. Scenarios we need covered in the run:\n- kill the Postgres primary mid-batch (Patroni failover)\n- partition one Kafka broker for 90s while the relay is publishing\n- SIGKILL the relay between publish and mark-sent\n- restart dispatch consumers during a rebalance\nFor each, check: no lost order.created events, duplicates only where consumers dedupe them, and per-order ordering preserved. Tell me exactly which invariant broke and where, not just pass/fail.", [], lang=None)

t('complex', 'coverage-analysis', "Finance wants 'more tests' on the settlement saga before the year-end close. Coverage per function across the saga packages is below. Don't give me a list of low numbers. Map the gaps to the failure modes that actually hurt us:\n- capture succeeded but ledger posting timed out\n- duplicate reply from the carrier invoice API after our retry\n- compensation running while a late success reply arrives\n- orchestrator restart between persistState and emit\nWhich uncovered functions sit on those paths, and what tests (incl. fault injection) would close them?", [('coverage/settlement-func.txt', lines(120, _saga_cov) + '\ntotal:\t\t\t\t\t\t(statements)\t\t66.8%'), ('docs/settlement-saga.md', '''
Steps: reserve_funds -> capture_payment -> request_carrier_invoice -> post_ledger -> notify
Compensations: refund_payment (for capture), void_invoice (for carrier invoice), reverse_posting (for ledger)
State is persisted in settlement_sagas (Postgres) before each step's command is emitted via the outbox.
Replies arrive on Kafka topic settlement-replies; at-least-once delivery; replies carry saga_id + step + attempt.
Timeouts: capture 30s, carrier invoice 120s (then retry x3 with new attempt number), ledger 15s.''')], lang=None)

t('complex', 'coverage-analysis', "This is the parcel lifecycle state machine with how many times our test suite hits each transition (from the instrumentation build). Beyond the obvious zero-hit rows, I want to know which guard combinations and event races we never exercise, e.g. a customer return request landing while the parcel is still OUT_FOR_DELIVERY, or a lost parcel being scanned again. Propose the test matrix, and flag transitions that look missing or contradictory in the table itself.", [('lifecycle/transitions.yaml', 'states: [' + ', '.join(_STATES) + ']\ntransitions:\n' + lines(len(_TRANSITIONS), _sm))], lang=None)

t('complex', 'quality-gate', "Go/no-go for Saturday's Kafka migration (ZooKeeper 2.8 cluster -> KRaft 3.6, plus the carrier-events topic moving to 48 partitions). Six services produce or consume. Readiness notes below from each team. Make the call and list the blocking items, with the reasoning about ordering, rebalances and partition-key changes, not just a checklist.", [('release/kafka-migration-readiness.md', '''
## Platform
- KRaft cluster staging: 72h soak OK, controller failover test OK (2 of 3 runs; 3rd run had 41s unavailability, ticket PLAT-1302 open)
- MirrorMaker2 replication lag steady-state < 2s; during soak peak 38s
- Rollback: switch producers back to old cluster via feature flag; consumers must be reset manually

## order-api (producer: order-events)
- idempotent producer enabled, acks=all. Contract tests green.

## carrier-gateway (producer: carrier-events)
- key = carrier_id (was tracking_number before 2024-10, changed for "better batching")
- will repartition 12 -> 48 at cutover

## dispatch (consumer: order-events, carrier-events)
- cooperative-sticky assignor; dedupe via Redis SETNX ttl 600s
- assumes per-shipment ordering of carrier-events

## eta-updater (consumer: carrier-events)
- auto commit on, offset reset latest

## billing (consumer: order-events)
- exactly-once via transactional consumer-producer; tested only against old cluster

## notifier (consumer: carrier-events)
- no dedupe; sends SMS per OUT_FOR_DELIVERY event''')], lang=None)

t('complex', 'quality-gate', "auth-gateway 2.7.0 gate. The functional gate is green but this release rewrites token verification for the JWKS key rotation project, so I don't trust green. Diff and the new test list are below. Decide whether the tests actually cover the security-relevant behaviour; if not, it's a no-go and tell me exactly which cases are missing.", [('src/verify.ts', '''
import { createRemoteJWKSet, jwtVerify, decodeProtectedHeader, JWTPayload } from 'jose';

const JWKS = createRemoteJWKSet(new URL(process.env.JWKS_URL!), { cooldownDuration: 30_000 });
const LEGACY_SECRET = new TextEncoder().encode(process.env.LEGACY_HS_SECRET ?? '');

export async function verifyToken(token: string): Promise<JWTPayload> {
  const header = decodeProtectedHeader(token);
  if (!header.kid) {
    // tokens minted before the rotation project have no kid
    const { payload } = await jwtVerify(token, LEGACY_SECRET, { issuer: 'shipfast-sso' });
    return payload;
  }
  const { payload } = await jwtVerify(token, JWKS, {
    issuer: ['shipfast-sso', 'https://sso.shipfast.io'],
    audience: process.env.AUDIENCE,
    clockTolerance: '5m',
  });
  if (payload.scope && typeof payload.scope === 'string' && payload.scope.includes('admin')) {
    (payload as any).isAdmin = true;
  }
  return payload;
}'''), ('test/verify.test.ts', '''
describe('verifyToken', () => {
  it('accepts a valid RS256 token with known kid', ...);
  it('rejects an expired RS256 token', ...);
  it('accepts a legacy HS256 token without kid', ...);
  it('rejects a token with wrong issuer', ...);
  it('refreshes JWKS when kid is unknown', ...);
  it('sets isAdmin for admin scope', ...);
});'''), ('release/gate-2.7.0.txt', '''
unit: 214/214 pass   coverage: 88.1%   lint: 0   trivy: 0 HIGH/CRITICAL   e2e login flow: pass''')], fw='vitest', lang='typescript')

# why: ~45 lines, but the flake is a data race plus a WaitGroup ordering bug in concurrent code
t('complex', 'flaky-test-analysis', "TestProcessBatch_AllItems fails maybe 1 in 30 on CI (always with -race), never locally on my Mac. Code, test and the CI output below. Explain every way this can go wrong, not just the first one you spot, and give me a fixed version.", [('internal/batch/pool.go', '''
package batch

func ProcessBatch(ctx context.Context, items []Item, workers int, fn func(context.Context, Item) (Result, error)) ([]Result, error) {
	var (
		wg       sync.WaitGroup
		results  []Result
		firstErr error
	)
	ch := make(chan Item)
	for w := 0; w < workers; w++ {
		go func() {
			wg.Add(1)
			defer wg.Done()
			for it := range ch {
				r, err := fn(ctx, it)
				if err != nil {
					if firstErr == nil {
						firstErr = err
					}
					continue
				}
				results = append(results, r)
			}
		}()
	}
	for _, it := range items {
		select {
		case ch <- it:
		case <-ctx.Done():
			close(ch)
			return nil, ctx.Err()
		}
	}
	close(ch)
	wg.Wait()
	return results, firstErr
}'''), ('internal/batch/pool_test.go', '''
func TestProcessBatch_AllItems(t *testing.T) {
	items := make([]Item, 500)
	for i := range items {
		items[i] = Item{ID: i}
	}
	res, err := ProcessBatch(context.Background(), items, 8, func(_ context.Context, it Item) (Result, error) {
		return Result{ID: it.ID}, nil
	})
	require.NoError(t, err)
	require.Len(t, res, 500)
}'''), ('ci/race-failure.txt', '''
==================
WARNING: DATA RACE
Write at 0x00c0001a4018 by goroutine 14:
  github.com/shipfast/fleet/internal/batch.ProcessBatch.func1()
      pool.go:22 +0x1c4
Previous write at 0x00c0001a4018 by goroutine 11:
  github.com/shipfast/fleet/internal/batch.ProcessBatch.func1()
      pool.go:22 +0x1c4
==================
    pool_test.go:11:
        	Error:      	"[{0} {1} {2} ... ]" should have 500 item(s), but has 497
    testing.go:1398: race detected during execution of test
--- FAIL: TestProcessBatch_AllItems (0.03s)''')], lang=None)

t('complex', 'flaky-test-analysis', "Our e2e 'order to shipment' test fails ~3% of nightly runs with 'expected exactly 1 shipment for order, got 2' (and very occasionally 0). It spans order-api, the outbox relay, dispatch consumers and Redis. Logs from one failing run are below, interleaved by timestamp. I think the test is right and the system is wrong, so prove me right or wrong and tell me what to change.", [('ci/e2e-fail-2024-11-14.log', lines(60, _dup)), ('e2e/order_to_shipment.spec.md', '''
1. POST /v1/orders with a fresh Idempotency-Key
2. poll GET /v1/orders/{id}/shipments every 500ms up to 20s
3. assert exactly one shipment, status CREATED
Environment: staging-e2e, 4 dispatch consumer pods, sessions-redis with sentinel (1 primary, 2 replicas), tracking-db with hot standby''')], lang=None)

t('complex', 'flaky-test-analysis', "No code to paste because it's spread over three repos, sorry. We elect a leader for the route-optimiser cron with pg_try_advisory_lock on a dedicated connection from a pgx pool. The test that starts two replicas and asserts only one runs the optimisation fails about 1 in 50, and only when both replicas boot within the same second. Also saw it once in prod after a pgbouncer restart. Where would you look, what are the candidate mechanisms, and how would you make the test deterministic enough to prove the fix?", [], lang=None)

# why: ~30 lines of Go, but it is signature verification: prefix compare, timing leak, replay window and message framing
t('complex', 'security-scan', "Carrier webhooks hit this verifier before we mutate shipment state. A pentest is scheduled next month and I'd rather find things first. Review it properly and give me a corrected version plus the tests that would have caught each issue.", [('internal/webhook/verify.go', '''
package webhook

// X-Carrier-Signature: t=1700000000,v1=<hex hmac-sha256(secret, t + body)>
func VerifyCarrierWebhook(r *http.Request, secret []byte) ([]byte, error) {
	sig := r.Header.Get("X-Carrier-Signature")
	var ts, v1 string
	for _, p := range strings.Split(sig, ",") {
		kv := strings.SplitN(p, "=", 2)
		if len(kv) != 2 {
			continue
		}
		switch kv[0] {
		case "t":
			ts = kv[1]
		case "v1":
			v1 = kv[1]
		}
	}
	body, err := io.ReadAll(r.Body)
	if err != nil {
		return nil, err
	}
	mac := hmac.New(sha256.New, secret)
	mac.Write([]byte(ts))
	mac.Write(body)
	expected := hex.EncodeToString(mac.Sum(nil))
	if len(v1) > len(expected) || v1 != expected[:len(v1)] {
		return nil, ErrBadSignature
	}
	sec, _ := strconv.ParseInt(ts, 10, 64)
	if time.Since(time.Unix(sec, 0)) > 5*time.Minute {
		return nil, ErrStale
	}
	return body, nil
}''')], lang=None)

t('complex', 'security-scan', "This 'internal' ops endpoint is reachable through the ingress since last sprint's refactor. Security review please: auth, authorisation and the query. Rank by exploitability and show fixes.", [('ops_api/routes/shipments.py', '''
import jwt
from fastapi import APIRouter, Depends, Header, HTTPException

from ops_api.db import get_conn

router = APIRouter()
ALLOWED_SORT = {"created_at", "eta", "status"}


def current_user(authorization: str = Header(...)):
    token = authorization.removeprefix("Bearer ")
    claims = jwt.decode(token, options={"verify_signature": False})
    if claims.get("iss") != "shipfast-sso":
        raise HTTPException(401, "bad issuer")
    return claims


@router.get("/internal/shipments")
def list_shipments(depot: str, sort: str = "created_at", desc: bool = False, user=Depends(current_user)):
    if "ops" not in claims_scope(user):
        raise HTTPException(403)
    if sort.split(" ")[0] not in ALLOWED_SORT:
        raise HTTPException(400, "bad sort")
    order = f"{sort} DESC" if desc else sort
    with get_conn() as conn:
        rows = conn.execute(
            f"SELECT id, depot, status, recipient_name, recipient_phone FROM shipments "
            f"WHERE depot = %s ORDER BY {order} LIMIT 500",
            (depot,),
        ).fetchall()
    return [dict(r) for r in rows]


@router.post("/internal/shipments/{shipment_id}/redirect")
def redirect(shipment_id: str, address: dict, user=Depends(current_user)):
    if user.get("depot") and user["depot"] != address.get("depot"):
        raise HTTPException(403, "other depot")
    with get_conn() as conn:
        conn.execute("UPDATE shipments SET address = %s WHERE id = %s", (address, shipment_id))
    return {"ok": True}


def claims_scope(claims) -> str:
    return claims.get("scope", "")''')], lang=None)

# why: YAML config, but it is a pwn-request pattern: untrusted PR code executed with secrets and a cloud-deploy role
t('complex', 'security-scan', "Someone proposed this workflow so external carrier partners can open PRs against our integration SDK and get preview deploys. Review it before it merges. I have a bad feeling about pull_request_target.", [('.github/workflows/preview.yml', '''
name: preview
on:
  pull_request_target:
    types: [opened, synchronize, labeled]
permissions:
  contents: write
  id-token: write
  pull-requests: write
jobs:
  preview:
    runs-on: [self-hosted, linux, prod-vpc]
    steps:
      - uses: actions/checkout@v4
        with:
          ref: ${{ github.event.pull_request.head.sha }}
      - uses: aws-actions/configure-aws-credentials@v4
        with:
          role-to-assume: arn:aws:iam::412345678901:role/preview-deployer
          aws-region: eu-central-1
      - name: Build
        run: |
          echo "Building PR: ${{ github.event.pull_request.title }}"
          make build
        env:
          NPM_TOKEN: ${{ secrets.NPM_TOKEN }}
      - name: Deploy preview
        run: ./scripts/deploy-preview.sh ${{ github.head_ref }}
      - uses: some-org/pr-comment@main
        with:
          token: ${{ secrets.GITHUB_TOKEN }}
          message: "Preview ready"''')], fw='github-actions', lang=None)

t('complex', 'performance-testing', "Peak season is 5 weeks out and last year we fell over on Black Friday. Design the load and soak plan for the whole parcel platform, not one endpoint:\n- order intake 5x normal (~900 orders/s peak), with the bursty shape we get from marketplace batch uploads\n- carrier scan events ~12k/s into Kafka, consumers for dispatch, ETA, notifier, billing\n- tracking page reads ~40k rps mostly cached in Redis, cache-miss storms after deploys\n- Postgres primaries behind pgbouncer, one hot standby used for reads\n- 72h soak to catch leaks and slow consumer lag growth\nI need the scenarios, how to generate realistic data without hammering real carriers, what to measure where, pass/fail criteria per service, failure injection during the test, and the order we run things in.", [], fw='k6', lang=None)

t('complex', 'performance-testing', "Stress test last Thursday hit a cliff around minute 41: tracking-api p99 went from ~150ms to multiple seconds and never recovered, dispatch-api degraded too, Kafka lag exploded. Grafana export (1-min resolution) and the k6 summary below. What's the bottleneck chain across the services, what's cause vs symptom, and what would you change and re-test?", [('grafana/stress-2024-11-14.csv', 'time,' + ','.join(_GRAFANA_SERIES) + '\n' + lines(60, _grafana)), ('results/k6-stress-summary.txt', '''
     scenarios: ramping-arrival-rate 200 -> 2400 rps over 40m, hold 20m
     http_req_duration{name:events}.....: avg=812ms  med=160ms p(90)=3.1s p(95)=4.8s
     http_req_duration{name:shipment}...: avg=644ms  med=122ms p(90)=2.7s p(95)=4.1s
     http_req_failed....................: 6.91%  (mostly 503 from tracking-api, "pool: timed out waiting for connection")
     dropped_iterations.................: 182004
     vus_max............................: 3000'''), ('config/tracking-api-values.yaml', '''
db:
  maxOpenConns: 50
  connMaxLifetime: 30m
  statementTimeout: 0
pgbouncer:
  poolMode: transaction
  defaultPoolSize: 100
  maxClientConn: 2000
hpa:
  minReplicas: 6
  maxReplicas: 24
  targetCPU: 70
kafkaPublisher:
  syncSend: true
  acks: all''')], fw='k6', lang=None)

t('complex', 'performance-testing', "We replaced the single-mutex geo-lookup cache with this sharded one and the PR claims '6x faster'. The benchmark in the PR is one goroutine doing Get in a loop. Design benchmarks that actually tell us whether sharding helps under our traffic: zipfian key popularity (a few hub postcodes are very hot), 95/5 and 70/30 read/write mixes, -cpu 1,4,16, and watch for the benchmark measuring its own RNG or getting optimised away. Also tell me what in the implementation would cap scaling.", [('internal/geocache/sharded.go', '''
package geocache

const shards = 16

type entry struct {
	lat, lon float64
	at       int64
}

type shard struct {
	mu sync.RWMutex
	m  map[string]entry
}

type Cache struct {
	shards [shards]shard
	hits   atomic.Int64
	misses atomic.Int64
	ttl    int64
}

func (c *Cache) shardFor(key string) *shard {
	h := fnv.New32a()
	h.Write([]byte(key))
	return &c.shards[h.Sum32()%shards]
}

func (c *Cache) Get(key string, now int64) (float64, float64, bool) {
	s := c.shardFor(key)
	s.mu.RLock()
	e, ok := s.m[key]
	s.mu.RUnlock()
	if !ok || now-e.at > c.ttl {
		c.misses.Add(1)
		return 0, 0, false
	}
	c.hits.Add(1)
	return e.lat, e.lon, true
}

func (c *Cache) Put(key string, lat, lon float64, now int64) {
	s := c.shardFor(key)
	s.mu.Lock()
	if s.m == nil {
		s.m = make(map[string]entry)
	}
	s.m[key] = entry{lat, lon, now}
	s.mu.Unlock()
}''')], lang=None)

t('complex', 'defect-analysis', "INC-2240: 318 orders got two shipments yesterday between 14:02 and 14:09, so two drivers turned up for the same parcels. Order-api, outbox relay, dispatch consumers, Kafka and Redis all show something odd in that window. Merged logs below. I need the actual causal chain (there may be more than one contributing factor), why each of our dedupe layers didn't stop it, and fixes ranked by how much they'd have prevented.", [('incidents/inc-2240-merged.log', lines(80, _dup)), ('docs/dedupe-layers.md', '''
1. order-api: Idempotency-Key on POST /v1/orders, stored in Postgres 24h
2. outbox relay: marks rows sent after publish; unsent rows retried every 3s
3. dispatch consumer: Redis SETNX dedupe:<event>:<order_id>, TTL 600s, on sessions-redis (sentinel)
4. shipments table: no unique constraint on order_id (removed in 2023 for split shipments)''')], lang=None)

t('complex', 'defect-analysis', "Weird one, no logs worth pasting yet. Since last Tuesday's Postgres failover on tracking-db, roughly 0.4% of parcels are stuck in OUT_FOR_DELIVERY even though drivers captured POD and the driver app shows them delivered. The driver app posts to dispatch-api, which writes the POD row and an outbox event; the relay publishes delivery.confirmed; tracking-consumer updates status. Before the failover this never happened. Give me hypotheses ranked by likelihood, the exact queries/metrics to confirm or kill each, and what a permanent fix looks like.", [], lang=None)

t('complex', 'defect-analysis', "Settlement orchestrator ran refund_payment twice for saga S-77120, so the customer got double refunded (EUR 1,840). Orchestrator code and the saga's event log are below. Find how compensation ran twice, whether other sagas can hit it, and the fix. Assume at-least-once delivery on replies and that we run 3 orchestrator replicas.", [('internal/settlement/orchestrator.go', '''
package settlement

func (o *Orchestrator) HandleReply(ctx context.Context, rep Reply) error {
	s, err := o.repo.Load(ctx, rep.SagaID)
	if err != nil {
		return err
	}
	if s.Status == StatusCompleted || s.Status == StatusCompensated {
		return nil
	}
	step := s.Steps[rep.Step]
	if rep.Attempt < step.Attempt {
		return nil // stale reply from an earlier attempt
	}
	switch rep.Outcome {
	case OutcomeSuccess:
		step.Done = true
		s.Steps[rep.Step] = step
		if next, ok := s.NextStep(); ok {
			s.Current = next
			if err := o.repo.Save(ctx, s); err != nil {
				return err
			}
			return o.emitCommand(ctx, s, next)
		}
		s.Status = StatusCompleted
		return o.repo.Save(ctx, s)
	case OutcomeFailure, OutcomeTimeout:
		if step.Attempt < o.maxAttempts(rep.Step) && rep.Outcome == OutcomeTimeout {
			step.Attempt++
			s.Steps[rep.Step] = step
			if err := o.repo.Save(ctx, s); err != nil {
				return err
			}
			return o.emitCommand(ctx, s, rep.Step)
		}
		s.Status = StatusCompensating
		if err := o.repo.Save(ctx, s); err != nil {
			return err
		}
		return o.compensateFrom(ctx, s, rep.Step)
	}
	return fmt.Errorf("unknown outcome %q", rep.Outcome)
}

func (o *Orchestrator) compensateFrom(ctx context.Context, s *Saga, failed StepName) error {
	for _, name := range s.CompletedBefore(failed) {
		c := compensationFor[name]
		if err := o.emitCompensation(ctx, s, c); err != nil {
			return err
		}
	}
	return nil
}

func (o *Orchestrator) OnTimeoutTick(ctx context.Context) error {
	sagas, err := o.repo.OverdueSteps(ctx, time.Now())
	if err != nil {
		return err
	}
	for _, s := range sagas {
		_ = o.HandleReply(ctx, Reply{SagaID: s.ID, Step: s.Current, Attempt: s.Steps[s.Current].Attempt, Outcome: OutcomeTimeout})
	}
	return nil
}'''), ('internal/settlement/repo.go', '''
func (r *PGRepo) Save(ctx context.Context, s *Saga) error {
	b, _ := json.Marshal(s.Steps)
	_, err := r.db.Exec(ctx, `UPDATE settlement_sagas SET status=$2, current=$3, steps=$4, updated_at=now() WHERE id=$1`,
		s.ID, s.Status, s.Current, b)
	return err
}'''), ('logs/saga-S-77120.txt', '''
11:04:00.120 orch-1 S-77120 emit capture_payment attempt=1
11:04:01.870 orch-2 S-77120 reply capture_payment SUCCESS attempt=1 -> emit request_carrier_invoice attempt=1
11:06:01.900 orch-3 S-77120 timeout tick: request_carrier_invoice attempt=1 -> retry attempt=2
11:08:02.010 orch-1 S-77120 timeout tick: request_carrier_invoice attempt=2 -> retry attempt=3
11:10:02.050 orch-2 S-77120 timeout tick: request_carrier_invoice attempt=3 -> COMPENSATING, emit refund_payment
11:10:02.061 orch-3 S-77120 reply request_carrier_invoice FAILURE attempt=3 (HTTP 422 from carrier) -> COMPENSATING, emit refund_payment
11:10:03.400 orch-1 S-77120 reply refund_payment SUCCESS
11:10:03.520 orch-1 S-77120 reply refund_payment SUCCESS''')], lang=None)
