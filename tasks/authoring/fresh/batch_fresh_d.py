from lib import t, lines

# Fresh evaluation batch D, written to the rubric in docs/tasks.md (tier = the cheapest model tier that reliably
# does the task well). Persona: a full-stack developer at a startup, mostly TypeScript/JavaScript, some Python, Go,
# Java and config; quick, sometimes lowercase, sometimes pastes a whole file to ask one narrow thing.
# 54 tasks: 18 simple, 18 medium, 18 complex, all eight task types.


# ============================================================================================================
# simple
# ============================================================================================================

t('simple', 'test-execution', "proration.test.ts went red on main once this morning and then green on the next push. can u just rerun test/billing/proration.test.ts 3 times with vitest and tell me pass/fail for each run", [], fw='vitest')


_VT_FILES = ['notifications/digest', 'notifications/channels', 'notifications/quiet-hours', 'billing/invoice', 'billing/proration',
             'billing/coupons', 'auth/session', 'auth/password', 'uploads/presign', 'uploads/mime', 'flags/evaluate', 'flags/targeting',
             'cms/slug', 'cms/render', 'booking/slots', 'booking/ical', 'inventory/reserve', 'inventory/sku', 'webhooks/retry',
             'webhooks/verify', 'analytics/events', 'analytics/batch', 'payouts/schedule', 'payouts/fees']
_VT_FAIL = {17: 'rejects negative quantities', 41: 'releases reservation after ttl', 58: 'handles emoji titles', 99: 'respects quiet hours across midnight'}
_VT_SKIP = {23, 77, 120}

_VT_NAMES = ['returns early for empty input', 'maps known fields', 'rejects invalid payload', 'keeps insertion order',
             'uses the default when unset', 'retries once on 503', 'formats dates in utc', 'dedupes by id', 'handles null owner',
             'paginates with cursor', 'respects the limit', 'throws on unknown type', 'merges partial updates', 'caches the result']

def _vt_line(i):
    f = f'src/{_VT_FILES[i % 24]}.test.ts'
    if i in _VT_FAIL:
        return f' × {f} > {_VT_FAIL[i]} {12 + i % 9}ms'
    name = _VT_NAMES[(i // 24 + i) % len(_VT_NAMES)]
    if i in _VT_SKIP:
        return f' ↓ {f} > {name} [skipped]'
    return f' ✓ {f} > {name} {1 + (i * 7) % 23}ms'

t('simple', 'test-execution', "ci output from the last run below, its super long. give me a 3-line summary: passed/failed/skipped counts and the names of the failing tests (file + test name). nothing else", [('ci/vitest-run-4812.txt', ' RUN  v1.6.0 /home/runner/work/app/app\n\n' + lines(140, _vt_line) + '''

 FAIL  src/inventory/reserve.test.ts > rejects negative quantities
AssertionError: expected [Function] to throw an error
 FAIL  src/inventory/reserve.test.ts > releases reservation after ttl
AssertionError: expected 5 to be 3 // Object.is equality
 FAIL  src/cms/slug.test.ts > handles emoji titles
AssertionError: expected 'untitled' to be 'party-time'
 FAIL  src/booking/slots.test.ts > respects quiet hours across midnight
AssertionError: expected true to be false

 Test Files  3 failed | 21 passed (24)
      Tests  4 failed | 133 passed | 3 skipped (140)
   Start at  09:14:02
   Duration  38.21s (transform 2.10s, setup 0.4s, collect 9.8s, tests 21.7s)''')], fw='vitest')

t('simple', 'test-execution', "integration tests keep timing out on the ci runners (they're slow, its not the code). bump testTimeout to 30s and hookTimeout to 60s in this config, then run `npx vitest run -c vitest.integration.config.ts` and tell me if it goes green", [('vitest.integration.config.ts', '''
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    environment: 'node',
    testTimeout: 5000,
    hookTimeout: 10000,
    include: ['test/integration/**/*.test.ts'],
    globalSetup: './test/integration/global-setup.ts',
    pool: 'forks',
  },
});''')], fw='vitest')


_LCOV = [
    ('src/uploads/presign.ts', ['createPresignedPost', 'validateMime', 'maxSizeFor', 'buildKey'], {'maxSizeFor'}),
    ('src/uploads/thumbnails.ts', ['enqueueThumbnail', 'resize', 'pickFormat'], {'pickFormat'}),
    ('src/notifications/email.ts', ['sendEmail', 'renderTemplate', 'unsubscribeLink', 'bounceHandler'], {'bounceHandler', 'unsubscribeLink'}),
    ('src/notifications/push.ts', ['sendPush', 'chunkTokens', 'pruneInvalidTokens'], {'pruneInvalidTokens'}),
    ('src/billing/plans.ts', ['getPlan', 'comparePlans', 'isLegacyPlan'], set()),
    ('src/billing/usage.ts', ['recordUsage', 'aggregateDaily', 'overageFor', 'resetCycle'], {'resetCycle'}),
    ('src/flags/evaluate.ts', ['evaluate', 'matchRule', 'hashBucket', 'defaultFor'], set()),
    ('src/cms/render.ts', ['renderBlock', 'renderEmbed', 'sanitizeHtml', 'toc'], {'renderEmbed', 'toc'}),
    ('src/booking/ical.ts', ['toIcs', 'escapeText', 'foldLine'], {'foldLine'}),
    ('src/analytics/batch.ts', ['push', 'flush', 'backoff', 'dropOldest'], {'dropOldest'}),
    ('src/inventory/sku.ts', ['parseSku', 'formatSku', 'isBundle'], set()),
    ('src/webhooks/deliver.ts', ['deliver', 'nextAttemptAt', 'markDead', 'signPayload'], {'markDead'}),
]

def _lcov_record(k):
    path, fns, zero = _LCOV[k]
    fn_lines = lines(len(fns), lambda j: f'FN:{8 + j * 12},{fns[j]}')
    fnda = lines(len(fns), lambda j: f'FNDA:{0 if fns[j] in zero else 2 + (j * 5 + k) % 17},{fns[j]}')
    n = len(fns) * 12
    da = lines(n, lambda l: f'DA:{8 + l},{0 if fns[l // 12] in zero else 1 + (l + k) % 6}')
    hit = n - 12 * len(zero)
    return (f'TN:\nSF:{path}\n{fn_lines}\n{fnda}\nFNF:{len(fns)}\nFNH:{len(fns) - len(zero)}\n{da}\n'
            f'LF:{n}\nLH:{hit}\nend_of_record')

t('simple', 'coverage-analysis', "lcov from last night attached (it's big, sorry). I just need every function that was never called (0 hits), grouped by file, as a markdown list", [('coverage/lcov.info', lines(len(_LCOV), _lcov_record))], lang=None)

t('simple', 'coverage-analysis', "which files in this coverage summary are under 80% line coverage? just the paths + pct pls", [('coverage/coverage-summary.json', '''
{
  "total": {"lines": {"total": 1840, "covered": 1489, "skipped": 0, "pct": 80.92}, "branches": {"total": 612, "covered": 441, "skipped": 0, "pct": 72.05}},
  "src/auth/session.ts": {"lines": {"total": 96, "covered": 90, "skipped": 0, "pct": 93.75}, "branches": {"total": 30, "covered": 26, "skipped": 0, "pct": 86.66}},
  "src/auth/oauth.ts": {"lines": {"total": 142, "covered": 101, "skipped": 0, "pct": 71.12}, "branches": {"total": 48, "covered": 29, "skipped": 0, "pct": 60.41}},
  "src/billing/invoice.ts": {"lines": {"total": 210, "covered": 199, "skipped": 0, "pct": 94.76}, "branches": {"total": 64, "covered": 57, "skipped": 0, "pct": 89.06}},
  "src/billing/dunning.ts": {"lines": {"total": 118, "covered": 83, "skipped": 0, "pct": 70.33}, "branches": {"total": 40, "covered": 22, "skipped": 0, "pct": 55}},
  "src/uploads/presign.ts": {"lines": {"total": 64, "covered": 60, "skipped": 0, "pct": 93.75}, "branches": {"total": 18, "covered": 16, "skipped": 0, "pct": 88.88}},
  "src/uploads/scan.ts": {"lines": {"total": 88, "covered": 70, "skipped": 0, "pct": 79.54}, "branches": {"total": 26, "covered": 17, "skipped": 0, "pct": 65.38}},
  "src/notifications/router.ts": {"lines": {"total": 172, "covered": 149, "skipped": 0, "pct": 86.62}, "branches": {"total": 70, "covered": 51, "skipped": 0, "pct": 72.85}},
  "src/flags/evaluate.ts": {"lines": {"total": 77, "covered": 77, "skipped": 0, "pct": 100}, "branches": {"total": 22, "covered": 22, "skipped": 0, "pct": 100}},
  "src/cms/blocks.ts": {"lines": {"total": 301, "covered": 212, "skipped": 0, "pct": 70.43}, "branches": {"total": 96, "covered": 58, "skipped": 0, "pct": 60.41}},
  "src/booking/availability.ts": {"lines": {"total": 190, "covered": 171, "skipped": 0, "pct": 90}, "branches": {"total": 66, "covered": 55, "skipped": 0, "pct": 83.33}},
  "src/webhooks/deliver.ts": {"lines": {"total": 132, "covered": 104, "skipped": 0, "pct": 78.78}, "branches": {"total": 38, "covered": 24, "skipped": 0, "pct": 63.15}},
  "src/analytics/track.ts": {"lines": {"total": 250, "covered": 173, "skipped": 0, "pct": 69.2}, "branches": {"total": 74, "covered": 44, "skipped": 0, "pct": 59.45}}
}''')], lang=None)

t('simple', 'quality-gate', "quick one: gate for the web app is vitest coverage >= 80% and main bundle under 250kb gzipped. this build is 81.2% and 243kb. ok to ship?", [])


def _eslint_line(i):
    files = ['src/components/InvoiceTable.tsx', 'src/components/UploadDropzone.tsx', 'src/pages/settings/billing.tsx',
             'src/hooks/useFeatureFlag.ts', 'src/lib/analytics.ts', 'src/pages/booking/[slug].tsx']
    rules = [('warning', "Unexpected any. Specify a different type", '@typescript-eslint/no-explicit-any'),
             ('warning', "React Hook useEffect has a missing dependency: 'refetch'", 'react-hooks/exhaustive-deps'),
             ('warning', "'idx' is defined but never used", '@typescript-eslint/no-unused-vars')]
    if i % 10 == 0:
        head = f'\n{files[(i // 10) % 6]}\n'
    else:
        head = ''
    if i in (13, 37, 52):
        return head + f'  {20 + i}:{5 + i % 11}  error    Promises must be awaited, end with a call to .catch, or be explicitly marked as ignored  @typescript-eslint/no-floating-promises'
    sev, msg, rule = rules[i % 3]
    return head + f'  {20 + i}:{5 + i % 11}  {sev}  {msg}  {rule}'

t('simple', 'quality-gate', "lint gate is: 0 errors and at most 50 warnings. here's the eslint output from the PR, does it pass? just counts + yes/no", [('ci/eslint.txt', lines(60, _eslint_line) + '\n\n✖ 60 problems (3 errors, 57 warnings)')], lang=None)

t('simple', 'security-scan', "gitleaks flagged stuff on the repo. can you turn this into a table with file, line, rule and commit so I can paste it in the ticket", [('reports/gitleaks.json', '''
[
  {"RuleID": "aws-access-token", "File": "scripts/seed-s3.sh", "StartLine": 4, "Commit": "9f2c1ab", "Author": "dana", "Date": "2024-03-02T10:11:00Z", "Match": "AKIA****************"},
  {"RuleID": "stripe-access-token", "File": "apps/api/.env.staging", "StartLine": 12, "Commit": "41d0e77", "Author": "marco", "Date": "2024-03-09T16:40:00Z", "Match": "sk_live_****"},
  {"RuleID": "generic-api-key", "File": "apps/web/src/lib/analytics.ts", "StartLine": 3, "Commit": "c8e9a10", "Author": "dana", "Date": "2024-02-21T08:02:00Z", "Match": "apiKey: \\"phc_****\\""},
  {"RuleID": "slack-webhook-url", "File": "infra/alerts/notify.py", "StartLine": 18, "Commit": "77ab3f2", "Author": "li", "Date": "2024-01-30T12:00:00Z", "Match": "https://hooks.slack.com/services/T0****"},
  {"RuleID": "private-key", "File": "services/payouts/testdata/key.pem", "StartLine": 1, "Commit": "0b1e5cd", "Author": "li", "Date": "2023-12-14T09:45:00Z", "Match": "-----BEGIN RSA PRIVATE KEY-----"},
  {"RuleID": "jwt", "File": "apps/web/e2e/fixtures/session.json", "StartLine": 2, "Commit": "e4a7c91", "Author": "sam", "Date": "2024-03-11T14:22:00Z", "Match": "eyJhbGciOi****"}
]''')], lang=None)

t('simple', 'security-scan', "trivy output for the api image below. list only the CRITICAL ones with the package, installed version and fixed version, sorted by package name", [('reports/trivy-api.txt', '''
api:2024.03.14 (debian 12.5)
Total: 9 (UNKNOWN: 0, LOW: 2, MEDIUM: 3, HIGH: 2, CRITICAL: 2)

┌──────────────┬────────────────┬──────────┬───────────────────┬───────────────┬──────────────────────────────────────────┐
│   Library    │ Vulnerability  │ Severity │ Installed Version │ Fixed Version │                  Title                   │
├──────────────┼────────────────┼──────────┼───────────────────┼───────────────┼──────────────────────────────────────────┤
│ libexpat1    │ CVE-2024-45491 │ CRITICAL │ 2.5.0-1           │ 2.5.0-1+deb12u1 │ integer overflow in dtdCopy            │
│ libssl3      │ CVE-2024-5535  │ LOW      │ 3.0.11-1~deb12u2  │ 3.0.14-1~deb12u1 │ SSL_select_next_proto buffer overread │
│ zlib1g       │ CVE-2023-45853 │ CRITICAL │ 1:1.2.13.dfsg-1   │               │ integer overflow in zipOpenNewFileInZip4 │
│ libc6        │ CVE-2024-2961  │ HIGH     │ 2.36-9+deb12u4    │ 2.36-9+deb12u7 │ iconv out-of-bounds write              │
│ curl         │ CVE-2024-2398  │ MEDIUM   │ 7.88.1-10+deb12u5 │ 7.88.1-10+deb12u6 │ HTTP/2 push headers memory leak     │
│ libgnutls30  │ CVE-2024-0553  │ HIGH     │ 3.7.9-2           │ 3.7.9-2+deb12u2 │ timing side-channel in RSA-PSK        │
│ perl-base    │ CVE-2023-31484 │ MEDIUM   │ 5.36.0-7          │ 5.36.0-7+deb12u1 │ CPAN.pm does not verify TLS certs     │
│ tar          │ CVE-2005-2541  │ LOW      │ 1.34+dfsg-1.2     │               │ setuid files extraction                  │
│ libsqlite3-0 │ CVE-2023-7104  │ MEDIUM   │ 3.40.1-2          │ 3.40.1-2+deb12u1 │ heap overflow in sessionReadRecord    │
└──────────────┴────────────────┴──────────┴───────────────────┴───────────────┴──────────────────────────────────────────┘''')], lang=None)

t('simple', 'performance-testing', "from this k6 summary what's the p99 for each endpoint? want it as `endpoint: p99` lines for slack", [('results/k6-smoke-0314.txt', '''
     checks.........................: 99.71% ✓ 41812      ✗ 121
     data_received..................: 412 MB 1.4 MB/s
     http_req_duration..............: avg=141ms min=18ms med=96ms max=4.2s p(90)=288ms p(95)=402ms p(99)=1.1s
       { name:GET /api/flags }......: avg=22ms  min=18ms med=20ms max=310ms p(90)=31ms  p(95)=38ms  p(99)=71ms
       { name:GET /api/invoices }...: avg=188ms min=61ms med=150ms max=2.9s p(90)=330ms p(95)=471ms p(99)=1.3s
       { name:POST /api/events }....: avg=64ms  min=23ms med=51ms max=1.8s p(90)=110ms p(95)=150ms p(99)=390ms
       { name:POST /api/uploads }...: avg=310ms min=90ms med=240ms max=4.2s p(90)=610ms p(95)=880ms p(99)=2.2s
       { name:GET /api/slots }......: avg=120ms min=40ms med=101ms max=1.2s p(90)=210ms p(95)=260ms p(99)=540ms
     http_req_failed................: 0.28%  ✓ 121        ✗ 41812
     iterations.....................: 8387   27.9/s
     vus............................: 40     min=1        max=40''')], fw='k6', lang=None)

t('simple', 'performance-testing', "change this k6 script to ramp to 200 VUs and hold for 10 minutes instead of 50 for 3m. keep the thresholds as they are", [('load/checkout-browse.js', '''
import http from 'k6/http';
import { check, sleep } from 'k6';

export const options = {
  stages: [
    { duration: '1m', target: 50 },
    { duration: '3m', target: 50 },
    { duration: '30s', target: 0 },
  ],
  thresholds: {
    http_req_failed: ['rate<0.01'],
    http_req_duration: ['p(95)<500'],
  },
};

const BASE = __ENV.BASE_URL || 'https://staging.shoply.dev';

export default function () {
  const res = http.get(`${BASE}/api/products?page=${1 + Math.floor(Math.random() * 20)}`);
  check(res, { 'status 200': (r) => r.status === 200 });
  sleep(1);
}''')], fw='k6', lang='javascript')


_RUN_HISTORY = [
    ('auth > login redirects to dashboard', 'PPPPPPPPPPPPPPPPPPPP'),
    ('auth > logout clears cookies', 'PPPPPPPPPPPPPPPPPPPP'),
    ('billing > upgrade plan shows proration', 'PPPFPPPPPPPPFPPPPPPP'),
    ('billing > download invoice pdf', 'PPPPPPPPPPPPPPPPPPPP'),
    ('uploads > drag and drop avatar', 'PPPPPPFPPPPPPPPPPPPF'),
    ('uploads > rejects 50mb file', 'PPPPPPPPPPPPPPPPPPPP'),
    ('notifications > mark all read', 'PPPPPPPPPPPPPPPPPPPP'),
    ('notifications > toast on new comment', 'PFPPFPPPPFPPPPPPFPPP'),
    ('booking > pick slot and confirm', 'PPPPPPPPPPPPPPPPPPPP'),
    ('booking > reschedule sends email', 'PPPPPPPPPPPPPPPPPPPP'),
    ('cms > publish draft', 'PPPPPPPPPPPPPPPFPPPP'),
    ('cms > preview link expires', 'PPPPPPPPPPPPPPPPPPPP'),
    ('flags > beta banner for beta users', 'PPPPPPPPPPPPPPPPPPPP'),
    ('settings > change email', 'PPPPPPPPPPPPPPPPPPPP'),
]

t('simple', 'flaky-test-analysis', "here's the pass/fail history of our e2e tests over the last 20 nightly runs (P = pass, F = fail, oldest first). which tests failed at least once and how many times each? no need to figure out why yet", [('ci/e2e-history.txt', 'test'.ljust(44) + 'runs 1..20\n' + lines(len(_RUN_HISTORY), lambda i: _RUN_HISTORY[i][0].ljust(44) + _RUN_HISTORY[i][1]))], lang=None)


def _pw_test(i):
    names = ['login with magic link', 'signup with google', 'create workspace', 'invite teammate', 'upload avatar',
             'upgrade to pro', 'cancel subscription', 'create booking page', 'book a slot', 'reschedule booking',
             'publish article', 'schedule article', 'toggle feature flag', 'export analytics csv', 'webhook test ping']
    status = 'flaky' if i in (3, 8, 13) else ('unexpected' if i == 10 else 'expected')
    results = '[{"status": "failed", "retry": 0}, {"status": "passed", "retry": 1}]' if status == 'flaky' else \
        ('[{"status": "failed", "retry": 0}, {"status": "failed", "retry": 1}]' if status == 'unexpected' else '[{"status": "passed", "retry": 0}]')
    comma = ',' if i < len(names) - 1 else ''
    return f'        {{"title": "{names[i]}", "projectName": "chromium", "status": "{status}", "results": {results}}}{comma}'

t('simple', 'flaky-test-analysis', "playwright json report from the release branch. which tests only passed on retry? just the titles", [('test-results/report.json', '''{
  "config": {"retries": 1, "workers": 4},
  "suites": [
    {
      "title": "app.spec.ts",
      "tests": [
''' + lines(15, _pw_test) + '''
      ]
    }
  ],
  "stats": {"expected": 11, "unexpected": 1, "flaky": 3, "skipped": 0, "duration": 241882}
}''')], fw='playwright', lang=None)

t('simple', 'defect-analysis', "worker crashes on startup since yesterdays merge, panic below. what's wrong", [('services/notify/internal/prefs/prefs.go', '''
package prefs

type Channel string

type Store struct {
	byUser map[string]map[Channel]bool
}

func NewStore() *Store {
	return &Store{}
}

func (s *Store) Set(userID string, ch Channel, enabled bool) {
	if s.byUser[userID] == nil {
		s.byUser[userID] = map[Channel]bool{}
	}
	s.byUser[userID][ch] = enabled
}

func (s *Store) Enabled(userID string, ch Channel) bool {
	return s.byUser[userID][ch]
}'''), ('logs/notify-worker.log', '''
2024/03/14 08:02:11 loading default preferences for 1204 users
panic: assignment to entry in nil map

goroutine 1 [running]:
example.com/notify/internal/prefs.(*Store).Set(...)
	/app/internal/prefs/prefs.go:15
main.loadDefaults(0xc0000b6000, {0xc0001a4000, 0x4b4, 0x4b4})
	/app/cmd/worker/main.go:41 +0x1c5
main.main()
	/app/cmd/worker/main.go:22 +0x9e
exit status 2''')], lang=None)

t('simple', 'defect-analysis', "test says expected 2 got 3. pagination in the invoices list shows an empty last page when total is a multiple of page size. tiny fn:", [('src/lib/paginate.ts', '''
export function pageCount(total: number, perPage: number): number {
  if (total === 0) return 1;
  return Math.floor(total / perPage) + 1;
}'''), ('test/paginate.test.ts', '''
import { pageCount } from '../src/lib/paginate';
test('exact multiple', () => expect(pageCount(20, 10)).toBe(2));''')], fw='jest')

t('simple', 'test-generation', "we're moving off jest, convert this to vitest (vi.fn, vi.mock, fake timers etc). same cases, don't add new ones", [('src/flags/__tests__/client.test.ts', '''
import { FlagClient } from '../client';
import { fetchFlags } from '../api';

jest.mock('../api');
const mockedFetch = fetchFlags as jest.MockedFunction<typeof fetchFlags>;

describe('FlagClient', () => {
  beforeEach(() => {
    jest.useFakeTimers();
    mockedFetch.mockReset();
  });
  afterEach(() => jest.useRealTimers());

  it('returns default when flag unknown', async () => {
    mockedFetch.mockResolvedValue({});
    const c = new FlagClient({ refreshMs: 60000 });
    await c.init();
    expect(c.isEnabled('new-editor', false)).toBe(false);
  });

  it('refreshes on interval', async () => {
    mockedFetch.mockResolvedValue({ 'new-editor': true });
    const c = new FlagClient({ refreshMs: 60000 });
    await c.init();
    jest.advanceTimersByTime(60000);
    expect(mockedFetch).toHaveBeenCalledTimes(2);
  });

  it('calls listener on change', async () => {
    const onChange = jest.fn();
    mockedFetch.mockResolvedValueOnce({ beta: false }).mockResolvedValueOnce({ beta: true });
    const c = new FlagClient({ refreshMs: 1000 });
    c.on('change', onChange);
    await c.init();
    await jest.advanceTimersByTimeAsync(1000);
    expect(onChange).toHaveBeenCalledWith('beta', true);
  });
});''')], fw='vitest')

# why: a whole 70-line module is pasted, but the ask is tests for one 12-line pure function in it; the rest is context.
t('simple', 'test-generation', "pasting the whole pricing file for context but I ONLY want jest tests for formatPrice, nothing else in there", [('src/billing/pricing.ts', '''
import type { Plan, Addon, Currency } from './types';

const ZERO_DECIMAL: Currency[] = ['JPY', 'KRW'];

export function formatPrice(amountMinor: number, currency: Currency, locale = 'en-US'): string {
  const divisor = ZERO_DECIMAL.includes(currency) ? 1 : 100;
  const value = amountMinor / divisor;
  return new Intl.NumberFormat(locale, {
    style: 'currency',
    currency,
    minimumFractionDigits: divisor === 1 ? 0 : 2,
  }).format(value);
}

export function monthlyEquivalent(plan: Plan): number {
  if (plan.interval === 'month') return plan.amountMinor;
  return Math.round(plan.amountMinor / 12);
}

export function annualSavingsPct(monthly: Plan, yearly: Plan): number {
  const fullYear = monthly.amountMinor * 12;
  if (fullYear === 0) return 0;
  return Math.round(((fullYear - yearly.amountMinor) / fullYear) * 100);
}

export function seatPrice(plan: Plan, seats: number): number {
  const included = plan.includedSeats ?? 1;
  const extra = Math.max(0, seats - included);
  return plan.amountMinor + extra * (plan.perSeatMinor ?? 0);
}

export function addonsTotal(addons: Addon[], interval: Plan['interval']): number {
  return addons.reduce((sum, a) => {
    const price = interval === 'year' ? a.yearlyMinor ?? a.monthlyMinor * 12 : a.monthlyMinor;
    return sum + price * (a.quantity ?? 1);
  }, 0);
}

export function applyCoupon(totalMinor: number, coupon?: { percentOff?: number; amountOffMinor?: number }): number {
  if (!coupon) return totalMinor;
  if (coupon.percentOff) return Math.round(totalMinor * (1 - coupon.percentOff / 100));
  if (coupon.amountOffMinor) return Math.max(0, totalMinor - coupon.amountOffMinor);
  return totalMinor;
}

export function quote(plan: Plan, seats: number, addons: Addon[], coupon?: { percentOff?: number; amountOffMinor?: number }) {
  const base = seatPrice(plan, seats);
  const extras = addonsTotal(addons, plan.interval);
  const subtotal = base + extras;
  const total = applyCoupon(subtotal, coupon);
  return {
    subtotal,
    discount: subtotal - total,
    total,
    display: formatPrice(total, plan.currency),
  };
}''')], fw='jest')

t('simple', 'test-generation', "pytest tests for this pls, the cms uses it for article urls. normal cases + empty/unicode/too long", [('cms/utils/slug.py', '''
import re
import unicodedata


def slugify(title: str, max_len: int = 60) -> str:
    text = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode()
    text = re.sub(r"[^a-zA-Z0-9]+", "-", text).strip("-").lower()
    if len(text) > max_len:
        text = text[:max_len].rstrip("-")
    return text or "untitled"''')], reqs=['pytest, no fixtures needed'], lang=None)


# ============================================================================================================
# medium
# ============================================================================================================

t('medium', 'test-generation', "need tests for the upload route. mock s3 and the db, cover the 201 path and every error branch (too big, bad mime, s3 down, db insert fails -> the s3 object should get deleted)", [('src/routes/uploads.ts', '''
import { Router } from 'express';
import multer from 'multer';
import { PutObjectCommand, DeleteObjectCommand } from '@aws-sdk/client-s3';
import { randomUUID } from 'node:crypto';
import { s3 } from '../lib/s3';
import { db } from '../lib/db';
import { requireUser } from '../middleware/auth';

const MAX_BYTES = 10 * 1024 * 1024;
const ALLOWED = new Set(['image/png', 'image/jpeg', 'image/webp', 'application/pdf']);

const upload = multer({ storage: multer.memoryStorage(), limits: { fileSize: MAX_BYTES } });

export const uploadsRouter = Router();

uploadsRouter.post('/uploads', requireUser, (req, res, next) => {
  upload.single('file')(req, res, (err) => {
    if (err?.code === 'LIMIT_FILE_SIZE') return res.status(413).json({ error: 'file_too_large' });
    if (err) return next(err);
    next();
  });
}, async (req, res) => {
  const file = req.file;
  if (!file) return res.status(400).json({ error: 'missing_file' });
  if (!ALLOWED.has(file.mimetype)) return res.status(415).json({ error: 'unsupported_type' });

  const key = `u/${req.user!.id}/${randomUUID()}`;
  try {
    await s3.send(new PutObjectCommand({
      Bucket: process.env.UPLOAD_BUCKET,
      Key: key,
      Body: file.buffer,
      ContentType: file.mimetype,
    }));
  } catch (e) {
    req.log.error({ err: e, key }, 's3 put failed');
    return res.status(502).json({ error: 'storage_unavailable' });
  }

  try {
    const row = await db.insertInto('uploads').values({
      id: randomUUID(),
      user_id: req.user!.id,
      s3_key: key,
      mime: file.mimetype,
      size: file.size,
      original_name: file.originalname,
    }).returning(['id', 'created_at']).executeTakeFirstOrThrow();
    return res.status(201).json({ id: row.id, key, createdAt: row.created_at });
  } catch (e) {
    req.log.error({ err: e, key }, 'db insert failed');
    await s3.send(new DeleteObjectCommand({ Bucket: process.env.UPLOAD_BUCKET, Key: key })).catch(() => undefined);
    return res.status(500).json({ error: 'internal' });
  }
});''')], reqs=['vitest + supertest', 'no real network or db'], fw='vitest')

# why: only ~20 lines, but deciding what "bookable" means around DST, buffers and day boundaries needs judgement; no concurrency or security.
t('medium', 'test-generation', "write tests for isSlotBookable. product rules: slot has to start at least 2h from now, fully inside the host's working hours in THEIR timezone, not cross midnight, and keep the host's buffer before and after other bookings. hosts are in all sorts of tzs so think about DST days", [('src/booking/isSlotBookable.ts', '''
import { DateTime, Interval } from 'luxon';

export interface Host { tz: string; workStart: number; workEnd: number; bufferMin: number }
export interface Booking { start: string; end: string }

export function isSlotBookable(
  startIso: string,
  durationMin: number,
  host: Host,
  bookings: Booking[],
  now: DateTime = DateTime.utc(),
): boolean {
  const start = DateTime.fromISO(startIso, { zone: 'utc' }).setZone(host.tz);
  const end = start.plus({ minutes: durationMin });
  if (start < now.plus({ hours: 2 })) return false;
  if (start.hour < host.workStart) return false;
  if (end.hour > host.workEnd || (end.hour === host.workEnd && end.minute > 0)) return false;
  if (!start.hasSame(end, 'day')) return false;
  const padded = Interval.fromDateTimes(start.minus({ minutes: host.bufferMin }), end.plus({ minutes: host.bufferMin }));
  return !bookings.some((b) => padded.overlaps(Interval.fromDateTimes(DateTime.fromISO(b.start), DateTime.fromISO(b.end))));
}''')], fw='jest')

t('medium', 'test-generation', "go tests for the inventory repo using sqlmock. cover Get (found / not found), List with and without the category filter, and Reserve incl. the insufficient stock case", [('services/inventory/internal/store/repo.go', '''
package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
)

var (
	ErrNotFound          = errors.New("item not found")
	ErrInsufficientStock = errors.New("insufficient stock")
)

type Item struct {
	SKU       string
	Name      string
	Category  string
	Available int
}

type Repo struct{ db *sql.DB }

func NewRepo(db *sql.DB) *Repo { return &Repo{db: db} }

func (r *Repo) Get(ctx context.Context, sku string) (Item, error) {
	var it Item
	err := r.db.QueryRowContext(ctx,
		`SELECT sku, name, category, available FROM items WHERE sku = $1`, sku).
		Scan(&it.SKU, &it.Name, &it.Category, &it.Available)
	if errors.Is(err, sql.ErrNoRows) {
		return Item{}, ErrNotFound
	}
	if err != nil {
		return Item{}, fmt.Errorf("get %s: %w", sku, err)
	}
	return it, nil
}

func (r *Repo) List(ctx context.Context, category string, limit int) ([]Item, error) {
	q := `SELECT sku, name, category, available FROM items`
	args := []any{}
	if category != "" {
		q += ` WHERE category = $1`
		args = append(args, category)
	}
	q += fmt.Sprintf(` ORDER BY sku LIMIT $%d`, len(args)+1)
	args = append(args, limit)
	rows, err := r.db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("list: %w", err)
	}
	defer rows.Close()
	var out []Item
	for rows.Next() {
		var it Item
		if err := rows.Scan(&it.SKU, &it.Name, &it.Category, &it.Available); err != nil {
			return nil, err
		}
		out = append(out, it)
	}
	return out, rows.Err()
}

func (r *Repo) Reserve(ctx context.Context, sku string, qty int) error {
	if qty <= 0 {
		return fmt.Errorf("qty must be positive, got %d", qty)
	}
	res, err := r.db.ExecContext(ctx,
		`UPDATE items SET available = available - $1 WHERE sku = $2 AND available >= $1`, qty, strings.ToUpper(sku))
	if err != nil {
		return fmt.Errorf("reserve: %w", err)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return err
	}
	if n == 0 {
		if _, err := r.Get(ctx, strings.ToUpper(sku)); errors.Is(err, ErrNotFound) {
			return ErrNotFound
		}
		return ErrInsufficientStock
	}
	return nil
}''')], lang=None)

t('medium', 'test-execution', "we bumped the ci matrix to node 18/20/22 and now different stuff fails on different versions. run the suite on all three (nvm is on the box) and tell me which failures are version-specific and why, vs which fail everywhere. last ci log attached", [('ci/matrix-log.txt', '''
=== node 18.19.1 ===
 FAIL  src/analytics/rollup.test.ts > groups events by day
TypeError: Object.groupBy is not a function
 ❯ rollupByDay src/analytics/rollup.ts:14:24
 FAIL  src/webhooks/retry.test.ts > gives up after 5 attempts
AssertionError: expected 4 to be 5
 Tests  2 failed | 311 passed (313)

=== node 20.11.1 ===
 FAIL  src/analytics/rollup.test.ts > groups events by day
TypeError: Object.groupBy is not a function
 ❯ rollupByDay src/analytics/rollup.ts:14:24
 FAIL  src/webhooks/retry.test.ts > gives up after 5 attempts
AssertionError: expected 4 to be 5
 Tests  2 failed | 311 passed (313)

=== node 22.4.0 ===
 FAIL  src/config/load.test.ts [ src/config/load.test.ts ]
SyntaxError: Unexpected identifier 'assert'
 ❯ src/config/defaults.ts:1:47
 FAIL  src/webhooks/retry.test.ts > gives up after 5 attempts
AssertionError: expected 4 to be 5
 Test Files  2 failed | 57 passed (59)
 Tests  1 failed | 297 passed (298)''')], fw='vitest')

t('medium', 'test-execution', "can you run the payouts integration tests against the docker compose stack (`docker compose -f compose.test.yml up -d` then `pytest tests/integration -q`)? last time half of it blew up and I don't know how much is env vs real bugs. group the failures by cause", [('logs/pytest-integration.txt', '''
============================= test session starts ==============================
collected 46 items

tests/integration/test_schedule.py ..........F...                          [ 30%]
tests/integration/test_fees.py ....EEEE....                                [ 56%]
tests/integration/test_stripe_transfer.py EEEEEE                           [ 69%]
tests/integration/test_ledger_sync.py ..............                       [100%]

==================================== ERRORS ====================================
___________ ERROR at setup of test_fee_tiers[marketplace-basic] ___________
sqlalchemy.exc.ProgrammingError: (psycopg.errors.UndefinedTable) relation "fee_tiers" does not exist
___________ ERROR at setup of test_transfer_created ___________
stripe_mock: ConnectionRefusedError: [Errno 111] Connect call failed ('127.0.0.1', 12111)
=================================== FAILURES ===================================
___________ test_weekly_schedule_skips_holidays ___________
    assert next_payout_date(date(2024, 12, 23), schedule="weekly") == date(2024, 12, 27)
E   AssertionError: assert datetime.date(2024, 12, 30) == datetime.date(2024, 12, 27)
=========================== short test summary info ============================
FAILED tests/integration/test_schedule.py::test_weekly_schedule_skips_holidays
ERROR tests/integration/test_fees.py::test_fee_tiers[marketplace-basic] - UndefinedTable
ERROR tests/integration/test_fees.py::test_fee_tiers[marketplace-pro] - UndefinedTable
ERROR tests/integration/test_fees.py::test_fee_cap - UndefinedTable
ERROR tests/integration/test_fees.py::test_fee_rounding - UndefinedTable
ERROR tests/integration/test_stripe_transfer.py (6 errors) - ConnectionRefusedError
============== 1 failed, 35 passed, 10 errors in 41.88s ===============''')], reqs=['alembic migrations are NOT run by compose.test.yml'], lang=None)


_BILLING_COV = [
    ('src/invoice.ts', 94.1, 88.0, ['applyTaxExemption (lines 141-156)']),
    ('src/proration.ts', 71.4, 52.3, ['prorateDowngrade (lines 60-92)', 'midCycleSeatChange branch seats<0 (line 118)']),
    ('src/dunning.ts', 63.0, 40.0, ['retrySchedule final attempt (lines 44-51)', 'onPaymentFailed when card expired (lines 77-95)', 'cancelAfterGrace (lines 110-131)']),
    ('src/coupons.ts', 90.2, 81.0, ['isExpired when redeemBy null (line 22)']),
    ('src/tax.ts', 82.5, 70.6, ['reverseCharge EU B2B (lines 33-48)']),
    ('src/webhooks/stripe.ts', 68.9, 55.5, ['invoice.payment_action_required (lines 88-104)', 'customer.subscription.deleted (lines 120-139)']),
    ('src/format.ts', 58.0, 50.0, ['formatCompact (lines 10-24)', 'toCsv (lines 30-52)']),
    ('src/credits.ts', 88.0, 75.0, ['expireCredits batch loop (lines 70-83)']),
]

t('medium', 'coverage-analysis', "coverage for packages/billing is below. I have maybe a day for tests this sprint. which of these gaps actually matter (money / customer facing) and which can wait? give me a ranked list w/ the test cases you'd write first", [('packages/billing/coverage/gaps.txt', 'file'.ljust(26) + 'lines%  branch%  uncovered\n' + lines(len(_BILLING_COV), lambda i: f'{_BILLING_COV[i][0]:<26}{_BILLING_COV[i][1]:>6}  {_BILLING_COV[i][2]:>7}  ' + '; '.join(_BILLING_COV[i][3])))], lang=None)

t('medium', 'coverage-analysis', "jacoco says EmailDispatcher has 58% branch coverage. which branches are never hit? list them with the test case that would hit each one", [('notifications/src/main/java/com/acme/notify/EmailDispatcher.java', '''
package com.acme.notify;

import java.time.Duration;
import java.util.List;

public class EmailDispatcher {
    private final SmtpClient smtp;
    private final SuppressionList suppressions;
    private final Metrics metrics;
    private final int maxAttempts;

    public EmailDispatcher(SmtpClient smtp, SuppressionList suppressions, Metrics metrics, int maxAttempts) {
        this.smtp = smtp;
        this.suppressions = suppressions;
        this.metrics = metrics;
        this.maxAttempts = maxAttempts;
    }

    public DispatchResult dispatch(Email email) {
        if (email.to().isEmpty()) {
            return DispatchResult.skipped("no recipients");
        }
        List<String> allowed = email.to().stream().filter(a -> !suppressions.contains(a)).toList();
        if (allowed.isEmpty()) {
            metrics.increment("email.suppressed");
            return DispatchResult.skipped("all recipients suppressed");
        }
        for (int attempt = 1; attempt <= maxAttempts; attempt++) {
            try {
                smtp.send(email.withRecipients(allowed));
                metrics.increment("email.sent");
                return DispatchResult.sent(attempt);
            } catch (SmtpPermanentException e) {
                if (e.code() == 550) {
                    allowed.forEach(suppressions::add);
                }
                metrics.increment("email.failed.permanent");
                return DispatchResult.failed(e.getMessage());
            } catch (SmtpTransientException e) {
                metrics.increment("email.failed.transient");
                if (attempt == maxAttempts) {
                    return DispatchResult.failed("gave up after " + attempt + " attempts");
                }
                sleep(Duration.ofMillis(200L * attempt));
            }
        }
        return DispatchResult.failed("unreachable");
    }

    void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
        }
    }
}'''), ('notifications/target/site/jacoco/jacoco.csv', '''
GROUP,PACKAGE,CLASS,INSTRUCTION_MISSED,INSTRUCTION_COVERED,BRANCH_MISSED,BRANCH_COVERED,LINE_MISSED,LINE_COVERED,COMPLEXITY_MISSED,COMPLEXITY_COVERED,METHOD_MISSED,METHOD_COVERED
notifications,com.acme.notify,EmailDispatcher,41,96,5,7,9,22,4,6,1,3
notifications,com.acme.notify,DispatchResult,0,38,0,0,0,9,0,4,0,4
notifications,com.acme.notify,SuppressionList,12,30,2,4,3,8,2,4,1,3''')], reqs=['JUnit 5 + Mockito'], lang=None)

t('medium', 'quality-gate', "release gate check for v2.14 of the api. rules are in the json. go / no-go with a line per rule and anything borderline called out", [('reports/release-2.14.json', '''
{
  "release": "api v2.14.0",
  "rules": {
    "line_coverage_min": 80,
    "branch_coverage_min": 70,
    "branch_coverage_max_drop_vs_baseline": 2,
    "mutation_score_min": 60,
    "p95_ms_max": 350,
    "error_rate_max_pct": 0.5,
    "critical_vulns_max": 0,
    "high_vulns_max": 2,
    "flaky_tests_max": 5
  },
  "baseline": { "line_coverage": 83.9, "branch_coverage": 74.8 },
  "current": {
    "line_coverage": 83.1,
    "branch_coverage": 72.1,
    "mutation_score": 61.4,
    "p95_ms": 341,
    "error_rate_pct": 0.42,
    "critical_vulns": 0,
    "high_vulns": 2,
    "flaky_tests": 6,
    "notes": "flaky count includes 2 tests quarantined last week"
  }
}''')], lang=None)

t('medium', 'quality-gate', "security gate for today's deploy (2024-03-15). policy: no high/critical unless there's a waiver that hasn't expired AND covers that exact finding; mediums allowed up to 5 total. findings + waivers below, tell me pass/fail and which findings block", [('security/findings.json', '''
[
  {"id": "SNYK-JS-AXIOS-6032459", "pkg": "axios@1.5.1", "severity": "high", "path": "apps/web"},
  {"id": "SNYK-JS-JSONWEBTOKEN-3180022", "pkg": "jsonwebtoken@8.5.1", "severity": "high", "path": "apps/api"},
  {"id": "SNYK-JS-SEMVER-3247795", "pkg": "semver@5.7.1", "severity": "medium", "path": "apps/api"},
  {"id": "SNYK-JS-TOUGHCOOKIE-5672873", "pkg": "tough-cookie@4.1.2", "severity": "medium", "path": "apps/web"},
  {"id": "SNYK-JS-WORDWRAP-3149973", "pkg": "word-wrap@1.2.3", "severity": "medium", "path": "tools/cli"},
  {"id": "SNYK-JS-IP-6240864", "pkg": "ip@2.0.0", "severity": "critical", "path": "tools/cli"},
  {"id": "SNYK-JS-FOLLOWREDIRECTS-6141137", "pkg": "follow-redirects@1.15.3", "severity": "medium", "path": "apps/web"}
]'''), ('security/waivers.yml', '''
waivers:
  - id: SNYK-JS-AXIOS-6032459
    scope: apps/web
    reason: CSRF token leak only affects XSRF-TOKEN cookie flow we don't use
    expires: 2024-04-30
  - id: SNYK-JS-JSONWEBTOKEN-3180022
    scope: apps/api
    reason: upgrade to 9.x blocked by passport-jwt
    expires: 2024-03-01
  - id: SNYK-JS-IP-*
    scope: tools/*
    reason: cli is dev-only, never deployed
    expires: 2024-06-30''')], lang=None)

t('medium', 'quality-gate', "our PR gate config + the numbers from this PR. does it pass? and honestly is the bundle-size rule doing what we think, it feels like it never fails", [('gate.config.ts', '''
export default {
  coverage: { lines: 80, branches: 70, maxDropPct: 1 },
  bundle: { entry: 'dist/assets/index-*.js', maxGzipKb: 250, maxGrowthPct: 5 },
  lighthouse: { performance: 85, accessibility: 95 },
  flaky: { maxNew: 0 },
  compare: (cur: number, base: number, maxGrowthPct: number) => (cur - base) / cur * 100 <= maxGrowthPct,
};'''), ('ci/pr-812-metrics.json', '''
{
  "coverage": { "lines": 81.4, "branches": 70.2, "base_lines": 82.1 },
  "bundle": { "gzipKb": 247.9, "baseGzipKb": 235.6 },
  "lighthouse": { "performance": 86, "accessibility": 94 },
  "flaky": { "new": 0 }
}''')])

# why: a config review against a well-known hardening checklist; no auth/crypto code to reason about, one manifest.
t('medium', 'security-scan', "review this k8s deployment for security problems before we move the uploads worker to the shared cluster. what would you change", [('deploy/uploads-worker.yaml', '''
apiVersion: apps/v1
kind: Deployment
metadata:
  name: uploads-worker
  namespace: default
spec:
  replicas: 3
  selector:
    matchLabels: { app: uploads-worker }
  template:
    metadata:
      labels: { app: uploads-worker }
    spec:
      containers:
        - name: worker
          image: ghcr.io/acme/uploads-worker:latest
          securityContext:
            privileged: true
            runAsUser: 0
          env:
            - name: AWS_ACCESS_KEY_ID
              value: AKIAQ3EXAMPLE7XK2P
            - name: AWS_SECRET_ACCESS_KEY
              value: wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY
            - name: CLAMAV_HOST
              value: clamav.default.svc
          volumeMounts:
            - name: docker-sock
              mountPath: /var/run/docker.sock
            - name: scratch
              mountPath: /tmp/uploads
      volumes:
        - name: docker-sock
          hostPath:
            path: /var/run/docker.sock
        - name: scratch
          emptyDir: {}''')], lang=None)

t('medium', 'security-scan', "npm audit is screaming (output below). which of these actually reach production code vs dev/build tooling, and what's the least painful upgrade order? don't want to just run audit fix --force", [('package.json', '''
{
  "name": "@acme/api",
  "private": true,
  "scripts": { "build": "tsc -p .", "dev": "nodemon src/index.ts", "test": "vitest" },
  "dependencies": {
    "express": "4.18.2",
    "jsonwebtoken": "8.5.1",
    "axios": "1.5.1",
    "multer": "1.4.5-lts.1",
    "pg": "8.11.3",
    "sharp": "0.32.1"
  },
  "devDependencies": {
    "nodemon": "2.0.20",
    "vitest": "0.34.6",
    "typescript": "5.2.2",
    "webpack-dev-server": "4.15.1"
  }
}'''), ('reports/npm-audit.txt', '''
# npm audit report

axios  1.0.0 - 1.6.0
Severity: moderate
Axios Cross-Site Request Forgery Vulnerability - https://github.com/advisories/GHSA-wf5p-g6vw-rhxx
fix available via `npm audit fix`

jsonwebtoken  <=8.5.1
Severity: high
jsonwebtoken unrestricted key type could lead to legacy keys usage - https://github.com/advisories/GHSA-8cf7-32gw-wr33
fix available via `npm audit fix --force`
Will install jsonwebtoken@9.0.2, which is a breaking change

semver  <5.7.2
Severity: moderate
semver vulnerable to Regular Expression Denial of Service - https://github.com/advisories/GHSA-c2qf-rxjj-qqgw
  node_modules/nodemon/node_modules/semver

sharp  <0.32.6
Severity: high
sharp vulnerability in libwebp dependency CVE-2023-4863 - https://github.com/advisories/GHSA-54xq-cgqr-rpm3
fix available via `npm audit fix`

webpack-dev-middleware  <=5.3.3
Severity: high
Path traversal in webpack-dev-middleware - https://github.com/advisories/GHSA-wr3j-pwj9-hqq6
  node_modules/webpack-dev-server/node_modules/webpack-dev-middleware

5 vulnerabilities (2 moderate, 3 high)''')], lang=None)

t('medium', 'performance-testing', "write a k6 script for the search api: ramp to 300 rps over 5 min, hold 10 min, p95 < 400ms and <1% errors as thresholds, tag requests by query type (keyword / filter-heavy / empty query) so we can see them separately, and get the auth token once in setup() not per VU", [], reqs=['constant-arrival-rate or ramping-arrival-rate executor', 'BASE_URL and API_KEY from env'], fw='k6', lang='javascript')

t('medium', 'performance-testing', "analytics dashboard 'events by day' query takes ~4s for bigger workspaces. explain analyze below. what index would you add, and how would you check it actually helps before we ship (we have a staging db w/ prod-ish volume)", [('perf/explain-events-by-day.txt', '''
EXPLAIN (ANALYZE, BUFFERS)
SELECT date_trunc('day', occurred_at) AS day, event_name, count(*)
FROM analytics_events
WHERE workspace_id = '7b0c9f4e-2d1a-4c3b-9e55-1f0a6d3c2b11'
  AND occurred_at >= now() - interval '30 days'
GROUP BY 1, 2
ORDER BY 1;

 Sort  (cost=512340.11..512351.98 rows=4748 width=48) (actual time=4102.551..4102.902 rows=1860 loops=1)
   Sort Key: (date_trunc('day'::text, occurred_at))
   Sort Method: quicksort  Memory: 214kB
   ->  HashAggregate  (cost=511980.22..512039.57 rows=4748 width=48) (actual time=4099.817..4101.744 rows=1860 loops=1)
         Group Key: date_trunc('day'::text, occurred_at), event_name
         ->  Bitmap Heap Scan on analytics_events  (cost=21840.54..508112.78 rows=515659 width=40) (actual time=188.402..3812.067 rows=498212 loops=1)
               Recheck Cond: (workspace_id = '7b0c9f4e-2d1a-4c3b-9e55-1f0a6d3c2b11'::uuid)
               Filter: (occurred_at >= (now() - '30 days'::interval))
               Rows Removed by Filter: 3911467
               Heap Blocks: exact=301877
               Buffers: shared hit=40211 read=265102
               ->  Bitmap Index Scan on analytics_events_workspace_id_idx  (cost=0.00..21711.62 rows=4409612 width=0) (actual time=141.220..141.221 rows=4409679 loops=1)
                     Index Cond: (workspace_id = '7b0c9f4e-2d1a-4c3b-9e55-1f0a6d3c2b11'::uuid)
 Planning Time: 0.412 ms
 Execution Time: 4103.388 ms''')], lang=None)

t('medium', 'flaky-test-analysis', "this playwright test fails maybe 1 in 6 on ci, never locally. test + a passing and a failing trace log below. why, and how do I fix the test (not the app)", [('e2e/notifications.spec.ts', '''
import { test, expect } from '@playwright/test';
import { loginAs, postComment } from './helpers';

test('shows toast when someone comments on my doc', async ({ page, request }) => {
  await loginAs(page, 'owner@acme.test');
  await page.goto('/docs/roadmap-q3');
  await page.waitForLoadState('networkidle');

  await postComment(request, { doc: 'roadmap-q3', as: 'teammate@acme.test', text: 'lgtm' });

  await page.waitForLoadState('networkidle');
  const toast = page.locator('[data-testid="toast"]');
  await expect(toast).toContainText('teammate commented');
});'''), ('ci/trace-pass.log', '''
0.000s  goto /docs/roadmap-q3
1.912s  networkidle
1.930s  POST /api/docs/roadmap-q3/comments 201 (212ms)
2.160s  ws <- {"type":"comment.created","doc":"roadmap-q3"}
2.171s  toast mounted "teammate commented: lgtm"
2.690s  networkidle
2.702s  expect toContainText -> pass'''), ('ci/trace-fail.log', '''
0.000s  goto /docs/roadmap-q3
3.804s  networkidle
3.822s  POST /api/docs/roadmap-q3/comments 201 (1204ms)
5.031s  ws <- {"type":"comment.created","doc":"roadmap-q3"}
5.040s  toast mounted "teammate commented: lgtm"
5.560s  GET /api/docs/roadmap-q3/presence (long-poll, 8000ms)
9.041s  toast unmounted (autoDismissMs=4000)
13.561s networkidle
13.575s expect toContainText -> locator resolved to 0 elements
18.575s Timeout 5000ms exceeded''')], fw='playwright')

t('medium', 'flaky-test-analysis', "RenewalServiceTest fails on the nightly build a couple times a week, passes every time on retry. seems to only be the 00:00 UTC scheduled run?? test + log", [('billing/src/test/java/com/acme/billing/RenewalServiceTest.java', '''
package com.acme.billing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class RenewalServiceTest {

    private final RenewalService service = new RenewalService(ZoneId.of("America/Los_Angeles"));

    @Test
    void subscriptionStartedTodayRenewsInOneMonth() {
        Subscription sub = Subscription.monthly("sub_1", LocalDate.now());
        assertThat(service.nextRenewal(sub)).isEqualTo(LocalDate.now().plusMonths(1));
    }

    @Test
    void isDueToday() {
        Subscription sub = Subscription.monthly("sub_2", LocalDate.now().minusMonths(1));
        assertThat(service.isDueToday(sub)).isTrue();
    }
}'''), ('billing/src/main/java/com/acme/billing/RenewalService.java', '''
package com.acme.billing;

import java.time.LocalDate;
import java.time.ZoneId;

public class RenewalService {
    private final ZoneId billingZone;

    public RenewalService(ZoneId billingZone) { this.billingZone = billingZone; }

    public LocalDate nextRenewal(Subscription sub) {
        return sub.startDate().plusMonths(1);
    }

    public boolean isDueToday(Subscription sub) {
        return nextRenewal(sub).equals(LocalDate.now(billingZone));
    }
}'''), ('ci/nightly-2024-03-12.log', '''
[INFO] Running com.acme.billing.RenewalServiceTest
[ERROR] Tests run: 2, Failures: 1, Errors: 0, Skipped: 0, Time elapsed: 0.21 s <<< FAILURE! - in com.acme.billing.RenewalServiceTest
[ERROR] isDueToday  Time elapsed: 0.012 s  <<< FAILURE!
org.opentest4j.AssertionFailedError: 
Expecting value to be true but was false
	at com.acme.billing.RenewalServiceTest.isDueToday(RenewalServiceTest.java:22)
[INFO] build started 2024-03-12T00:04:17Z  TZ=UTC''')], lang=None)

t('medium', 'defect-analysis', "finance says some invoices are off by a cent vs what stripe charged. failing test + module below, where's it coming from?", [('billing/invoices.py', '''
from dataclasses import dataclass, field
from typing import List


@dataclass
class LineItem:
    description: str
    unit_price: float  # in dollars
    quantity: int
    tax_rate: float  # e.g. 0.0825


@dataclass
class Invoice:
    customer_id: str
    items: List[LineItem] = field(default_factory=list)
    discount_pct: float = 0.0

    def subtotal(self) -> float:
        return sum(i.unit_price * i.quantity for i in self.items)

    def discount(self) -> float:
        return round(self.subtotal() * self.discount_pct / 100, 2)

    def tax(self) -> float:
        total_tax = 0.0
        for i in self.items:
            line = i.unit_price * i.quantity
            line_after_discount = line - line * self.discount_pct / 100
            total_tax += round(line_after_discount * i.tax_rate, 2)
        return total_tax

    def total(self) -> float:
        return round(self.subtotal() - self.discount() + self.tax(), 2)

    def to_stripe_amount(self) -> int:
        return int(self.total() * 100)'''), ('logs/pytest-invoices.txt', '''
    def test_matches_stripe_amount():
        inv = Invoice("cus_9", [LineItem("seat", 19.99, 3, 0.0825), LineItem("addon", 6.20, 1, 0.0825)], discount_pct=10)
>       assert inv.to_stripe_amount() == 6446
E       assert 6445 == 6446
E        +  where 6445 = <bound method Invoice.to_stripe_amount of Invoice(...)>()
tests/test_invoices.py:41: AssertionError''')], lang=None)

# why: webhooks usually suggest idempotency/retries, but the bug here is a plain async-in-forEach in one handler; one service, one log.
t('medium', 'defect-analysis', "stripe webhook endpoint returns 200 but for invoice.paid with multiple line items the seats sometimes don't get provisioned, and we see unhandled rejections in the logs. handler + logs:", [('src/webhooks/stripe.ts', '''
import type { Request, Response } from 'express';
import Stripe from 'stripe';
import { provisionSeats, markInvoicePaid } from '../billing/provisioning';
import { logger } from '../lib/logger';

const stripe = new Stripe(process.env.STRIPE_SECRET_KEY!, { apiVersion: '2023-10-16' });

export async function stripeWebhook(req: Request, res: Response) {
  let event: Stripe.Event;
  try {
    event = stripe.webhooks.constructEvent(req.body, req.headers['stripe-signature'] as string, process.env.STRIPE_WEBHOOK_SECRET!);
  } catch (err) {
    return res.status(400).send('bad signature');
  }

  switch (event.type) {
    case 'invoice.paid': {
      const invoice = event.data.object as Stripe.Invoice;
      await markInvoicePaid(invoice.id);
      invoice.lines.data.forEach(async (line) => {
        if (line.price?.metadata?.kind === 'seat') {
          await provisionSeats(invoice.customer as string, line.quantity ?? 0);
        }
      });
      break;
    }
    case 'customer.subscription.deleted':
      logger.info({ id: event.id }, 'subscription deleted');
      break;
    default:
      logger.debug({ type: event.type }, 'ignored event');
  }
  res.json({ received: true });
}'''), ('logs/api-webhooks.log', '''
{"level":"info","msg":"POST /webhooks/stripe 200","ms":41,"evt":"evt_1OuQ2L"}
{"level":"error","msg":"Unhandled promise rejection","err":"TimeoutError: seats-api did not respond within 5000ms","stack":"at provisionSeats (src/billing/provisioning.ts:38:11)"}
{"level":"info","msg":"POST /webhooks/stripe 200","ms":37,"evt":"evt_1OuQ9x"}
{"level":"error","msg":"Unhandled promise rejection","err":"HttpError: 503 Service Unavailable (seats-api)","stack":"at provisionSeats (src/billing/provisioning.ts:38:11)"}''')])


# ============================================================================================================
# complex
# ============================================================================================================

# why: 25 lines of axios glue, but the real problem is concurrent refreshes racing a rotating refresh token (and across tabs).
t('complex', 'defect-analysis', "ppl who have the app open in 2+ tabs get kicked to /login like once a day, support is getting annoyed. refresh tokens rotate on every use and we revoke the whole family if an old one is reused. here's our refresh code, what's going on and how should it work", [('src/lib/api.ts', '''
import axios from 'axios';

export const api = axios.create({ baseURL: '/api' });

api.interceptors.request.use((cfg) => {
  const at = localStorage.getItem('access_token');
  if (at) cfg.headers.Authorization = `Bearer ${at}`;
  return cfg;
});

api.interceptors.response.use(undefined, async (err) => {
  const original = err.config;
  if (err.response?.status !== 401 || original._retry) throw err;
  original._retry = true;
  const rt = localStorage.getItem('refresh_token');
  try {
    const { data } = await axios.post('/api/auth/refresh', { refreshToken: rt });
    localStorage.setItem('access_token', data.accessToken);
    localStorage.setItem('refresh_token', data.refreshToken);
    return api(original);
  } catch {
    localStorage.clear();
    window.location.assign('/login');
    throw err;
  }
});''')])

# why: 20 lines, but it is the only thing guarding private attachments: signature scope, expiry binding, timing-safe compare, secret fallback.
t('complex', 'security-scan', "sanity check our download link verifier before we turn on private attachments for enterprise customers? it's short", [('src/uploads/signedUrl.ts', '''
import crypto from 'node:crypto';

const SECRET = process.env.URL_SIGNING_SECRET ?? 'dev-secret';

export function signPath(pathname: string, ttlSec = 900): string {
  const exp = Math.floor(Date.now() / 1000) + ttlSec;
  const sig = crypto.createHmac('sha1', SECRET).update(pathname).digest('hex');
  return `${pathname}?exp=${exp}&sig=${sig}`;
}

export function verifySignedUrl(rawUrl: string, now = Date.now()): boolean {
  const url = new URL(rawUrl, 'https://files.acme.app');
  const sig = url.searchParams.get('sig');
  const exp = Number(url.searchParams.get('exp'));
  if (!sig || !exp) return false;
  if (exp < now / 1000) return false;
  const expected = crypto.createHmac('sha1', SECRET).update(decodeURIComponent(url.pathname)).digest('hex');
  return sig === expected;
}''')])

# why: a short retry loop, but whether the retries can ever succeed depends on JPA transaction/persistence-context semantics, and the tests must be truly concurrent.
t('complex', 'test-generation', "write tests for StockService.reserve incl. concurrent ones, I want proof we never oversell when 20 checkouts hit the same sku at once. the retry loop is supposed to handle optimistic lock conflicts", [('inventory/src/main/java/com/acme/inventory/StockService.java', '''
package com.acme.inventory;

import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class StockService {
    private static final int MAX_ATTEMPTS = 3;
    private final StockRepository repo;

    public StockService(StockRepository repo) {
        this.repo = repo;
    }

    @Transactional
    public void reserve(String sku, int qty) {
        for (int attempt = 1; ; attempt++) {
            try {
                Stock s = repo.findBySku(sku).orElseThrow(() -> new UnknownSkuException(sku));
                if (s.getAvailable() < qty) {
                    throw new InsufficientStockException(sku, qty, s.getAvailable());
                }
                s.setAvailable(s.getAvailable() - qty);
                repo.saveAndFlush(s);
                return;
            } catch (ObjectOptimisticLockingFailureException e) {
                if (attempt >= MAX_ATTEMPTS) throw e;
            }
        }
    }
}'''), ('inventory/src/main/java/com/acme/inventory/Stock.java', '''
package com.acme.inventory;

import jakarta.persistence.*;

@Entity
public class Stock {
    @Id @GeneratedValue private Long id;
    @Column(unique = true) private String sku;
    private int available;
    @Version private long version;

    public String getSku() { return sku; }
    public int getAvailable() { return available; }
    public void setAvailable(int available) { this.available = available; }
}''')], reqs=['Spring Boot test with Testcontainers Postgres', 'JUnit 5'], lang=None)

# why: the flake is a reconnect/resubscribe race (edits published between reconnect and the server processing the re-sub are lost, duplicate sockets if connect() overlaps); needs reasoning about event ordering, not the test.
t('complex', 'flaky-test-analysis', "collab e2e 'receives remote edit after server restart' fails ~1 in 8 runs. client code and the failing output below. is it the test or the client?", [('src/realtime/LiveClient.ts', '''
type Handler = (msg: { doc: string; op: unknown; version: number }) => void;

export class LiveClient {
  private ws?: WebSocket;
  private subs = new Map<string, Handler>();
  private attempt = 0;

  constructor(private url: string) {}

  connect() {
    this.ws = new WebSocket(this.url);
    this.ws.onopen = () => {
      this.attempt = 0;
      for (const doc of this.subs.keys()) this.send({ type: 'sub', doc });
    };
    this.ws.onmessage = (e) => {
      const msg = JSON.parse(e.data);
      this.subs.get(msg.doc)?.(msg);
    };
    this.ws.onclose = () => {
      const delay = Math.min(30_000, 250 * 2 ** this.attempt++);
      setTimeout(() => this.connect(), delay);
    };
  }

  subscribe(doc: string, cb: Handler) {
    this.subs.set(doc, cb);
    this.send({ type: 'sub', doc });
  }

  unsubscribe(doc: string) {
    this.subs.delete(doc);
    this.send({ type: 'unsub', doc });
  }

  private send(m: object) {
    if (this.ws?.readyState === WebSocket.OPEN) this.ws.send(JSON.stringify(m));
  }
}'''), ('ci/collab-e2e-fail.txt', '''
 FAIL  test/e2e/collab.test.ts > receives remote edit after server restart
AssertionError: expected 'hello' to be 'hello world' // Object.is equality
 ❯ test/e2e/collab.test.ts:88:35
    86|     await server.restart();
    87|     await peer.insert('doc-42', 5, ' world');
    88|     await vi.waitFor(() => expect(editor.text('doc-42')).toBe('hello world'), { timeout: 3000 });

 stdout | server: client c-17 connected (attempt 0)
 stdout | server: client c-17 sub doc-42 v=3
 stdout | server: restarting
 stdout | server: client c-17 connected (attempt 1)
 stdout | server: peer p-2 op doc-42 v=4 broadcast to 0 subscribers
 stdout | server: client c-17 sub doc-42 v=4''')], fw='vitest')

t('complex', 'performance-testing', "we're launching with a big partner in ~6 weeks and they estimate 10x our current traffic. need a load test plan for the whole platform: api gateway, auth (login + token refresh), billing incl. stripe webhooks, uploads via presigned s3 urls + the thumbnail workers on sqs, notification workers (email/push), the websocket collab server, postgres and redis. what scenarios + traffic mix, how to seed data, how not to spam stripe/sendgrid/apns, pass/fail criteria per service, and how to run it on staging without taking staging down for everyone", [], reqs=['k6 for HTTP and websockets', 'current peak: ~180 rps API, ~4k concurrent websocket connections'], fw='k6', lang='javascript')

t('complex', 'defect-analysis', "17 sellers got paid twice last tuesday. flow: orders-svc emits order.completed to kafka -> ledger-svc consumes and writes a credit row -> payouts-svc nightly batch (02:00 UTC) sums ledger balances, calls stripe transfers, writes payout rows and debits the ledger. tuesday: kafka broker restart at 01:10, ledger-svc deploy at 01:20 (rolling, 3 pods), payouts batch at 02:00. stripe shows 2 transfers per affected seller, different idempotency keys, ~40s apart. payouts-svc went from 1 to 2 replicas last month. no errors in any service logs. where do I look first and what's the most likely cause (or causes)?", [], lang=None)

t('complex', 'test-generation', "need a test strategy + actual tests for our offline-first notes sync. clients keep an outbox of ops in indexeddb, each op has (clientId, lamport counter); on reconnect the client POSTs the outbox to /sync, server merges per field with last-writer-wins by (lamport, clientId), deletes are tombstones kept 30 days, server returns ops since the client's last cursor. things we've seen in prod: a note edited offline on two devices ends up different on each, and deleted notes coming back. I want property-based tests that simulate partitions, duplicate/reordered delivery and clock skew, and check all replicas converge", [], reqs=['vitest + fast-check', 'an in-memory fake server is fine'], fw='vitest')

t('complex', 'security-scan', "security review of our tenant middleware pls. every /api/t/:tenant route goes through this. we're about to onboard customers who are competitors of each other so cross-tenant access would be really bad", [('src/middleware/tenant.ts', '''
import type { Request, Response, NextFunction } from 'express';
import jwt from 'jsonwebtoken';
import { db } from '../lib/db';

type Role = 'owner' | 'admin' | 'member' | 'viewer';
interface Claims { sub: string; email: string; roles?: Record<string, Role> }

const membershipCache = new Map<string, { role: Role; at: number }>();
const CACHE_MS = 5 * 60 * 1000;
const PUBLIC_KEY = process.env.JWT_PUBLIC_KEY!;

function readToken(req: Request): string | undefined {
  const h = req.headers.authorization;
  if (h?.startsWith('Bearer ')) return h.slice(7);
  return req.cookies?.session ?? (req.query.token as string | undefined);
}

export async function tenantAuth(req: Request, res: Response, next: NextFunction) {
  const token = readToken(req);
  if (!token) return res.status(401).json({ error: 'unauthenticated' });

  let claims: Claims;
  try {
    claims = jwt.verify(token, PUBLIC_KEY) as Claims;
  } catch {
    return res.status(401).json({ error: 'invalid_token' });
  }

  const tenantId = (req.headers['x-tenant-id'] as string) || req.params.tenant;
  if (process.env.NODE_ENV !== 'production' && req.query.as_admin === '1') {
    req.ctx = { userId: claims.sub, tenantId, role: 'admin' };
    return next();
  }

  let role = claims.roles?.[tenantId];
  if (!role) {
    const cached = membershipCache.get(claims.sub);
    if (cached && Date.now() - cached.at < CACHE_MS) {
      role = cached.role;
    } else {
      const m = await db.selectFrom('memberships').select('role')
        .where('user_id', '=', claims.sub).where('tenant_id', '=', tenantId).executeTakeFirst();
      if (!m) return res.status(403).json({ error: 'not_a_member' });
      role = m.role as Role;
      membershipCache.set(claims.sub, { role, at: Date.now() });
    }
  }

  req.ctx = { userId: claims.sub, tenantId, role };
  next();
}

export function requireRole(...allowed: Role[]) {
  return (req: Request, res: Response, next: NextFunction) => {
    if (!req.ctx || !allowed.some((r) => req.ctx!.role.includes(r))) {
      return res.status(403).json({ error: 'forbidden' });
    }
    next();
  };
}''')], reqs=['staging runs with NODE_ENV=staging and is reachable from the internet'])

t('complex', 'security-scan', "can u check the custom report endpoint for problems? analysts can pick columns, group by, sort and filter in the ui and this builds the query. we use psycopg 3", [('analytics/reports/builder.py', '''
from datetime import date
from psycopg import sql

ALLOWED_COLUMNS = {"event_name", "country", "plan", "device", "occurred_at"}
ALLOWED_AGGS = {"count", "sum", "avg"}


def build_report_query(workspace_id: str, spec: dict):
    cols = [c for c in spec.get("columns", []) if c.split(".")[0] in ALLOWED_COLUMNS]
    group_by = spec.get("group_by") or cols
    agg = spec.get("agg", "count")
    if agg not in ALLOWED_AGGS:
        raise ValueError("bad agg")
    metric = spec.get("metric", "*")

    select_list = ", ".join(cols + [f"{agg}({metric}) AS value"])
    query = f"SELECT {select_list} FROM analytics_events WHERE workspace_id = %s"
    params = [workspace_id]

    for f in spec.get("filters", []):
        if f["column"] not in ALLOWED_COLUMNS:
            continue
        op = f.get("op", "=")
        query += f" AND {f['column']} {op} %s"
        params.append(f["value"])

    if spec.get("since"):
        query += " AND occurred_at >= %s"
        params.append(date.fromisoformat(spec["since"]))

    query += " GROUP BY " + ", ".join(group_by)
    order = spec.get("order_by", "value")
    direction = "DESC" if spec.get("desc", True) else "ASC"
    query += f" ORDER BY {order} {direction} LIMIT {int(spec.get('limit', 100))}"
    return sql.SQL(query), params'''), ('analytics/reports/api.py', '''
from fastapi import APIRouter, Depends
from .builder import build_report_query
from ..auth import current_workspace
from ..db import pool

router = APIRouter()


@router.post("/reports/custom")
async def custom_report(spec: dict, workspace=Depends(current_workspace)):
    query, params = build_report_query(workspace.id, spec)
    async with pool.connection() as conn:
        cur = await conn.execute(query, params)
        return {"rows": await cur.fetchall()}''')], lang=None)

t('complex', 'coverage-analysis', "our checkout tests cover the happy path and 'card declined'. that's it. states are: cart -> address -> shipping_selected -> payment_pending -> (3ds_challenge) -> authorized -> captured -> fulfilled, plus failed, expired (payment_pending or 3ds idle > 30 min), cancelled (by user before capture, or by ops after capture -> triggers refund), partially_refunded, refunded, and 'disputed' which can happen from captured/fulfilled/partially_refunded. inventory is reserved at payment_pending and released on failed/expired/cancelled. which transitions are untested, which ones are dangerous (money or stock), and give me a prioritised test matrix incl. the weird ones like a 3ds callback arriving after expiry or a capture webhook arriving twice", [], reqs=['state machine lives in src/checkout/machine.ts (xstate v5)'], fw='vitest')

# why: line coverage is 94%, but what is untested is the concurrency behaviour (lock lost mid-work, extend racing release, redis errors inside the interval) that line coverage cannot show.
t('complex', 'coverage-analysis', "coverage on our redis lock helper is 94% and my lead says that's good enough. is it? what's actually not being exercised here and what tests would you add", [('src/lib/lock.ts', '''
import type Redis from 'ioredis';
import { randomUUID } from 'node:crypto';

const RELEASE = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end`;
const EXTEND = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) else return 0 end`;

export class LockBusyError extends Error {}
export class LockLostError extends Error {}

export async function withLock<T>(
  redis: Redis,
  key: string,
  ttlMs: number,
  fn: (signal: AbortSignal) => Promise<T>,
): Promise<T> {
  const token = randomUUID();
  const ok = await redis.set(key, token, 'PX', ttlMs, 'NX');
  if (ok !== 'OK') throw new LockBusyError(key);

  const ctrl = new AbortController();
  const timer = setInterval(async () => {
    const extended = await redis.eval(EXTEND, 1, key, token, ttlMs);
    if (extended === 0) {
      ctrl.abort(new LockLostError(key));
      clearInterval(timer);
    }
  }, ttlMs / 3);

  try {
    return await fn(ctrl.signal);
  } finally {
    clearInterval(timer);
    await redis.eval(RELEASE, 1, key, token);
  }
}'''), ('coverage/lock.txt', '''
File        | % Stmts | % Branch | % Funcs | % Lines | Uncovered Line #s
------------|---------|----------|---------|---------|-------------------
 lib/lock.ts |   94.11 |       75 |     100 |   94.11 | 25-26''')], fw='vitest')

# why: property-based test design for an ordering-key algorithm whose invariants (strictly between, no dead ends at the bottom of the keyspace, bounded growth) are subtle; the surviving mutants only hint at them.
t('complex', 'coverage-analysis', "stryker run on the fractional index we use for ordering cards in the collab board. a bunch of mutants survived. what invariants are our tests not checking? I'd like property tests that would have killed these", [('src/board/keyBetween.ts', '''
const DIGITS = '0123456789abcdefghijklmnopqrstuvwxyz';
const BASE = DIGITS.length;

// Returns a key that sorts strictly between a and b. '' for a means "start", '' for b means "end".
export function keyBetween(a: string, b: string): string {
  if (b && a >= b) throw new RangeError(`${a} >= ${b}`);
  let out = '';
  for (let i = 0; ; i++) {
    const da = i < a.length ? DIGITS.indexOf(a[i]) : 0;
    const db = b && i < b.length ? DIGITS.indexOf(b[i]) : BASE;
    if (da === db) {
      out += DIGITS[da];
      continue;
    }
    const mid = Math.floor((da + db) / 2);
    if (mid > da) return out + DIGITS[mid];
    out += DIGITS[da];
  }
}'''), ('reports/stryker-survivors.txt', '''
Mutant survived: src/board/keyBetween.ts:6:7   ConditionalExpression  "b && a >= b" -> "false"
Mutant survived: src/board/keyBetween.ts:6:16  EqualityOperator       "a >= b" -> "a > b"
Mutant survived: src/board/keyBetween.ts:10:43 ConditionalExpression  "i < a.length ? DIGITS.indexOf(a[i]) : 0" -> "DIGITS.indexOf(a[i])"
Mutant survived: src/board/keyBetween.ts:16:16 ArithmeticOperator     "Math.floor((da + db) / 2)" -> "Math.ceil((da + db) / 2)"
Mutant survived: src/board/keyBetween.ts:17:9  EqualityOperator       "mid > da" -> "mid >= da"
Mutation score: 61.54% (killed 8, survived 5, no coverage 0)
Tests: test/board/keyBetween.test.ts  (4 tests: insert at start, insert at end, between 'a' and 'c', throws when a >= b)''')], reqs=['fast-check'], fw='vitest')

t('complex', 'quality-gate', "canary for release 2024.03.15 has been at 10% for 40 min across all services. go / rollback per service? note auth-svc v3.2 changed the access token format (added a `tid` claim, old tokens still accepted) and gateway + billing + collab all validate tokens. my gut says the gateway errors are auth's fault but idk", [('canary/report.txt', '''
service        version  metric                  baseline   canary    threshold
api-gateway    1.41.0   5xx rate                0.08%      0.61%     <0.5%
api-gateway    1.41.0   p99 latency             420ms      455ms     <500ms
auth-svc       3.2.0    5xx rate                0.02%      0.03%     <0.5%
auth-svc       3.2.0    token refresh p99       95ms       310ms     <250ms
auth-svc       3.2.0    login success rate      98.9%      98.7%     >98%
billing-svc    5.7.1    5xx rate                0.11%      0.12%     <0.5%
billing-svc    5.7.1    invoice.paid processed  100%       100%      =100%
collab-svc     2.9.0    ws connect success      99.6%      97.1%     >99%
collab-svc     2.9.0    ws reconnects / min     210        1840      <600
uploads-svc    1.12.3   5xx rate                0.20%      0.19%     <0.5%
notify-worker  4.4.0    queue lag p95           3s         4s        <30s
search-svc     0.18.0   p95 latency             180ms      170ms     <300ms

gateway 5xx breakdown (canary): 401->502 upstream_auth_timeout 71%, 503 collab_ws_upgrade 22%, other 7%
auth-svc: redis cluster CPU 38% -> 71% since canary start; new code path caches tid lookups in redis with 60s TTL
collab-svc: closes socket with 4401 when token missing `tid` and cached session is older than canary start''')], lang=None)

t('complex', 'quality-gate', "can the new password reset flow go out friday? pentest summary + our test report below. I need a yes/no with conditions, and if no, the minimum we'd have to fix", [('security/pentest-reset-flow.md', '''
# Pentest: password reset v2 (2024-03-11)

| # | finding | severity (vendor) | status |
|---|---------|-------------------|--------|
| 1 | Reset token present in URL; page loads third-party analytics script -> token leaks via Referer | Medium | open |
| 2 | /auth/reset/request responds 40-60ms slower for existing accounts (user enumeration) | Low | open |
| 3 | No rate limit on /auth/reset/request per email or per IP | Medium | open |
| 4 | Reset token not invalidated after successful password change (reusable within 1h TTL) | High | fixed, retest pending |
| 5 | Existing sessions are not revoked after reset | Medium | open |
| 6 | Reset email link uses Host header to build the URL | High | open |
| 7 | Token is 6-digit numeric code as alternative path in mobile app, 10 attempts allowed | Medium | accepted risk (PM) |'''), ('ci/reset-flow-tests.txt', '''
 ✓ test/auth/reset.request.test.ts (9 tests)
 ✓ test/auth/reset.confirm.test.ts (12 tests)
 ✓ test/auth/reset.token.test.ts (7 tests)
   ✓ token is single use  (added 2024-03-12)
 ↓ test/auth/reset.sessions.test.ts (3 tests | 3 skipped)
 ✓ e2e/reset.spec.ts (4 tests)
 Tests  32 passed | 3 skipped (35)
 Coverage src/auth/reset/**: lines 91.2%  branches 78.4%''')], lang=None)

t('complex', 'test-execution', "run the scheduler chaos suite 5x against the compose stack (`npm run chaos:scheduler -- --nemesis partition,clock-skew --duration 300`) and tell me whether any of the failures are real double-executions of a job or just harness noise. output from yesterday's run is below for reference. the scheduler uses a redis lock with fencing tokens checked by the job runner", [('chaos/run-0314.txt', '''
[nemesis] 00:00:00 start: 3 schedulers (s1 s2 s3), 1 redis primary + 1 replica (sentinel), 2 runners
[nemesis] 00:01:12 partition {s1} | {s2 s3 redis runners}
[nemesis] 00:01:40 heal
[nemesis] 00:02:05 clock-skew s2 +9s
[nemesis] 00:02:50 sentinel failover redis-primary -> redis-replica
[nemesis] 00:03:30 clock-skew s2 reset
[checker] jobs scheduled: 1200  executed: 1203  missed: 0
[checker] anomaly: job nightly-invoices@00:01:30 executed by runner r1 (fence 812) and runner r2 (fence 811)
[checker] anomaly: job digest-emails@00:02:55 executed by r1 (fence 901) and r1 (fence 902)
[checker] anomaly: job cleanup-uploads@00:03:01 executed by r2 (fence 903) and r2 (fence 903)  [harness: duplicate log line?]
[checker] fence monotonicity: VIOLATED at 00:02:52 (fence 902 issued after 917)
[checker] RESULT: FAIL (3 anomalies)''')])

# why: "run and report", but deciding which compensations misbehaved needs understanding of saga semantics across three services and their idempotency.
t('complex', 'test-execution', "run the checkout saga fault-injection tests (`npm run test:saga -- --faults all`) and tell me which compensations misbehaved. orchestrator is in orders-svc, it calls inventory-svc reserve -> payments-svc authorize -> capture -> inventory commit, with compensations release/void/refund. toxiproxy injects timeouts + dropped responses. output from the last run so you know what it looks like", [('ci/saga-faults.txt', '''
 ✓ saga > happy path (412ms)
 ✓ saga > inventory reserve timeout -> order failed, nothing to compensate
 ✓ saga > authorize declined -> release inventory
 × saga > authorize response dropped (payment actually authorized) -> void + release
   expected payments.authorizations[ord_77].status to be 'voided' but got 'authorized'
   orders-svc log: authorize timeout after 3000ms, retrying with new idempotency key
 × saga > capture timeout after capture succeeded -> should not refund, should continue
   expected order ord_81 status 'completed' but got 'refunded'
   payments-svc: capture ch_81 ok; refund ch_81 ok (reason: saga_compensation)
 ✓ saga > inventory commit fails -> refund + release
 × saga > orders-svc crash between capture and commit -> resume on restart
   expected inventory.reservations[ord_90] to be 'committed' but got 'expired'
   orders-svc: recovered 1 in-flight saga at step 'capture' -> re-sent capture -> 409 already_captured -> marked failed
 ✓ saga > duplicate checkout request -> single saga
 Tests  3 failed | 6 passed (9)''')], fw='vitest')

t('complex', 'performance-testing', "how do we load test the collab websocket server properly? setup: node + ws, 6 pods behind an ALB with sticky sessions, redis pub/sub fan-out between pods, docs can have up to 200 concurrent editors, presence heartbeat every 5s, cursor updates throttled to 20/s per client. I want to know the max connections per pod, fan-out latency p99 for a 200-editor doc (target < 300ms), and what happens in a reconnect storm when we deploy and 30k clients reconnect in a minute. design the tests + what to measure server side", [], reqs=['k6 websockets (k6/experimental/websockets)', 'we can run load generators from 3 regions'], fw='k6', lang='javascript')

t('complex', 'flaky-test-analysis', "TestDispatcherDeliversAll fails like 1/20 in ci, sometimes with 'send on closed channel' panic, sometimes count mismatch. -race output attached. what's going on and how do I fix the dispatcher (not just the test)", [('services/webhooks/dispatch/dispatcher.go', '''
package dispatch

import (
	"context"
	"sync"
)

type Event struct {
	ID       string
	Endpoint string
	Body     []byte
}

type Sender func(ctx context.Context, e Event) error

type Dispatcher struct {
	in        chan Event
	send      Sender
	workers   int
	wg        sync.WaitGroup
	delivered int
	failed    []string
}

func New(send Sender, workers int) *Dispatcher {
	return &Dispatcher{in: make(chan Event, 64), send: send, workers: workers}
}

func (d *Dispatcher) Start(ctx context.Context) {
	for i := 0; i < d.workers; i++ {
		go func() {
			d.wg.Add(1)
			defer d.wg.Done()
			for e := range d.in {
				if err := d.send(ctx, e); err != nil {
					d.failed = append(d.failed, e.ID)
					continue
				}
				d.delivered++
			}
		}()
	}
}

func (d *Dispatcher) Submit(e Event) { d.in <- e }

func (d *Dispatcher) Stop() (int, []string) {
	close(d.in)
	d.wg.Wait()
	return d.delivered, d.failed
}'''), ('services/webhooks/dispatch/dispatcher_test.go', '''
func TestDispatcherDeliversAll(t *testing.T) {
	d := New(func(ctx context.Context, e Event) error { return nil }, 8)
	d.Start(context.Background())
	for i := 0; i < 500; i++ {
		go d.Submit(Event{ID: fmt.Sprint(i)})
	}
	n, failed := d.Stop()
	if n != 500 || len(failed) != 0 {
		t.Fatalf("delivered=%d failed=%d", n, len(failed))
	}
}'''), ('ci/go-test-race.txt', '''
==================
WARNING: DATA RACE
Read at 0x00c0001a6078 by goroutine 14:
  example.com/webhooks/dispatch.(*Dispatcher).Start.func1()
      /src/dispatch/dispatcher.go:39 +0x1b4
Previous write at 0x00c0001a6078 by goroutine 12:
  example.com/webhooks/dispatch.(*Dispatcher).Start.func1()
      /src/dispatch/dispatcher.go:39 +0x1c8
==================
--- FAIL: TestDispatcherDeliversAll (0.01s)
    dispatcher_test.go:10: delivered=431 failed=0
    testing.go:1465: race detected during execution of test
panic: send on closed channel

goroutine 377 [running]:
example.com/webhooks/dispatch.(*Dispatcher).Submit(...)
	/src/dispatch/dispatcher.go:44
FAIL	example.com/webhooks/dispatch	0.214s''')], lang=None)
