from lib import t, lines

# Fresh evaluation batch B, written to the rubric in docs/tasks.md (tiers: the cheapest model tier that reliably
# does the task well). Persona: a QA lead / test manager writing fuller, conversational requests, context first
# and the ask later. 18 simple, 18 medium, 18 complex; all eight task types; mixed languages, domains, lengths.

# =====================================================================================================================
# simple
# =====================================================================================================================

t('simple', 'test-generation', "Hi! The claims team added a small helper for deductibles in the Kotlin service and it shipped without any tests. Could you write a JUnit 5 test class that covers each tier plus the unknown-tier case?", [('src/main/kotlin/claims/Deductibles.kt', '''
package claims

object Deductibles {
    fun deductibleFor(tier: String): Int = when (tier.lowercase()) {
        "bronze" -> 1000
        "silver" -> 500
        "gold" -> 250
        "platinum" -> 0
        else -> throw IllegalArgumentException("unknown tier: $tier")
    }
}''')], fw='junit5', lang=None)

# why: 60+ lines of input, but it is a one-to-one syntax conversion with no new cases to invent.
t('simple', 'test-generation', "We're finishing the move from Jest to Vitest this sprint and the cart specs are the last ones left. Please port this file to Vitest (vi.fn, vi.mock, imports from 'vitest'), keeping every test and assertion as it is.", [('test/cart/cart.test.ts', '''
import { Cart } from '../../src/cart/cart';
import { priceLookup } from '../../src/cart/prices';

jest.mock('../../src/cart/prices', () => ({
  priceLookup: jest.fn(),
}));

const mockedLookup = priceLookup as jest.MockedFunction<typeof priceLookup>;

describe('Cart', () => {
  beforeEach(() => {
    jest.resetAllMocks();
    mockedLookup.mockImplementation((sku: string) => ({ A1: 1000, B2: 250, C3: 4999 }[sku] ?? 0));
  });

  it('starts empty', () => {
    const cart = new Cart();
    expect(cart.items()).toEqual([]);
    expect(cart.totalCents()).toBe(0);
  });

  it('adds an item with quantity 1 by default', () => {
    const cart = new Cart();
    cart.add('A1');
    expect(cart.items()).toEqual([{ sku: 'A1', qty: 1 }]);
  });

  it('merges repeated adds of the same sku', () => {
    const cart = new Cart();
    cart.add('B2', 2);
    cart.add('B2', 3);
    expect(cart.items()).toEqual([{ sku: 'B2', qty: 5 }]);
  });

  it('computes the total from the price lookup', () => {
    const cart = new Cart();
    cart.add('A1', 2);
    cart.add('C3');
    expect(cart.totalCents()).toBe(6999);
    expect(mockedLookup).toHaveBeenCalledWith('A1');
    expect(mockedLookup).toHaveBeenCalledWith('C3');
  });

  it('removes an item completely', () => {
    const cart = new Cart();
    cart.add('A1');
    cart.remove('A1');
    expect(cart.items()).toEqual([]);
  });

  it('throws on a non-positive quantity', () => {
    const cart = new Cart();
    expect(() => cart.add('A1', 0)).toThrow('quantity must be positive');
  });

  it('clears everything', () => {
    const cart = new Cart();
    cart.add('A1');
    cart.add('B2');
    cart.clear();
    expect(cart.items()).toHaveLength(0);
  });
});''')], fw='vitest')

t('simple', 'test-execution', "Morning. Somebody on the billing squad says the Go tests are green on their laptop but I'd like an independent check. Please run go test ./billing/... and tell me how many tests passed, failed and were skipped.", [], fw='go test', lang=None)

t('simple', 'test-execution', "The payroll service's JUnit report from last night is attached. Our nightly is getting slow, so before the planning meeting I just want the three slowest test cases with their times.", [('build/test-results/payroll-junit.xml', '<?xml version="1.0" encoding="UTF-8"?>\n<testsuite name="com.acme.payroll.PayrollSuite" tests="60" failures="0" errors="0" time="148.3">\n' + lines(60, lambda i: f'  <testcase classname="com.acme.payroll.{["PayslipTest", "TaxBandTest", "OvertimeTest", "PensionTest"][i % 4]}" name="case_{i:02d}" time="{[0.8, 1.2, 2.4, 0.3][i % 4] + (31.5 if i == 17 else 0) + (12.9 if i == 42 else 0) + (9.7 if i == 5 else 0):.1f}"/>') + '\n</testsuite>')], lang=None)

t('simple', 'test-execution', "Staging got the new seat-selection build about ten minutes ago. Would you kick off the Cypress specs tagged @smoke against https://staging.tickets.example.com and paste the summary table back here?", [], fw='cypress', lang='javascript')

t('simple', 'coverage-analysis', "Attached is the lcov file from the checkout web app. It's a big one, sorry. I only need the list of functions that were never called (zero hits), grouped by source file.", [('coverage/lcov.info', lines(8, lambda f: f'SF:src/checkout/{["address", "basket", "coupon", "delivery", "giftcard", "payment", "summary", "tax"][f]}.js\n' + lines(12, lambda i: f'FN:{10 + i * 9},{["address", "basket", "coupon", "delivery", "giftcard", "payment", "summary", "tax"][f]}Fn{i}') + '\n' + lines(12, lambda i: f'FNDA:{0 if (i * 7 + f) % 5 == 0 else (i + 1) * 3},{["address", "basket", "coupon", "delivery", "giftcard", "payment", "summary", "tax"][f]}Fn{i}') + f'\nFNF:12\nFNH:{sum(1 for i in range(12) if (i * 7 + f) % 5 != 0)}\nLF:110\nLH:{80 + f}\nend_of_record'))], lang=None)

t('simple', 'coverage-analysis', "Quick one before stand-up: below is the coverage.py report for the hospital admissions service. Could you sort the modules by number of missed statements, most first, and give me the top five?", [('reports/coverage.txt', '''
Name                                  Stmts   Miss  Cover
---------------------------------------------------------
admissions/__init__.py                    4      0   100%
admissions/api/routes.py                182     41    77%
admissions/api/schemas.py                96      3    97%
admissions/beds/allocator.py            140     38    73%
admissions/beds/ward_map.py              61     12    80%
admissions/discharge/summary.py         118     55    53%
admissions/discharge/letters.py          77     29    62%
admissions/patients/repository.py       210     17    92%
admissions/patients/merge.py            133     61    54%
admissions/triage/scores.py              88      6    93%
admissions/util/dates.py                 35      0   100%
---------------------------------------------------------
TOTAL                                  1144    262    77%''')], lang=None)

t('simple', 'coverage-analysis', "Our Rails app for the ride-share driver portal publishes this SimpleCov summary. For the retro slide, list every file under 80% line coverage, lowest first.", [('coverage/summary.txt', '''
File                                          % covered   Lines   Relevant   Covered   Missed
app/controllers/drivers_controller.rb           91.30      210        92        84        8
app/controllers/payouts_controller.rb           68.42      164        76        52       24
app/models/driver.rb                            97.14      120        70        68        2
app/models/trip.rb                              84.21      198       114        96       18
app/models/payout.rb                            72.00       95        50        36       14
app/services/document_checker.rb                55.56       88        45        25       20
app/services/rating_aggregator.rb               80.00       60        30        24        6
app/jobs/weekly_statement_job.rb                40.00       52        25        10       15
lib/geo/zone_lookup.rb                          93.75       70        32        30        2''')], lang=None)

t('simple', 'quality-gate', "Release checkpoint for the mobile banking app: our rule is that no more than 2% of the regression tests may fail. Last run was 1,204 tests with 19 failures. Do we pass?", [], lang=None)

t('simple', 'quality-gate', "The platform team's only rule for the analytics pipeline is that no single test suite may run longer than 10 minutes (600 s). The timings export is below; please tell me whether any suite breaks that rule and, if so, which.", [('reports/suite-timings.csv', 'suite,duration_seconds\n' + lines(40, lambda i: f'analytics.{["ingest", "sessionize", "funnel", "attribution", "export"][i % 5]}.suite_{i:02d},{(97 * i + 41) % 540 + (540 if i == 23 else 12)}'))], lang=None)

t('simple', 'flaky-test-analysis', "The iOS team keeps saying BookingFlowTests.testSeatHoldCountdown is 'a bit flaky' and I want a number rather than a feeling. Please run just that XCTest 20 times on the iPhone 15 simulator and report how many runs failed.", [], fw='xctest', lang=None)

t('simple', 'flaky-test-analysis', "Here is two weeks of CI history for the chat service. Without digging into causes, which tests both passed and failed on the same commit? A plain list is fine.", [('ci/history.csv', 'commit,test,result\n' + lines(72, lambda i: f'{["a1f3c9", "b7e210", "c0d4e8", "d91a7f"][i // 18]},{["chat.send_message", "chat.typing_indicator", "chat.read_receipts", "chat.attachments_upload", "chat.presence_timeout", "chat.search_history"][i % 6]},{"fail" if (i % 6 == 4 and i % 12 != 10) or (i % 6 == 1 and i in (13, 49)) else "pass"}'))], lang=None)

t('simple', 'security-scan', "Our auditors asked for a plain summary of the dependency scan on the ad-bidding dashboard. From the npm audit output below, make a table of package, severity and whether a fix is available. No analysis needed.", [('reports/npm-audit.txt', '''
# npm audit report

axios  0.8.1 - 0.27.2
Severity: moderate
Axios Cross-Site Request Forgery Vulnerability - https://github.com/advisories/GHSA-wf5p-g6vw-rhxx
fix available via `npm audit fix --force`
Will install axios@1.7.2, which is a breaking change
node_modules/axios

braces  <3.0.3
Severity: high
Uncontrolled resource consumption in braces - https://github.com/advisories/GHSA-grv7-fg5c-xmjg
fix available via `npm audit fix`
node_modules/braces

semver  7.0.0 - 7.5.1
Severity: moderate
semver vulnerable to Regular Expression Denial of Service - https://github.com/advisories/GHSA-c2qf-rxjj-qqgw
fix available via `npm audit fix`
node_modules/semver

tough-cookie  <4.1.3
Severity: moderate
tough-cookie Prototype Pollution vulnerability - https://github.com/advisories/GHSA-72xf-g2v4-qvf3
No fix available
node_modules/request/node_modules/tough-cookie

ws  8.0.0 - 8.17.0
Severity: high
ws affected by a DoS when handling a request with many HTTP headers - https://github.com/advisories/GHSA-3h5v-q93c-6h6q
fix available via `npm audit fix`
node_modules/ws

5 vulnerabilities (3 moderate, 2 high)''')], lang=None)

t('simple', 'security-scan', "Gitleaks ran over the payroll repo history and produced the report below. Before I hand it to the security team, could you give me a de-duplicated list of the file paths it flagged?", [('reports/gitleaks.json', '[\n' + ',\n'.join(f'  {{"RuleID": "{["generic-api-key", "aws-access-token", "private-key", "slack-webhook-url"][i % 4]}", "File": "{["config/settings.dev.yml", "scripts/deploy.sh", "docs/onboarding.md", "config/settings.dev.yml", "test/fixtures/sso_cert.pem", "scripts/deploy.sh"][i % 6]}", "StartLine": {3 + i * 7}, "Commit": "{((i + 1) * 2654435761) % 16**8:08x}", "Author": "{["mwong", "jpatel", "ci-bot"][i % 3]}"}}' for i in range(14)) + '\n]')], lang=None)

t('simple', 'performance-testing', "Yesterday's JMeter run against the e-commerce storefront produced the aggregate CSV below. I'm putting together a short update: which five labels had the highest average response time?", [('results/aggregate.csv', 'label,samples,average_ms,median_ms,p90_ms,p95_ms,error_pct\n' + lines(30, lambda i: f'{["GET /", "GET /search", "GET /product/:id", "POST /cart", "GET /cart", "POST /checkout", "GET /account", "GET /orders", "POST /login", "GET /recommendations"][i % 10]}{("", " [eu]", " [us]")[i // 10]},{1200 + i * 37},{(i * 53) % 700 + 80},{(i * 53) % 700 + 60},{(i * 53) % 700 + 190},{(i * 53) % 700 + 260},{(i % 7) * 0.1:.1f}'))], lang=None)

t('simple', 'performance-testing', "This k6 script for the ride-sharing fare estimate endpoint currently runs a flat 10 VUs. Please change it to ramp up from 0 to 50 VUs over 2 minutes, hold for 5 minutes and ramp down over 1 minute. Nothing else needs touching.", [('load/fare-estimate.js', '''
import http from 'k6/http';
import { check, sleep } from 'k6';

export const options = {
  vus: 10,
  duration: '5m',
  thresholds: { http_req_duration: ['p(95)<400'] },
};

export default function () {
  const res = http.get(`${__ENV.BASE_URL}/v1/fares/estimate?from=51.5072,-0.1276&to=51.4700,-0.4543`);
  check(res, { 'status is 200': (r) => r.status === 200 });
  sleep(1);
}''')], fw='k6', lang='javascript')

t('simple', 'defect-analysis', "One of our warehouse robot simulator jobs died overnight with the Rust panic below. I don't need it fixed; please explain in a couple of sentences what the message means so I can write up the ticket.", [('logs/sim-panic.txt', '''
thread 'main' panicked at src/grid/path.rs:88:23:
index out of bounds: the len is 64 but the index is 64
note: run with `RUST_BACKTRACE=1` environment variable to display a backtrace
error: process didn't exit successfully: `target/release/robot-sim --scenario aisle-14` (exit status: 101)''')], lang=None)

# why: a long document, but the task is condensing text someone else already analysed.
t('simple', 'defect-analysis', "Leadership wants the gist of last week's streaming outage and nobody will read the whole postmortem. Could you boil the document below down to five bullet points: what broke, impact, root cause, fix, follow-ups?", [('docs/postmortem-2024-05-14.md', '''
# Postmortem: Live playback start failures, 14 May

## Summary
Between 19:02 and 20:41 UTC, roughly 31% of attempts to start a live stream on smart TV apps failed with error
PLAY-4012. Mobile and web clients were unaffected. The incident was declared SEV-2 at 19:18.

## Impact
- 412,000 failed playback starts across 188,000 unique viewers.
- Concentrated on the evening football broadcast; social media complaints peaked at 19:40.
- Support received 2,300 tickets; 640 refund requests were approved under the outage policy.

## Timeline (UTC)
''' + lines(22, lambda i: f'- {19 + (i * 5 + 2) // 60}:{(i * 5 + 2) % 60:02d} ' + ["Manifest service deploy 2024.05.14-3 completes.", "First PLAY-4012 alerts on TV dashboards.", "On-call acknowledges; suspects CDN.", "CDN provider reports no anomalies.", "SEV-2 declared, incident channel opened.", "Error rate confirmed limited to TV clients.", "Engineer notices manifest size increased after deploy.", "TV player logs show manifest parse errors.", "Hypothesis: new DRM signalling tag unsupported by older TV players.", "Rollback of manifest service requested.", "Rollback blocked by failed canary health check (unrelated flake).", "Canary check overridden by incident commander.", "Rollback starts.", "Rollback completes in EU region.", "Error rate in EU drops to baseline.", "Rollback completes in US region.", "Error rate in US drops to baseline.", "Customer comms posted on status page.", "Monitoring continues; no recurrence.", "SEV-2 downgraded to SEV-4.", "Incident closed; postmortem owner assigned.", "Refund policy activated for affected viewers."][i]) + '''

## Root cause
Release 2024.05.14-3 added an EXT-X-SESSION-KEY tag to live HLS manifests. TV player firmware older than 6.2 treats
unknown session-level tags as fatal. The compatibility matrix used in release review did not include firmware
below 6.4, so the change passed review and the canary, which only receives traffic from internal test devices.

## What went well
- Rollback once started completed in under 20 minutes per region.
- Customer communication went out within 40 minutes of detection.

## What went badly
- 16 minutes spent investigating the CDN.
- The canary health check flake delayed the rollback by 9 minutes.

## Follow-ups
1. Add firmware 5.x and 6.0-6.3 devices to the canary pool (owner: Playback QA, due 31 May).
2. Gate manifest changes on a TV player compatibility suite (owner: Manifest team, due 14 June).
3. Fix the flaky canary health check (owner: SRE, due 24 May).
4. Document the override procedure for blocked rollbacks (owner: Incident mgmt, due 24 May).''')], lang=None)

# =====================================================================================================================
# medium
# =====================================================================================================================

t('medium', 'test-generation', "Some context: this Flask blueprint is how customers submit insurance claims, and it has no tests at all. The repository and notifier talk to Postgres and an internal service, so please mock them. I'd like pytest tests for the handler that cover validation, the 404 and 422 paths, auto-approval versus review, and the best-effort notification failure.", [('claims/routes.py', '''
from decimal import Decimal, InvalidOperation
from datetime import date

from flask import Blueprint, jsonify, request

from .notify import notify_adjuster
from .repo import ClaimsRepository, PolicyNotFound

bp = Blueprint("claims", __name__)
MAX_AUTO_APPROVE = Decimal("1500.00")


def _parse_date(value):
    try:
        return date.fromisoformat(value)
    except (TypeError, ValueError):
        return None


@bp.post("/policies/<policy_id>/claims")
def submit_claim(policy_id):
    body = request.get_json(silent=True) or {}
    try:
        amount = Decimal(str(body.get("amount", "")))
    except InvalidOperation:
        return jsonify(error="amount must be a number"), 400
    if amount <= 0:
        return jsonify(error="amount must be positive"), 400

    incident = _parse_date(body.get("incident_date"))
    if incident is None:
        return jsonify(error="incident_date must be YYYY-MM-DD"), 400
    if incident > date.today():
        return jsonify(error="incident_date is in the future"), 400

    repo = ClaimsRepository.from_app()
    try:
        policy = repo.get_policy(policy_id)
    except PolicyNotFound:
        return jsonify(error="unknown policy"), 404
    if not policy.active_on(incident):
        return jsonify(error="policy was not active on incident date"), 422

    status = "approved" if amount <= MAX_AUTO_APPROVE and not policy.flagged else "review"
    claim = repo.create_claim(policy_id, amount, incident, status)

    if status == "review":
        try:
            notify_adjuster(claim.id, policy.region)
        except Exception:  # notification is best effort; the claim is already stored
            repo.mark_notification_failed(claim.id)

    return jsonify(id=claim.id, status=status), 201''')], fw='pytest', lang=None)

t('medium', 'test-generation', "Customers upload bank statements as CSV and this parser turns them into transactions for the transfers screen. We've had bug reports about quoted descriptions with commas, files saved from Excel with a BOM, and amounts like '(12.50)'. Could you write Vitest tests that pin down the current behaviour, especially the edge cases and the error messages?", [('src/statements/parseCsv.ts', '''
export interface Txn { date: string; description: string; amountCents: number; }

export class StatementParseError extends Error {
  constructor(public line: number, message: string) { super(`line ${line}: ${message}`); }
}

function splitRow(row: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < row.length; i++) {
    const ch = row[i];
    if (ch === '"') {
      if (quoted && row[i + 1] === '"') { cur += '"'; i++; }
      else quoted = !quoted;
    } else if (ch === ',' && !quoted) {
      out.push(cur); cur = '';
    } else {
      cur += ch;
    }
  }
  if (quoted) throw new Error('unterminated quote');
  out.push(cur);
  return out.map((s) => s.trim());
}

function parseAmount(raw: string): number {
  let s = raw.replace(/[£$€\\s]/g, '');
  let sign = 1;
  if (/^\\(.*\\)$/.test(s)) { sign = -1; s = s.slice(1, -1); }
  if (s.startsWith('-')) { sign = -sign; s = s.slice(1); }
  if (!/^\\d{1,3}(,\\d{3})*(\\.\\d{1,2})?$|^\\d+(\\.\\d{1,2})?$/.test(s)) throw new Error(`bad amount "${raw}"`);
  const [whole, frac = ''] = s.replace(/,/g, '').split('.');
  return sign * (Number(whole) * 100 + Number(frac.padEnd(2, '0')));
}

export function parseStatement(text: string): Txn[] {
  const rows = text.replace(/^\\uFEFF/, '').split(/\\r?\\n/).filter((r) => r.trim() !== '');
  if (rows.length === 0) return [];
  const header = splitRow(rows[0]).map((h) => h.toLowerCase());
  const di = header.indexOf('date');
  const ti = header.indexOf('description');
  const ai = header.indexOf('amount');
  if (di < 0 || ti < 0 || ai < 0) throw new StatementParseError(1, 'missing date/description/amount column');

  return rows.slice(1).map((row, idx) => {
    const line = idx + 2;
    let cells: string[];
    try { cells = splitRow(row); } catch (e) { throw new StatementParseError(line, (e as Error).message); }
    const date = cells[di];
    if (!/^\\d{4}-\\d{2}-\\d{2}$/.test(date ?? '')) throw new StatementParseError(line, `bad date "${date}"`);
    try {
      return { date, description: cells[ti] ?? '', amountCents: parseAmount(cells[ai] ?? '') };
    } catch (e) {
      throw new StatementParseError(line, (e as Error).message);
    }
  });
}''')], fw='vitest')

# why: only ~20 lines and no I/O, but the requirements leave real decisions (month lengths, same-day changes, rounding).
t('medium', 'test-generation', "Product changed the rules for plan switches on the streaming service and I'm not sure the function below matches them. Could you write Jest tests from the requirements rather than from the code, and tell me where the two disagree?", [('src/billing/proration.ts', '''
export type Plan = { id: string; monthlyCents: number };

export function planChangeChargeCents(from: Plan, to: Plan, periodStart: Date, periodEnd: Date, changeAt: Date): number {
  if (from.id === to.id) return 0;
  if (to.monthlyCents < from.monthlyCents) return 0;
  const dayMs = 24 * 60 * 60 * 1000;
  const totalDays = Math.round((periodEnd.getTime() - periodStart.getTime()) / dayMs);
  const remainingDays = Math.floor((periodEnd.getTime() - changeAt.getTime()) / dayMs);
  const diff = to.monthlyCents - from.monthlyCents;
  return Math.round((diff * remainingDays) / totalDays);
}''')], reqs=[
    "1. Upgrades are charged immediately, prorated by the whole days left in the billing period, counting the day of the change.",
    "2. Downgrades cost nothing now and take effect at the next period; the function must return 0 for them.",
    "3. Switching to the same plan is free.",
    "4. Amounts round half up to the nearest cent.",
    "5. Periods can be 28 to 31 days long; a change on the last day of the period still charges one day.",
], fw='jest')

t('medium', 'test-execution', "The ticket-booking service has an integration suite that spins up Postgres with testcontainers. It's been failing on CI in ways people blame on 'Docker weirdness'. Please run go test -tags=integration ./internal/booking/... a couple of times and, for each failure, tell me whether it looks like an environment problem (container start-up, ports, timeouts) or a real regression in the booking code, with the evidence.", [], fw='go test', lang=None)

t('medium', 'test-execution', "We run the e-commerce checkout Playwright suite on Chromium, Firefox and WebKit, sharded four ways per browser. Could you run the full matrix with the config below, merge the shard blob reports into one HTML report, and then tell me which failures happen on only one browser versus all of them?", [('playwright.config.ts', '''
import { defineConfig, devices } from '@playwright/test';

export default defineConfig({
  testDir: './e2e',
  fullyParallel: true,
  retries: process.env.CI ? 1 : 0,
  reporter: process.env.CI ? [['blob']] : [['list']],
  use: {
    baseURL: process.env.BASE_URL ?? 'http://localhost:3000',
    trace: 'on-first-retry',
  },
  projects: [
    { name: 'chromium', use: { ...devices['Desktop Chrome'] } },
    { name: 'firefox', use: { ...devices['Desktop Firefox'] } },
    { name: 'webkit', use: { ...devices['Desktop Safari'] } },
  ],
});''')], fw='playwright')

t('medium', 'coverage-analysis', "We're about to refactor the cart pricing package and I'd like to know where the safety net is thin first. The lcov summary for the package and the discount module are below. Which uncovered lines and branches matter most for pricing correctness, and what tests would you add first?", [('coverage/pricing-summary.txt', '''
File                         Lines      Branches   Functions
src/pricing/discounts.ts     71.4%      52.0%      83.3%
src/pricing/tax.ts           94.1%      88.9%      100%
src/pricing/shipping.ts      88.0%      75.0%      100%
src/pricing/currency.ts      100%       100%       100%
src/pricing/index.ts         100%       n/a        100%
Uncovered lines in discounts.ts: 19-22, 31, 38-41, 47'''), ('src/pricing/discounts.ts', '''
export type Line = { sku: string; category: string; unitCents: number; qty: number };
export type Coupon =
  | { kind: 'percent'; pct: number; category?: string; minSubtotalCents?: number }
  | { kind: 'fixed'; amountCents: number; minSubtotalCents?: number }
  | { kind: 'bogo'; sku: string };

const subtotal = (lines: Line[]) => lines.reduce((s, l) => s + l.unitCents * l.qty, 0);

export function discountCents(lines: Line[], coupons: Coupon[]): number {
  const base = subtotal(lines);
  let total = 0;
  for (const c of coupons) {
    if ('minSubtotalCents' in c && c.minSubtotalCents && base < c.minSubtotalCents) continue;
    switch (c.kind) {
      case 'percent': {
        const eligible = c.category ? lines.filter((l) => l.category === c.category) : lines;
        total += Math.floor((subtotal(eligible) * c.pct) / 100);
        if (c.pct > 100) {
          throw new Error('percent coupon over 100');
        }
        break;
      }
      case 'fixed':
        total += c.amountCents;
        break;
      case 'bogo': {
        const line = lines.find((l) => l.sku === c.sku);
        if (!line) break;
        total += Math.floor(line.qty / 2) * line.unitCents;
        break;
      }
      default: {
        const never: never = c;
        throw new Error(`unknown coupon ${JSON.stringify(never)}`);
      }
    }
  }
  if (total > base) {
    return base;
  }
  return total;
}''')])

t('medium', 'coverage-analysis', "Audit season again. JaCoCo output for our payroll calculation package is below. Please go through it and tell me which classes have branch coverage that worries you given what they do (tax bands, overtime, pension), and roughly which scenarios are probably untested.", [('build/reports/jacoco/payroll.csv', '''
GROUP,PACKAGE,CLASS,INSTRUCTION_MISSED,INSTRUCTION_COVERED,BRANCH_MISSED,BRANCH_COVERED,LINE_MISSED,LINE_COVERED,METHOD_MISSED,METHOD_COVERED
payroll,com.acme.payroll.calc,GrossPayCalculator,12,410,2,22,3,88,0,9
payroll,com.acme.payroll.calc,OvertimeCalculator,96,204,11,9,18,41,1,6
payroll,com.acme.payroll.calc,TaxBandResolver,40,388,7,25,8,79,0,7
payroll,com.acme.payroll.calc,StudentLoanDeduction,88,52,6,2,15,10,2,3
payroll,com.acme.payroll.calc,PensionContribution,30,170,5,11,6,37,0,5
payroll,com.acme.payroll.calc,NetPayAssembler,0,260,0,14,0,55,0,6
payroll,com.acme.payroll.calc,ProRataStarterLeaver,140,60,14,4,27,12,3,2
payroll,com.acme.payroll.calc,RoundingPolicy,0,44,0,6,0,10,0,2
payroll,com.acme.payroll.model,Payslip,4,120,0,2,1,30,1,14
payroll,com.acme.payroll.model,EmployeeContract,0,95,0,4,0,22,0,11''')], lang=None)

t('medium', 'quality-gate', "Here's how our merge policy for the ad-bidding repo works; it has a few exceptions people always forget. The CI bot produced the JSON below for PR #4821. Based on the rules, should the PR be allowed to merge? List each rule with pass/fail and why.", [('ci/pr-4821-report.json', '''
{
  "pr": 4821,
  "changed_paths": ["services/bidder/src/pacing.ts", "services/bidder/src/pacing.test.ts", "docs/pacing.md"],
  "labels": ["perf-sensitive"],
  "coverage": { "base": 84.2, "head": 83.9 },
  "tests": { "total": 1412, "failed": 1, "failed_names": ["bidder/auction.test.ts > reserve price floor"], "quarantined": ["bidder/auction.test.ts > reserve price floor"] },
  "security": [ { "id": "SNYK-JS-LODASH-1018905", "severity": "medium", "ticket": "SEC-311" }, { "id": "SNYK-JS-EXPRESS-6474509", "severity": "high", "ticket": null } ],
  "bench": { "p99_bid_latency_ms": { "base": 8.1, "head": 8.6 } },
  "approvals": ["a.kowalski"],
  "codeowners_required": ["team-bidder"],
  "approvers_teams": { "a.kowalski": ["team-bidder", "team-platform"] }
}''')], reqs=[
    "1. Coverage must not drop by more than 0.5 points, unless the PR only touches docs.",
    "2. No failing tests, except tests listed as quarantined.",
    "3. No high or critical security findings; medium findings are allowed if they have a ticket.",
    "4. PRs labelled perf-sensitive must not regress p99 bid latency by more than 5%.",
    "5. At least one approval from every required code-owner team.",
], lang=None)

t('medium', 'quality-gate', "We're deciding whether version 5.12 of the rider app can go to the App Store on Thursday. Our release criteria and the numbers from the beta are below. Please evaluate each criterion, call out anything that is borderline or missing data, and give me a go / no-go with a short rationale I can paste into the release ticket.", [('release/criteria.yml', '''
release: rider-app
criteria:
  crash_free_sessions_pct: { min: 99.5 }
  anr_rate_pct: { max: 0.47, platform: android }
  cold_start_p90_ms: { max: 2000 }
  unit_line_coverage_pct: { min: 75 }
  open_bugs: { p1: 0, p2_max: 3 }
  accessibility_audit: { required: passed }
  beta_sessions: { min: 20000 }'''), ('release/beta-metrics-5.12.json', '''
{
  "ios": { "crash_free_sessions_pct": 99.71, "cold_start_p90_ms": 1840, "sessions": 14210 },
  "android": { "crash_free_sessions_pct": 99.46, "anr_rate_pct": 0.39, "cold_start_p90_ms": 2130, "sessions": 9875 },
  "unit_line_coverage_pct": 76.2,
  "open_bugs": { "p1": 0, "p2": 3, "p3": 17 },
  "accessibility_audit": "passed-with-exceptions"
}''')], lang=None)

t('medium', 'quality-gate', "Every Friday we sign off the hospital records platform's weekly build. Each service's numbers are in the CSV below and the gate is in the requirements. Some services are exempt from specific rules, which is where people slip up. Which services block the release, and on which rule?", [('reports/weekly-gate.csv', '''
service,line_cov,branch_cov,mutation_score,failed_tests,p95_ms,p95_budget_ms,critical_vulns
patient-index,88.1,79.4,71,0,120,150,0
records-api,82.7,70.2,64,0,310,300,0
imaging-gateway,61.0,48.5,,0,890,1200,0
consent-service,91.3,86.0,78,1,45,100,0
audit-log,79.9,72.1,58,0,60,80,0
hl7-bridge,70.4,55.0,,0,240,250,1''')], reqs=[
    "1. line_cov >= 80 and branch_cov >= 70, except imaging-gateway (legacy; exempt from coverage until Q3).",
    "2. mutation_score >= 60 where measured; blank means not measured and is only allowed for imaging-gateway and hl7-bridge.",
    "3. failed_tests must be 0.",
    "4. p95_ms must be within p95_budget_ms; up to 5% over is a warning, not a block.",
    "5. critical_vulns must be 0 for every service, no exemptions.",
], lang=None)

t('medium', 'flaky-test-analysis', "Our appointment reminders test in the hospital scheduling service fails a few times a week on CI and never for anyone locally. I've attached the test and the log from the last failing run. Could you work out why it's flaky and suggest a fix for the test?", [('tests/test_reminders.py', '''
from datetime import datetime, timedelta

from scheduling.reminders import reminders_due


def make_appt(id, starts_at):
    return {"id": id, "patient_id": 7, "starts_at": starts_at}


def test_reminder_sent_day_before():
    now = datetime.now()
    tomorrow = now + timedelta(days=1)
    appts = [
        make_appt(1, tomorrow.replace(hour=9, minute=0)),
        make_appt(2, (now + timedelta(days=3)).replace(hour=9, minute=0)),
    ]
    due = reminders_due(appts, today=datetime.utcnow().date())
    assert [a["id"] for a in due] == [1]'''), ('ci/logs/scheduling-run-8812.log', '''
2024-06-03T23:41:07.118Z [runner] TZ=America/New_York
2024-06-03T23:41:07.502Z ============================= test session starts ==============================
2024-06-03T23:41:07.503Z platform linux -- Python 3.11.9, pytest-8.2.1
2024-06-03T23:41:09.870Z tests/test_reminders.py::test_reminder_sent_day_before FAILED
2024-06-03T23:41:09.871Z
2024-06-03T23:41:09.871Z     def test_reminder_sent_day_before():
2024-06-03T23:41:09.871Z ...
2024-06-03T23:41:09.872Z >       assert [a["id"] for a in due] == [1]
2024-06-03T23:41:09.872Z E       assert [] == [1]
2024-06-03T23:41:09.872Z E         Right contains one more item: 1
2024-06-03T23:41:09.873Z tests/test_reminders.py:17: AssertionError
2024-06-03T23:41:09.990Z ========================= 1 failed, 212 passed in 2.49s =========================''')], fw='pytest', lang=None)

t('medium', 'flaky-test-analysis', "Since we turned on --randomize in Jest for the chat notifications package, this spec fails maybe one run in four, and always passes when run on its own. The spec and a failing run are below. Why is it order-dependent, and how should the spec be fixed?", [('src/notifications/__tests__/digest.test.ts', '''
import { buildDigest } from '../digest';
import * as prefs from '../preferences';

const getPrefs = jest.spyOn(prefs, 'getPreferences');

describe('buildDigest', () => {
  it('skips muted conversations', async () => {
    getPrefs.mockResolvedValue({ muted: ['c2'], digest: 'daily' });
    const digest = await buildDigest('u1', [
      { conversationId: 'c1', unread: 3 },
      { conversationId: 'c2', unread: 5 },
    ]);
    expect(digest.items.map((i) => i.conversationId)).toEqual(['c1']);
  });

  it('returns nothing when digests are off', async () => {
    getPrefs.mockResolvedValueOnce({ muted: [], digest: 'off' });
    const digest = await buildDigest('u1', [{ conversationId: 'c1', unread: 1 }]);
    expect(digest.items).toEqual([]);
  });

  it('includes every conversation with unread messages', async () => {
    const digest = await buildDigest('u1', [
      { conversationId: 'c1', unread: 2 },
      { conversationId: 'c2', unread: 1 },
    ]);
    expect(digest.items).toHaveLength(2);
  });
});'''), ('ci/logs/jest-seed-1718022.txt', '''
 Randomized with seed 1718022
 FAIL  src/notifications/__tests__/digest.test.ts
  buildDigest
    ✓ returns nothing when digests are off (4 ms)
    ✓ skips muted conversations (2 ms)
    ✕ includes every conversation with unread messages (3 ms)

  ● buildDigest › includes every conversation with unread messages

    expect(received).toHaveLength(expected)

    Expected length: 2
    Received length: 1

      27 |     ]);
    > 28 |     expect(digest.items).toHaveLength(2);
         |                          ^

Tests:       1 failed, 2 passed, 3 total''')], fw='jest')

# why: an IaC review over two short files against well-known hardening patterns; no auth or crypto logic to reason about.
t('medium', 'security-scan', "Before the warehouse robot telemetry service goes to production, I'd like a second pair of eyes on its container setup. Please review the Dockerfile and compose file for security problems and rank what you find by how much it matters.", [('Dockerfile', '''
FROM python:latest
WORKDIR /app
COPY . .
RUN pip install -r requirements.txt
ENV MQTT_PASSWORD=robots2024!
ENV DEBUG=1
EXPOSE 8000 1883 22
CMD ["python", "-m", "telemetry.server", "--host", "0.0.0.0"]'''), ('docker-compose.yml', '''
services:
  telemetry:
    build: .
    ports:
      - "8000:8000"
      - "1883:1883"
      - "2222:22"
    privileged: true
    volumes:
      - /var/run/docker.sock:/var/run/docker.sock
      - ./data:/app/data
    environment:
      - DB_URL=postgres://telemetry:telemetry@db:5432/telemetry
  db:
    image: postgres:13
    ports:
      - "5432:5432"
    environment:
      - POSTGRES_PASSWORD=telemetry''')], lang=None)

t('medium', 'security-scan', "npm audit shows a wall of red on the ride-sharing dispatcher, and I need to prioritise. Given the package.json and the audit JSON, tell me which findings are in direct dependencies versus transitive, which ones a semver-compatible bump fixes, and which would need an override or a major upgrade.", [('package.json', '''
{
  "name": "dispatcher",
  "version": "3.4.0",
  "dependencies": {
    "express": "^4.18.2",
    "jsonwebtoken": "^8.5.1",
    "pg": "^8.11.0",
    "socket.io": "^4.6.1",
    "node-fetch": "^2.6.7"
  },
  "devDependencies": {
    "jest": "^29.7.0",
    "nodemon": "^2.0.20"
  }
}'''), ('reports/audit.json', '''
{
  "vulnerabilities": {
    "jsonwebtoken": { "severity": "high", "isDirect": true, "via": ["GHSA-8cf7-32gw-wr33"], "range": "<=8.5.1", "fixAvailable": { "name": "jsonwebtoken", "version": "9.0.2", "isSemVerMajor": true } },
    "express": { "severity": "moderate", "isDirect": true, "via": ["path-to-regexp", "body-parser"], "range": "<4.19.2", "fixAvailable": true },
    "path-to-regexp": { "severity": "high", "isDirect": false, "via": ["GHSA-9wv6-86v2-598j"], "range": "<0.1.10", "fixAvailable": true },
    "body-parser": { "severity": "high", "isDirect": false, "via": ["GHSA-qwcr-r2fm-qrc7"], "range": "<1.20.3", "fixAvailable": true },
    "semver": { "severity": "moderate", "isDirect": false, "via": ["GHSA-c2qf-rxjj-qqgw"], "range": "7.0.0 - 7.5.1", "nodes": ["node_modules/simple-update-notifier/node_modules/semver"], "fixAvailable": { "name": "nodemon", "version": "3.1.4", "isSemVerMajor": true } },
    "ws": { "severity": "high", "isDirect": false, "via": ["GHSA-3h5v-q93c-6h6q"], "range": "8.0.0 - 8.17.0", "nodes": ["node_modules/engine.io/node_modules/ws"], "fixAvailable": true }
  }
}''')], lang='javascript')

t('medium', 'performance-testing', "The seat-hold endpoint of our ticket booking API is the first thing to fall over on big on-sale days. I want a k6 script for that one endpoint: ramp to 300 VUs, pick event and seat IDs from the CSV fixture, check for 201 or 409 (seat already held is expected), and fail the run if p95 goes over 250 ms or non-409 errors exceed 1%.", [('load/fixtures/seats.csv', 'event_id,seat_id\n' + lines(12, lambda i: f'evt_{2024060 + i // 4},{["A", "B", "C"][i % 3]}{i % 4 + 1}'))], reqs=[
    "BASE_URL and API_TOKEN come from environment variables.",
    "Tag requests so 409 responses are reported separately from real errors.",
], fw='k6', lang='javascript')

t('medium', 'performance-testing', "We changed the scoring function in the ad bidder (Rust) and ran criterion before and after on the same box. Some benchmarks look slower, some faster, and I can't tell whether any of it is real. Please read the two outputs and tell me which differences are likely genuine regressions and which are noise, and whether we should block the change.", [('bench/before.txt', '''
score_bid/small_ctx     time:   [412.31 ns 415.02 ns 418.10 ns]
score_bid/large_ctx     time:   [2.8012 µs 2.8150 µs 2.8301 µs]
score_bid/with_floor    time:   [498.77 ns 503.40 ns 508.93 ns]
rank_auction/10_bids    time:   [4.1021 µs 4.1388 µs 4.1790 µs]
rank_auction/100_bids   time:   [48.201 µs 48.977 µs 49.812 µs]'''), ('bench/after.txt', '''
score_bid/small_ctx     time:   [409.87 ns 414.66 ns 420.04 ns]
                        change: [-1.4142% -0.0866% +1.2950%] (p = 0.91 > 0.05)
                        No change in performance detected.
score_bid/large_ctx     time:   [3.1022 µs 3.1190 µs 3.1377 µs]
                        change: [+9.9311% +10.800% +11.683%] (p = 0.00 < 0.05)
                        Performance has regressed.
score_bid/with_floor    time:   [487.10 ns 512.80 ns 541.33 ns]
                        change: [-3.1020% +1.8672% +6.9911%] (p = 0.48 > 0.05)
                        No change in performance detected.
Found 9 outliers among 100 measurements (9.00%)
  6 (6.00%) high mild
  3 (3.00%) high severe
rank_auction/10_bids    time:   [3.9650 µs 3.9901 µs 4.0170 µs]
                        change: [-4.2307% -3.5913% -2.9402%] (p = 0.00 < 0.05)
                        Performance has improved.
rank_auction/100_bids   time:   [51.019 µs 51.770 µs 52.602 µs]
                        change: [+4.1190% +5.7025% +7.2880%] (p = 0.00 < 0.05)
                        Performance has regressed.''')], lang=None)

t('medium', 'defect-analysis', "Payroll raised a bug: the monthly headcount cost report shows some employees twice, and the department totals are inflated. It started after HR back-filled salary history for people who changed roles. The query and the relevant tables are below. Please find the cause and propose a corrected query.", [('reports/monthly_cost.sql', '''
SELECT d.name AS department,
       e.id AS employee_id,
       e.full_name,
       s.annual_salary / 12.0 AS monthly_cost
FROM employees e
JOIN departments d ON d.id = e.department_id
JOIN salaries s ON s.employee_id = e.id
WHERE e.status = 'active'
  AND s.effective_from <= :month_end
ORDER BY d.name, e.full_name;'''), ('schema/payroll.sql', '''
CREATE TABLE employees (
  id BIGINT PRIMARY KEY,
  full_name TEXT NOT NULL,
  department_id BIGINT NOT NULL REFERENCES departments(id),
  status TEXT NOT NULL CHECK (status IN ('active', 'leaver'))
);

CREATE TABLE salaries (
  id BIGSERIAL PRIMARY KEY,
  employee_id BIGINT NOT NULL REFERENCES employees(id),
  annual_salary NUMERIC(12, 2) NOT NULL,
  effective_from DATE NOT NULL,
  effective_to DATE NULL  -- NULL means current
);''')], lang=None)

t('medium', 'defect-analysis', "The warehouse picking service throws NoMethodError for a handful of orders each day and those orders get stuck. I've pasted the service object and an excerpt of the production log. Can you find what's going wrong, explain which orders are affected, and suggest a fix plus a regression test?", [('app/services/pick_list_builder.rb', '''
class PickListBuilder
  Result = Struct.new(:lines, :warnings)

  def initialize(order, locator: BinLocator.new)
    @order = order
    @locator = locator
  end

  def call
    warnings = []
    lines = @order.line_items.map do |item|
      bin = @locator.primary_bin(item.sku)
      if bin.nil?
        warnings << "no primary bin for #{item.sku}"
        bin = @locator.overflow_bins(item.sku).first
      end
      {
        sku: item.sku,
        qty: item.quantity,
        zone: bin.zone,
        aisle: bin.aisle,
        shelf: bin.shelf
      }
    end
    sorted = lines.sort_by { |l| [l[:zone], l[:aisle], l[:shelf]] }
    Result.new(sorted, warnings)
  end
end'''), ('log/production-excerpt.log', '''
I, [2024-06-11T08:14:02.311 #4412]  INFO -- : PickListBuilder order=ORD-88120 lines=4
I, [2024-06-11T08:14:02.655 #4412]  INFO -- : PickListBuilder order=ORD-88121 lines=2
E, [2024-06-11T08:14:03.019 #4412] ERROR -- : PickListBuilder order=ORD-88122 failed
NoMethodError: undefined method `zone' for nil:NilClass
  app/services/pick_list_builder.rb:20:in `block in call'
  app/services/pick_list_builder.rb:12:in `map'
  app/services/pick_list_builder.rb:12:in `call'
  app/jobs/build_pick_list_job.rb:9:in `perform'
W, [2024-06-11T08:14:03.020 #4412]  WARN -- : order ORD-88122 sku=KB-MECH-RED-UK new_product=true inbound_asn=ASN-5531 status=receiving
I, [2024-06-11T08:14:03.402 #4412]  INFO -- : PickListBuilder order=ORD-88123 lines=1''')], lang=None)

# =====================================================================================================================
# complex
# =====================================================================================================================

# why: only ~30 lines, but the tests have to exercise concurrent loads, de-duplication of in-flight calls and TTL expiry.
t('complex', 'test-generation', "Can you write tests for this little cache from the booking service? It's only thirty-odd lines.", [('internal/cache/loader.go', '''
package cache

import (
	"sync"
	"time"
)

type entry struct {
	val     any
	err     error
	expires time.Time
	ready   chan struct{}
}

type Loader struct {
	mu    sync.Mutex
	ttl   time.Duration
	now   func() time.Time
	items map[string]*entry
	load  func(key string) (any, error)
}

func New(ttl time.Duration, load func(string) (any, error)) *Loader {
	return &Loader{ttl: ttl, now: time.Now, items: map[string]*entry{}, load: load}
}

func (l *Loader) Get(key string) (any, error) {
	l.mu.Lock()
	if e, ok := l.items[key]; ok && (e.expires.IsZero() || l.now().Before(e.expires)) {
		l.mu.Unlock()
		<-e.ready
		return e.val, e.err
	}
	e := &entry{ready: make(chan struct{})}
	l.items[key] = e
	l.mu.Unlock()

	e.val, e.err = l.load(key)
	l.mu.Lock()
	if e.err != nil {
		delete(l.items, key)
	} else {
		e.expires = l.now().Add(l.ttl)
	}
	l.mu.Unlock()
	close(e.ready)
	return e.val, e.err
}''')], fw='go test', lang=None)

t('complex', 'test-generation', "This middleware protects every route on the hospital records API, so I'd like it tested properly before the pen test next month. Please write Vitest tests for it.", [('src/auth/verifyJwt.ts', '''
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Request, Response, NextFunction } from 'express';

const b64url = (buf: Buffer) => buf.toString('base64').replace(/=+$/, '').replace(/\\+/g, '-').replace(/\\//g, '_');
const decode = (s: string) => JSON.parse(Buffer.from(s, 'base64url').toString('utf8'));

export function verifyJwt(keys: Record<string, string>, audience: string, clockSkewSec = 30) {
  return (req: Request, res: Response, next: NextFunction) => {
    const auth = req.headers.authorization ?? '';
    const [scheme, token] = auth.split(' ');
    if (scheme !== 'Bearer' || !token) return res.status(401).json({ error: 'missing token' });
    const parts = token.split('.');
    if (parts.length !== 3) return res.status(401).json({ error: 'malformed token' });
    let header: any, claims: any;
    try { header = decode(parts[0]); claims = decode(parts[1]); } catch { return res.status(401).json({ error: 'malformed token' }); }
    if (header.alg !== 'HS256') return res.status(401).json({ error: 'unsupported alg' });
    const secret = keys[header.kid];
    if (!secret) return res.status(401).json({ error: 'unknown key' });
    const expected = Buffer.from(b64url(createHmac('sha256', secret).update(`${parts[0]}.${parts[1]}`).digest()));
    const actual = Buffer.from(parts[2]);
    if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) return res.status(401).json({ error: 'bad signature' });
    const now = Math.floor(Date.now() / 1000);
    if (typeof claims.exp !== 'number' || now > claims.exp + clockSkewSec) return res.status(401).json({ error: 'expired' });
    if (typeof claims.nbf === 'number' && now + clockSkewSec < claims.nbf) return res.status(401).json({ error: 'not yet valid' });
    const aud = Array.isArray(claims.aud) ? claims.aud : [claims.aud];
    if (!aud.includes(audience)) return res.status(403).json({ error: 'wrong audience' });
    (req as any).user = { id: claims.sub, roles: claims.roles ?? [] };
    next();
  };
}''')], fw='vitest')

t('complex', 'test-generation', "Background: our claims platform is event-sourced (Kotlin, Axon). A claim goes through ClaimFiled, EvidenceAttached, AssessmentRequested, Assessed, PaymentScheduled, PartiallyPaid, Paid, Reopened and Closed, and the adjuster dashboard reads from projections built off the event store. We've had two incidents this year: one where replaying the store after a projection rebuild double-counted partial payments, and one where old v1 ClaimFiled events without a currency field broke the upcaster. I'd like you to design the test suite for this: aggregate tests with given/when/then fixtures, projection tests including full replays and replays from snapshots, upcaster tests, and whatever properties should hold across any valid event sequence. Write out the key tests in Kotlin.", [], reqs=[
    "Cover illegal transitions (e.g. PartiallyPaid after Closed without Reopened) as well as legal ones.",
    "Projection rebuilds must be idempotent: replaying the same stream twice gives the same read model.",
    "Sum of payments in the read model must never exceed the assessed amount.",
], fw='junit5', lang=None)

t('complex', 'test-execution', "We have an end-to-end suite for the order saga (order, payment and inventory services, talking over RabbitMQ) that injects faults with Toxiproxy: payment timeouts, dropped inventory replies, duplicate deliveries. Please run the fault-injection profile against the docker-compose environment and, beyond pass/fail, tell me for every failing scenario which compensating step didn't happen or happened twice, and which service's logs prove it.", [], fw='jest')

t('complex', 'test-execution', "Our distributed lock service (Go, backed by etcd leases) has a Jepsen-style harness that records client histories while it partitions the network and pauses nodes. Could you run the 'partition-majority' and 'clock-skew' workloads for 10 minutes each, feed the histories through the Elle checker, and explain any anomaly it reports in terms of what clients actually observed, e.g. two holders at once?", [], lang=None)

t('complex', 'coverage-analysis', "The access-control module for patient records is at 86% line coverage and people think that's fine. I'm not convinced. Given the policy code and the lcov branch data, which authorisation decisions are actually untested, and which of those gaps could let someone read a record they shouldn't?", [('src/access/canReadRecord.ts', '''
export type Role = 'clinician' | 'nurse' | 'admin' | 'patient' | 'auditor';
export interface Actor { id: string; roles: Role[]; wardIds: string[]; delegateFor?: string[] }
export interface RecordMeta { patientId: string; wardId: string; sensitivity: 'normal' | 'restricted' | 'sealed' }
export interface Context { breakGlass?: { reason: string; approvedBy?: string }; consentRevoked?: boolean; now: Date; consentExpires?: Date }

export function canReadRecord(actor: Actor, rec: RecordMeta, ctx: Context): { allow: boolean; audit: boolean; reason: string } {
  if (rec.sensitivity === 'sealed' && !actor.roles.includes('auditor')) return { allow: false, audit: true, reason: 'sealed' };
  if (actor.roles.includes('patient')) {
    const self = actor.id === rec.patientId;
    const delegate = actor.delegateFor?.includes(rec.patientId) ?? false;
    if (self) return { allow: true, audit: false, reason: 'self' };
    if (delegate && rec.sensitivity === 'normal') return { allow: true, audit: true, reason: 'delegate' };
    return { allow: false, audit: true, reason: 'not own record' };
  }
  if (ctx.consentRevoked || (ctx.consentExpires && ctx.consentExpires < ctx.now)) {
    if (ctx.breakGlass?.reason) return { allow: true, audit: true, reason: 'break-glass' };
    return { allow: false, audit: true, reason: 'no consent' };
  }
  if (actor.roles.includes('clinician')) {
    if (actor.wardIds.includes(rec.wardId)) return { allow: true, audit: rec.sensitivity !== 'normal', reason: 'ward clinician' };
    if (ctx.breakGlass?.reason && (rec.sensitivity === 'normal' || ctx.breakGlass.approvedBy)) return { allow: true, audit: true, reason: 'break-glass' };
  }
  if (actor.roles.includes('nurse') && actor.wardIds.includes(rec.wardId) && rec.sensitivity === 'normal') return { allow: true, audit: false, reason: 'ward nurse' };
  if (actor.roles.includes('auditor')) return { allow: true, audit: true, reason: 'auditor' };
  return { allow: false, audit: true, reason: 'default deny' };
}'''), ('coverage/lcov-access.info', '''
SF:src/access/canReadRecord.ts
FN:6,canReadRecord
FNDA:23,canReadRecord
DA:7,23
DA:8,21
DA:9,6
DA:10,6
DA:11,6
DA:12,1
DA:13,5
DA:14,15
DA:15,2
DA:16,0
DA:18,13
DA:19,9
DA:20,4
DA:22,4
DA:23,1
DA:24,1
BRDA:7,0,0,2
BRDA:7,0,1,21
BRDA:7,1,0,2
BRDA:7,1,1,0
BRDA:9,2,0,6
BRDA:9,2,1,15
BRDA:11,3,0,5
BRDA:11,3,1,1
BRDA:12,4,0,1
BRDA:12,4,1,5
BRDA:13,5,0,0
BRDA:13,5,1,5
BRDA:14,6,0,2
BRDA:14,6,1,13
BRDA:14,7,0,2
BRDA:14,7,1,0
BRDA:15,8,0,2
BRDA:15,8,1,0
BRDA:18,9,0,9
BRDA:18,9,1,4
BRDA:19,10,0,7
BRDA:19,10,1,2
BRDA:20,11,0,0
BRDA:20,11,1,2
BRDA:20,12,0,0
BRDA:20,12,1,0
BRDA:22,13,0,1
BRDA:22,13,1,3
BRDA:23,14,0,1
BRDA:23,14,1,2
LF:16
LH:15
BRF:30
BRH:22
end_of_record''')])

t('complex', 'coverage-analysis', "The trip lifecycle in the ride-sharing backend is a state machine, and JaCoCo says it's 81% branch-covered. I'd like to know which transitions (not lines) have never been exercised, including the cancellation and timeout paths, and a plan for testing them. The class and the uncovered-branch list are below.", [('src/main/kotlin/rides/TripStateMachine.kt', '''
package rides

sealed interface TripEvent {
    data class RiderRequested(val riderId: String) : TripEvent
    data class DriverAssigned(val driverId: String) : TripEvent
    object DriverDeclined : TripEvent
    object DriverArrived : TripEvent
    object RiderNoShow : TripEvent
    object PickedUp : TripEvent
    object DroppedOff : TripEvent
    data class Cancelled(val by: Party) : TripEvent
    object PaymentCaptured : TripEvent
    object PaymentFailed : TripEvent
    object Timeout : TripEvent
}

enum class Party { RIDER, DRIVER, SUPPORT }

enum class TripState { REQUESTED, MATCHING, DRIVER_EN_ROUTE, DRIVER_WAITING, IN_PROGRESS, AWAITING_PAYMENT, COMPLETED, CANCELLED, PAYMENT_ISSUE, EXPIRED }

class IllegalTransition(state: TripState, event: TripEvent) : RuntimeException("$event not allowed in $state")

data class Trip(val state: TripState, val driverId: String? = null, val declines: Int = 0, val cancellationFeeDue: Boolean = false)

object TripStateMachine {
    const val MAX_DECLINES = 3

    fun next(trip: Trip, event: TripEvent): Trip = when (trip.state) {
        TripState.REQUESTED -> when (event) {
            is TripEvent.RiderRequested -> trip.copy(state = TripState.MATCHING)
            is TripEvent.Cancelled -> trip.copy(state = TripState.CANCELLED)
            else -> throw IllegalTransition(trip.state, event)
        }
        TripState.MATCHING -> when (event) {
            is TripEvent.DriverAssigned -> trip.copy(state = TripState.DRIVER_EN_ROUTE, driverId = event.driverId)
            TripEvent.DriverDeclined ->
                if (trip.declines + 1 >= MAX_DECLINES) trip.copy(state = TripState.EXPIRED, declines = trip.declines + 1)
                else trip.copy(declines = trip.declines + 1)
            TripEvent.Timeout -> trip.copy(state = TripState.EXPIRED)
            is TripEvent.Cancelled -> trip.copy(state = TripState.CANCELLED)
            else -> throw IllegalTransition(trip.state, event)
        }
        TripState.DRIVER_EN_ROUTE -> when (event) {
            TripEvent.DriverArrived -> trip.copy(state = TripState.DRIVER_WAITING)
            is TripEvent.Cancelled -> when (event.by) {
                Party.DRIVER -> trip.copy(state = TripState.MATCHING, driverId = null)
                Party.RIDER -> trip.copy(state = TripState.CANCELLED, cancellationFeeDue = true)
                Party.SUPPORT -> trip.copy(state = TripState.CANCELLED)
            }
            else -> throw IllegalTransition(trip.state, event)
        }
        TripState.DRIVER_WAITING -> when (event) {
            TripEvent.PickedUp -> trip.copy(state = TripState.IN_PROGRESS)
            TripEvent.RiderNoShow, TripEvent.Timeout -> trip.copy(state = TripState.CANCELLED, cancellationFeeDue = true)
            is TripEvent.Cancelled -> trip.copy(state = TripState.CANCELLED, cancellationFeeDue = event.by == Party.RIDER)
            else -> throw IllegalTransition(trip.state, event)
        }
        TripState.IN_PROGRESS -> when (event) {
            TripEvent.DroppedOff -> trip.copy(state = TripState.AWAITING_PAYMENT)
            is TripEvent.Cancelled -> if (event.by == Party.SUPPORT) trip.copy(state = TripState.AWAITING_PAYMENT) else throw IllegalTransition(trip.state, event)
            else -> throw IllegalTransition(trip.state, event)
        }
        TripState.AWAITING_PAYMENT, TripState.PAYMENT_ISSUE -> when (event) {
            TripEvent.PaymentCaptured -> trip.copy(state = TripState.COMPLETED)
            TripEvent.PaymentFailed -> trip.copy(state = TripState.PAYMENT_ISSUE)
            else -> throw IllegalTransition(trip.state, event)
        }
        TripState.COMPLETED, TripState.CANCELLED, TripState.EXPIRED -> throw IllegalTransition(trip.state, event)
    }
}'''), ('build/reports/jacoco/trip-uncovered.txt', '''
TripStateMachine.kt:36  1 of 2 branches missed
TripStateMachine.kt:37  1 of 2 branches missed
TripStateMachine.kt:45  2 of 3 branches missed
TripStateMachine.kt:54  1 of 2 branches missed
TripStateMachine.kt:55  1 of 2 branches missed
TripStateMachine.kt:60  1 of 2 branches missed
TripStateMachine.kt:66  1 of 2 branches missed
TripStateMachine.kt:68  1 of 1 branches missed''')], lang=None)

# why: several numbers to compare like any gate, but deciding whether ledger mismatches and duplicate idempotency keys
# during a dual-write migration are tolerable needs distributed-consistency reasoning.
t('complex', 'quality-gate', "We're halfway through migrating bank transfers to the new ledger, with dual writes to old and new stores and a nightly reconciliation. The canary has been at 10% for three days and the business wants to go to 50% tomorrow. The canary metrics are below. Please judge whether we should promote, hold or roll back, and explain what each of the consistency signals actually implies about money movement.", [('canary/transfers-day3.json', '''
{
  "traffic_pct": 10,
  "window_hours": 72,
  "http_5xx_rate_pct": { "canary": 0.07, "baseline": 0.06 },
  "p99_latency_ms": { "canary": 412, "baseline": 388 },
  "transfers_total": 1843120,
  "dual_write": {
    "new_store_write_failures": 214,
    "old_store_write_failures": 3,
    "retried_and_succeeded": 209,
    "outbox_lag_p99_s": 41
  },
  "reconciliation": {
    "runs": 3,
    "mismatched_transfers": [0, 2, 7],
    "mismatch_kinds": { "amount_equal_status_differs": 6, "present_in_old_only": 3 },
    "auto_resolved": 5
  },
  "idempotency": {
    "duplicate_key_hits": 1290,
    "duplicate_key_hits_with_different_payload": 4
  },
  "customer_complaints_tagged_transfer": { "canary": 2, "baseline_per_10pct": 3 }
}''')], lang=None)

# why: the gate itself is standard, but it spans seven service reports (well over 250 lines) and the verdict depends on
# cross-checking which deployed versions the contract tests actually ran against.
t('complex', 'quality-gate', "Release day for the streaming platform, and the train includes seven services. Each team posted their gate report (below), and every one of them says PASS on its own. Before I sign, I want someone to check the whole picture: the contract-test results are against specific provider versions, and I'm not sure the versions tested are the versions we're about to deploy. Please cross-check everything and tell me whether the release as a whole should go.", [(f'gate/{svc}.txt', f'service: {svc}\nversion_to_deploy: {ver}\nstatus: PASS\n' + f'unit: {400 + k * 37} passed, 0 failed\ncoverage: {78 + k}.{k * 3 % 10}%\n' + 'contract_tests:\n' + lines(6, lambda i: f'  - consumer: {svc} provider: {["catalog", "playback", "entitlements", "profiles", "recommendations", "billing", "drm"][(k + i + 1) % 7]} provider_version: {["4.2.0", "7.1.3", "2.9.1", "3.3.0", "5.0.2", "6.4.1", "1.8.0"][(k + i + 1) % 7] if (k, i) not in ((1, 2), (4, 0), (6, 3)) else ["4.1.7", "7.0.9", "2.8.4", "3.2.5", "4.9.9", "6.3.0", "1.7.2"][(k + i + 1) % 7]} result: pass') + '\nperformance:\n' + lines(8, lambda i: f'  - endpoint: /{svc}/v1/op{i} p95_ms: {60 + (i * 29 + k * 13) % 140} budget_ms: 220') + '\nsecurity:\n  critical: 0\n  high: ' + str(k % 2) + '\n  waivers: ' + ('["SEC-902 (expires 2024-06-01)"]' if svc == 'billing' else '[]') + '\n' + 'e2e_smoke:\n' + lines(10, lambda i: f'  - scenario: {svc}_smoke_{i} result: pass duration_s: {3 + (i * 7 + k) % 20}')) for k, (svc, ver) in enumerate([('catalog', '4.2.0'), ('playback', '7.1.3'), ('entitlements', '2.9.1'), ('profiles', '3.3.0'), ('recommendations', '5.0.2'), ('billing', '6.4.1'), ('drm', '1.8.0')])], reqs=[
    "Release date is 2024-06-12.",
    "A high finding needs an unexpired waiver.",
], lang=None)

t('complex', 'flaky-test-analysis', "This ExUnit test in the chat presence app fails roughly once in thirty CI runs with the assertion below, never locally. The module under test and the test are attached. I suspect something about async tests and the registry, but I can't pin it down. What is the race, and how do we fix the test (or the code, if the code is wrong)?", [('lib/chat/presence_tracker.ex', '''
defmodule Chat.PresenceTracker do
  use GenServer

  def start_link(opts), do: GenServer.start_link(__MODULE__, opts, name: __MODULE__)

  def join(room, user, pid \\\\ self()), do: GenServer.call(__MODULE__, {:join, room, user, pid})
  def online(room), do: GenServer.call(__MODULE__, {:online, room})

  @impl true
  def init(_opts), do: {:ok, %{rooms: %{}, monitors: %{}}}

  @impl true
  def handle_call({:join, room, user, pid}, _from, state) do
    ref = Process.monitor(pid)
    rooms = Map.update(state.rooms, room, MapSet.new([user]), &MapSet.put(&1, user))
    Phoenix.PubSub.broadcast(Chat.PubSub, "presence:" <> room, {:joined, user})
    {:reply, :ok, %{state | rooms: rooms, monitors: Map.put(state.monitors, ref, {room, user})}}
  end

  def handle_call({:online, room}, _from, state),
    do: {:reply, state.rooms |> Map.get(room, MapSet.new()) |> MapSet.to_list() |> Enum.sort(), state}

  @impl true
  def handle_info({:DOWN, ref, :process, _pid, _reason}, state) do
    {{room, user}, monitors} = Map.pop(state.monitors, ref)
    rooms = Map.update!(state.rooms, room, &MapSet.delete(&1, user))
    Phoenix.PubSub.broadcast(Chat.PubSub, "presence:" <> room, {:left, user})
    {:noreply, %{state | rooms: rooms, monitors: monitors}}
  end
end'''), ('test/chat/presence_tracker_test.exs', '''
defmodule Chat.PresenceTrackerTest do
  use ExUnit.Case, async: true
  alias Chat.PresenceTracker

  setup do
    Phoenix.PubSub.subscribe(Chat.PubSub, "presence:lobby")
    :ok
  end

  test "user leaves when their process exits" do
    pid = spawn(fn -> receive do: (:stop -> :ok) end)
    :ok = PresenceTracker.join("lobby", "alice", pid)
    assert_receive {:joined, "alice"}
    send(pid, :stop)
    assert_receive {:left, "alice"}
    assert PresenceTracker.online("lobby") == []
  end

  test "lists users in a room sorted" do
    :ok = PresenceTracker.join("lobby", "zoe")
    :ok = PresenceTracker.join("lobby", "bob")
    assert PresenceTracker.online("lobby") == ["bob", "zoe"]
  end
end'''), ('ci/logs/exunit-failure.txt', '''
  1) test user leaves when their process exits (Chat.PresenceTrackerTest)
     test/chat/presence_tracker_test.exs:10
     Assertion with == failed
     code:  assert PresenceTracker.online("lobby") == []
     left:  ["bob", "zoe"]
     right: []
     stacktrace:
       test/chat/presence_tracker_test.exs:16: (test)

Finished in 0.3 seconds (0.3s async, 0.00s sync)
2 tests, 1 failure

Randomized with seed 50231''')], fw='exunit', lang=None)

t('complex', 'flaky-test-analysis', "About 3% of our checkout end-to-end runs fail with 'inventory already reserved' even though each run uses a fresh cart. It only happens on the shared staging cluster. I've collected log excerpts from the API gateway, the cart service and the inventory consumer for one failing run. Could you work out what's going on across the services and whether it's the test or the system that's wrong?", [('logs/gateway.log', '''
2024-06-09T14:02:11.201Z req=7f3a POST /api/checkout cart=crt_99812 -> cart-svc
2024-06-09T14:02:16.204Z req=7f3a upstream timeout after 5000ms, retrying (attempt 2/3)
2024-06-09T14:02:16.207Z req=7f3a POST /api/checkout cart=crt_99812 -> cart-svc
2024-06-09T14:02:16.950Z req=7f3a 409 {"error":"inventory already reserved","sku":"SKU-2231"}'''), ('logs/cart-svc.log', '''
2024-06-09T14:02:11.214Z checkout start cart=crt_99812 idem=none
2024-06-09T14:02:11.230Z publish ReserveInventory cart=crt_99812 sku=SKU-2231 qty=1 msgId=a1 partition=3
2024-06-09T14:02:16.219Z checkout start cart=crt_99812 idem=none
2024-06-09T14:02:16.226Z publish ReserveInventory cart=crt_99812 sku=SKU-2231 qty=1 msgId=b7 partition=3
2024-06-09T14:02:16.931Z reservation result cart=crt_99812 msgId=a1 status=RESERVED
2024-06-09T14:02:16.944Z reservation result cart=crt_99812 msgId=b7 status=ALREADY_RESERVED -> 409'''), ('logs/inventory-consumer.log', '''
2024-06-09T14:02:11.240Z [consumer-2] partition 3 revoked (rebalance: consumer-5 joined)
2024-06-09T14:02:16.880Z [consumer-5] partition 3 assigned, committed offset 88120
2024-06-09T14:02:16.905Z [consumer-5] handle msgId=a1 offset=88121 reserve SKU-2231 for crt_99812 -> RESERVED
2024-06-09T14:02:16.939Z [consumer-5] handle msgId=b7 offset=88122 reserve SKU-2231 for crt_99812 -> ALREADY_RESERVED''')], fw='playwright', lang='typescript')

t('complex', 'security-scan', "Our e-commerce site's password reset was written in a hurry during a launch, and it hasn't been reviewed since. Could you go over it for security issues and tell me how an attacker would exploit each one?", [('src/routes/passwordReset.ts', '''
import { Router } from 'express';
import { db } from '../db';
import { mailer } from '../mailer';
import { hashPassword } from '../auth/hash';

export const router = Router();

router.post('/password-reset/request', async (req, res) => {
  const { email } = req.body;
  const user = await db.users.findOne({ email });
  if (!user) return res.status(404).json({ error: 'No account with that email' });
  const token = Math.random().toString(36).slice(2, 10);
  await db.resetTokens.insert({ userId: user.id, token, createdAt: new Date() });
  const host = req.headers.host;
  await mailer.send(email, 'Reset your password', `https://${host}/reset?token=${token}&uid=${user.id}`);
  res.json({ ok: true });
});

router.post('/password-reset/confirm', async (req, res) => {
  const { uid, token, newPassword } = req.body;
  const row = await db.resetTokens.findOne({ userId: uid });
  if (!row || row.token != token) return res.status(400).json({ error: 'Invalid token' });
  if (newPassword.length < 6) return res.status(400).json({ error: 'Password too short' });
  await db.users.update({ id: uid }, { passwordHash: await hashPassword(newPassword) });
  res.json({ ok: true });
});''')])

t('complex', 'security-scan', "The analytics team built a flexible report endpoint in our .NET API so customers can filter and sort their ad campaign stats. It's popular, and I'm nervous about it. Please review it for injection and authorisation problems and suggest how to fix them without losing the flexibility.", [('Reports/CampaignReportRepository.cs', '''
using System.Collections.Generic;
using System.Data;
using System.Linq;
using System.Threading.Tasks;
using Dapper;

public record ReportFilter(string Field, string Op, string Value);

public class CampaignReportRepository
{
    private readonly IDbConnection _db;
    private static readonly HashSet<string> AllowedOps = new() { "=", "<", ">", "LIKE" };

    public CampaignReportRepository(IDbConnection db) => _db = db;

    public async Task<IEnumerable<dynamic>> RunAsync(int accountId, IList<ReportFilter> filters, string sortBy, bool desc, int limit)
    {
        var sql = "SELECT campaign_id, name, impressions, clicks, spend_cents FROM campaign_stats WHERE account_id = @accountId";
        var p = new DynamicParameters();
        p.Add("accountId", accountId);

        for (var i = 0; i < filters.Count; i++)
        {
            var f = filters[i];
            if (!AllowedOps.Contains(f.Op)) continue;
            sql += $" OR {f.Field} {f.Op} @v{i}";
            p.Add($"v{i}", f.Op == "LIKE" ? $"%{f.Value}%" : f.Value);
        }

        if (!string.IsNullOrEmpty(sortBy))
            sql += $" ORDER BY {sortBy} {(desc ? "DESC" : "ASC")}";

        sql += $" LIMIT {limit}";
        return await _db.QueryAsync(sql, p);
    }
}''')], lang=None)

# why: about 25 lines, but it is signature verification for money-moving webhooks (timing, replay, parse-before-verify).
t('complex', 'security-scan', "Short one: we receive payout webhooks from our payment provider into the payroll app and check the signature like this. Is it safe?", [('app/controllers/webhooks/payouts_controller.rb', '''
module Webhooks
  class PayoutsController < ApplicationController
    skip_before_action :verify_authenticity_token

    def create
      payload = JSON.parse(request.raw_post)
      timestamp = request.headers['X-Provider-Timestamp']
      signature = request.headers['X-Provider-Signature']
      expected = OpenSSL::HMAC.hexdigest('SHA256', ENV['PROVIDER_WEBHOOK_SECRET'].to_s, "#{timestamp}.#{payload.to_json}")

      if signature == expected
        Payout.find_by!(reference: payload['reference']).update!(status: payload['status'])
        head :ok
      else
        Rails.logger.warn("bad webhook signature #{signature} expected #{expected}")
        head :unauthorized
      end
    end
  end
end''')], lang=None)

t('complex', 'performance-testing', "We're launching live sports on the streaming platform in September and I've been asked to own the load and soak testing. The platform is roughly: API gateway, auth, entitlements, catalog, playback session service, DRM licence server, manifest service, CDN origin shield, recommendations, and a Kafka-based viewing-events pipeline feeding analytics. Big matches mean a thundering herd of logins and playback starts in the ten minutes before kick-off, then sustained concurrent viewing for two hours with heartbeats every 30 seconds. Please draft the test plan: workload models, which services to test in isolation versus end to end, data and environment setup, the soak duration, what to measure and where the pass/fail thresholds should come from.", [], reqs=[
    "Target: 1.5 million concurrent viewers, 400k playback starts per minute at peak.",
    "The DRM licence server is a third-party product with a licence cap on test traffic.",
    "Include how to detect slow leaks during the soak, not only peak failures.",
], fw='k6', lang=None)

t('complex', 'performance-testing', "Context: our ad bidder has a 100 ms deadline per auction and we're seeing p99 creep from 40 ms to 90 ms when QPS goes above 20k, with CPU only at 55%. I suspect contention in the budget pacer below, which every bid goes through. Could you design benchmarks and a load test that would prove or disprove that, and tell me what you'd expect to see in the profiles if I'm right?", [('internal/pacing/pacer.go', '''
package pacing

import (
	"sync"
	"time"
)

type Pacer struct {
	mu      sync.Mutex
	budgets map[string]*budget
}

type budget struct {
	dailyCents   int64
	spentCents   int64
	windowStart  time.Time
	windowSpent  int64
	windowLimit  int64
}

func (p *Pacer) Allow(campaignID string, bidCents int64, now time.Time) bool {
	p.mu.Lock()
	defer p.mu.Unlock()
	b, ok := p.budgets[campaignID]
	if !ok {
		return false
	}
	if now.Sub(b.windowStart) > time.Minute {
		b.windowStart = now
		b.windowSpent = 0
	}
	if b.spentCents+bidCents > b.dailyCents || b.windowSpent+bidCents > b.windowLimit {
		return false
	}
	b.spentCents += bidCents
	b.windowSpent += bidCents
	return true
}

func (p *Pacer) Reload(src map[string]int64) {
	p.mu.Lock()
	defer p.mu.Unlock()
	for id, daily := range src {
		if b, ok := p.budgets[id]; ok {
			b.dailyCents = daily
			b.windowLimit = daily / 1440 * 3
		} else {
			p.budgets[id] = &budget{dailyCents: daily, windowLimit: daily / 1440 * 3, windowStart: time.Now()}
		}
	}
}''')], lang=None)

t('complex', 'defect-analysis', "A customer was charged twice for a single bank transfer last Tuesday and we can't reproduce it. The transfer goes through the API, the transfer service, and the ledger service, with an idempotency key from the mobile app. Logs from all three for that transfer and the transfer service's handler are below. Please find the root cause and tell me what tests would have caught it.", [('logs/api.log', '''
2024-06-04T09:15:02.004Z POST /v2/transfers idem=8c1e-42 user=u_5512 -> transfer-svc
2024-06-04T09:15:07.010Z idem=8c1e-42 transfer-svc timeout (5s); returning 504
2024-06-04T09:15:09.311Z POST /v2/transfers idem=8c1e-42 user=u_5512 -> transfer-svc (client retry)
2024-06-04T09:15:09.802Z idem=8c1e-42 201 transfer=tr_77120'''), ('logs/transfer-svc.log', '''
2024-06-04T09:15:02.010Z [pod-a] idem=8c1e-42 lookup: not found
2024-06-04T09:15:02.015Z [pod-a] idem=8c1e-42 calling ledger.debit amount=250000 account=acc_19
2024-06-04T09:15:09.318Z [pod-b] idem=8c1e-42 lookup: not found
2024-06-04T09:15:09.320Z [pod-b] idem=8c1e-42 calling ledger.debit amount=250000 account=acc_19
2024-06-04T09:15:09.790Z [pod-b] idem=8c1e-42 stored idempotency record transfer=tr_77120
2024-06-04T09:15:09.795Z [pod-a] idem=8c1e-42 ledger.debit ok entry=le_90031 (7.78s)
2024-06-04T09:15:09.801Z [pod-a] idem=8c1e-42 store idempotency record failed: duplicate key; ignoring'''), ('logs/ledger-svc.log', '''
2024-06-04T09:15:02.020Z debit acc_19 250000 ref=none -> queued (lock wait)
2024-06-04T09:15:09.330Z debit acc_19 250000 ref=none -> queued (lock wait)
2024-06-04T09:15:09.780Z debit acc_19 250000 entry=le_90030 committed
2024-06-04T09:15:09.792Z debit acc_19 250000 entry=le_90031 committed'''), ('src/transfers/handler.ts', '''
export async function createTransfer(req: TransferRequest, deps: Deps): Promise<TransferResult> {
  const existing = await deps.idempotency.get(req.idempotencyKey);
  if (existing) return existing.result;

  const entry = await deps.ledger.debit({ account: req.fromAccount, amountCents: req.amountCents });
  const transfer = await deps.transfers.insert({ ...req, ledgerEntryId: entry.id, status: 'pending' });
  const result = { transferId: transfer.id, status: transfer.status };

  try {
    await deps.idempotency.put(req.idempotencyKey, { result });
  } catch (err) {
    if (!isDuplicateKey(err)) throw err;
  }
  await deps.payouts.enqueue(transfer.id);
  return result;
}''')], lang=None)

t('complex', 'defect-analysis', "Every few hours one of the simulated warehouse robot fleets freezes: all robots in a zone stop moving, CPU drops to zero, and nothing is logged. Restarting the process fixes it. The reservation code and a goroutine dump taken during a freeze are below. What's happening, and how would you prove the fix works?", [('internal/grid/reserve.go', '''
package grid

import "sync"

type Cell struct {
	mu    sync.Mutex
	owner string
}

type Grid struct {
	cells map[[2]int]*Cell
}

// Move reserves the destination cell before releasing the current one,
// so two robots can never occupy the same cell.
func (g *Grid) Move(robot string, from, to [2]int) bool {
	src := g.cells[from]
	dst := g.cells[to]
	src.mu.Lock()
	defer src.mu.Unlock()
	dst.mu.Lock()
	defer dst.mu.Unlock()
	if dst.owner != "" {
		return false
	}
	dst.owner = robot
	src.owner = ""
	return true
}'''), ('dumps/goroutines-freeze.txt', '''
goroutine 412 [sync.Mutex.Lock, 14 minutes]:
sync.(*Mutex).Lock(...)
warehouse/internal/grid.(*Grid).Move(0xc0001a2000, {0xc00012e0a0, 0x5}, {0xc, 0x7}, {0xd, 0x7})
	/src/internal/grid/reserve.go:21 +0x11b
warehouse/internal/robot.(*Robot).step(0xc000220480)
	/src/internal/robot/robot.go:58 +0x9c

goroutine 419 [sync.Mutex.Lock, 14 minutes]:
sync.(*Mutex).Lock(...)
warehouse/internal/grid.(*Grid).Move(0xc0001a2000, {0xc00012e0b8, 0x5}, {0xd, 0x7}, {0xc, 0x7})
	/src/internal/grid/reserve.go:21 +0x11b
warehouse/internal/robot.(*Robot).step(0xc000220900)
	/src/internal/robot/robot.go:58 +0x9c

goroutine 433 [sync.Mutex.Lock, 14 minutes]:
sync.(*Mutex).Lock(...)
warehouse/internal/grid.(*Grid).Move(0xc0001a2000, {0xc00012e0d0, 0x5}, {0xd, 0x8}, {0xd, 0x7})
	/src/internal/grid/reserve.go:19 +0x9e
warehouse/internal/robot.(*Robot).step(0xc000220d80)
	/src/internal/robot/robot.go:58 +0x9c''')], lang=None)
