from lib import t, lines

# --- small pure units -------------------------------------------------------------------------------------
t('simple', 'test-generation', 'Unit tests for kebabCase.', [('src/strings/kebab.ts', '''
export function kebabCase(s: string): string {
  return s
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .replace(/[\\s_]+/g, '-')
    .toLowerCase();
}''')])
t('simple', 'test-generation', 'Write vitest tests for the percentage formatter.', [('src/format/percent.ts', '''
export function formatPercent(value: number, digits = 1): string {
  if (!Number.isFinite(value)) return '-';
  return `${(value * 100).toFixed(digits)}%`;
}''')], fw='vitest')
t('simple', 'test-generation', 'tests for chunk()', [('src/array/chunk.js', '''
export function chunk(items, size) {
  if (size <= 0) throw new RangeError('size must be positive');
  const out = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}''')], lang='javascript', fw='jest')
t('simple', 'test-generation', 'Please write Jest tests for median. Cover empty input, odd and even lengths.', [('lib/stats/median.js', '''
function median(xs) {
  if (xs.length === 0) return undefined;
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}
module.exports = { median };''')], lang='javascript', fw='jest')
t('simple', 'test-generation', 'Tests for the initials helper used on avatar badges.', [('src/ui/initials.ts', '''
export function initials(fullName: string): string {
  return fullName
    .trim()
    .split(/\\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((w) => w[0]!.toUpperCase())
    .join('');
}''')])
t('simple', 'test-generation', 'Tests for sumBy.', [('src/collections/sumBy.ts', '''
export const sumBy = <T>(xs: readonly T[], f: (x: T) => number): number => xs.reduce((a, x) => a + f(x), 0);''')])
t('simple', 'test-generation', 'Write tests for the temperature conversion functions.', [('src/units/temperature.ts', '''
export const celsiusToFahrenheit = (c: number): number => (c * 9) / 5 + 32;
export const fahrenheitToCelsius = (f: number): number => ((f - 32) * 5) / 9;
export const celsiusToKelvin = (c: number): number => c + 273.15;''')])
t('simple', 'test-generation', 'Tests for isPalindrome, ignoring case and punctuation as the code does.', [('src/text/palindrome.js', '''
export function isPalindrome(text) {
  const s = text.toLowerCase().replace(/[^a-z0-9]/g, '');
  return s === [...s].reverse().join('');
}''')], lang='javascript')
t('simple', 'test-generation', 'Unit tests for parseBoolean (env var helper).', [('src/config/parseBoolean.ts', '''
const TRUE = new Set(['1', 'true', 'yes', 'on']);
const FALSE = new Set(['0', 'false', 'no', 'off', '']);
export function parseBoolean(raw: string | undefined, fallback = false): boolean {
  if (raw === undefined) return fallback;
  const v = raw.trim().toLowerCase();
  if (TRUE.has(v)) return true;
  if (FALSE.has(v)) return false;
  return fallback;
}''')])
t('simple', 'test-generation', 'Tests for the pluralize helper.', [('src/i18n/plural.ts', '''
export function pluralize(count: number, singular: string, plural = singular + 's'): string {
  return `${count} ${count === 1 ? singular : plural}`;
}''')])
t('simple', 'test-generation', 'Tests for the hex color validator. It is used by the theme editor in the admin console, which is behind SSO.', [('src/theme/color.ts', '''
export function isHexColor(s: string): boolean {
  return /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.test(s);
}''')])
t('simple', 'test-generation', 'Tests for lapTimeLabel (the race results page of our karting app).', [('src/race/lapTime.ts', '''
export function lapTimeLabel(ms: number): string {
  const minutes = Math.floor(ms / 60000);
  const seconds = Math.floor((ms % 60000) / 1000);
  const millis = ms % 1000;
  return `${minutes}:${String(seconds).padStart(2, '0')}.${String(millis).padStart(3, '0')}`;
}''')])
t('simple', 'test-generation', 'Tests for the lock screen message builder.', [('src/lockscreen/message.ts', '''
export function lockScreenMessage(name: string, unread: number): string {
  if (unread === 0) return `Welcome back, ${name}`;
  return `Welcome back, ${name}. You have ${unread} new message${unread === 1 ? '' : 's'}`;
}''')])
t('simple', 'test-generation', 'Write unit tests for maskCardNumber. It is just for display on the receipt screen.', [('src/receipt/mask.ts', '''
export function maskCardNumber(pan: string): string {
  const digits = pan.replace(/\\D/g, '');
  return '**** **** **** ' + digits.slice(-4);
}''')])
t('simple', 'test-generation', 'Tests for the weekday name helper.', [('src/date/weekday.ts', '''
const NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
export function weekdayName(index: number): string {
  if (!Number.isInteger(index) || index < 0 || index > 6) throw new RangeError(`bad weekday ${index}`);
  return NAMES[index]!;
}''')])
t('simple', 'test-generation', 'pytest tests for the slug function please', [('app/text/slug.py', '''
import re

def slugify(text: str) -> str:
    text = text.strip().lower()
    text = re.sub(r"[^a-z0-9]+", "-", text)
    return text.strip("-")
''')], fw='pytest', lang=None)
t('simple', 'test-generation', 'Table-driven Go tests for Abs and Max.', [('mathx/mathx.go', '''
package mathx

func Abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

func Max(a, b int) int {
	if a > b {
		return a
	}
	return b
}
''')], lang=None)
t('simple', 'test-generation', 'JUnit 5 tests for StringUtils.reverse.', [('src/main/java/util/StringUtils.java', '''
package util;

public final class StringUtils {
    private StringUtils() {}

    public static String reverse(String s) {
        if (s == null) return null;
        return new StringBuilder(s).reverse().toString();
    }
}
''')], lang=None)
t('simple', 'test-generation', 'Tests for the grade letter function.', [('src/grades.js', '''
export function letterGrade(score) {
  if (score >= 90) return 'A';
  if (score >= 80) return 'B';
  if (score >= 70) return 'C';
  if (score >= 60) return 'D';
  return 'F';
}''')], lang='javascript')

# --- long but simple: data tables and constant maps --------------------------------------------------------
countries = [('AT', 'Austria', 'EUR'), ('BE', 'Belgium', 'EUR'), ('BG', 'Bulgaria', 'BGN'), ('HR', 'Croatia', 'EUR'), ('CY', 'Cyprus', 'EUR'),
             ('CZ', 'Czechia', 'CZK'), ('DK', 'Denmark', 'DKK'), ('EE', 'Estonia', 'EUR'), ('FI', 'Finland', 'EUR'), ('FR', 'France', 'EUR'),
             ('DE', 'Germany', 'EUR'), ('GR', 'Greece', 'EUR'), ('HU', 'Hungary', 'HUF'), ('IE', 'Ireland', 'EUR'), ('IT', 'Italy', 'EUR'),
             ('LV', 'Latvia', 'EUR'), ('LT', 'Lithuania', 'EUR'), ('LU', 'Luxembourg', 'EUR'), ('MT', 'Malta', 'EUR'), ('NL', 'Netherlands', 'EUR'),
             ('PL', 'Poland', 'PLN'), ('PT', 'Portugal', 'EUR'), ('RO', 'Romania', 'RON'), ('SK', 'Slovakia', 'EUR'), ('SI', 'Slovenia', 'EUR'),
             ('ES', 'Spain', 'EUR'), ('SE', 'Sweden', 'SEK'), ('NO', 'Norway', 'NOK'), ('CH', 'Switzerland', 'CHF'), ('GB', 'United Kingdom', 'GBP')]
t('simple', 'test-generation', 'Tests for the country lookup helpers.', [('src/geo/countries.ts',
  'export const COUNTRIES: Record<string, { name: string; currency: string }> = {\n' +
  '\n'.join(f"  {c}: {{ name: '{n}', currency: '{cur}' }}," for c, n, cur in countries) +
  '\n};\n\nexport function countryName(code: string): string | undefined {\n  return COUNTRIES[code.toUpperCase()]?.name;\n}\n\nexport function currencyOf(code: string): string | undefined {\n  return COUNTRIES[code.toUpperCase()]?.currency;\n}')])
t('simple', 'test-generation', 'Tests for mimeTypeFor.', [('src/http/mime.js',
  'const TYPES = {\n' + '\n'.join(f"  '{e}': '{m}'," for e, m in [('html', 'text/html'), ('css', 'text/css'), ('js', 'text/javascript'), ('mjs', 'text/javascript'), ('json', 'application/json'), ('png', 'image/png'), ('jpg', 'image/jpeg'), ('jpeg', 'image/jpeg'), ('gif', 'image/gif'), ('svg', 'image/svg+xml'), ('webp', 'image/webp'), ('ico', 'image/x-icon'), ('txt', 'text/plain'), ('csv', 'text/csv'), ('pdf', 'application/pdf'), ('zip', 'application/zip'), ('gz', 'application/gzip'), ('wasm', 'application/wasm'), ('woff', 'font/woff'), ('woff2', 'font/woff2'), ('mp4', 'video/mp4'), ('mp3', 'audio/mpeg'), ('xml', 'application/xml'), ('yaml', 'application/yaml'), ('md', 'text/markdown')]) +
  "\n};\n\nexport function mimeTypeFor(filename) {\n  const ext = filename.split('.').pop().toLowerCase();\n  return TYPES[ext] ?? 'application/octet-stream';\n}")], lang='javascript')
t('simple', 'test-generation', 'Unit tests for the error code messages map and its accessor.', [('src/errors/messages.ts',
  'export const MESSAGES = {\n' + lines(36, lambda i: f"  E{1000 + i}: 'Request failed with internal code {1000 + i}: see the runbook section {i + 1}',") +
  "\n} as const;\n\nexport type ErrorCode = keyof typeof MESSAGES;\n\nexport function messageFor(code: string): string {\n  return (MESSAGES as Record<string, string>)[code] ?? `Unknown error ${code}`;\n}")])

# --- mechanical work over artefacts -------------------------------------------------------------------------
junit = '<?xml version="1.0"?>\n<testsuites tests="48" failures="0" time="12.4">\n' + lines(48, lambda i: f'  <testcase classname="api.orders" name="case {i}" time="{0.05 + (i * 37 % 90) / 100:.2f}"/>') + '\n</testsuites>'
t('simple', 'test-execution', 'Which three tests took longest in this JUnit file?', [('reports/junit.xml', junit)], lang=None)
vitest_out = '\n'.join([' RUN  v1.6.0 /repo/packages/money'] + [f' ✓ src/money/{m}.test.ts ({n} tests) {n * 7}ms' for m, n in [('add', 4), ('split', 6), ('round', 9), ('format', 12), ('parse', 8), ('convert', 5), ('allocate', 7)]] + [' ❯ src/money/compare.test.ts (3 tests | 1 failed) 14ms', '   × compare > treats -0 and 0 as equal', '     AssertionError: expected -1 to be 0', '', ' Test Files  1 failed | 7 passed (8)', '      Tests  1 failed | 53 passed (54)', '   Duration  1.92s'])
t('simple', 'test-execution', 'Give me a two-line summary of this test run for the team channel.', [('logs/vitest.txt', vitest_out)], fw='vitest')
t('simple', 'test-execution', 'Run npm test in packages/web and tell me whether it passed.', [], lang='javascript')
t('simple', 'test-execution', 'Rerun test/cart.spec.ts 20 times and tell me whether it is flaky.', [])
t('simple', 'flaky-test-analysis', 'Run the "uploads resume after reconnect" test 50 times and report how many runs failed.', [], fw='playwright')
t('simple', 'test-execution', 'Execute the pytest suite under services/billing with -x and paste the summary line.', [], lang=None)
mocha = '\n'.join(['  Users API'] + [f'    ✓ {s} ({(i * 13) % 40 + 2}ms)' for i, s in enumerate(['creates a user', 'rejects duplicate email', 'lists users', 'paginates', 'gets by id', 'returns 404 for unknown id', 'updates name', 'rejects empty name', 'deletes a user', 'soft-deletes when flagged'] * 9)] + ['', '  90 passing (1s)', '  0 failing'])
t('simple', 'test-execution', 'Summarise this mocha output: how many passed, failed, and how long it took.', [('logs/mocha.txt', mocha)], lang='javascript', fw='mocha')
lcov = '\n'.join(sum([[f'SF:src/{f}.ts', f'LF:{lf}', f'LH:{lh}', f'BRF:{bf}', f'BRH:{bh}', 'end_of_record'] for f, lf, lh, bf, bh in [('cart', 120, 118, 30, 28), ('checkout', 200, 150, 60, 31), ('prices', 80, 80, 12, 12), ('tax', 64, 40, 20, 9), ('coupon', 45, 44, 10, 10), ('shipping', 90, 71, 24, 15)]], []))
t('simple', 'coverage-analysis', 'Which file in this lcov has the most uncovered lines?', [('coverage/lcov.info', lcov)], lang=None)
t('simple', 'coverage-analysis', 'Make a markdown table of line and branch coverage per file from this lcov.', [('coverage/lcov.info', lcov)], lang=None)
summary = '{\n  "total": {"lines": {"pct": 81.4}, "branches": {"pct": 70.2}, "functions": {"pct": 88.0}},\n' + ',\n'.join(f'  "src/{n}.ts": {{"lines": {{"pct": {p}}}, "functions": {{"pct": {fp}}}}}' for n, p, fp in [('auth/session', 92.1, 100), ('auth/tokens', 77.0, 80), ('orders/create', 64.5, 75), ('orders/list', 95.0, 100), ('util/date', 100, 100)]) + '\n}'
t('simple', 'coverage-analysis', 'List the files under 80% line coverage.', [('coverage/coverage-summary.json', summary)], lang=None)
t('simple', 'quality-gate', 'Is function coverage at least 85% in this summary?', [('coverage/coverage-summary.json', summary)], lang=None)
t('simple', 'quality-gate', 'Our gate is 0 high vulnerabilities. npm audit says: 3 low, 1 moderate, 0 high, 0 critical. Pass or fail?', [], lang=None)
t('simple', 'quality-gate', 'Does the bundle stay under the 250 kB budget? Here are the sizes.', [('reports/bundle.txt', 'main.js      182.4 kB\nvendor.js     51.0 kB\nruntime.js     3.2 kB\ntotal        236.6 kB')], lang=None)
t('simple', 'coverage-analysis', 'Count how many functions have zero hits in this coverage file.', [('coverage/lcov.info', '\n'.join(['SF:src/report/export.ts'] + [f'FN:{i * 10 + 1},fn{i}' for i in range(14)] + [f'FNDA:{(0 if i % 3 == 0 else i * 4)},fn{i}' for i in range(14)] + ['FNF:14', 'FNH:9', 'end_of_record']))], lang=None)
t('simple', 'test-generation', 'Convert this Mocha + chai test to Jest expect style.', [('test/price.test.js', '''
const { expect } = require('chai');
const { priceWithTax } = require('../src/price');

describe('priceWithTax', () => {
  it('adds 20% VAT', () => {
    expect(priceWithTax(100, 0.2)).to.equal(120);
  });
  it('rounds to cents', () => {
    expect(priceWithTax(9.99, 0.2)).to.equal(11.99);
  });
  it('throws on negative rates', () => {
    expect(() => priceWithTax(10, -1)).to.throw(RangeError);
  });
});''')], lang='javascript', fw='jest')
t('simple', 'test-generation', 'Convert this Jest test for the distributed lock client to node:test. Keep the same cases.', [('test/lock-client.test.ts', '''
import { LockClient } from '../src/lock-client';

describe('LockClient', () => {
  it('acquires a free lock', async () => {
    const redis = { set: jest.fn().mockResolvedValue('OK') };
    const c = new LockClient(redis as any);
    await expect(c.acquire('orders', 1000)).resolves.toBe(true);
  });
  it('fails when the lock is held', async () => {
    const redis = { set: jest.fn().mockResolvedValue(null) };
    const c = new LockClient(redis as any);
    await expect(c.acquire('orders', 1000)).resolves.toBe(false);
  });
});''')], fw='node:test')
t('simple', 'test-generation', 'Rename describe blocks in this spec to match the new module name "ledger" instead of "accounts".', [('test/accounts.spec.ts', '''
describe('accounts', () => {
  describe('accounts.balance', () => {
    it('starts at zero', () => expect(balance([])).toBe(0));
  });
  describe('accounts.post', () => {
    it('adds credits', () => expect(balance([{ amount: 5 }])).toBe(5));
  });
});''')])
t('simple', 'test-generation', 'Add the missing assertions: each test calls the function but checks nothing.', [('test/duration.test.ts', '''
import { formatDuration } from '../src/duration';

test('seconds', () => {
  formatDuration(5000);
});
test('minutes', () => {
  formatDuration(125000);
});
test('hours', () => {
  formatDuration(3723000);
});''')])
t('simple', 'defect-analysis', 'Why does this print "undefined undefined"?', [('src/greet.js', '''
function greet(user) {
  const { first, last } = user.name;
  return `${first} ${last}`;
}
console.log(greet({ name: 'Ada Lovelace' }));''')], lang='javascript')
t('simple', 'defect-analysis', 'What does this TypeScript error mean?', [('logs/tsc.txt', "src/api/user.ts(14,7): error TS2322: Type 'string | undefined' is not assignable to type 'string'.\n  Type 'undefined' is not assignable to type 'string'.")])
t('simple', 'defect-analysis', 'The test expects 0.3 but gets 0.30000000000000004. Fix the test or the code.', [('src/sum.ts', 'export const add = (a: number, b: number) => a + b;'), ('test/sum.test.ts', "import { add } from '../src/sum';\ntest('adds', () => expect(add(0.1, 0.2)).toBe(0.3));")])
t('simple', 'defect-analysis', 'Fix the off-by-one in this loop.', [('src/lastN.ts', '''
export function lastN<T>(xs: T[], n: number): T[] {
  const out: T[] = [];
  for (let i = xs.length - n; i <= xs.length; i++) out.push(xs[i]!);
  return out;
}''')])
t('simple', 'performance-testing', 'Compute the p50, p90 and p99 of these latencies in milliseconds.', [('data/latencies.txt', '\n'.join(str((i * 7919) % 230 + 12) for i in range(120)))], lang=None)
t('simple', 'performance-testing', 'Convert this k6 summary into a markdown table for the wiki.', [('reports/k6-summary.txt', '''
     http_req_duration..............: avg=84.2ms  min=11.3ms med=71.9ms max=1.2s  p(90)=150.4ms p(95)=201.7ms
     http_req_failed................: 0.41%  ✓ 37   ✗ 8963
     http_reqs......................: 9000   149.9/s
     iteration_duration.............: avg=1.08s  min=1.01s  med=1.07s  max=2.2s  p(90)=1.15s  p(95)=1.2s
     vus............................: 150    min=1   max=150''')], lang=None, fw='k6')
t('simple', 'flaky-test-analysis', 'Which test name appears most often in these CI failure lines?', [('ci/failures.txt', '\n'.join(f'run {4100 + i}: FAIL {n}' for i, n in enumerate(['cart > applies coupon', 'search > empty query', 'cart > applies coupon', 'auth > refresh', 'cart > applies coupon', 'search > empty query', 'profile > avatar upload', 'cart > applies coupon'])))], lang=None)
t('simple', 'test-execution', 'Sort this list of failing specs alphabetically and remove duplicates.', [('ci/failing.txt', 'checkout.spec.ts\nauth.spec.ts\nsearch.spec.ts\nauth.spec.ts\ncart.spec.ts\ncheckout.spec.ts')], lang=None)
t('simple', 'quality-gate', 'Turn these eslint counts into a one-line status for the PR: errors 0, warnings 14, files 212.', [], lang=None)
t('simple', 'security-scan', 'List the packages with a critical severity in this npm audit JSON.', [('reports/audit.json', '{\n  "vulnerabilities": {\n    "minimist": {"severity": "critical", "via": ["prototype pollution"]},\n    "lodash": {"severity": "high", "via": ["prototype pollution"]},\n    "semver": {"severity": "moderate", "via": ["ReDoS"]},\n    "shell-quote": {"severity": "critical", "via": ["command injection"]},\n    "debug": {"severity": "low", "via": ["ReDoS"]}\n  }\n}')], lang=None)
t('simple', 'security-scan', 'How many findings per severity are in this Semgrep output?', [('reports/semgrep.txt', '\n'.join(f'{sev}  {rule}  src/{f}:{ln}' for sev, rule, f, ln in [('ERROR', 'javascript.express.xss', 'views/profile.ts', 22), ('WARNING', 'generic.secrets.api-key', 'config/dev.ts', 3), ('INFO', 'javascript.lang.no-console', 'cli.ts', 40), ('WARNING', 'javascript.jwt.none-alg', 'auth/jwt.ts', 18), ('ERROR', 'javascript.sql.injection', 'db/report.ts', 77), ('INFO', 'javascript.lang.no-console', 'worker.ts', 12)]))], lang=None)
t('simple', 'defect-analysis', 'Summarise this stack trace: which function threw and on which line?', [('logs/crash.txt', "TypeError: Cannot read properties of null (reading 'id')\n    at toDto (/app/dist/orders/mapper.js:18:22)\n    at Array.map (<anonymous>)\n    at listOrders (/app/dist/orders/service.js:41:18)\n    at async handler (/app/dist/orders/routes.js:12:5)")], lang='javascript')
t('simple', 'coverage-analysis', 'Extract the uncovered line numbers for src/tax.ts from this istanbul JSON.', [('coverage/coverage-final.json', '{"src/tax.ts": {"s": {"0": 4, "1": 4, "2": 0, "3": 0, "4": 9}, "statementMap": {"0": {"start": {"line": 3}}, "1": {"start": {"line": 4}}, "2": {"start": {"line": 7}}, "3": {"start": {"line": 8}}, "4": {"start": {"line": 11}}}}}')], lang=None)
t('simple', 'test-generation', 'Format this test file with our 2-space indentation and single quotes.', [('test/util.test.js', 'describe("util",function(){\n    it("works",function(){\n        expect(util.sum(1,2)).toBe(3)\n    })\n})')], lang='javascript')
t('simple', 'test-generation', 'Translate these Cypress tests to Playwright, same steps.', [('cypress/e2e/login.cy.ts', '''
describe('login page', () => {
  it('shows an error for a wrong password', () => {
    cy.visit('/login');
    cy.get('[data-test=email]').type('a@b.c');
    cy.get('[data-test=password]').type('wrong');
    cy.get('[data-test=submit]').click();
    cy.contains('Invalid email or password').should('be.visible');
  });
});''')], fw='playwright')
t('simple', 'quality-gate', 'Did mutation score reach the 70% target? Stryker says 72.8%.', [], lang=None)
t('simple', 'quality-gate', 'Was p95 latency under the 300 ms budget in this run?', [('reports/perf.json', '{"endpoint": "/api/search", "p50": 88, "p95": 274, "p99": 610, "errors": 0}')], lang=None)
long_log = '\n'.join(f'2026-11-20T10:{i // 60:02d}:{i % 60:02d}Z INFO  build step {i} ok ({(i * 31) % 900} ms)' for i in range(280)) + '\n2026-11-20T10:04:40Z INFO  build finished: success'
t('simple', 'test-execution', 'Summarise this build log in one sentence.', [('logs/build.log', long_log)], lang=None)
t('simple', 'test-generation', 'Write tests for the roman numeral converter.', [('src/roman.ts', '''
const TABLE: Array<[number, string]> = [
  [1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'],
  [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I'],
];
export function toRoman(n: number): string {
  let out = '';
  for (const [v, s] of TABLE) while (n >= v) { out += s; n -= v; }
  return out;
}''')])
t('simple', 'test-generation', 'Tests for the deepFreeze utility.', [('src/object/deepFreeze.ts', '''
export function deepFreeze<T extends object>(o: T): Readonly<T> {
  for (const v of Object.values(o)) if (v && typeof v === 'object') deepFreeze(v as object);
  return Object.freeze(o);
}''')])
t('simple', 'test-generation', 'A few tests for clampPage (pagination).', [('src/paging.ts', '''
export function clampPage(page: number, totalItems: number, pageSize: number): number {
  const last = Math.max(1, Math.ceil(totalItems / pageSize));
  return Math.min(Math.max(1, Math.floor(page)), last);
}''')])
t('simple', 'coverage-analysis', 'Which package has the lowest statement coverage? Just the name.', [('coverage/packages.txt', 'packages/api        84.2%\npackages/web        71.9%\npackages/worker     66.0%\npackages/shared     93.5%')], lang=None)
t('simple', 'defect-analysis', 'Why does sort put 10 before 9?', [('src/rank.js', 'export const rank = (scores) => scores.sort();')], lang='javascript')
t('simple', 'test-generation', 'Write tests for the Python function that parses "key=value" pairs.', [('tools/kv.py', '''
def parse_pairs(text: str) -> dict[str, str]:
    out = {}
    for part in text.split(";"):
        if "=" in part:
            k, v = part.split("=", 1)
            out[k.strip()] = v.strip()
    return out
''')], lang=None, fw='pytest')
t('simple', 'test-generation', 'Tests for bytesToHuman. The function is called from our encryption-at-rest status page.', [('src/ui/bytes.ts', '''
const UNITS = ['B', 'KB', 'MB', 'GB', 'TB'];
export function bytesToHuman(n: number): string {
  let i = 0;
  while (n >= 1024 && i < UNITS.length - 1) { n /= 1024; i++; }
  return `${n.toFixed(i ? 1 : 0)} ${UNITS[i]}`;
}''')])
t('simple', 'test-execution', 'List the skipped tests in this report.', [('reports/results.json', '{"tests": [' + ', '.join(f'{{"name": "t{i}", "status": "{("skipped" if i % 7 == 0 else "passed")}"}}' for i in range(30)) + ']}')], lang=None)
t('simple', 'flaky-test-analysis', 'Count the retries per test in this Playwright JSON and list the ones retried more than once.', [('reports/pw.json', '{"tests": [' + ', '.join(f'{{"title": "spec {i}", "retries": {(i * 5) % 4}}}' for i in range(16)) + ']}')], lang=None, fw='playwright')
t('simple', 'test-generation', 'Tests for the Go function that trims a trailing slash from URLs.', [('urlx/trim.go', '''
package urlx

import "strings"

func TrimSlash(u string) string {
	return strings.TrimSuffix(u, "/")
}
''')], lang=None)
t('simple', 'defect-analysis', 'Is this warning from Node something we need to act on? "(node:4412) ExperimentalWarning: The Fetch API is an experimental feature."', [], lang=None)
