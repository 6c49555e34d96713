from lib import t, lines

# Issue 14, generalisation batch: the kinds the router was weakest on, written to the rubric (docs/tasks.md):
# mechanical asks that come after context or mid-sentence; concurrency, distributed and state-machine work
# described in prose only (no code to give it away); medium judgement over small inputs. Domains, languages
# and lengths vary on purpose.

# --- simple: the mechanical ask is not the first words ---------------------------------------------------------
t('simple', 'test-execution', "The payments suite went red on the last merge and I haven't looked yet. Could you run it again with the dot reporter and paste back the names of the failing tests?", [])
t('simple', 'test-execution', "We moved this package to vitest last week; nothing to analyse, I only need you to execute test/api/users.test.ts three times and report pass or fail for each run.", [])
t('simple', 'coverage-analysis', "Retro is tomorrow morning. From this summary, pull the line coverage of each package into a markdown bullet list, highest first.", [('coverage/summary.txt', '''
Package              Lines    Branches
packages/api         82.4%    71.0%
packages/web         64.9%    52.3%
packages/shared      91.2%    88.7%
packages/worker      58.1%    40.2%
packages/cli         77.5%    69.9%
packages/billing     85.0%    80.1%''')], lang=None)
t('simple', 'test-execution', "Nightly e2e produced the JUnit file below; all I need is the names of the tests that failed, one per line.", [('reports/e2e-junit.xml', '<testsuites tests="48" failures="3">\n<testsuite name="checkout">\n' + lines(45, lambda i: f'  <testcase name="checkout step {i}" time="{0.4 + i * 0.01:.2f}"/>' if i not in (7, 19, 33) else f'  <testcase name="checkout step {i}" time="2.10"><failure message="timeout waiting for #pay"/></testcase>') + '\n</testsuite>\n</testsuites>')], lang=None)
t('simple', 'performance-testing', "Last night's k6 run is pasted below. No analysis needed: tell me the p95 and the error rate for the /search endpoint.", [('results/k6-nightly.txt', '''
     scenarios: (100.00%) 1 scenario, 50 max VUs, 5m30s max duration
     http_req_duration{name:/search}..: avg=182ms min=41ms med=150ms max=2.1s p(90)=310ms p(95)=402ms
     http_req_duration{name:/product}.: avg=95ms  min=22ms med=80ms  max=900ms p(90)=160ms p(95)=210ms
     http_req_failed{name:/search}....: 1.84%  ✓ 221  ✗ 11790
     http_req_failed{name:/product}...: 0.12%  ✓ 14   ✗ 11997
     iterations.......................: 24022  72.8/s
     vus_max..........................: 50''')], lang=None)
t('simple', 'quality-gate', "The release train leaves at 3pm. Our gate is line coverage of at least 85% and zero critical vulnerabilities, and the build shows coverage 86.4%, 0 critical, 2 high. So does it clear the gate?", [], lang=None)
t('simple', 'test-generation', "Our Jest test for formatBytes predates the TB unit we added; I'd like you to add the one obvious assertion for 1 TB and leave everything else alone.", [('src/format/bytes.ts', '''
const UNITS = ['B', 'KB', 'MB', 'GB', 'TB'];
export function formatBytes(n: number): string {
  let i = 0;
  while (n >= 1024 && i < UNITS.length - 1) { n /= 1024; i++; }
  return `${n.toFixed(i ? 1 : 0)} ${UNITS[i]}`;
}'''), ('test/bytes.test.ts', '''
import { formatBytes } from '../src/format/bytes';
test('bytes', () => expect(formatBytes(12)).toBe('12 B'));
test('kilobytes', () => expect(formatBytes(2048)).toBe('2.0 KB'));
test('gigabytes', () => expect(formatBytes(3 * 1024 ** 3)).toBe('3.0 GB'));''')], fw='jest')
t('simple', 'test-generation', "This spec still uses mocha with chai, and the team has standardised on vitest, so rewrite it with vitest's expect keeping exactly the same cases.", [('test/slugify.spec.js', '''
const { expect } = require('chai');
const { slugify } = require('../src/slugify');

describe('slugify', () => {
  it('lowercases', () => {
    expect(slugify('Hello')).to.equal('hello');
  });
  it('replaces spaces with dashes', () => {
    expect(slugify('a b  c')).to.equal('a-b-c');
  });
  it('drops punctuation', () => {
    expect(slugify('what?!')).to.equal('what');
  });
  it('keeps digits', () => {
    expect(slugify('v2 release')).to.equal('v2-release');
  });
});''')], fw='vitest', lang='javascript')
t('simple', 'flaky-test-analysis', "CI has flagged test_checkout_total as flaky twice this week. Before anyone digs into it, run it 50 times locally and post how many of those runs failed.", [], lang=None)
t('simple', 'defect-analysis', "The stack trace below comes from the staging deploy. I'm not asking for a fix, only for the Java exception explained in two plain sentences for our product manager.", [('logs/staging-trace.txt', '''
java.lang.IllegalStateException: Expected BEGIN_OBJECT but was STRING at line 1 column 1 path $
    at com.google.gson.stream.JsonReader.beginObject(JsonReader.java:386)
    at com.acme.catalog.client.CatalogClient.parseProduct(CatalogClient.java:88)
    at com.acme.catalog.client.CatalogClient.getProduct(CatalogClient.java:61)
    at com.acme.shop.web.ProductController.show(ProductController.java:42)
    at java.base/java.lang.Thread.run(Thread.java:833)''')], lang=None)
t('simple', 'test-execution', "go test ./... printed a wall of output (attached). Can you just count how many packages passed and how many failed?", [('logs/go-test.txt', lines(22, lambda i: f"{'ok  ' if i % 7 else 'FAIL'}\tgithub.com/acme/shipping/{['api', 'rates', 'labels', 'tracking', 'carriers', 'zones', 'store', 'auth', 'notify', 'cli', 'queue'][i % 11]}{i // 11 or ''}\t{0.01 * (i + 3):.3f}s"))], lang=None)
t('simple', 'security-scan', "npm audit output is attached. The security team wants it as a CSV with package, severity and advisory id, and that's all.", [('reports/npm-audit.txt', '''
# npm audit report

axios  <1.6.0
Severity: moderate
Cross-Site Request Forgery in axios - https://github.com/advisories/GHSA-wf5p-g6vw-rhxx

semver  <7.5.2
Severity: moderate
semver vulnerable to Regular Expression Denial of Service - https://github.com/advisories/GHSA-c2qf-rxjj-qqgw

tough-cookie  <4.1.3
Severity: moderate
tough-cookie Prototype Pollution vulnerability - https://github.com/advisories/GHSA-72xf-g2v4-qvf3

word-wrap  <1.2.4
Severity: moderate
word-wrap vulnerable to Regular Expression Denial of Service - https://github.com/advisories/GHSA-j8xg-fqg3-53r7

4 moderate severity vulnerabilities''')], lang=None)
t('simple', 'coverage-analysis', "We track this by hand in a spreadsheet, so sort the files in this lcov summary from lowest to highest branch coverage.", [('coverage/lcov-summary.txt', '''
src/rates/table.py        branches 12/20
src/rates/convert.py      branches 30/31
src/labels/render.py      branches 8/40
src/labels/pdf.py         branches 0/6
src/tracking/poll.py      branches 22/25''')], lang=None)
t('simple', 'test-execution', "Following up on yesterday's outage drill: the Playwright report is attached, and what I need back is a two-line summary I can paste into Slack.", [('reports/playwright.txt', '''
Running 64 tests using 4 workers
  62 passed (3.1m)
  2 failed
    [chromium] › status-page.spec.ts:14:5 › shows degraded banner during incident
    [webkit] › status-page.spec.ts:31:5 › recovers banner after incident resolved''')], lang=None)
t('simple', 'performance-testing', "After we tuned the connection pool we reran the benchmark, output below, and I'd like the percentage change in mean latency between the two runs.", [('results/bench-before-after.txt', '''
run      requests   mean_ms   p99_ms
before   120000     38.2      141
after    120000     29.7      118''')], lang=None)
t('simple', 'test-generation', "Rust crate, tiny helper; the reviewer asked for a couple of tests, so write them for clamp_percent.", [('src/util.rs', '''
pub fn clamp_percent(x: f64) -> f64 {
    if x.is_nan() { return 0.0; }
    x.max(0.0).min(100.0)
}''')], lang=None)

# --- complex: concurrency, distribution or a state machine, in prose only ------------------------------------
t('complex', 'defect-analysis', "Customers report that when two support agents open the same ticket and both press 'assign to me', sometimes both see themselves as the owner and the ticket ends up with whoever saved last. Work out how that can happen and which test would reproduce it.", [], lang=None)
t('complex', 'test-generation', "Design tests for the seat-booking service: a flight has a fixed number of seats, bookings arrive from the web app and the mobile app at the same moment, and we must never sell more seats than exist, even when a payment callback comes back late.", [], lang=None)
t('complex', 'test-generation', "Write tests for the order lifecycle. An order goes from draft to placed, then to paid or cancelled; paid orders can be partly shipped, fully shipped, returned or refunded; a partly shipped order can still be cancelled for the unshipped part; refunds are allowed only after delivery or cancellation. Every other move must be rejected.", [])
t('complex', 'defect-analysis', "Our inventory service consumes stock events from the broker and commits the offset after it updates the database. After a consumer restart last Tuesday some products showed negative stock. Reconstruct the sequence of events that produces negative stock and say how to test for it.", [], lang=None)
t('complex', 'test-generation', "Mobile clients resend the 'redeem voucher' request when the network drops, and the server has on occasion credited a voucher twice. Design the tests that prove each voucher is redeemed once at most, including a resend that arrives while the first request is still being processed.", [])
t('complex', 'test-generation', "Our note-taking app syncs between the phone and the web editor. Edits made offline on both sides have to merge without losing either change once the phone is back online. Write the test plan for the merge, including edits to the same paragraph.", [], lang=None)
t('complex', 'defect-analysis', "After a network blip, two replicas of the scheduler both ran the midnight billing job and some customers were invoiced twice, although only one of them is supposed to run jobs. Figure out how both could believe it was their turn and what should prevent it.", [], lang=None)
t('complex', 'test-generation', "Tests for the elevator controller's behaviour. It is idle, moving up, moving down, opening doors, doors open, closing doors, or in emergency stop. A call from any floor can arrive in any of these; the doors must never open while moving; emergency stop must be reachable from everywhere and only maintenance can clear it.", [], lang=None)
t('complex', 'defect-analysis', "A user changed their email on the website while the mobile app was refreshing the profile in the background, and afterwards the account showed the old email again. Nothing errored anywhere. Find the ordering of reads and writes that lost the change.", [], lang=None)
t('complex', 'performance-testing', "Three warehouse services each keep their own copy of the price list and apply updates from a shared topic. During last week's sale some warehouses charged the old price for minutes. Design tests for how price updates spread, and for a service that falls behind or gets updates in the wrong order.", [], lang=None)
t('complex', 'test-generation', "The rate limiter in our Go gateway is shared by every goroutine that handles a request, and under bursts it lets more requests through than the limit allows. Write tests that expose this without relying on sleeps.", [], lang=None)
t('complex', 'test-generation', "Write tests for the document approval workflow: drafts go to review; reviewers approve, reject or ask for changes; asking for changes sends it back to the author; two approvals publish it; an admin can withdraw a published document; a rejected document can be resubmitted at most twice.", [])
t('complex', 'defect-analysis', "On a slow connection, tapping the pay button twice quickly sometimes creates two orders. Which part of the checkout flow lets that through, and how do we test that a second tap can never produce a second order?", [], lang=None)
t('complex', 'test-generation', "Our catalogue cache warms itself on start-up. If a request comes in while warming is still running it starts a second load, and two loads together exhaust the database connections. Write tests for the warm-up so that requests arriving meanwhile wait for the load already in progress.", [])
t('complex', 'flaky-test-analysis', "The payment reconciliation job runs on every pod of the deployment. The test that checks each payment is reconciled exactly once passes on a laptop with one pod and fails in the staging cluster. Explain why, and how the test should be set up instead.", [], lang=None)
t('complex', 'test-generation', "Our Kotlin app has a download manager: a download can be queued, running, paused by the user, paused because the network dropped, resumed, failed with retries left, failed for good, or completed; the user can cancel from any state except completed. Cover the transitions and the ones that must not happen.", [], lang=None)
t('complex', 'defect-analysis', "Two regions accept writes for user preferences and copy them to each other. After a link between the regions was down for ten minutes, some users' settings flip back and forth between two values. Explain what is happening and what we should test.", [], lang=None)

# --- medium: judgement over small inputs -----------------------------------------------------------------------
t('medium', 'test-generation', "Here is a 12-line test for our date formatter. Is it testing the right things, and what would you add or remove?", [('test/formatDate.test.ts', '''
import { formatDate } from '../src/formatDate';
test('formats', () => {
  const d = new Date(2024, 0, 5);
  expect(formatDate(d)).toBe('05/01/2024');
  expect(formatDate(d)).toBeTruthy();
  expect(typeof formatDate(d)).toBe('string');
});
test('another date', () => {
  expect(formatDate(new Date(2024, 11, 31))).toBe('31/12/2024');
});
test('does not throw', () => {
  expect(() => formatDate(new Date())).not.toThrow();
});''')])
t('medium', 'defect-analysis', "This returns the wrong total for one customer's invoice while every other invoice is right. What is likely going on?", [('src/invoice/total.ts', '''
export function invoiceTotal(lines: { qty: number; unit: number }[], discountPct: number): number {
  let sum = 0;
  for (const l of lines) sum += l.qty * l.unit;
  const discounted = sum - sum * (discountPct / 100);
  return Math.round(discounted * 100) / 100;
}''')])
t('medium', 'quality-gate', "Our gate only checks line coverage today. Given these numbers from the last build, which extra threshold would you add, and at what value?", [('reports/last-build.txt', '''
line coverage      84.2%
branch coverage    61.7%
mutation score     48%
flaky tests        3 (quarantined)
build time         14m''')], lang=None)
t('medium', 'coverage-analysis', "Coverage of the parser package dropped from 88% to 79% in this PR. Looking at the two summaries, where did it drop and is it worth blocking the PR over?", [('coverage/before.txt', 'parser/lexer.ts 95%\nparser/ast.ts 90%\nparser/expr.ts 84%\nparser/errors.ts 80%'), ('coverage/after.txt', 'parser/lexer.ts 95%\nparser/ast.ts 90%\nparser/expr.ts 62%\nparser/errors.ts 81%\nparser/templates.ts 40%')], lang=None)
t('medium', 'performance-testing', "Is a two-minute ramp to 200 virtual users a sensible first load test for our search API, or should the profile change? The current options are attached.", [('load/options.js', '''
export const options = {
  stages: [
    { duration: '2m', target: 200 },
    { duration: '1m', target: 0 },
  ],
  thresholds: { http_req_duration: ['p(95)<500'] },
};''')], fw='k6', lang='javascript')
t('medium', 'defect-analysis', "This Python function parses durations like '1h30m'. It gives 90 for '90m' but 0 for '1h'. What's wrong, and which cases should the fix be tested with?", [('app/durations.py', '''
import re

def to_minutes(text):
    total = 0
    for amount, unit in re.findall(r"(\\d+)([hm])", text):
        if unit == "m":
            total += int(amount)
        elif unit == "h" and text.endswith("m"):
            total += int(amount) * 60
    return total''')], lang=None)
t('medium', 'quality-gate', "Two teams disagree: one wants to fail the build on any new lint warning, the other only on errors. Given last month's numbers below, which rule would you pick and why?", [('reports/lint-month.txt', '''
week  new_warnings  new_errors  builds  reverted
1     41            0           63      1
2     12            1           58      0
3     55            0           71      2
4     9             2           60      0''')], lang=None)
t('medium', 'test-generation', "Look at these Ruby specs for the discount calculator and tell me which cases are redundant and which edge cases are missing.", [('spec/discount_spec.rb', '''
RSpec.describe Discount do
  it "gives 10% over 100" do
    expect(Discount.for(150)).to eq(15)
  end
  it "gives 10% over 100 again" do
    expect(Discount.for(200)).to eq(20)
  end
  it "gives nothing under 100" do
    expect(Discount.for(50)).to eq(0)
  end
  it "gives 20% over 1000" do
    expect(Discount.for(2000)).to eq(400)
  end
end'''), ('lib/discount.rb', '''
class Discount
  def self.for(total)
    return total * 0.2 if total > 1000
    return total * 0.1 if total > 100
    0
  end
end''')], lang=None)
t('medium', 'coverage-analysis', "Of the uncovered branches in this C# method, which ones matter and which are just defensive?", [('src/Shipping/RateCalculator.cs', '''
public decimal Rate(Parcel p, Zone z)
{
    if (p == null) throw new ArgumentNullException(nameof(p));     // uncovered
    if (p.WeightKg <= 0) throw new ArgumentException("weight");     // uncovered
    var baseRate = z switch
    {
        Zone.Domestic => 4.90m,
        Zone.Eu => 9.50m,
        Zone.World => 19.00m,
        _ => throw new ArgumentOutOfRangeException(nameof(z)),       // uncovered
    };
    if (p.WeightKg > 30) return baseRate * 3;                        // uncovered
    if (p.IsFragile) baseRate += 2.50m;                              // uncovered
    return p.WeightKg > 10 ? baseRate * 1.5m : baseRate;
}'''), ('coverage/rate.txt', 'RateCalculator.Rate  lines 70%  branches 5/10')], lang=None)
t('medium', 'defect-analysis', "After upgrading the JSON library one of our API responses renders dates as numbers instead of ISO strings. Here is the serializer config before and after; where would you look first?", [('config/json-before.kt', 'val mapper = jacksonObjectMapper()\n    .registerModule(JavaTimeModule())\n    .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)'), ('config/json-after.kt', 'val mapper = JsonMapper.builder()\n    .addModule(kotlinModule())\n    .addModule(JavaTimeModule())\n    .build()')], lang=None)
t('medium', 'test-execution', "The suite took 4 minutes yesterday and 11 today; the timing summary is attached. What would you check before blaming the new tests?", [('reports/timings.txt', '''
file                         yesterday   today
test/api/orders.test.ts      41s         44s
test/api/users.test.ts       30s         29s
test/db/migrations.test.ts   12s         6m02s
test/web/render.test.ts      55s         58s
test/new/export.test.ts      -           21s''')], lang=None)
t('medium', 'performance-testing', "Our Java service's p99 went from 120 ms to 400 ms after we enabled request logging. Here's the logging config and a short profile excerpt. Is logging the likely cause?", [('config/logback.xml', '<appender name="FILE" class="ch.qos.logback.core.FileAppender">\n  <file>/var/log/app/requests.log</file>\n  <immediateFlush>true</immediateFlush>\n  <encoder><pattern>%d %X{requestId} %msg%n</pattern></encoder>\n</appender>'), ('profiles/cpu-excerpt.txt', '''
34.1%  java.io.FileOutputStream.writeBytes
12.7%  ch.qos.logback.core.OutputStreamAppender.writeBytes
 9.2%  com.acme.api.OrderController.list
 6.8%  org.postgresql.core.v3.QueryExecutorImpl.execute''')], lang=None)
t('medium', 'test-generation', "Is this PHPUnit test for the slug helper checking behaviour or implementation details? Suggest how you would restructure it.", [('tests/SlugTest.php', '''
<?php
final class SlugTest extends TestCase
{
    public function testUsesTransliteratorAndLowercase(): void
    {
        $t = $this->createMock(Transliterator::class);
        $t->expects($this->once())->method('transliterate')->with('Crème Brûlée')->willReturn('Creme Brulee');
        $slug = new Slug($t);
        $this->assertSame('creme-brulee', $slug->make('Crème Brûlée'));
    }
}''')], lang=None)
t('medium', 'test-generation', "We have only these three tests for the retry helper. Are they enough to trust it? Tell me what's missing.", [('src/retry.ts', '''
export async function retry<T>(fn: () => Promise<T>, attempts = 3, delayMs = 100): Promise<T> {
  let last: unknown;
  for (let i = 0; i < attempts; i++) {
    try { return await fn(); } catch (e) { last = e; await new Promise((r) => setTimeout(r, delayMs * 2 ** i)); }
  }
  throw last;
}'''), ('test/retry.test.ts', "test('returns the value', async () => expect(await retry(async () => 1)).toBe(1));\ntest('retries once', async () => { let n = 0; expect(await retry(async () => { if (n++ === 0) throw new Error('x'); return 2; }, 3, 0)).toBe(2); });\ntest('throws at the end', async () => expect(retry(async () => { throw new Error('no'); }, 2, 0)).rejects.toThrow('no'));")])
t('medium', 'flaky-test-analysis', "This Cypress test fails about one run in thirty on CI and never locally. Here's the spec and the failing run's log; what's the most likely reason?", [('cypress/e2e/search.cy.js', "it('shows results', () => {\n  cy.visit('/search');\n  cy.get('input[name=q]').type('lamp');\n  cy.get('.result').should('have.length', 10);\n});"), ('logs/ci-run-1873.txt', "AssertionError: Timed out retrying after 4000ms: Expected to find element: .result, but never found it.\nGET /api/search?q=l 200 (1204ms)\nGET /api/search?q=la 200 (1381ms)\nGET /api/search?q=lamp 200 (4520ms)")], lang='javascript')
