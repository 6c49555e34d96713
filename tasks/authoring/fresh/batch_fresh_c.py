from lib import t, lines

# Fresh evaluation batch C, written to the tier rubric in docs/tasks.md (cheapest tier that reliably does the
# task well). Persona: an SRE / engineering manager; mix of one-liners, long pastes and numbered requirements.
# 18 simple, 18 medium, 18 complex; all 8 task types; languages, domains and lengths vary on purpose.
# Where a label was a close call, a `# why:` comment above the task gives the deciding reason.

# ============================================ simple ============================================================

t('simple', 'test-execution', "rerun the auth suite 5x, flaky or not? just pass/fail per run is fine", [], fw='vitest')

_CLS = ['SeatMapServiceTest', 'BoardingPassServiceTest', 'BaggageFeeCalculatorTest', 'PassportScanTest',
        'UpgradeOfferTest', 'CheckinWindowTest', 'LoyaltyTierTest']
_VERB = ['assigns', 'rejects', 'prices', 'validates', 'renders']
_CASE = ['Economy', 'Business', 'Infant', 'Codeshare', 'Group', 'ExitRow', 'Standby']
def _tc(i):
    cls, name = _CLS[i % 7], f'{_VERB[i % 5]}{_CASE[(i * 3) % 7]}Passenger_{i}'
    if i in (17, 58, 91, 122):
        return (f'    <testcase classname="com.skyline.checkin.{cls}" name="{name}" time="0.412">\n'
                f'      <failure type="org.opentest4j.AssertionFailedError" message="expected: &lt;ISSUED&gt; but was: &lt;PENDING&gt;">'
                f'at com.skyline.checkin.{cls}.{name}({cls}.java:{40 + i})</failure>\n    </testcase>')
    return f'    <testcase classname="com.skyline.checkin.{cls}" name="{name}" time="{0.01 + (i % 9) * 0.007:.3f}"/>'
t('simple', 'test-execution', "Pasting the surefire XML from last night's check-in build (long, sorry). Which tests failed? Class + method name per line is all I need for the ticket.", [('target/surefire-reports/TEST-checkin.xml', '<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="checkin-service" tests="140" failures="4" errors="0" time="21.87">\n  <testsuite name="com.skyline.checkin" tests="140" failures="4">\n' + lines(140, _tc) + '\n  </testsuite>\n</testsuites>')], lang=None)

t('simple', 'test-execution', "Can you run `pytest -m smoke` inside services/leaderboard and tell me how long it took and whether anything got skipped? No need to dig into failures if there are any, just list them.", [], fw='pytest', lang=None)

t('simple', 'test-generation', "We're finally off JUnit 4 in the grades service. Port this test class to JUnit 5 (Jupiter) — same cases, same names, just the new annotations and assertThrows instead of the expected= attribute.", [('src/test/java/edu/gradebook/GradeCalculatorTest.java', '''
package edu.gradebook;

import org.junit.Before;
import org.junit.Test;
import static org.junit.Assert.assertEquals;

public class GradeCalculatorTest {
    private GradeCalculator calc;

    @Before
    public void setUp() {
        calc = new GradeCalculator(new int[] {90, 80, 70, 60});
    }

    @Test
    public void ninetyIsAnA() {
        assertEquals("A", calc.letterFor(90));
    }

    @Test
    public void seventyNineIsAC() {
        assertEquals("C", calc.letterFor(79));
    }

    @Test
    public void belowSixtyIsAnF() {
        assertEquals("F", calc.letterFor(12));
    }

    @Test(expected = IllegalArgumentException.class)
    public void rejectsScoresAboveHundred() {
        calc.letterFor(101);
    }
}''')], fw='junit4', lang=None)

t('simple', 'test-generation', "Quick one: unit tests with package:test for this thermostat helper in the smart-home app. Cover the rounding and the clamp.", [('lib/thermostat/convert.dart', '''
/// Converts a Fahrenheit reading to Celsius, rounded to the nearest 0.5,
/// and clamped to the range the heating unit accepts (5..30 C).
double toDisplayCelsius(double fahrenheit) {
  final c = (fahrenheit - 32) * 5 / 9;
  final rounded = (c * 2).round() / 2;
  if (rounded < 5) return 5;
  if (rounded > 30) return 30;
  return rounded;
}''')], fw='dart test', lang=None)

_GEN_MODS = ['align/bwa_runner', 'align/sort_bam', 'qc/fastqc_parse', 'qc/contamination', 'variant/call_gatk',
             'variant/filter_vqsr', 'variant/annotate_vep', 'io/vcf_reader', 'io/vcf_writer', 'io/sample_sheet',
             'io/s3_staging', 'cnv/segment', 'cnv/plot', 'report/pdf_render', 'report/summary_json',
             'workflow/dag', 'workflow/retry', 'workflow/slurm_submit', 'util/checksums', 'util/ref_genome',
             'util/intervals', 'util/logging_cfg']
def _lcov_rec(i):
    lf = 40 + (i * 37) % 210
    lh = int(lf * (25 + (i * 29) % 75) / 100)
    return f'TN:\nSF:pipeline/{_GEN_MODS[i]}.py\nFNF:{3 + i % 8}\nFNH:{2 + i % 6}\nLF:{lf}\nLH:{lh}\nBRF:{lf // 4}\nBRH:{lh // 5}\nend_of_record'
t('simple', 'coverage-analysis', "Attached is the lcov from the genomics pipeline repo. I need every file under 60% line coverage, lowest first, with the percentage — going into the Q3 planning doc.", [('coverage/lcov.info', lines(len(_GEN_MODS), _lcov_rec))], lang=None)

t('simple', 'coverage-analysis', "which funcs in the rating package have zero coverage? output of go tool cover below", [('cover-func.txt', '''
billing/rating/cdr.go:24:          ParseCDR                100.0%
billing/rating/cdr.go:61:          normaliseMSISDN         87.5%
billing/rating/cdr.go:88:          isRoaming               0.0%
billing/rating/tariff.go:17:       LoadTariffs             72.7%
billing/rating/tariff.go:55:       tariffFor               100.0%
billing/rating/tariff.go:79:       applyPeakWindow         0.0%
billing/rating/tariff.go:112:      applyBundleDiscount     64.3%
billing/rating/rounding.go:9:      RoundUpToBlock          100.0%
billing/rating/rounding.go:21:     roundHalfEven           0.0%
billing/rating/invoice.go:30:      BuildInvoiceLines       81.0%
billing/rating/invoice.go:97:      taxFor                  55.6%
billing/rating/invoice.go:140:     currencyFor             0.0%
billing/rating/export.go:12:       WriteCSV                90.9%
total:                             (statements)            71.4%''')], lang=None)

t('simple', 'coverage-analysis', "Here's the istanbul text summary for the courier-app API. Give me the five files with the worst branch coverage, worst first, as a markdown table.", [('coverage/text-summary.txt', '''
-----------------------------|---------|----------|---------|---------|
File                         | % Stmts | % Branch | % Funcs | % Lines |
-----------------------------|---------|----------|---------|---------|
All files                    |   78.31 |    63.90 |   81.22 |   78.85 |
 src/orders/create.ts        |   91.20 |    84.00 |  100.00 |   91.20 |
 src/orders/cancel.ts        |   70.37 |    45.45 |   80.00 |   71.15 |
 src/orders/refund.ts        |   62.50 |    38.88 |   66.66 |   63.01 |
 src/couriers/assign.ts      |   84.61 |    72.22 |   87.50 |   85.00 |
 src/couriers/eta.ts         |   58.06 |    41.17 |   60.00 |   58.06 |
 src/restaurants/menu.ts     |   95.65 |    90.00 |  100.00 |   95.65 |
 src/restaurants/hours.ts    |   73.33 |    50.00 |   75.00 |   74.07 |
 src/payments/tips.ts        |   88.88 |    66.66 |  100.00 |   88.88 |
 src/notifications/push.ts   |   66.66 |    55.55 |   71.42 |   67.27 |
-----------------------------|---------|----------|---------|---------|''')], lang=None)

t('simple', 'quality-gate', "edge 5xx rate over the last 28 days was 0.21%, our SLO is 99.7% success. are we inside the error budget, and roughly what fraction of it is used?", [], lang=None)

t('simple', 'quality-gate', "Turn this SonarQube gate response for the contracts service into three bullets for the release notes. Nothing else needed.", [('sonar/qualitygate.json', '''
{
  "projectStatus": {
    "status": "OK",
    "conditions": [
      { "status": "OK", "metricKey": "new_coverage", "comparator": "LT", "errorThreshold": "80", "actualValue": "86.2" },
      { "status": "OK", "metricKey": "new_duplicated_lines_density", "comparator": "GT", "errorThreshold": "3", "actualValue": "1.1" },
      { "status": "OK", "metricKey": "new_reliability_rating", "comparator": "GT", "errorThreshold": "1", "actualValue": "1" },
      { "status": "OK", "metricKey": "new_security_hotspots_reviewed", "comparator": "LT", "errorThreshold": "100", "actualValue": "100" },
      { "status": "OK", "metricKey": "new_maintainability_rating", "comparator": "GT", "errorThreshold": "1", "actualValue": "1" }
    ],
    "period": { "mode": "PREVIOUS_VERSION", "date": "2024-05-02T09:14:11+0000", "parameter": "4.17.0" }
  }
}''')], lang=None)

_SR_TESTS = ['ranker/bm25.spec', 'ranker/boost_fresh.spec', 'ranker/synonyms.spec', 'api/search_e2e.spec',
             'api/autocomplete.spec', 'index/reindex_job.spec']
_SR_COMMITS = ['a41f9c2', '7be03d1', 'c9e2a70', '1f08b3e', 'e55d6aa']
def _sr_row(i):
    c, tname = _SR_COMMITS[i // 24], _SR_TESTS[i % 6]
    fail = (tname == 'api/autocomplete.spec' and i % 24 == 10 and i // 24 in (0, 2)) or (tname == 'index/reindex_job.spec' and i // 24 == 3 and i % 12 == 5) or (tname == 'ranker/synonyms.spec' and i // 24 == 4)
    return f'{1000 + i},{c},{tname},{"failed" if fail else "passed"},{800 + (i * 97) % 2400}'
t('simple', 'flaky-test-analysis', "Export of the last 120 CI test results for the search-ranking service is below. List the tests that both passed and failed on the same commit — names only, no theories yet.", [('ci/test-history.csv', 'run_id,commit,test,status,duration_ms\n' + lines(120, _sr_row))], lang=None)

t('simple', 'flaky-test-analysis', "From this Playwright output for the onboarding portal, which tests only passed on a retry?", [('playwright-output.txt', '''
Running 14 tests using 4 workers

  ✓  1 [chromium] › onboarding/welcome.spec.ts:8:3 › shows the welcome banner (1.2s)
  ✓  2 [chromium] › onboarding/documents.spec.ts:14:3 › uploads a passport scan (3.4s)
  ✘  3 [chromium] › onboarding/documents.spec.ts:31:3 › rejects a PDF over 10MB (5.0s)
  ✓  4 [chromium] › onboarding/documents.spec.ts:31:3 › rejects a PDF over 10MB (retry #1) (2.1s)
  ✓  5 [chromium] › onboarding/bank.spec.ts:9:3 › saves IBAN and sort code (2.2s)
  ✓  6 [chromium] › onboarding/equipment.spec.ts:12:3 › orders a laptop (1.9s)
  ✘  7 [chromium] › onboarding/contract.spec.ts:20:3 › signs the employment contract (30.0s)
  ✘  8 [chromium] › onboarding/contract.spec.ts:20:3 › signs the employment contract (retry #1) (30.0s)
  ✓  9 [chromium] › onboarding/contract.spec.ts:20:3 › signs the employment contract (retry #2) (4.4s)
  ✓ 10 [chromium] › onboarding/buddy.spec.ts:7:3 › assigns an onboarding buddy (1.1s)
  ✓ 11 [chromium] › onboarding/it-access.spec.ts:15:3 › requests SSO and VPN access (2.7s)
  ✘ 12 [chromium] › onboarding/payroll.spec.ts:22:3 › shows first payslip date (1.4s)
  ✘ 13 [chromium] › onboarding/payroll.spec.ts:22:3 › shows first payslip date (retry #1) (1.3s)
  ✘ 14 [chromium] › onboarding/payroll.spec.ts:22:3 › shows first payslip date (retry #2) (1.3s)

  1 failed
    [chromium] › onboarding/payroll.spec.ts:22:3 › shows first payslip date
  2 flaky
    [chromium] › onboarding/documents.spec.ts:31:3 › rejects a PDF over 10MB
    [chromium] › onboarding/contract.spec.ts:20:3 › signs the employment contract
  8 passed (58.3s)''')], lang=None)

_TRIVY_PKGS = ['openssl', 'libssl3', 'zlib1g', 'libcurl4', 'curl', 'libexpat1', 'libxml2', 'busybox', 'musl',
               'libgnutls30', 'libsqlite3-0', 'libtiff5', 'ncurses-base', 'perl-base', 'tar']
_TRIVY_SEV = ['LOW', 'MEDIUM', 'HIGH', 'MEDIUM', 'CRITICAL', 'LOW', 'HIGH', 'MEDIUM', 'LOW', 'MEDIUM', 'CRITICAL', 'LOW']
def _trivy_row(i):
    sev = _TRIVY_SEV[i % 12]
    fixed = f'{1 + i % 3}.{i % 7}.{(i * 5) % 11}-r{i % 4}' if i % 5 else ''
    inst = f'{i % 4}.{(i * 3) % 10}.{i % 6}-r0'
    return f'│ {_TRIVY_PKGS[i % 15]:<14} │ {"CVE-2023-" + str(21000 + i * 137):<16} │ {sev:<8} │ {inst:<16} │ {fixed:<14} │'
t('simple', 'security-scan', "Trivy output for the exchange's matching-engine image is below. I only want the CRITICAL rows, as a table of package / CVE / fixed version (say 'none' if no fix yet).", [('scan/trivy-matching-engine.txt', '''
matching-engine:2.14.1 (alpine 3.17.3)
Total: 60 (LOW: 20, MEDIUM: 20, HIGH: 10, CRITICAL: 10)

┌────────────────┬──────────────────┬──────────┬──────────────────┬────────────────┐
│    Library     │  Vulnerability   │ Severity │ Installed Version│ Fixed Version  │
├────────────────┼──────────────────┼──────────┼──────────────────┼────────────────┤
''' + lines(60, _trivy_row) + '\n└────────────────┴──────────────────┴──────────┴──────────────────┴────────────────┘')], lang=None)

t('simple', 'security-scan', "npm audit for the grades portal frontend, JSON below. Count the findings per severity and tell me which ones have a fix that isn't a semver-major bump.", [('audit.json', '''
{
  "auditReportVersion": 2,
  "vulnerabilities": {
    "semver": { "name": "semver", "severity": "high", "via": ["GHSA-c2qf-rxjj-qqgw"], "range": "<5.7.2", "fixAvailable": true },
    "tough-cookie": { "name": "tough-cookie", "severity": "moderate", "via": ["GHSA-72xf-g2v4-qvf3"], "range": "<4.1.3", "fixAvailable": true },
    "webpack-dev-middleware": { "name": "webpack-dev-middleware", "severity": "high", "via": ["GHSA-wr3j-pwj9-hqq6"], "range": "<=5.3.3", "fixAvailable": { "name": "react-scripts", "version": "5.0.1", "isSemVerMajor": true } },
    "postcss": { "name": "postcss", "severity": "moderate", "via": ["GHSA-7fh5-64p2-3v2j"], "range": "<8.4.31", "fixAvailable": { "name": "resolve-url-loader", "version": "5.0.0", "isSemVerMajor": true } },
    "nth-check": { "name": "nth-check", "severity": "high", "via": ["GHSA-rp65-9cf3-cjxr"], "range": "<2.0.1", "fixAvailable": { "name": "react-scripts", "version": "5.0.1", "isSemVerMajor": true } },
    "word-wrap": { "name": "word-wrap", "severity": "moderate", "via": ["GHSA-j8xg-fqg3-53r7"], "range": "<1.2.4", "fixAvailable": true },
    "json5": { "name": "json5", "severity": "high", "via": ["GHSA-9c47-m6qq-7p4h"], "range": "<1.0.2", "fixAvailable": true }
  },
  "metadata": { "vulnerabilities": { "info": 0, "low": 0, "moderate": 3, "high": 4, "critical": 0, "total": 7 } }
}''')], lang=None)

t('simple', 'performance-testing', "JMeter aggregate report from the Friday dinner-rush rehearsal. Which label has the worst 99th percentile, and what was the total throughput?", [('results/aggregate.csv', '''
Label,# Samples,Average,Median,90% Line,95% Line,99% Line,Min,Max,Error %,Throughput,Received KB/sec,Sent KB/sec
GET /restaurants/nearby,48210,142,118,231,288,512,31,4120,0.02%,80.3/sec,611.4,19.8
GET /restaurants/{id}/menu,40177,96,81,150,191,377,22,2980,0.00%,66.9/sec,902.7,15.1
POST /cart/items,22904,171,150,270,330,604,40,5011,0.11%,38.1/sec,42.0,21.7
POST /orders,9811,388,341,610,742,1390,97,8113,0.64%,16.3/sec,18.2,14.9
GET /orders/{id}/status,61450,58,49,92,118,240,11,1890,0.01%,102.4/sec,77.5,23.0
POST /payments/authorise,9790,455,402,720,884,1204,120,6021,0.41%,16.3/sec,9.1,12.6
TOTAL,192342,143,101,318,455,880,11,8113,0.09%,320.6/sec,1661.0,107.1''')], lang=None)

t('simple', 'performance-testing', "The monthly invoice query got slow. From this EXPLAIN ANALYZE, which node is taking most of the time, and what's the total execution time? I'll take it from there.", [('explain.txt', '''
Sort  (cost=184221.10..184346.35 rows=50100 width=72) (actual time=4812.551..4819.004 rows=48713 loops=1)
  Sort Key: s.msisdn
  Sort Method: external merge  Disk: 4120kB
  ->  HashAggregate  (cost=176390.21..176891.21 rows=50100 width=72) (actual time=4701.220..4760.881 rows=48713 loops=1)
        Group Key: s.msisdn, s.plan_id
        ->  Hash Join  (cost=1402.33..161290.70 rows=1509951 width=40) (actual time=21.774..3994.112 rows=1511032 loops=1)
              Hash Cond: (c.subscriber_id = s.id)
              ->  Seq Scan on cdr_2024_05 c  (cost=0.00..148820.44 rows=1509951 width=28) (actual time=0.018..3350.902 rows=1511032 loops=1)
                    Filter: ((call_start >= '2024-05-01'::date) AND (call_start < '2024-06-01'::date))
                    Rows Removed by Filter: 2204
              ->  Hash  (cost=777.33..777.33 rows=50000 width=20) (actual time=21.401..21.402 rows=50100 loops=1)
                    ->  Seq Scan on subscribers s  (cost=0.00..777.33 rows=50000 width=20) (actual time=0.011..9.870 rows=50100 loops=1)
Planning Time: 0.903 ms
Execution Time: 4823.617 ms''')], lang=None)

t('simple', 'defect-analysis', "The hub crashes on boot since we added the new lamp. Traceback and the function are below — what's wrong?", [('hub/devices.py', '''
def load_devices(config: dict) -> dict:
    devices = {}
    for entry in config["devices"]:
        devices[entry["device_id"]] = {
            "kind": entry["kind"],
            "room": entry.get("room", "unassigned"),
        }
    return devices
'''), ('logs/boot.log', '''
2024-06-03 07:12:09 INFO  hub.boot  loading /etc/hub/devices.yaml
Traceback (most recent call last):
  File "/opt/hub/main.py", line 41, in <module>
    registry = load_devices(cfg)
  File "/opt/hub/hub/devices.py", line 4, in load_devices
    devices[entry["device_id"]] = {
KeyError: 'device_id'
'''), ('etc/devices.yaml', '''
devices:
  - device_id: thermo-hall
    kind: thermostat
    room: hallway
  - deviceId: lamp-desk-02
    kind: dimmable_light
    room: office''')], lang=None)

t('simple', 'defect-analysis', "Paralegals say page 2 of document search starts with the last doc from page 1. Here's the helper; spot the bug?", [('src/search/paginate.ts', '''
export interface Page<T> { items: T[]; page: number; total: number }

export function paginate<T>(all: T[], page: number, pageSize = 20): Page<T> {
  const start = Math.max(0, (page - 1) * pageSize - 1);
  const end = start + pageSize;
  return { items: all.slice(start, end), page, total: all.length };
}''')])

# ============================================ medium ============================================================

t('medium', 'test-generation', "Need integration tests for the order-status endpoint of the delivery API before we refactor it. Use supertest against the real express app, stub the repository, and intercept the courier service with nock.", [('src/routes/orderStatus.js', '''
const express = require('express');
const { getOrder } = require('../repo/orders');
const courier = require('../clients/courier');

const router = express.Router();
const TERMINAL = new Set(['DELIVERED', 'CANCELLED', 'REFUNDED']);

router.get('/orders/:id/status', async (req, res, next) => {
  const id = req.params.id;
  if (!/^ord_[a-z0-9]{12}$/.test(id)) {
    return res.status(400).json({ error: 'invalid_order_id' });
  }
  try {
    const order = await getOrder(id);
    if (!order) return res.status(404).json({ error: 'not_found' });
    if (order.customerId !== req.user.id && !req.user.roles.includes('support')) {
      return res.status(404).json({ error: 'not_found' });
    }
    const body = { id: order.id, status: order.status, placedAt: order.placedAt };
    if (TERMINAL.has(order.status) || !order.courierId) {
      return res.json(body);
    }
    try {
      const pos = await courier.position(order.courierId, { timeoutMs: 800 });
      body.courier = { lat: pos.lat, lng: pos.lng, etaMinutes: Math.max(1, Math.round(pos.etaSeconds / 60)) };
    } catch (err) {
      req.log.warn({ err, orderId: id }, 'courier position unavailable');
      body.courier = null;
      res.set('Warning', '199 - "courier position unavailable"');
    }
    return res.json(body);
  } catch (err) {
    return next(err);
  }
});

module.exports = router;'''), ('src/clients/courier.js', '''
const axios = require('axios');
const BASE = process.env.COURIER_URL || 'http://courier.internal:8080';

async function position(courierId, { timeoutMs }) {
  const { data } = await axios.get(`${BASE}/v1/couriers/${encodeURIComponent(courierId)}/position`, { timeout: timeoutMs });
  return data;
}

module.exports = { position };''')], reqs=['1. cover 400, 404 (missing and not-owned), terminal status and the happy path with courier', '2. courier timeout and 5xx must still return 200 with courier: null and the Warning header', '3. no real network: nock.disableNetConnect()'], fw='jest', lang='javascript')

t('medium', 'test-generation', "pytest suite for our CDR parser please. It's the thing that chokes every time a new roaming partner sends us files, so I care more about the weird lines than the happy path.", [('rating/cdr_parser.py', '''
from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal
import math

FIELDS = 9

class CdrError(ValueError):
    def __init__(self, line_no: int, reason: str):
        super().__init__(f"line {line_no}: {reason}")
        self.line_no = line_no
        self.reason = reason

@dataclass(frozen=True)
class CallRecord:
    caller: str
    callee: str
    start: datetime
    billed_seconds: int
    roaming: bool
    partner: str | None
    charge: Decimal

def _msisdn(raw: str, line_no: int) -> str:
    digits = raw.strip().lstrip("+")
    if digits.startswith("00"):
        digits = digits[2:]
    if not digits.isdigit() or not (8 <= len(digits) <= 15):
        raise CdrError(line_no, f"bad msisdn {raw!r}")
    return digits

def _billed(seconds: int, block: int) -> int:
    if seconds <= 0:
        return 0
    return math.ceil(seconds / block) * block

def parse_line(line: str, line_no: int, block: int = 60) -> CallRecord | None:
    line = line.rstrip("\\r\\n")
    if not line or line.startswith("#"):
        return None
    parts = line.split("|")
    if len(parts) != FIELDS:
        raise CdrError(line_no, f"expected {FIELDS} fields, got {len(parts)}")
    rec_type, caller, callee, start, end, roam, partner, rate, _crc = parts
    if rec_type not in ("MOC", "MTC"):
        return None  # SMS/data records are rated elsewhere
    try:
        t0 = datetime.strptime(start, "%Y%m%d%H%M%S")
        t1 = datetime.strptime(end, "%Y%m%d%H%M%S")
    except ValueError:
        raise CdrError(line_no, "bad timestamp")
    if t1 < t0:
        # switch clock wrapped at midnight without the date rolling over
        t1 += timedelta(days=1)
    seconds = int((t1 - t0).total_seconds())
    if seconds > 6 * 3600:
        raise CdrError(line_no, "call longer than 6h")
    roaming = roam == "R"
    billed = _billed(seconds, block)
    per_min = Decimal(rate)
    charge = (per_min * billed / 60).quantize(Decimal("0.0001"))
    if rec_type == "MTC" and not roaming:
        charge = Decimal("0")
    return CallRecord(_msisdn(caller, line_no), _msisdn(callee, line_no), t0, billed, roaming,
                      partner or None, charge)

def parse_file(lines, block: int = 60):
    ok, errors = [], []
    for n, line in enumerate(lines, start=1):
        try:
            rec = parse_line(line, n, block)
            if rec:
                ok.append(rec)
        except CdrError as e:
            errors.append(e)
    return ok, errors''')], fw='pytest', lang=None)

# why: only ~25 lines, but business-day counting across holidays, a 17:00 cut-off and Europe/Berlin DST needs
# careful boundary cases; that domain subtlety lifts it above simple, while it stays a single pure unit (not complex).
t('medium', 'test-generation', "Write vitest tests for the filing-deadline helper. Courts here count business days, filings after 17:00 Berlin time count as next day, and we got bitten around the March clock change last year.", [('src/deadlines/filingDeadline.ts', '''
import { toZonedTime, fromZonedTime } from 'date-fns-tz';
import { addDays, isWeekend, format } from 'date-fns';

const TZ = 'Europe/Berlin';

export function filingDeadline(receivedAtUtc: Date, businessDays: number, holidays: Set<string>): Date {
  let local = toZonedTime(receivedAtUtc, TZ);
  if (local.getHours() >= 17) {
    local = addDays(local, 1);
  }
  let d = new Date(local.getFullYear(), local.getMonth(), local.getDate());
  const isOff = (x: Date) => isWeekend(x) || holidays.has(format(x, 'yyyy-MM-dd'));
  while (isOff(d)) d = addDays(d, 1);
  let counted = 0;
  while (counted < businessDays) {
    d = addDays(d, 1);
    if (!isOff(d)) counted++;
  }
  // deadline is 23:59:59 local on the final day
  const endLocal = new Date(d.getFullYear(), d.getMonth(), d.getDate(), 23, 59, 59);
  return fromZonedTime(endLocal, TZ);
}''')], fw='vitest')

t('medium', 'test-execution', "Ran the onboarding-service integration suite against the staging DB this morning; 6 red. Before anyone chases these, sort them into 'environment / infra' vs 'looks like a real regression' from the output, and tell me the exact command to rerun only the real ones.", [('logs/pytest-integration.txt', '''
============================= test session starts ==============================
platform linux -- Python 3.11.8, pytest-8.1.1, pluggy-1.4.0
rootdir: /srv/onboarding
plugins: asyncio-0.23.5, xdist-3.5.0, timeout-2.3.1
collected 84 items

tests/integration/test_candidates.py ........F...                         [ 14%]
tests/integration/test_documents.py ......E.......                         [ 30%]
tests/integration/test_contracts.py .........F....                         [ 47%]
tests/integration/test_payroll_sync.py ....EE....                          [ 59%]
tests/integration/test_equipment.py ...................                    [ 82%]
tests/integration/test_access_requests.py ..............F                  [100%]

==================================== ERRORS ====================================
____________ ERROR at setup of test_upload_rejects_encrypted_pdf _____________
    botocore.exceptions.EndpointConnectionError: Could not connect to the endpoint URL: "http://minio.staging:9000/onboarding-docs"
_____________ ERROR at setup of test_sync_new_hire_to_payroll ________________
    psycopg.OperationalError: connection to server at "payroll-db.staging" (10.4.2.19), port 5432 failed: FATAL:  remaining connection slots are reserved for non-replication superuser connections
_____________ ERROR at setup of test_sync_updates_bank_details _______________
    psycopg.OperationalError: connection to server at "payroll-db.staging" (10.4.2.19), port 5432 failed: FATAL:  remaining connection slots are reserved for non-replication superuser connections
=================================== FAILURES ===================================
__________________ test_candidate_start_date_in_past_rejected __________________
    assert resp.status_code == 422
E   assert 201 == 422
E    +  where 201 = <Response [201 Created]>.status_code
tests/integration/test_candidates.py:118: AssertionError
___________________ test_contract_pdf_contains_salary_band _____________________
    assert "Band: L4" in text
E   AssertionError: assert 'Band: L4' in 'EMPLOYMENT CONTRACT ... Band: None ...'
tests/integration/test_contracts.py:203: AssertionError
______________________ test_vpn_request_times_out_cleanly ______________________
E   Failed: Timeout >30.0s
    ... waiting on http://idp-mock.staging:8089/scim/v2/Users
tests/integration/test_access_requests.py:77: Failed
=========================== short test summary info ============================
FAILED tests/integration/test_candidates.py::test_candidate_start_date_in_past_rejected - assert 201 == 422
FAILED tests/integration/test_contracts.py::test_contract_pdf_contains_salary_band - AssertionError
FAILED tests/integration/test_access_requests.py::test_vpn_request_times_out_cleanly - Failed: Timeout >30.0s
ERROR tests/integration/test_documents.py::test_upload_rejects_encrypted_pdf - botocore.exceptions.EndpointConnectionError
ERROR tests/integration/test_payroll_sync.py::test_sync_new_hire_to_payroll - psycopg.OperationalError
ERROR tests/integration/test_payroll_sync.py::test_sync_updates_bank_details - psycopg.OperationalError
============= 3 failed, 78 passed, 3 errors in 212.44s (0:03:32) ==============''')], fw='pytest', lang=None)

t('medium', 'test-execution', "Run the gradebook portal e2e suite on chromium, firefox and webkit and tell me which failures are browser-specific and which are everywhere. My local run is attached so you know what I saw; the CI config only runs chromium today, so you'll need to add the projects.", [('playwright.config.ts', '''
import { defineConfig, devices } from '@playwright/test';

export default defineConfig({
  testDir: './e2e',
  retries: process.env.CI ? 1 : 0,
  use: { baseURL: process.env.PORTAL_URL ?? 'http://localhost:4173', trace: 'on-first-retry' },
  projects: [
    { name: 'chromium', use: { ...devices['Desktop Chrome'] } },
  ],
  webServer: { command: 'npm run preview', port: 4173, reuseExistingServer: !process.env.CI },
});'''), ('local-run.txt', '''
  ✓  [chromium] › e2e/login.spec.ts:5:1 › teacher logs in with SSO (2.1s)
  ✓  [firefox]  › e2e/login.spec.ts:5:1 › teacher logs in with SSO (2.9s)
  ✓  [webkit]   › e2e/login.spec.ts:5:1 › teacher logs in with SSO (3.3s)
  ✓  [chromium] › e2e/gradebook.spec.ts:12:1 › enters a grade with keyboard only (1.7s)
  ✘  [firefox]  › e2e/gradebook.spec.ts:12:1 › enters a grade with keyboard only (5.2s)
  ✘  [webkit]   › e2e/gradebook.spec.ts:12:1 › enters a grade with keyboard only (5.0s)
  ✘  [chromium] › e2e/export.spec.ts:8:1 › exports term report as CSV (3.0s)
  ✘  [firefox]  › e2e/export.spec.ts:8:1 › exports term report as CSV (3.1s)
  ✘  [webkit]   › e2e/export.spec.ts:8:1 › exports term report as CSV (3.4s)
  ✓  [chromium] › e2e/attendance.spec.ts:20:1 › marks a pupil absent for a date range (2.2s)
  ✓  [firefox]  › e2e/attendance.spec.ts:20:1 › marks a pupil absent for a date range (2.6s)
  ✘  [webkit]   › e2e/attendance.spec.ts:20:1 › marks a pupil absent for a date range (2.0s)
      Error: locator.fill: Error: Malformed value  <input type="date"> "03/04/2024"''')], fw='playwright')

t('medium', 'coverage-analysis', "Coverage profile plus source for the smart-home scheduler package. Tell me which branches are never exercised, which of those actually matter (missing a DST edge here means someone's heating comes on at 4am), and the test cases you'd add.", [('scheduler/schedule.go', '''
package scheduler

import (
	"errors"
	"time"
)

type Rule struct {
	DeviceID string
	Weekdays []time.Weekday
	At       string // "HH:MM" local
	Action   string // "on" | "off" | "set:<value>"
	Enabled  bool
}

var ErrBadTime = errors.New("scheduler: bad time")

func parseHHMM(s string) (int, int, error) {
	if len(s) != 5 || s[2] != ':' {
		return 0, 0, ErrBadTime
	}
	h := int(s[0]-'0')*10 + int(s[1]-'0')
	m := int(s[3]-'0')*10 + int(s[4]-'0')
	if h > 23 || m > 59 {
		return 0, 0, ErrBadTime
	}
	return h, m, nil
}

// Next returns the next time the rule fires strictly after now, in loc.
func Next(r Rule, now time.Time, loc *time.Location) (time.Time, error) {
	if !r.Enabled {
		return time.Time{}, nil
	}
	h, m, err := parseHHMM(r.At)
	if err != nil {
		return time.Time{}, err
	}
	local := now.In(loc)
	for i := 0; i < 8; i++ {
		day := local.AddDate(0, 0, i)
		cand := time.Date(day.Year(), day.Month(), day.Day(), h, m, 0, 0, loc)
		if cand.Hour() != h {
			// the wall-clock time does not exist today (spring forward); fire at the top of the next hour
			cand = time.Date(day.Year(), day.Month(), day.Day(), h+1, 0, 0, 0, loc)
		}
		if !cand.After(now) {
			continue
		}
		if len(r.Weekdays) == 0 || contains(r.Weekdays, cand.Weekday()) {
			return cand, nil
		}
	}
	return time.Time{}, errors.New("scheduler: no matching weekday")
}

func contains(ws []time.Weekday, w time.Weekday) bool {
	for _, x := range ws {
		if x == w {
			return true
		}
	}
	return false
}'''), ('cover.out', '''
mode: count
smarthome/scheduler/schedule.go:20.38,21.30 1 14
smarthome/scheduler/schedule.go:21.30,23.3 1 0
smarthome/scheduler/schedule.go:24.2,26.22 3 14
smarthome/scheduler/schedule.go:26.22,28.3 1 2
smarthome/scheduler/schedule.go:29.2,29.17 1 12
smarthome/scheduler/schedule.go:33.72,34.16 1 12
smarthome/scheduler/schedule.go:34.16,36.3 1 0
smarthome/scheduler/schedule.go:37.2,38.16 2 12
smarthome/scheduler/schedule.go:38.16,40.3 1 2
smarthome/scheduler/schedule.go:41.2,42.26 2 10
smarthome/scheduler/schedule.go:42.26,45.21 3 31
smarthome/scheduler/schedule.go:45.21,48.4 1 0
smarthome/scheduler/schedule.go:49.3,49.24 1 31
smarthome/scheduler/schedule.go:49.24,50.12 1 6
smarthome/scheduler/schedule.go:52.3,52.70 1 25
smarthome/scheduler/schedule.go:52.70,54.4 1 10
smarthome/scheduler/schedule.go:56.2,56.67 1 0
smarthome/scheduler/schedule.go:59.54,60.23 1 19
smarthome/scheduler/schedule.go:60.23,61.13 1 31
smarthome/scheduler/schedule.go:61.13,63.4 1 13
smarthome/scheduler/schedule.go:65.2,65.14 1 6''')], lang=None)

t('medium', 'coverage-analysis', "json-summary for packages/ranking plus the scorer source. Rank the gaps by how much they could hurt search quality if they broke, and propose the tests that close the top three.", [('packages/ranking/coverage/coverage-summary.json', '''
{"total": {"lines": {"total": 412, "covered": 301, "pct": 73.05}, "branches": {"total": 138, "covered": 81, "pct": 58.69}},
 "src/scorer.ts": {"lines": {"total": 58, "covered": 39, "pct": 67.24}, "branches": {"total": 26, "covered": 12, "pct": 46.15}},
 "src/tokenize.ts": {"lines": {"total": 71, "covered": 66, "pct": 92.95}, "branches": {"total": 22, "covered": 19, "pct": 86.36}},
 "src/synonyms.ts": {"lines": {"total": 94, "covered": 52, "pct": 55.31}, "branches": {"total": 36, "covered": 14, "pct": 38.88}},
 "src/freshness.ts": {"lines": {"total": 33, "covered": 33, "pct": 100}, "branches": {"total": 10, "covered": 10, "pct": 100}},
 "src/explain.ts": {"lines": {"total": 156, "covered": 111, "pct": 71.15}, "branches": {"total": 44, "covered": 26, "pct": 59.09}}}'''), ('packages/ranking/src/scorer.ts', '''
import { bm25 } from './bm25';
import { freshnessBoost } from './freshness';
import { expandSynonyms } from './synonyms';

export interface Doc { id: string; title: string; body: string; publishedAt: Date; pinned?: boolean; blocked?: boolean }
export interface ScoreOpts { now: Date; titleWeight?: number; useSynonyms?: boolean; locale?: string }

export function score(query: string[], doc: Doc, stats: CorpusStats, opts: ScoreOpts): number {
  if (doc.blocked) return Number.NEGATIVE_INFINITY;
  if (query.length === 0) return doc.pinned ? 1 : 0;
  const terms = opts.useSynonyms ? expandSynonyms(query, opts.locale ?? 'en') : query;
  const tw = opts.titleWeight ?? 2.0;
  let s = tw * bm25(terms, doc.title, stats.title) + bm25(terms, doc.body, stats.body);
  if (!Number.isFinite(s)) {
    s = 0;
  }
  s *= freshnessBoost(doc.publishedAt, opts.now);
  if (doc.pinned) {
    s = Math.max(s, stats.maxScore ?? s) + 1e-6;
  }
  return s;
}

export interface CorpusStats { title: FieldStats; body: FieldStats; maxScore?: number }
export interface FieldStats { avgLen: number; docFreq: Map<string, number>; n: number }

export function rank(query: string[], docs: Doc[], stats: CorpusStats, opts: ScoreOpts, k = 10): Doc[] {
  return docs
    .map((d) => ({ d, s: score(query, d, stats, opts) }))
    .filter((x) => x.s > Number.NEGATIVE_INFINITY)
    .sort((a, b) => b.s - a.s || a.d.id.localeCompare(b.d.id))
    .slice(0, k)
    .map((x) => x.d);
}''')])

t('medium', 'quality-gate', "Go / no-go for the courier app 6.3 store release. Metrics below, criteria in the requirements. Give me a verdict per criterion and an overall call.", [('release/metrics-6.3.0.json', '''
{
  "version": "6.3.0+412",
  "unit_tests": { "passed": 1893, "failed": 0, "skipped": 14 },
  "widget_tests": { "passed": 402, "failed": 1, "skipped": 0, "failed_names": ["OrderTrackingMap shows rider pin after reconnect"] },
  "integration_tests": { "passed": 61, "failed": 0 },
  "coverage": { "line_pct": 77.8, "previous_release_line_pct": 79.1 },
  "beta": { "crash_free_sessions_pct": 99.62, "anr_rate_pct": 0.31, "sessions": 18420 },
  "startup_ms_p90": { "android": 1840, "ios": 1310, "previous_android": 1620, "previous_ios": 1290 },
  "app_size_mb": { "android": 38.2, "ios": 61.7 },
  "open_bugs": { "blocker": 0, "critical": 1, "major": 7 },
  "waivers": [ { "bug": "MOB-2231", "severity": "critical", "approved_by": "head-of-mobile", "expires": "2024-06-30" } ]
}''')], reqs=['1. zero failing tests, unless the failure has an approved waiver', '2. line coverage >= 78% and not more than 1 point below the previous release', '3. crash-free sessions >= 99.5% over at least 10k beta sessions; ANR < 0.47%', '4. p90 cold start must not regress by more than 10% on either platform', '5. no open blockers; criticals only with an unexpired waiver (today is 2024-06-12)'], lang=None)

t('medium', 'quality-gate', "Apply our infra gate to this checkov run on the CDN terraform. Rules are in the requirements; tell me pass/fail and exactly which findings block.", [('checkov-cdn.txt', '''
terraform scan results:

Passed checks: 41, Failed checks: 7, Skipped checks: 2

Check: CKV_AWS_86: "Ensure CloudFront distribution has Access Logging enabled"
	FAILED for resource: aws_cloudfront_distribution.static_assets
	File: /modules/edge/cloudfront.tf:1-88
Check: CKV_AWS_174: "Verify CloudFront Distribution Viewer Certificate is using TLS v1.2"
	FAILED for resource: aws_cloudfront_distribution.static_assets
	File: /modules/edge/cloudfront.tf:1-88
Check: CKV_AWS_68: "CloudFront Distribution should have WAF enabled"
	FAILED for resource: aws_cloudfront_distribution.legacy_downloads
	File: /modules/legacy/downloads.tf:3-51
Check: CKV_AWS_18: "Ensure the S3 bucket has access logging enabled"
	FAILED for resource: aws_s3_bucket.origin_assets
	File: /modules/origin/s3.tf:1-14
Check: CKV_AWS_145: "Ensure that S3 buckets are encrypted with KMS by default"
	FAILED for resource: aws_s3_bucket.origin_assets
	File: /modules/origin/s3.tf:1-14
Check: CKV2_AWS_6: "Ensure that S3 bucket has a Public Access block"
	FAILED for resource: aws_s3_bucket.origin_assets
	File: /modules/origin/s3.tf:1-14
Check: CKV_AWS_310: "Ensure CloudFront distributions should have origin failover configured"
	FAILED for resource: aws_cloudfront_distribution.static_assets
	File: /modules/edge/cloudfront.tf:1-88
Check: CKV_AWS_305: "Ensure CloudFront distribution has a default root object configured"
	SKIPPED for resource: aws_cloudfront_distribution.static_assets
	Suppress comment: API-only distribution, INFRA-882
Check: CKV_AWS_21: "Ensure all data stored in the S3 bucket have versioning enabled"
	SKIPPED for resource: aws_s3_bucket.origin_assets
	Suppress comment: TODO''')], reqs=['1. anything touching TLS, public access or WAF blocks, except under /modules/legacy which has its own exception until Q4', '2. logging/encryption findings are warnings, not blockers', '3. a suppression only counts if its comment references a ticket (INFRA-nnn); otherwise treat it as failed and classify by rule 1 or 2', '4. availability findings (failover etc.) are advisory only'], lang=None)

t('medium', 'quality-gate', "Mutation testing finished for the variant-filter library. Our bar: >= 70% overall, >= 80% for src/filters, and no surviving mutant on the quality-threshold comparisons (those decide what gets reported to clinicians). Does this pass, and if not what exactly needs a test?", [('reports/stryker.txt', '''
-------------------------|---------|----------|-----------|------------|----------|---------|
File                     | % score | # killed | # timeout | # survived | # no cov | # error |
-------------------------|---------|----------|-----------|------------|----------|---------|
All files                |   74.12 |      581 |        12 |        187 |       20 |       3 |
 filters                 |   81.40 |      302 |         5 |         61 |        1 |       0 |
  depth.ts               |   88.10 |       74 |         0 |         10 |        0 |       0 |
  quality.ts             |   79.55 |       70 |         0 |         18 |        0 |       0 |
  allele_freq.ts         |   80.95 |       85 |         2 |         20 |        0 |       0 |
  strand_bias.ts         |   79.59 |       73 |         3 |         13 |        1 |       0 |
 io                      |   63.20 |      158 |         4 |         91 |       12 |       3 |
 report                  |   72.00 |      121 |         3 |         35 |        7 |       0 |
-------------------------|---------|----------|-----------|------------|----------|---------|

Surviving mutants in filters/quality.ts (excerpt):
  [Survived] EqualityOperator  quality.ts:22:14   -  if (v.qual >= minQual)   +  if (v.qual > minQual)
  [Survived] EqualityOperator  quality.ts:31:18   -  return v.gq < minGq      +  return v.gq <= minGq
  [Survived] ConditionalExpression quality.ts:40:9 -  if (v.filter === 'PASS' || allowLowQual) + if (true)
  [Survived] StringLiteral     quality.ts:57:25   -  log.debug('qual filter applied')  +  log.debug("")
  [Survived] ArithmeticOperator quality.ts:66:30  -  phred / 10  +  phred * 10''')], lang=None)

t('medium', 'flaky-test-analysis', "This add-to-cart test in the game store fails maybe one run in eight, always with the same error. Test and the failing log attached. What's going on and how do I fix the test (not just add retries)?", [('e2e/store/add-to-cart.spec.ts', '''
import { test, expect } from '@playwright/test';

test('adds a DLC bundle to the cart', async ({ page }) => {
  await page.goto('/store/bundles/starfall-season-pass');
  const buy = page.locator('[data-testid="price-panel"] button.add-to-cart');
  await buy.waitFor();
  const handle = await buy.elementHandle();
  await page.waitForResponse((r) => r.url().includes('/api/prices/'));
  await handle!.click();
  await expect(page.getByTestId('cart-count')).toHaveText('1');
});'''), ('logs/ci-run-8812.txt', '''
  1) [chromium] › e2e/store/add-to-cart.spec.ts:3:1 › adds a DLC bundle to the cart

    Error: elementHandle.click: Element is not attached to the DOM
    =========================== logs ===========================
      waiting for element to be visible, enabled and stable
      element is not attached to the DOM
    ============================================================

       7 |   const handle = await buy.elementHandle();
       8 |   await page.waitForResponse((r) => r.url().includes('/api/prices/'));
    >  9 |   await handle!.click();
         |                 ^
      10 |   await expect(page.getByTestId('cart-count')).toHaveText('1');

    [network] GET /api/prices/starfall-season-pass?region=EU 200 (412ms)
    [console] PricePanel: re-render after currency resolved (EUR)''')], fw='playwright')

t('medium', 'flaky-test-analysis', "CheckinWindowTest is red on the nightly maybe twice a week and green on every rerun. Nobody can reproduce it locally. Code, test and two nightly logs attached.", [('src/main/java/com/skyline/checkin/CheckinWindow.java', '''
package com.skyline.checkin;

import java.time.*;

public final class CheckinWindow {
    private static final Duration OPENS_BEFORE = Duration.ofHours(24);
    private static final Duration CLOSES_BEFORE = Duration.ofMinutes(45);

    public static boolean isOpen(Flight f, Clock clock) {
        ZonedDateTime departure = f.departureLocal().atZone(f.originZone());
        Instant now = Instant.now(clock);
        return !now.isBefore(departure.minus(OPENS_BEFORE).toInstant())
            && now.isBefore(departure.minus(CLOSES_BEFORE).toInstant());
    }

    /** Short-haul online check-in opens at 00:00 local on the departure day. */
    public static LocalDate checkinDay(Flight f) {
        return f.departureLocal().toLocalDate();
    }
}'''), ('src/test/java/com/skyline/checkin/CheckinWindowTest.java', '''
package com.skyline.checkin;

import org.junit.jupiter.api.Test;
import java.time.*;
import static org.junit.jupiter.api.Assertions.*;

class CheckinWindowTest {
    private final ZoneId lisbon = ZoneId.of("Europe/Lisbon");

    @Test
    void openTwoHoursBeforeDeparture() {
        LocalDateTime dep = LocalDateTime.now(lisbon).plusHours(2);
        Flight f = new Flight("TP1234", dep, lisbon);
        assertTrue(CheckinWindow.isOpen(f, Clock.systemUTC()));
    }

    @Test
    void checkinDayIsTodayForSameDayDeparture() {
        LocalDateTime dep = LocalDateTime.now(lisbon).plusHours(3);
        Flight f = new Flight("TP1234", dep, lisbon);
        assertEquals(LocalDate.now(), CheckinWindow.checkinDay(f));
    }
}'''), ('logs/nightly.txt', '''
[2024-05-14T22:31:07Z] runner=ci-eu-3 TZ=UTC
[ERROR] CheckinWindowTest.checkinDayIsTodayForSameDayDeparture:23 expected: <2024-05-14> but was: <2024-05-15>
[2024-05-21T21:58:44Z] runner=ci-eu-1 TZ=UTC
[ERROR] CheckinWindowTest.checkinDayIsTodayForSameDayDeparture:23 expected: <2024-05-21> but was: <2024-05-22>
[2024-05-22T09:10:02Z] runner=ci-eu-1 TZ=UTC  Tests run: 2, Failures: 0''')], fw='junit5', lang=None)

t('medium', 'flaky-test-analysis', "test_vip_fee_tier passes alone and fails in the full run, but only sometimes. We use pytest-randomly. Log with two seeds and the fee module below.", [('exchange/fees.py', '''
from functools import lru_cache
from decimal import Decimal
from exchange import settings

@lru_cache(maxsize=None)
def tier_table():
    # loaded once per process; tiers change at most monthly
    return sorted(settings.FEE_TIERS, key=lambda t: t["min_30d_volume"], reverse=True)

def taker_fee(volume_30d: Decimal, is_vip: bool) -> Decimal:
    for tier in tier_table():
        if volume_30d >= tier["min_30d_volume"]:
            fee = tier["taker"]
            break
    else:
        fee = Decimal("0.0020")
    return fee * Decimal("0.8") if is_vip else fee'''), ('tests/test_fees.py', '''
from decimal import Decimal
from exchange import fees, settings

def test_default_taker_fee():
    assert fees.taker_fee(Decimal("0"), False) == Decimal("0.0020")

def test_promo_tiers(monkeypatch):
    monkeypatch.setattr(settings, "FEE_TIERS", [{"min_30d_volume": Decimal("0"), "taker": Decimal("0.0010")}])
    assert fees.taker_fee(Decimal("5"), False) == Decimal("0.0010")

def test_vip_fee_tier():
    assert fees.taker_fee(Decimal("2000000"), True) == Decimal("0.00064")'''), ('logs/pytest.txt', '''
Using --randomly-seed=1873310045
tests/test_fees.py::test_vip_fee_tier PASSED
tests/test_fees.py::test_promo_tiers PASSED
tests/test_fees.py::test_default_taker_fee PASSED

Using --randomly-seed=402918833
tests/test_fees.py::test_promo_tiers PASSED
tests/test_fees.py::test_default_taker_fee FAILED
tests/test_fees.py::test_vip_fee_tier FAILED
E   AssertionError: assert Decimal('0.00080') == Decimal('0.00064')''')], fw='pytest', lang=None)

# why: findings are serious (privileged, cluster-admin, plaintext secret) but they sit in declarative config and are
# recognisable patterns; no auth/crypto code to reason through, so medium rather than complex.
t('medium', 'security-scan', "Review the k8s manifests for the smart-home hub gateway before we expose it to the internet. Anything you'd block the rollout on, and what's just hygiene?", [('deploy/gateway-deployment.yaml', '''
apiVersion: apps/v1
kind: Deployment
metadata:
  name: hub-gateway
  namespace: smarthome
spec:
  replicas: 3
  selector:
    matchLabels: { app: hub-gateway }
  template:
    metadata:
      labels: { app: hub-gateway }
    spec:
      serviceAccountName: hub-gateway
      hostNetwork: true
      containers:
        - name: gateway
          image: registry.internal/smarthome/hub-gateway:latest
          ports:
            - containerPort: 8883
            - containerPort: 9090
          env:
            - name: MQTT_ADMIN_PASSWORD
              value: "s3cr3t-admin-2023"
            - name: DEVICE_CA_KEY
              valueFrom: { secretKeyRef: { name: device-ca, key: tls.key } }
          securityContext:
            privileged: true
          volumeMounts:
            - { name: dev, mountPath: /dev }
      volumes:
        - name: dev
          hostPath: { path: /dev }'''), ('deploy/gateway-rbac.yaml', '''
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata:
  name: hub-gateway-admin
subjects:
  - kind: ServiceAccount
    name: hub-gateway
    namespace: smarthome
roleRef:
  kind: ClusterRole
  name: cluster-admin
  apiGroup: rbac.authorization.k8s.io'''), ('deploy/gateway-service.yaml', '''
apiVersion: v1
kind: Service
metadata:
  name: hub-gateway
  namespace: smarthome
spec:
  type: LoadBalancer
  selector: { app: hub-gateway }
  ports:
    - { name: mqtts, port: 8883, targetPort: 8883 }
    - { name: metrics, port: 9090, targetPort: 9090 }''')], lang=None)

t('medium', 'security-scan', "Container setup for the grades portal (PHP). Security review of the Dockerfile and compose file please, prioritised.", [('Dockerfile', '''
FROM php:7.4-apache
ENV DB_PASSWORD=gradebook2021 \\
    APP_ENV=production
RUN apt-get update && apt-get install -y git unzip libzip-dev && docker-php-ext-install pdo_mysql zip
COPY . /var/www/html/
RUN curl -sS https://getcomposer.org/installer | php && php composer.phar install
RUN chmod -R 777 /var/www/html/storage /var/www/html/uploads
EXPOSE 80
CMD ["apache2-foreground"]'''), ('docker-compose.yml', '''
version: "3.8"
services:
  web:
    build: .
    ports: ["80:80"]
    environment:
      - PHP_DISPLAY_ERRORS=On
    volumes:
      - ./:/var/www/html
  db:
    image: mysql:5.7
    ports: ["3306:3306"]
    environment:
      MYSQL_ROOT_PASSWORD: root
      MYSQL_DATABASE: gradebook
  adminer:
    image: adminer
    ports: ["8081:8080"]''')], lang=None)

t('medium', 'performance-testing', "Write me a k6 script for the leaderboard service ahead of the season launch. Just this one service, we'll do the whole-platform test separately.", [('api/leaderboard.openapi.yaml', '''
openapi: 3.0.3
info: { title: leaderboard, version: 2.4.0 }
paths:
  /v1/seasons/{season}/leaderboard:
    get:
      parameters:
        - { name: season, in: path, required: true, schema: { type: string } }
        - { name: region, in: query, schema: { type: string, enum: [eu, na, apac] } }
        - { name: offset, in: query, schema: { type: integer, default: 0 } }
        - { name: limit, in: query, schema: { type: integer, default: 50, maximum: 200 } }
      responses: { '200': { description: page of ranked players } }
  /v1/seasons/{season}/scores:
    post:
      security: [ { bearer: [] } ]
      requestBody:
        content:
          application/json:
            schema: { type: object, properties: { playerId: { type: string }, matchId: { type: string }, score: { type: integer } } }
      responses: { '202': { description: accepted }, '409': { description: duplicate matchId } }''')], reqs=['1. 90% reads / 10% score submissions, reads skewed to the first page', '2. ramp 0 -> 300 VUs over 5 min, hold 15 min, ramp down', '3. thresholds: read p95 < 150ms, write p95 < 400ms, errors < 0.5% (409s are not errors)', '4. unique matchId per submission, tokens from a CSV via SharedArray'], fw='k6', lang='javascript')

t('medium', 'performance-testing', "The k-mer counter got ~35% slower between 0.8.2 and 0.9.0 according to criterion. Here's the bench output and the diff of the hot function. Where's the regression coming from and how would you confirm it?", [('bench/criterion-compare.txt', '''
count_kmers/k=21/reads=100k
                        time:   [412.08 ms 415.77 ms 419.90 ms]
                        change: [+33.912% +35.204% +36.530%] (p = 0.00 < 0.05)
                        Performance has regressed.
count_kmers/k=31/reads=100k
                        time:   [455.31 ms 458.02 ms 461.11 ms]
                        change: [+36.004% +37.118% +38.240%] (p = 0.00 < 0.05)
                        Performance has regressed.
canonical_kmer/k=21     time:   [9.812 ns 9.840 ns 9.871 ns]
                        change: [-0.612% -0.201% +0.233%] (p = 0.36 > 0.05)
                        No change in performance detected.'''), ('diff/count.rs.diff', '''
@@ -12,22 +12,26 @@ use ahash::AHashMap;
-pub fn count_kmers(reads: &[Vec<u8>], k: usize) -> AHashMap<u64, u32> {
-    let mut counts: AHashMap<u64, u32> = AHashMap::with_capacity(reads.len() * 64);
+pub fn count_kmers(reads: &[Vec<u8>], k: usize) -> HashMap<String, u32> {
+    let mut counts: HashMap<String, u32> = HashMap::new();
     for read in reads {
         if read.len() < k {
             continue;
         }
-        for window in read.windows(k) {
-            if let Some(code) = encode_2bit(window) {
-                *counts.entry(canonical_kmer(code, k)).or_insert(0) += 1;
-            }
+        for window in read.windows(k) {
+            if window.iter().any(|b| !matches!(b, b'A' | b'C' | b'G' | b'T')) {
+                continue;
+            }
+            let code = encode_2bit(window).unwrap();
+            let key = format!("{:016x}", canonical_kmer(code, k));
+            *counts.entry(key).or_insert(0) += 1;
         }
     }
     counts
 }''')], lang=None)

t('medium', 'defect-analysis', "Check-in API returns 500 for some passengers when they open the seat upgrade page. Controller, service and the stack trace attached. Root cause and a fix, please.", [('src/Checkin.Api/Controllers/UpgradeController.cs', '''
using Microsoft.AspNetCore.Mvc;

namespace Checkin.Api.Controllers;

[ApiController]
[Route("api/bookings/{pnr}/upgrades")]
public class UpgradeController : ControllerBase
{
    private readonly IUpgradeService _upgrades;
    private readonly ILogger<UpgradeController> _log;

    public UpgradeController(IUpgradeService upgrades, ILogger<UpgradeController> log)
    {
        _upgrades = upgrades;
        _log = log;
    }

    [HttpGet]
    public async Task<ActionResult<UpgradeOffersDto>> Get(string pnr, [FromQuery] string passengerId)
    {
        if (string.IsNullOrWhiteSpace(pnr) || pnr.Length != 6)
            return BadRequest();
        var offers = await _upgrades.GetOffersAsync(pnr, passengerId);
        if (offers is null)
            return NotFound();
        return Ok(offers);
    }
}'''), ('src/Checkin.Api/Services/UpgradeService.cs', '''
namespace Checkin.Api.Services;

public class UpgradeService : IUpgradeService
{
    private readonly IBookingRepository _bookings;
    private readonly IPricingClient _pricing;

    public UpgradeService(IBookingRepository bookings, IPricingClient pricing)
    {
        _bookings = bookings;
        _pricing = pricing;
    }

    public async Task<UpgradeOffersDto?> GetOffersAsync(string pnr, string passengerId)
    {
        var booking = await _bookings.FindAsync(pnr);
        if (booking is null) return null;
        var pax = booking.Passengers.FirstOrDefault(p => p.Id == passengerId);
        if (pax is null) return null;

        var tier = pax.Loyalty.Tier;                      // Gold / Silver / Blue
        var discount = tier switch { "Gold" => 0.25m, "Silver" => 0.10m, _ => 0m };
        var prices = await _pricing.UpgradePricesAsync(booking.Segments.Select(s => s.FlightNumber));
        return new UpgradeOffersDto(
            pax.Id,
            prices.Select(p => new UpgradeOfferDto(p.Cabin, p.Amount * (1 - discount), p.Currency)).ToList());
    }
}'''), ('logs/api-error.txt', '''
fail: Microsoft.AspNetCore.Diagnostics.ExceptionHandlerMiddleware[1]
      An unhandled exception has occurred while executing the request.
      System.NullReferenceException: Object reference not set to an instance of an object.
         at Checkin.Api.Services.UpgradeService.GetOffersAsync(String pnr, String passengerId) in /src/Checkin.Api/Services/UpgradeService.cs:line 20
         at Checkin.Api.Controllers.UpgradeController.Get(String pnr, String passengerId) in /src/Checkin.Api/Controllers/UpgradeController.cs:line 22
      RequestPath: /api/bookings/K7QZ2M/upgrades  passengerId=PAX-3  booking.source=GDS-Amadeus''')], lang=None)

# ============================================ complex ===========================================================

# why: about 25 lines and the ask sounds routine, but it is double-checked locking without volatile plus an
# unsynchronised reload over a plain HashMap; useful tests have to reason about the Java memory model and
# provoke races (jcstress or stress harness), which is concurrency work, not a small pure unit.
t('complex', 'test-generation', "Can someone write tests for PolicyCache in the onboarding service? It's tiny, shouldn't take long.", [('src/main/java/com/peoplehub/onboarding/PolicyCache.java', '''
package com.peoplehub.onboarding;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

public final class PolicyCache {
    private static PolicyCache instance;
    private Map<String, OnboardingPolicy> policies = new HashMap<>();
    private Instant loadedAt;

    private PolicyCache() {
        policies.putAll(PolicyLoader.loadAll());
        loadedAt = Instant.now();
    }

    public static PolicyCache get() {
        if (instance == null) {
            synchronized (PolicyCache.class) {
                if (instance == null) {
                    instance = new PolicyCache();
                }
            }
        }
        return instance;
    }

    public OnboardingPolicy forCountry(String iso2) { return policies.get(iso2); }

    public void reload() {
        policies.clear();
        policies.putAll(PolicyLoader.loadAll());
        loadedAt = Instant.now();
    }

    public Instant loadedAt() { return loadedAt; }
}''')], fw='junit5', lang=None)

# why: short and reads like a utility, but it is password-reset code: predictable tokens, plaintext storage,
# account enumeration and a non-atomic consume. Tests that matter are security tests, which the rubric puts at complex.
t('complex', 'test-generation', "jest tests for the password reset helper please — it's like 30 lines, we just need coverage on it before the auth audit.", [('src/auth/resetToken.ts', '''
import { db } from '../db';

const TTL_MS = 60 * 60 * 1000;

export async function issueResetToken(email: string): Promise<string | null> {
  const user = await db.users.findByEmail(email.toLowerCase());
  if (!user) return null;
  const token = Buffer.from(`${user.id}:${Date.now()}:${Math.floor(Math.random() * 1e6)}`).toString('base64url');
  await db.resetTokens.insert({ userId: user.id, token, expiresAt: new Date(Date.now() + TTL_MS) });
  return token;
}

export async function consumeResetToken(token: string): Promise<string | null> {
  const row = await db.resetTokens.findByToken(token);
  if (!row || row.expiresAt < new Date()) return null;
  await db.resetTokens.delete(row.id);
  return row.userId;
}

export async function resetPassword(token: string, newPassword: string): Promise<boolean> {
  const userId = await consumeResetToken(token);
  if (!userId) return false;
  await db.users.setPassword(userId, newPassword);
  return true;
}''')], fw='jest')

t('complex', 'test-execution', "The match coordinator for the game backend elects a leader through etcd leases (3 replicas per region). Twice this month we've seen two coordinators handing out the same lobby slots for a few seconds. I want an actual test run that proves or disproves split-brain: set up the harness, run it, and read the history back.", [], reqs=['1. 3 coordinators + 3-node etcd in docker, toxiproxy between every coordinator and etcd', '2. fault schedule: partitions of the leader from etcd, GC-style pauses of the leader longer than the lease TTL, clock skew on one node, etcd leader change', '3. every slot assignment logged with coordinator id, lease id, revision and fencing token; check offline that no two coordinators assigned slots under overlapping terms', '4. run at least 200 fault cycles and report any violation with the minimal event sequence that led to it'], lang=None)

t('complex', 'test-execution', "Run the checkout saga end-to-end with fault injection at every step and tell me whether the compensations leave the system consistent. Orchestrator steps below; services are order, payment, restaurant, courier and loyalty, each with its own DB.", [('src/saga/checkoutSaga.ts', '''
import { defineSaga } from '@platform/saga';

export const checkoutSaga = defineSaga('checkout', [
  { name: 'createOrder',      action: 'order.create',        compensate: 'order.cancel' },
  { name: 'authorisePayment', action: 'payment.authorise',   compensate: 'payment.void',        timeoutMs: 8000, retries: 2 },
  { name: 'reserveKitchen',   action: 'restaurant.reserve',  compensate: 'restaurant.release',  timeoutMs: 5000, retries: 3 },
  { name: 'redeemPoints',     action: 'loyalty.redeem',      compensate: 'loyalty.refund' },
  { name: 'assignCourier',    action: 'courier.assign',      compensate: 'courier.unassign',    timeoutMs: 20000, retries: 5 },
  { name: 'capturePayment',   action: 'payment.capture',     compensate: 'payment.refund' },
  { name: 'confirmOrder',     action: 'order.confirm' },
]);''')], reqs=['1. for each step inject: hard failure, timeout after the remote side committed, duplicate delivery of the command, and a crash of the orchestrator between action and state persistence', '2. after each run assert cross-service invariants: no captured payment without a confirmed order, points balance unchanged for aborted sagas, no courier assigned to a cancelled order, kitchen slot released', '3. report which fault/step combinations break an invariant and the trace that shows it'], fw='vitest')

# why: coverage-gap analysis alone would be medium, but judging which uncovered branches are dangerous under a
# multi-threaded book (cancel vs submit vs snapshot) across 8 units is concurrency reasoning over a large context.
_ME_FILES = [('src/engine/matching_engine.cpp', 412, 371), ('src/engine/risk_checks.cpp', 198, 121), ('src/gateway/session_gateway.cpp', 530, 402),
             ('src/gateway/fix_codec.cpp', 611, 590), ('src/md/market_data_publisher.cpp', 287, 160), ('src/ledger/ledger_client.cpp', 244, 199),
             ('src/engine/halt_controller.cpp', 96, 41)]
def _me_rec(i):
    path, lf, lh = _ME_FILES[i]
    return f'TN:\nSF:{path}\nFNF:{lf // 20}\nFNH:{lh // 22}\nLF:{lf}\nLH:{lh}\nBRF:{lf // 3}\nBRH:{lh // 4}\nend_of_record'
t('complex', 'coverage-analysis', "Coverage for the exchange's matching engine (gcov -> lcov, 8 translation units) plus the order book source. The engine runs one book per symbol but cancels come in from a different thread than submits, and the market-data snapshotter reads concurrently. I don't want a percentage chase: tell me which uncovered branches are actually dangerous given that threading model, and what tests (including concurrent ones) would cover them.", [('coverage/lcov.info', '''
TN:
SF:src/engine/order_book.cpp
FN:6,mx::OrderBook::submit
FN:43,mx::OrderBook::cancel
FN:56,mx::OrderBook::snapshot
FN:71,mx::OrderBook::halt
FNDA:18230,mx::OrderBook::submit
FNDA:911,mx::OrderBook::cancel
FNDA:40,mx::OrderBook::snapshot
FNDA:0,mx::OrderBook::halt
BRDA:8,0,0,18230
BRDA:8,0,1,0
BRDA:9,0,0,120
BRDA:9,0,1,0
BRDA:17,0,0,0
BRDA:17,0,1,20344
BRDA:30,0,0,6120
BRDA:30,0,1,15
BRDA:36,0,0,9120
BRDA:36,0,1,0
BRDA:46,0,0,0
BRDA:46,0,1,911
BRDA:51,0,0,0
BRDA:51,0,1,911
LF:74
LH:61
BRF:14
BRH:9
end_of_record
''' + lines(len(_ME_FILES), _me_rec)), ('src/engine/order_book.cpp', '''
#include "order_book.h"
#include <mutex>
#include <shared_mutex>

namespace mx {
bool OrderBook::submit(Order o, std::vector<Fill>& fills) {
    std::unique_lock lk(mu_);
    if (halted_.load(std::memory_order_acquire)) return false;
    if (o.type == OrderType::PostOnly && crosses(o)) return false;
    auto& opp = o.side == Side::Buy ? asks_ : bids_;
    while (o.remaining > 0 && !opp.empty()) {
        auto best = opp.begin();
        auto& level = best->second;
        if (!priceOk(o, best->first)) break;
        while (o.remaining > 0 && !level.empty()) {
            Order& resting = level.front();
            if (resting.owner == o.owner && stp_ == SelfTradePrevention::CancelResting) {
                index_.erase(resting.id);
                level.pop_front();
                continue;
            }
            const Qty q = std::min(o.remaining, resting.remaining);
            fills.push_back({o.id, resting.id, best->first, q, seq_.fetch_add(1)});
            o.remaining -= q;
            resting.remaining -= q;
            if (resting.remaining == 0) {
                index_.erase(resting.id);
                level.pop_front();
            }
        }
        if (level.empty()) opp.erase(best);
    }
    if (o.remaining > 0 && o.type == OrderType::Limit) {
        rest(std::move(o));
        return true;
    }
    if (o.remaining > 0 && o.type == OrderType::IOC) {
        publisher_->cancelled(o.id, o.remaining);
    }
    return true;
}

bool OrderBook::cancel(OrderId id) {
    std::unique_lock lk(mu_);
    auto it = index_.find(id);
    if (it == index_.end()) return false;
    auto [side, price] = it->second;
    auto& book = side == Side::Buy ? bids_ : asks_;
    auto lvl = book.find(price);
    if (lvl == book.end()) { index_.erase(it); return false; }
    lvl->second.remove_if([id](const Order& x) { return x.id == id; });
    if (lvl->second.empty()) book.erase(lvl);
    index_.erase(it);
    return true;
}

Snapshot OrderBook::snapshot(int depth) const {
    std::shared_lock lk(mu_);
    Snapshot s{seq_.load()};
    int n = 0;
    for (auto& [px, lvl] : bids_) { if (n++ == depth) break; s.bids.push_back({px, total(lvl)}); }
    n = 0;
    for (auto& [px, lvl] : asks_) { if (n++ == depth) break; s.asks.push_back({px, total(lvl)}); }
    return s;
}

void OrderBook::halt() {
    halted_.store(true, std::memory_order_release);
}
}  // namespace mx''')], lang=None)

t('complex', 'coverage-analysis', "We've got 100% line coverage on the e-signing workflow and I still don't trust it. Transition table and our test names below. Which transitions and guard combinations have never been exercised, and which multi-step sequences (e.g. decline after partial signing, expiry racing a signature) should we be testing?", [('src/signing/workflow.ts', '''
export type State =
  | 'DRAFT' | 'IN_REVIEW' | 'CHANGES_REQUESTED' | 'APPROVED' | 'SENT' | 'PARTIALLY_SIGNED'
  | 'SIGNED' | 'COUNTERSIGNED' | 'DECLINED' | 'EXPIRED' | 'VOIDED' | 'ARCHIVED' | 'LEGAL_HOLD' | 'SUPERSEDED';

export type Event =
  | 'submit' | 'request_changes' | 'resubmit' | 'approve' | 'send' | 'sign' | 'countersign'
  | 'decline' | 'expire' | 'void' | 'archive' | 'hold' | 'release_hold' | 'amend';

interface Ctx { signers: number; signed: number; isCounterparty: boolean; hasHold: boolean; matterOpen: boolean; expiresAt: Date; now: Date }
type Guard = (c: Ctx) => boolean;
interface Transition { from: State; on: Event; to: State | ((c: Ctx) => State); guard?: Guard }

const notExpired: Guard = (c) => c.now < c.expiresAt;

export const TRANSITIONS: Transition[] = [
  { from: 'DRAFT', on: 'submit', to: 'IN_REVIEW' },
  { from: 'IN_REVIEW', on: 'request_changes', to: 'CHANGES_REQUESTED' },
  { from: 'CHANGES_REQUESTED', on: 'resubmit', to: 'IN_REVIEW' },
  { from: 'IN_REVIEW', on: 'approve', to: 'APPROVED' },
  { from: 'APPROVED', on: 'send', to: 'SENT', guard: (c) => c.signers > 0 && c.matterOpen },
  { from: 'SENT', on: 'sign', to: (c) => (c.signed + 1 >= c.signers ? 'SIGNED' : 'PARTIALLY_SIGNED'), guard: notExpired },
  { from: 'PARTIALLY_SIGNED', on: 'sign', to: (c) => (c.signed + 1 >= c.signers ? 'SIGNED' : 'PARTIALLY_SIGNED'), guard: notExpired },
  { from: 'SIGNED', on: 'countersign', to: 'COUNTERSIGNED', guard: (c) => c.isCounterparty },
  { from: 'SENT', on: 'decline', to: 'DECLINED' },
  { from: 'PARTIALLY_SIGNED', on: 'decline', to: 'DECLINED' },
  { from: 'SENT', on: 'expire', to: 'EXPIRED', guard: (c) => !notExpired(c) },
  { from: 'PARTIALLY_SIGNED', on: 'expire', to: 'EXPIRED', guard: (c) => !notExpired(c) },
  { from: 'SENT', on: 'void', to: 'VOIDED' },
  { from: 'PARTIALLY_SIGNED', on: 'void', to: 'VOIDED' },
  { from: 'APPROVED', on: 'void', to: 'VOIDED' },
  { from: 'COUNTERSIGNED', on: 'amend', to: 'SUPERSEDED' },
  { from: 'COUNTERSIGNED', on: 'archive', to: 'ARCHIVED', guard: (c) => !c.hasHold },
  { from: 'DECLINED', on: 'archive', to: 'ARCHIVED', guard: (c) => !c.hasHold },
  { from: 'EXPIRED', on: 'archive', to: 'ARCHIVED', guard: (c) => !c.hasHold },
  { from: 'VOIDED', on: 'archive', to: 'ARCHIVED', guard: (c) => !c.hasHold },
  { from: 'EXPIRED', on: 'send', to: 'SENT', guard: (c) => c.matterOpen },
  ...(['DRAFT', 'IN_REVIEW', 'APPROVED', 'SENT', 'PARTIALLY_SIGNED', 'SIGNED', 'COUNTERSIGNED', 'DECLINED', 'EXPIRED', 'VOIDED'] as State[])
    .map((s): Transition => ({ from: s, on: 'hold', to: 'LEGAL_HOLD' })),
  { from: 'LEGAL_HOLD', on: 'release_hold', to: 'ARCHIVED' },
];

export function next(state: State, ev: Event, c: Ctx): State {
  const t = TRANSITIONS.find((x) => x.from === state && x.on === ev && (!x.guard || x.guard(c)));
  if (!t) throw new Error(`illegal transition ${state} --${ev}-->`);
  return typeof t.to === 'function' ? t.to(c) : t.to;
}'''), ('test/workflow.test-names.txt', '''
workflow › draft can be submitted
workflow › reviewer can request changes and author resubmits
workflow › approved document is sent to signers
workflow › cannot send without signers
workflow › single signer goes straight to SIGNED
workflow › two signers go through PARTIALLY_SIGNED
workflow › counterparty countersigns
workflow › non-counterparty cannot countersign
workflow › signer declines a sent document
workflow › sent document expires
workflow › countersigned document is archived
workflow › document on hold cannot be archived
workflow › any state can be put on legal hold
workflow › illegal transition throws''')])

# why: looks like a several-metric gate (medium), but the call hinges on attributing a downstream service's
# burn to canary traffic while discounting unrelated incidents and a changed lookup pattern: cross-service reasoning.
t('complex', 'quality-gate', "Rating-engine 5.2 has been on canary (10% of traffic) for 6 hours. The dashboard says green on the canary itself. Pasted the Prometheus query results from the release dashboard — do we promote to 50% or roll back? Please show your reasoning; I have to defend it in the change review.", [('release/canary-rating-5.2.json', '''
{
  "window": "6h", "canary_weight": 0.10,
  "slo": { "availability": 0.999, "latency_p99_ms": 250 },
  "series": [
    { "service": "rating-engine",   "cohort": "baseline", "req_rate": 4120.5, "error_ratio": 0.00041, "p99_ms": 182 },
    { "service": "rating-engine",   "cohort": "canary",   "req_rate": 458.1,  "error_ratio": 0.00038, "p99_ms": 176 },
    { "service": "invoice-service", "cohort": "baseline", "req_rate": 910.0,  "error_ratio": 0.00090, "p99_ms": 240 },
    { "service": "invoice-service", "cohort": "canary",   "req_rate": 101.2,  "error_ratio": 0.00710, "p99_ms": 231 },
    { "service": "balance-cache",   "cohort": "baseline", "req_rate": 15220,  "error_ratio": 0.00002, "p99_ms": 4 },
    { "service": "balance-cache",   "cohort": "canary",   "req_rate": 3390,   "error_ratio": 0.00002, "p99_ms": 6 },
    { "service": "cdr-ingest",      "cohort": "all",      "req_rate": 5400,   "error_ratio": 0.00010, "p99_ms": 35 },
    { "service": "notification",    "cohort": "all",      "req_rate": 300.4,  "error_ratio": 0.00300, "p99_ms": 410 },
    { "service": "payment-gateway", "cohort": "all",      "req_rate": 88.9,   "error_ratio": 0.00120, "p99_ms": 980 }
  ],
  "burn_rate": {
    "rating-engine":   { "1h": 0.31, "6h": 0.42 },
    "invoice-service": { "1h": 4.80, "6h": 1.92 },
    "notification":    { "1h": 2.10, "6h": 2.90 }
  },
  "notes": [
    "notification had a known provider incident 02:00-05:00, unrelated to this release",
    "balance-cache canary req_rate counts cache lookups per rated event; 5.2 changed the lookup pattern",
    "payment-gateway p99 is dominated by the PSP and excluded from release gates"
  ]
}''')], reqs=['1. promotion needs: no per-service burn rate > 2 on the 1h window attributable to the release', '2. canary vs baseline error ratio must not be worse by more than 2x on any service the canary traffic touches', '3. downstream effects count, not just the canary service itself'], lang=None)

t('complex', 'quality-gate', "We're moving the CDN edge config rollout from 'push everywhere, watch Slack' to automated progressive delivery across 14 PoPs in 4 regions. Design the release gates: what metrics, what windows, how to tell a bad config from a regional incident or a traffic shift, when to auto-halt vs auto-rollback, and how to keep the gate from being so noisy people start overriding it.", [], reqs=['config pushes are global objects but take effect per PoP; some PoPs share origin shields', 'signals available: edge 5xx, origin 5xx, cache hit ratio, TTFB p50/p99, TLS handshake errors, synthetic probes from 3 vendors', 'a bad cache-key change last quarter lowered hit ratio only for logged-in traffic and took 40 minutes to show up at the origin'], lang=None)

t('complex', 'flaky-test-analysis', "TestPurgeFanout fails maybe 1 run in 50 in CI, sometimes as a plain assertion failure and sometimes the whole test binary dies. Code and test below, plus two CI excerpts. Explain every failure mode and fix the code, not the test.", [('purge/fanout.go', '''
package purge

import (
	"context"
	"sync"
)

type EdgeClient interface {
	Name() string
	Purge(ctx context.Context, paths []string) error
}

type Fanout struct {
	edges   []EdgeClient
	results map[string]error
	wg      sync.WaitGroup
}

func NewFanout(edges []EdgeClient) *Fanout { return &Fanout{edges: edges} }

// Purge asks every edge to drop the given paths and returns per-edge errors.
// Edges that do not answer before ctx is done are reported as ctx.Err().
func (f *Fanout) Purge(ctx context.Context, paths []string) map[string]error {
	f.results = make(map[string]error)
	for _, e := range f.edges {
		f.wg.Add(1)
		go func(e EdgeClient) {
			defer f.wg.Done()
			err := e.Purge(ctx, paths)
			f.results[e.Name()] = err
		}(e)
	}
	done := make(chan struct{})
	go func() { f.wg.Wait(); close(done) }()
	select {
	case <-done:
	case <-ctx.Done():
		for _, e := range f.edges {
			if _, ok := f.results[e.Name()]; !ok {
				f.results[e.Name()] = ctx.Err()
			}
		}
	}
	return f.results
}'''), ('purge/fanout_test.go', '''
package purge

import (
	"context"
	"fmt"
	"testing"
	"time"
)

type fakeEdge struct {
	name  string
	delay time.Duration
}

func (f fakeEdge) Name() string { return f.name }
func (f fakeEdge) Purge(ctx context.Context, _ []string) error {
	select {
	case <-time.After(f.delay):
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

func TestPurgeFanout(t *testing.T) {
	var edges []EdgeClient
	for i := 0; i < 12; i++ {
		edges = append(edges, fakeEdge{name: fmt.Sprintf("pop-%02d", i), delay: time.Duration(i*4) * time.Millisecond})
	}
	fo := NewFanout(edges)
	ctx, cancel := context.WithTimeout(context.Background(), 40*time.Millisecond)
	defer cancel()
	res := fo.Purge(ctx, []string{"/img/*"})
	if len(res) != 12 {
		t.Fatalf("expected 12 results, got %d", len(res))
	}
	for i := 0; i < 10; i++ {
		if err := res[fmt.Sprintf("pop-%02d", i)]; err != nil {
			t.Errorf("pop-%02d: unexpected error %v", i, err)
		}
	}
	again := fo.Purge(context.Background(), []string{"/css/*"})
	if len(again) != 12 {
		t.Fatalf("second purge: expected 12 results, got %d", len(again))
	}
}'''), ('logs/ci.txt', '''
=== RUN   TestPurgeFanout
    fanout_test.go:39: pop-09: unexpected error context deadline exceeded
--- FAIL: TestPurgeFanout (0.04s)

=== RUN   TestPurgeFanout
fatal error: concurrent map writes

goroutine 31 [running]:
cdn/purge.(*Fanout).Purge.func1({0x6b2f40, 0xc0000a6080})
	/src/purge/fanout.go:30 +0x9c
created by cdn/purge.(*Fanout).Purge in goroutine 7
	/src/purge/fanout.go:27 +0x8f
FAIL	cdn/purge	0.051s''')], lang=None)

t('complex', 'flaky-test-analysis', "Our 'new hire appears in the company directory' e2e fails about 4% of runs. Everyone assumes it's just Kafka lag and wants to bump the timeout. Before we do that: test and logs from the three services involved are attached. Is it really lag?", [('e2e/directory.spec.ts', '''
import { test, expect } from '@playwright/test';
import { api } from './helpers/api';

test('new hire appears in directory with title and manager', async ({ page }) => {
  const hire = await api.post('/onboarding/hires', { name: 'Ada Quinn', title: 'SRE', startDate: '2024-07-01' });
  await api.patch(`/onboarding/hires/${hire.id}`, { managerId: 'emp_00412', title: 'Senior SRE' });
  await page.goto(`/directory?q=Ada%20Quinn`);
  await expect(page.getByTestId('person-card')).toContainText('Senior SRE', { timeout: 10_000 });
  await expect(page.getByTestId('person-manager')).toHaveText('Jon Park');
});'''), ('logs/onboarding-api.log', '''
2024-06-11T10:02:13.104Z INFO  outbox  published EmployeeCreated  id=hire_9f1c key=hire_9f1c topic=people.events partition=3 offset=88120
2024-06-11T10:02:13.188Z INFO  outbox  published EmployeeUpdated  id=hire_9f1c key=emp_00412 topic=people.events partition=7 offset=40211  changes=[managerId,title]'''), ('logs/identity-provisioner.log', '''
2024-06-11T10:02:13.210Z INFO  consumer people.events p3 EmployeeCreated hire_9f1c -> created account ada.quinn
2024-06-11T10:02:13.215Z INFO  consumer people.events p7 EmployeeUpdated hire_9f1c -> updated groups (manager emp_00412)'''), ('logs/directory-read-model.log', '''
2024-06-11T10:02:13.196Z INFO  projector people.events p7 EmployeeUpdated hire_9f1c
2024-06-11T10:02:13.197Z WARN  projector no row for hire_9f1c, skipping update (will be created by EmployeeCreated)
2024-06-11T10:02:13.342Z INFO  projector people.events p3 EmployeeCreated hire_9f1c -> inserted (title=SRE, manager=null)
2024-06-11T10:02:23.350Z INFO  http GET /directory?q=Ada%20Quinn 200 results=1''')], fw='playwright')

t('complex', 'security-scan', "Security review of the auth middleware in front of the customer billing API, please. Pen test is in three weeks and I'd rather we find things first.", [('internal/auth/middleware.go', '''
package auth

import (
	"context"
	"errors"
	"net/http"
	"strings"

	"github.com/golang-jwt/jwt/v5"
)

type ctxKey string

const ctxAccount ctxKey = "account"

type KeySet struct {
	RSA        map[string]interface{} // kid -> *rsa.PublicKey
	HMACSecret []byte                 // legacy tokens from the old portal
}

func Middleware(keys KeySet) func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			raw := strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer ")
			tok, err := jwt.Parse(raw, func(t *jwt.Token) (interface{}, error) {
				kid, _ := t.Header["kid"].(string)
				if k, ok := keys.RSA[kid]; ok {
					return k, nil
				}
				return keys.HMACSecret, nil
			})
			if err != nil && !errors.Is(err, jwt.ErrTokenExpired) {
				http.Error(w, "unauthorized", http.StatusUnauthorized)
				return
			}
			claims := tok.Claims.(jwt.MapClaims)
			if aud, _ := claims["aud"].(string); aud != "" && aud != "billing-api" {
				http.Error(w, "forbidden", http.StatusForbidden)
				return
			}
			account := r.URL.Query().Get("account")
			if account == "" {
				account, _ = claims["acct"].(string)
			}
			ctx := context.WithValue(r.Context(), ctxAccount, account)
			next.ServeHTTP(w, r.WithContext(ctx))
		})
	}
}

func AccountFrom(ctx context.Context) string {
	a, _ := ctx.Value(ctxAccount).(string)
	return a
}''')], lang=None)

t('complex', 'security-scan', "document download endpoint for the case-management app. we have ethical walls between matters in the same firm, keep that in mind. what's wrong with it?", [('public/download.php', '''
<?php
require __DIR__ . '/../bootstrap.php';

session_start();
if (empty($_SESSION['user_id'])) {
    header('Location: /login.php');
    exit;
}

$docId   = $_GET['id'] ?? '';
$version = $_GET['v'] ?? 'latest';
$pdo     = db();

$doc = $pdo->query("SELECT id, matter_id, firm_id, storage_path, filename FROM documents WHERE id = '$docId'")->fetch(PDO::FETCH_ASSOC);
if (!$doc) {
    http_response_code(404);
    exit;
}

$stmt = $pdo->prepare('SELECT firm_id, role FROM users WHERE id = ?');
$stmt->execute([$_SESSION['user_id']]);
$user = $stmt->fetch(PDO::FETCH_ASSOC);

// partners and paralegals can see all documents of their firm
if ($user['role'] !== 'partner' && $user['role'] !== 'paralegal' && $user['firm_id'] != $doc['firm_id']) {
    http_response_code(403);
    exit;
}

$path = STORAGE_ROOT . '/' . $doc['storage_path'] . '/' . $version . '.pdf';
if (!is_file($path)) {
    http_response_code(404);
    echo "File not found: " . $path;
    exit;
}

audit_log($_SESSION['user_id'], 'download', $doc['id']);
header('Content-Type: application/pdf');
header('Content-Disposition: attachment; filename="' . $doc['filename'] . '"');
readfile($path);''')], lang=None)

t('complex', 'security-scan', "Fuzzing found a crash in the Zigbee bridge's frame parser, but I'd like a proper review rather than fixing the one crash. It runs as root on the hub and the frames come straight off the radio.", [('bridge/frame_parser.cpp', '''
#include <cstdint>
#include <cstring>
#include <vector>
#include "frame_parser.h"

namespace bridge {

// Wire format: [len:1][type:1][seq:2][tlv...][crc:2], len counts bytes after itself.
struct Tlv { uint8_t tag; uint8_t len; const uint8_t* value; };

bool parse_frame(const uint8_t* buf, size_t n, Frame& out) {
    if (n < 4) return false;
    uint8_t len = buf[0];
    out.type = buf[1];
    out.seq = static_cast<uint16_t>(buf[2] << 8 | buf[3]);
    const uint8_t* p = buf + 4;
    const uint8_t* end = buf + 1 + len - 2;        // stop before the CRC
    while (p < end) {
        Tlv t{p[0], p[1], p + 2};
        switch (t.tag) {
        case 0x01:  // device name
            memcpy(out.name, t.value, t.len);
            out.name[t.len] = 0;
            break;
        case 0x02: {  // attribute report: count, then 4-byte entries
            uint8_t count = t.value[0];
            out.attrs.resize(count);
            memcpy(out.attrs.data(), t.value + 1, count * 4);
            break;
        }
        case 0x03:  // firmware chunk
            out.fw_offset = *reinterpret_cast<const uint32_t*>(t.value);
            out.fw_chunk.assign(t.value + 4, t.value + t.len);
            break;
        default:
            break;
        }
        p += 2 + t.len;
    }
    uint16_t crc = static_cast<uint16_t>(end[0] << 8 | end[1]);
    return crc == crc16(buf, 1 + len - 2);
}

}  // namespace bridge'''), ('bridge/frame_parser.h', '''
#pragma once
#include <cstdint>
#include <vector>
namespace bridge {
struct Attr { uint16_t id; uint16_t value; };
struct Frame {
    uint8_t type;
    uint16_t seq;
    char name[32];
    std::vector<Attr> attrs;
    uint32_t fw_offset;
    std::vector<uint8_t> fw_chunk;
};
uint16_t crc16(const uint8_t* data, size_t n);
bool parse_frame(const uint8_t* buf, size_t n, Frame& out);
}''')], lang=None)

t('complex', 'performance-testing', "Holiday peak is coming and last year check-in fell over at 05:00 when the first wave of long-hauls opened. I need a capacity and soak test plan for the whole check-in platform: web + mobile BFFs, check-in core, seat map, baggage, APIS/passport validation (calls government endpoints we can't load), boarding pass generation and the wallet pass push. Workload model, environments, what to stub, how long to soak, what we measure, and how we'll know we're ready.", [], lang=None)

t('complex', 'performance-testing', "Design and script the load test for the exchange's trading path ahead of the token listing next month. We expect 20x normal order flow for the first hour.", [('docs/trading-path.md', '''
client --(REST/WS)--> api-gateway --> order-entry (risk checks, balances in Redis)
                                   --> matching-engine (one single-threaded book per symbol, sharded by symbol)
matching-engine --> fills topic (Kafka) --> ledger (Postgres, synchronous balance settlement)
                                       --> market-data fan-out (WebSocket, ~180k subscribers at peak, L2 depth + trades)
Current peak: 9k orders/s across all symbols, 60% of it on 3 symbols; cancel/replace is 70% of order traffic.''')], reqs=['1. Gatling (Scala) simulations for order entry over REST and WebSocket, plus a separate subscriber-swarm simulation for market data', '2. model the hot-symbol skew, cancel/replace ratio and market-maker bursts, not a flat request rate', '3. measure order-to-ack, order-to-fill and fill-to-market-data latency end to end, with coordinated omission accounted for', '4. define the breaking-point run and the pass/fail criteria for the listing go/no-go', '5. must not touch real customer balances: explain the environment and data strategy'], fw='gatling', lang=None)

t('complex', 'defect-analysis', "About 0.3% of postpaid customers got charged twice for some calls in May. Finance noticed; nobody knows why. Logs from the rating consumer, the billing ledger and the broker for one affected subscriber are below. Find the root cause and tell me what to change where.", [('logs/rating-consumer.log', '''
2024-05-18T02:14:03.102Z INFO  consumer group=rating-v3 member=rating-7 assigned=[cdr.raw-11, cdr.raw-12]
2024-05-18T02:14:05.881Z INFO  batch start partition=cdr.raw-11 offsets=551200..551699 records=500
2024-05-18T02:14:05.990Z DEBUG rated cdr=CDR-7731902 msisdn=4479xxxx0192 charge=0.4200 ledgerKey=CDR-7731902:1716000845990
2024-05-18T02:19:14.331Z WARN  ledger call slow: 4.2s (pool exhausted, waiting for connection)
2024-05-18T02:21:06.020Z WARN  consumer poll timeout exceeded (max.poll.interval.ms=300000); leaving group
2024-05-18T02:21:06.400Z INFO  batch done partition=cdr.raw-11 records=500 committing offset 551700
2024-05-18T02:21:06.402Z ERROR commit failed: CommitFailedException: group has already rebalanced'''), ('logs/rating-consumer-9.log', '''
2024-05-18T02:21:08.730Z INFO  consumer group=rating-v3 member=rating-9 assigned=[cdr.raw-10, cdr.raw-11]
2024-05-18T02:21:08.912Z INFO  batch start partition=cdr.raw-11 offsets=551200..551699 records=500
2024-05-18T02:21:09.004Z DEBUG rated cdr=CDR-7731902 msisdn=4479xxxx0192 charge=0.4200 ledgerKey=CDR-7731902:1716002469004'''), ('logs/billing-ledger.log', '''
2024-05-18T02:14:06.120Z INFO  POST /entries key=CDR-7731902:1716000845990 account=ACC-55120 amount=0.4200 -> 201 created
2024-05-18T02:21:09.150Z INFO  POST /entries key=CDR-7731902:1716002469004 account=ACC-55120 amount=0.4200 -> 201 created
2024-05-18T02:21:09.151Z DEBUG idempotency: unique index on (key) - no conflict'''), ('logs/broker.log', '''
[2024-05-18 02:21:06,012] INFO [GroupCoordinator 2]: Member rating-7 in group rating-v3 has failed, removing it from the group
[2024-05-18 02:21:06,015] INFO [GroupCoordinator 2]: Preparing to rebalance group rating-v3 in state PreparingRebalance with old generation 412 (reason: removing member rating-7 on LeaveGroup)
[2024-05-18 02:21:08,700] INFO [GroupCoordinator 2]: Stabilized group rating-v3 generation 413 (__consumer_offsets-17) with 11 members''')], lang=None)

# why: about 20 lines of middleware and a vague symptom, but it is an idempotency check across client retries:
# check-then-act race between concurrent retries, key not scoped to the caller, and caching of failed responses.
# Getting it right is distributed-systems reasoning, not reading a small pure function.
t('complex', 'defect-analysis', "A few customers get two identical orders when the app retries on a flaky connection. We already have idempotency keys, so how?", [('src/middleware/idempotency.ts', '''
import type { Request, Response, NextFunction } from 'express';
import { redis } from '../redis';

export async function idempotency(req: Request, res: Response, next: NextFunction) {
  const key = req.header('Idempotency-Key');
  if (!key) return next();
  const cached = await redis.get(`idem:${key}`);
  if (cached) {
    const { status, body } = JSON.parse(cached);
    return res.status(status).json(body);
  }
  const json = res.json.bind(res);
  res.json = (body: unknown) => {
    void redis.set(`idem:${key}`, JSON.stringify({ status: res.statusCode, body }), { EX: 3600 });
    return json(body);
  };
  next();
}''')])

t('complex', 'defect-analysis', "Search API p99 goes from 80ms to 30s+ a few times a day and then recovers by itself. CPU is low when it happens. Code for the request path and a thread dump taken during the last episode are below.", [('app/search/SearchService.scala', '''
package search

import scala.concurrent.{Await, ExecutionContext, Future}
import scala.concurrent.duration._
import scala.concurrent.ExecutionContext.Implicits.global

class SearchService(index: IndexClient, personalisation: PersonalisationRepo, reranker: Reranker) {

  def search(q: Query): Future[Seq[Hit]] = Future {
    val candidates = Await.result(index.topK(q, 500), 5.seconds)
    val prefs = personalisation.loadBlocking(q.userId)          // JDBC, up to ~200ms
    val features = candidates.map { c =>
      Future(reranker.features(c, prefs))
    }
    val scored = Await.result(Future.sequence(features), 30.seconds)
    scored.sortBy(-_.score).take(q.limit)
  }
}

class PersonalisationRepo(ds: javax.sql.DataSource) {
  def loadBlocking(userId: String): Prefs = {
    val conn = ds.getConnection()
    try Prefs.fromResultSet(conn.prepareStatement(s"select * from prefs where user_id = '$userId'").executeQuery())
    finally conn.close()
  }
}'''), ('dumps/jstack-excerpt.txt', '''
"scala-execution-context-global-41" #41 daemon prio=5 os_prio=0 tid=0x00007f cpu=12.1ms elapsed=2612s
   java.lang.Thread.State: TIMED_WAITING (parking)
	at jdk.internal.misc.Unsafe.park(Native Method)
	at scala.concurrent.impl.Promise$DefaultPromise.tryAwait0(Promise.scala:243)
	at scala.concurrent.Await$.result(package.scala:146)
	at search.SearchService.$anonfun$search$1(SearchService.scala:15)
"scala-execution-context-global-42" #42 daemon prio=5 ... TIMED_WAITING (parking)
	at scala.concurrent.Await$.result(package.scala:146)
	at search.SearchService.$anonfun$search$1(SearchService.scala:15)
... (threads 41-47 all parked in the same frame)
"scala-execution-context-global-48" #49 daemon prio=5 ... WAITING (parking)
	at com.zaxxer.hikari.pool.HikariPool.getConnection(HikariPool.java:181)
	at search.PersonalisationRepo.loadBlocking(SearchService.scala:23)
"ForkJoinPool.commonPool-worker-3" ... WAITING
HikariPool-1 stats (total=10, active=10, idle=0, waiting=37)''')], lang=None)
