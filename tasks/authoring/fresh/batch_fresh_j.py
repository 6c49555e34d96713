from lib import t, lines

# Fresh evaluation batch j, written to the rubric in docs/tasks.md (tier = the cheapest model tier that reliably
# does the task well). Persona: a first-year junior developer (mostly JS/TS with Express or Next.js, some Python)
# writing informal, sometimes vague requests, misnaming things now and then, pasting too much or too little.
# Domains: todo apps grown into products, school portals, small e-shops, Discord bots, booking widgets, dashboards.

# ======================================================================================================== simple

t('simple', 'test-generation', "hi! can u write jest tests for this formatPrice thing from our little shop? my lead says every util needs tests before merge lol", [('utils/formatPrice.js', '''
function formatPrice(cents, currency = 'USD') {
  if (typeof cents !== 'number' || Number.isNaN(cents)) return '';
  const sign = cents < 0 ? '-' : '';
  const symbol = currency === 'EUR' ? '\u20ac' : '$';
  return `${sign}${symbol}${(Math.abs(cents) / 100).toFixed(2)}`;
}

module.exports = { formatPrice };''')], fw='jest', lang='javascript')

t('simple', 'test-generation', "we're moving the todo app from mocha+chai to vitest and I got this file assigned. it's long sorry!! can you just rewrite it for vitest, same tests, don't change what they check", [('test/filterTodos.spec.js', '''
const { expect } = require('chai');
const { filterTodos } = require('../src/filterTodos');
const todos = require('./fixtures/todos.json');

describe('filterTodos', () => {
  beforeEach(() => {
    todos.forEach((t) => { t.archived = false; });
  });

''' + lines(26, lambda i: f"""  it('keeps only todos tagged tag{i}', () => {{
    const out = filterTodos(todos, {{ tag: 'tag{i}' }});
    expect(out).to.have.lengthOf({i % 5});
    expect(out.every((t) => t.tags.includes('tag{i}'))).to.be.true;
  }});
""") + '''
  it('returns an empty array for an unknown tag', () => {
    expect(filterTodos(todos, { tag: 'nope' })).to.deep.equal([]);
  });
});''')], fw='vitest', lang='javascript')

t('simple', 'test-execution', "can you run the discord bot tests again? they failed on my laptop this morning but I think I was on the wrong node version. just tell me if they pass now, nothing else", [], fw='jest', lang='javascript')

t('simple', 'test-execution', "ok so I pasted the whole jest output below (sorry its huge). which tests failed? just the names please, I'll look at them after lunch", [('jest-output.txt', 'PASS  src/components/__tests__/Header.test.tsx\n' + lines(110, lambda i: (f"  \u2715 Dashboard widget {i} renders chart ({40 + i} ms)" if i in (13, 58, 91) else f"  \u2713 Dashboard widget {i} renders chart ({12 + i % 30} ms)")) + '''

Tests:       3 failed, 107 passed, 110 total
Snapshots:   0 total
Time:        14.882 s
Ran all test suites.''')], lang=None)

t('simple', 'test-execution', "pls run `npx vitest run src/cart` and tell me how many passed and how many failed. don't fix anything, I just need the numbers for standup", [], fw='vitest')

t('simple', 'coverage-analysis', "which files are under 50% line coverage in this? just list them, the report is from the dashboard repo", [('coverage/coverage-summary.txt', 'File                                   | % Stmts | % Branch | % Funcs | % Lines\n' + lines(64, lambda i: f"src/components/widgets/Widget{i:02d}.tsx        |   {(i * 37) % 100:5.1f} |    {(i * 23) % 100:5.1f} |   {(i * 41) % 100:5.1f} |   {(i * 37 + 3) % 100:5.1f}"))], lang=None)

t('simple', 'coverage-analysis', "what functions in this file never ran in the tests? the numbers after the names are hit counts I think", [('coverage/notifications.fn.txt', '''
src/lib/notifications.ts
  fn  sendWelcomeEmail        hits: 14
  fn  sendPasswordChanged     hits: 3
  fn  sendWeeklyDigest        hits: 0
  fn  formatDigestItem        hits: 0
  fn  unsubscribeLink         hits: 9
  fn  queueSms                hits: 0''')], lang=None)

t('simple', 'coverage-analysis', "quick one, which folder has the lowest branch coverage in this json? school portal repo", [('coverage/coverage-summary.json', '''
{
  "src/grades":       { "lines": { "pct": 88.2 }, "branches": { "pct": 74.5 } },
  "src/attendance":   { "lines": { "pct": 79.0 }, "branches": { "pct": 61.3 } },
  "src/timetable":    { "lines": { "pct": 91.4 }, "branches": { "pct": 83.0 } },
  "src/messages":     { "lines": { "pct": 70.6 }, "branches": { "pct": 58.9 } },
  "src/parents":      { "lines": { "pct": 84.1 }, "branches": { "pct": 66.7 } },
  "src/admin":        { "lines": { "pct": 62.3 }, "branches": { "pct": 59.4 } }
}''')], lang=None)

t('simple', 'quality-gate', "our CI rule is no failing tests and coverage at least 80%. I got 214 passed, 0 failed, coverage 79.6%. can I merge?? please say yes", [], lang=None)

LINT = ["Unexpected console statement  no-console", "React Hook useEffect has a missing dependency  react-hooks/exhaustive-deps",
        "Unexpected any. Specify a different type  @typescript-eslint/no-explicit-any", "'e' is defined but never used  @typescript-eslint/no-unused-vars"]
t('simple', 'quality-gate', "the gate is zero eslint errors (warnings are fine). here's the lint output, does it pass? and how many errors vs warnings are there", [('lint/eslint.txt', lines(92, lambda i: f"src/pages/booking/step{i % 7}.tsx\n  {10 + i}:{3 + i % 9}  {'error' if i in (22, 67) else 'warning'}  {LINT[i % 4]}") + '\n\n\u2716 92 problems (2 errors, 90 warnings)')], lang=None)

t('simple', 'flaky-test-analysis', "I exported the last 60 CI runs. can you count how many times each test failed and put it in a table? I'll figure out which ones are flaky myself after", [('ci/history.csv', 'run,test,result\n' + lines(60, lambda i: f"{4810 + i},{['checkout adds coupon', 'login redirects', 'search debounces', 'profile saves avatar'][i % 4]},{'fail' if i % 7 == 0 or i % 11 == 3 else 'pass'}"))], lang=None)

t('simple', 'flaky-test-analysis', "from this playwright report, which tests only passed after a retry? just list them pls", [('playwright-report/summary.json', '''
{
  "suites": [
    { "title": "auth", "specs": [
      { "title": "logs in with email", "results": [ { "status": "passed", "retry": 0 } ] },
      { "title": "shows error on bad password", "results": [ { "status": "failed", "retry": 0 }, { "status": "passed", "retry": 1 } ] }
    ]},
    { "title": "shop", "specs": [
      { "title": "adds item to cart", "results": [ { "status": "passed", "retry": 0 } ] },
      { "title": "applies discount code", "results": [ { "status": "failed", "retry": 0 }, { "status": "failed", "retry": 1 }, { "status": "passed", "retry": 2 } ] },
      { "title": "checkout as guest", "results": [ { "status": "timedOut", "retry": 0 }, { "status": "passed", "retry": 1 } ] }
    ]},
    { "title": "account", "specs": [
      { "title": "changes display name", "results": [ { "status": "passed", "retry": 0 } ] }
    ]}
  ]
}''')], lang=None)

t('simple', 'security-scan', "npm audit gave me this wall of text. can you list only the packages that are high or critical? don't need fixes yet, my lead wants the list first", [('audit.txt', lines(16, lambda i: f"""# npm audit report

{['lodash', 'minimist', 'axios', 'semver', 'tough-cookie', 'json5', 'qs', 'follow-redirects', 'word-wrap', 'ip', 'braces', 'ws', 'postcss', 'nanoid', 'path-to-regexp', 'cookie'][i]}  <{i + 1}.{i % 3}.0
Severity: {['high', 'low', 'moderate', 'moderate', 'critical', 'high', 'moderate', 'low', 'moderate', 'high', 'high', 'moderate', 'moderate', 'low', 'high', 'low'][i]}
Advisory text for this package goes here - https://github.com/advisories/GHSA-xxxx-{i:04d}
fix available via `npm audit fix`
node_modules/{['lodash', 'minimist', 'axios', 'semver', 'tough-cookie', 'json5', 'qs', 'follow-redirects', 'word-wrap', 'ip', 'braces', 'ws', 'postcss', 'nanoid', 'path-to-regexp', 'cookie'][i]}
""") + '\n16 vulnerabilities (4 low, 6 moderate, 5 high, 1 critical)')], lang=None)

# why: it is "security", but the whole job is spotting a literal token and client secret in a 10-line config
# before a repo goes public; no flow or subtle reasoning is involved.
t('simple', 'security-scan', "making our discord bot repo public tonight!! is there anything secret in this file that shouldn't go on github?", [('config.js', '''
module.exports = {
  prefix: '!',
  token: 'MTA4NzQ1MjQxOTg3NjU0MzIxMA.GhY2kP.x7Qe0vLr9TzNwq3aBcD_4fHjKlMnOpQrStUvWx',
  clientId: '1087452419876543210',
  clientSecret: 'p9Xv3s_7QdLmA2wZrT8yKcN1bHeF0uJg',
  guildId: '998877665544332211',
  embedColor: '#5865F2',
};''')], lang='javascript')

t('simple', 'performance-testing', "did a speed test on the api with autocannon. what's the average latency and the average req/sec? I need to put them in a slide", [('bench/autocannon.txt', '''
Running 30s test @ http://localhost:3000/api/todos
100 connections

+---------+-------+-------+-------+-------+----------+---------+--------+
| Stat    | 2.5%  | 50%   | 97.5% | 99%   | Avg      | Stdev   | Max    |
+---------+-------+-------+-------+-------+----------+---------+--------+
| Latency | 18 ms | 24 ms | 61 ms | 88 ms | 27.14 ms | 12.3 ms | 412 ms |
+---------+-------+-------+-------+-------+----------+---------+--------+
+-----------+--------+--------+---------+---------+---------+--------+--------+
| Stat      | 1%     | 2.5%   | 50%     | 97.5%   | Avg     | Stdev  | Min    |
+-----------+--------+--------+---------+---------+---------+--------+--------+
| Req/Sec   | 2,911  | 2,911  | 3,702   | 4,015   | 3,651.4 | 221.8  | 2,910  |
| Bytes/Sec | 1.2 MB | 1.2 MB | 1.54 MB | 1.67 MB | 1.52 MB | 92 kB  | 1.2 MB |
+-----------+--------+--------+---------+---------+---------+--------+--------+

110k requests in 30.03s, 45.6 MB read''')], lang=None)

t('simple', 'performance-testing', "can you turn this artillery summary into a markdown table (endpoint, p95, p99, errors)? it's for the README, no analysis needed", [('artillery/summary.txt', lines(14, lambda i: f"""--------------------------------
Endpoint: {['GET /api/products', 'GET /api/products/:id', 'POST /api/cart', 'GET /api/cart', 'POST /api/checkout', 'GET /api/orders', 'GET /api/categories', 'POST /api/login', 'GET /api/me', 'GET /api/search', 'POST /api/reviews', 'GET /api/reviews', 'DELETE /api/cart/:id', 'GET /api/health'][i]}
http.response_time.p50: {20 + i * 3}
http.response_time.p95: {60 + i * 11}
http.response_time.p99: {120 + i * 17}
http.codes.200: {1800 - i * 20}
errors.ETIMEDOUT: {i % 3}"""))], lang=None)

t('simple', 'defect-analysis', "the cart total is wrong, it's always missing something?? test says expected 42 received 30. what did I do", [('src/cart/total.ts', '''
export interface Line { price: number; qty: number }

export function cartTotal(items: Line[]): number {
  let total = 0;
  for (let i = 1; i < items.length; i++) {
    total += items[i].price * items[i].qty;
  }
  return total;
}''')], fw='vitest')

t('simple', 'defect-analysis', "our next.js dashboard crashes with this. which file and line in OUR code is it coming from? (not node_modules)", [('logs/crash.txt', '''
 \u2a2f TypeError: Cannot read properties of undefined (reading 'map')
    at eval (webpack-internal:///(rsc)/./node_modules/react-dom/cjs/react-dom-server.edge.development.js:1203:18)
    at renderElement (webpack-internal:///(rsc)/./node_modules/react-dom/cjs/react-dom-server.edge.development.js:5891:14)
    at renderNodeDestructive (webpack-internal:///(rsc)/./node_modules/react-dom/cjs/react-dom-server.edge.development.js:6032:11)
    at SalesTable (webpack-internal:///(rsc)/./app/dashboard/components/SalesTable.tsx:27:32)
    at renderWithHooks (webpack-internal:///(rsc)/./node_modules/react-dom/cjs/react-dom-server.edge.development.js:4012:18)
    at renderIndeterminateComponent (webpack-internal:///(rsc)/./node_modules/react-dom/cjs/react-dom-server.edge.development.js:4101:15)
    at renderElement (webpack-internal:///(rsc)/./node_modules/react-dom/cjs/react-dom-server.edge.development.js:5902:7)
    at async Page (webpack-internal:///(rsc)/./app/dashboard/page.tsx:14:20)
    at async Promise.all (index 0)
    at async processTicksAndRejections (node:internal/process/task_queues:95:5)
digest: "3918462711"''')], lang=None)

# ======================================================================================================== medium

t('medium', 'test-generation', "can u write tests for my todos routes? jest + supertest. I guess I have to mock the Todo model? I don't want it hitting the real mongo. the 404 and validation stuff matter most", [('routes/todos.js', '''
const express = require('express');
const Todo = require('../models/Todo');
const requireUser = require('../middleware/requireUser');

const router = express.Router();
router.use(requireUser);

router.get('/', async (req, res, next) => {
  try {
    const { done, page = 1 } = req.query;
    const filter = { owner: req.user.id };
    if (done === 'true') filter.done = true;
    if (done === 'false') filter.done = false;
    const limit = 20;
    const todos = await Todo.find(filter)
      .sort({ createdAt: -1 })
      .skip((Number(page) - 1) * limit)
      .limit(limit);
    res.json(todos);
  } catch (err) {
    next(err);
  }
});

router.post('/', async (req, res, next) => {
  const { title, dueDate } = req.body;
  if (!title || typeof title !== 'string' || title.trim().length === 0) {
    return res.status(400).json({ error: 'title is required' });
  }
  if (title.length > 200) {
    return res.status(400).json({ error: 'title too long' });
  }
  if (dueDate && Number.isNaN(Date.parse(dueDate))) {
    return res.status(400).json({ error: 'invalid dueDate' });
  }
  try {
    const todo = await Todo.create({ title: title.trim(), dueDate, owner: req.user.id });
    res.status(201).json(todo);
  } catch (err) {
    next(err);
  }
});

router.patch('/:id', async (req, res, next) => {
  try {
    const todo = await Todo.findOne({ _id: req.params.id, owner: req.user.id });
    if (!todo) return res.status(404).json({ error: 'not found' });
    if (req.body.title !== undefined) todo.title = String(req.body.title).trim();
    if (req.body.done !== undefined) todo.done = Boolean(req.body.done);
    await todo.save();
    res.json(todo);
  } catch (err) {
    if (err.name === 'CastError') return res.status(404).json({ error: 'not found' });
    next(err);
  }
});

router.delete('/:id', async (req, res, next) => {
  try {
    const result = await Todo.deleteOne({ _id: req.params.id, owner: req.user.id });
    if (result.deletedCount === 0) return res.status(404).json({ error: 'not found' });
    res.status(204).end();
  } catch (err) {
    next(err);
  }
});

module.exports = router;''')], fw='jest', lang='javascript')

# why: under 15 lines of pure code, but what "a day late" means (grace period, the ceil, the 50% cap, rounding,
# submissions across a DST change) is policy you have to read carefully to pick the cases; not a mechanical add-asserts job.
t('medium', 'test-generation', "teacher portal thing. need vitest tests for the late penalty function. rules from the school: 10% off per day late, max 50% off, 15 min grace after the deadline. I'm not sure my code even matches the rules tbh so tests should check the rules not my code", [('src/grading/latePenalty.ts', '''
const GRACE_MS = 15 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

export function applyLatePenalty(score: number, dueAt: Date, submittedAt: Date): number {
  const lateMs = submittedAt.getTime() - dueAt.getTime() - GRACE_MS;
  if (lateMs <= 0) return score;
  const daysLate = Math.ceil(lateMs / DAY_MS);
  const penalty = Math.min(daysLate * 0.1, 0.5);
  return Math.round(score * (1 - penalty) * 10) / 10;
}''')], reqs=['rules come from the school handbook, not from the code'], fw='vitest')

t('medium', 'test-generation', "some python for a change: this imports products from the supplier's CSV into our shop. can you write pytest tests? the supplier sends weird stuff sometimes (empty prices, commas in names, euro format like 12,50)", [('importer/products_csv.py', '''
import csv
import io
from decimal import Decimal, InvalidOperation

REQUIRED = ("sku", "name", "price")


class ImportError_(Exception):
    pass


def parse_price(raw: str) -> Decimal:
    raw = (raw or "").strip().replace("\\u20ac", "").replace(" ", "")
    if not raw:
        raise ValueError("empty price")
    if "," in raw and "." in raw:
        raw = raw.replace(".", "").replace(",", ".")
    elif "," in raw:
        raw = raw.replace(",", ".")
    try:
        value = Decimal(raw)
    except InvalidOperation:
        raise ValueError(f"bad price: {raw!r}")
    if value < 0:
        raise ValueError("negative price")
    return value.quantize(Decimal("0.01"))


def import_products(text: str):
    reader = csv.DictReader(io.StringIO(text), delimiter=";")
    missing = [c for c in REQUIRED if c not in (reader.fieldnames or [])]
    if missing:
        raise ImportError_(f"missing columns: {', '.join(missing)}")
    ok, errors, seen = [], [], set()
    for lineno, row in enumerate(reader, start=2):
        sku = (row.get("sku") or "").strip().upper()
        if not sku:
            errors.append((lineno, "missing sku"))
            continue
        if sku in seen:
            errors.append((lineno, f"duplicate sku {sku}"))
            continue
        try:
            price = parse_price(row.get("price"))
        except ValueError as e:
            errors.append((lineno, str(e)))
            continue
        seen.add(sku)
        stock = row.get("stock", "").strip()
        ok.append({
            "sku": sku,
            "name": row["name"].strip(),
            "price": price,
            "stock": int(stock) if stock.isdigit() else 0,
        })
    return ok, errors''')], fw='pytest', lang=None)

t('medium', 'test-execution', "can you run the booking API integration tests against the test db? (docker compose -f docker-compose.test.yml up first). some of them fail on my machine and I think it's env stuff, can you tell me which failures are env problems and which are real bugs?", [('docker-compose.test.yml', '''
services:
  test-db:
    image: postgres:16
    environment:
      POSTGRES_USER: booking
      POSTGRES_PASSWORD: booking
      POSTGRES_DB: booking_test
    ports:
      - "5433:5432"
  redis:
    image: redis:7
    ports:
      - "6380:6379"'''), ('last-run.txt', '''
FAIL tests/integration/bookings.test.ts
  \u25cf POST /bookings \u203a creates a booking for a free slot
    connect ECONNREFUSED 127.0.0.1:5432
  \u25cf POST /bookings \u203a rejects a slot in the past
    connect ECONNREFUSED 127.0.0.1:5432
FAIL tests/integration/availability.test.ts
  \u25cf GET /availability \u203a returns slots in the venue timezone
    expect(received).toEqual(expected)
    - "2024-03-31T09:00:00+02:00"
    + "2024-03-31T09:00:00+01:00"
FAIL tests/integration/reminders.test.ts
  \u25cf reminders \u203a enqueues a reminder 24h before
    Error: Redis connection to localhost:6379 failed - connect ECONNREFUSED
Tests: 4 failed, 31 passed, 35 total''')], fw='jest')

t('medium', 'test-execution', "I bumped zod from v3 to the new one and now like 30 tests fail 😭 can you run the whole vitest suite and group the failures by what's actually causing them? I don't know where to start", [('vitest-failures-excerpt.txt', '''
 FAIL  src/forms/signup.schema.test.ts > rejects short passwords
AssertionError: expected 'String must contain at least 8 character(s)' to be 'Too small: expected string to have >=8 characters'
 FAIL  src/forms/signup.schema.test.ts > rejects bad email
AssertionError: expected 'Invalid email' to be 'Invalid email address'
 FAIL  src/api/parseQuery.test.ts > coerces page to number
TypeError: z.string(...).nonempty is not a function
 FAIL  src/api/parseQuery.test.ts > default sort
TypeError: Cannot read properties of undefined (reading 'issues')
 FAIL  src/api/errors.test.ts > formats ZodError
TypeError: err.errors is not iterable
 FAIL  src/booking/slot.schema.test.ts > rejects end before start
AssertionError: expected [ 'end' ] to deeply equal [ 'end', 'custom' ]
... (24 more)''')], fw='vitest')

t('medium', 'coverage-analysis', "coverage for packages/api is kinda bad (61%). here's the report with the uncovered lines. which gaps should I write tests for first and what kind of tests? I have maybe 2 days", [('coverage/api-summary.txt', '''
File                          | % Lines | % Branch | Uncovered Line #s
------------------------------|---------|----------|---------------------------------
src/app.ts                    |   92.0  |   75.0   | 41-43
src/routes/products.ts        |   78.4  |   60.0   | 55-61, 88, 102-110
src/routes/orders.ts          |   44.1  |   31.2   | 23-30, 47-95, 120-141
src/routes/coupons.ts         |   38.6  |   25.0   | 12-58
src/services/stock.ts         |   70.3  |   50.0   | 34-39, 61-77
src/services/shipping.ts      |   55.5  |   40.0   | 18-22, 30-49
src/utils/money.ts            |  100.0  |  100.0   |
src/utils/slug.ts             |   66.6  |   50.0   | 9-11
src/middleware/errors.ts      |   50.0  |   33.3   | 14-27'''), ('notes.txt', '''
orders.ts 47-95 is the refund + cancel handlers
coupons.ts is the whole apply/validate logic (percentage, fixed, min basket, expiry)
shipping.ts 30-49 is the free shipping threshold and international rates
errors.ts 14-27 is the zod error + unknown error branches''')], lang=None)

t('medium', 'coverage-analysis', "branch coverage on discounts.ts is only 58% and I don't get which cases are missing. can you look at the code + uncovered branches and tell me what tests to add?", [('src/pricing/discounts.ts', '''
export type Customer = { tier: 'basic' | 'silver' | 'gold'; firstOrder: boolean; country: string };
export type Basket = { subtotal: number; items: number; code?: string };

const CODES: Record<string, { pct?: number; fixed?: number; minSubtotal?: number; expires: string }> = {
  WELCOME10: { pct: 10, expires: '2099-01-01' },
  SUMMER5: { fixed: 5, minSubtotal: 30, expires: '2024-09-01' },
  BULK15: { pct: 15, minSubtotal: 200, expires: '2099-01-01' },
};

export function discount(basket: Basket, customer: Customer, today = new Date()): number {
  let off = 0;

  if (customer.tier === 'gold') off += basket.subtotal * 0.1;
  else if (customer.tier === 'silver') off += basket.subtotal * 0.05;

  if (customer.firstOrder && basket.subtotal >= 20) off += 3;

  if (basket.code) {
    const c = CODES[basket.code.toUpperCase()];
    if (!c) throw new Error('unknown code');
    if (new Date(c.expires) < today) throw new Error('code expired');
    if (c.minSubtotal && basket.subtotal < c.minSubtotal) throw new Error('basket too small');
    if (c.pct) off += basket.subtotal * (c.pct / 100);
    else if (c.fixed) off += c.fixed;
  }

  if (basket.items >= 10 && customer.country !== 'US') off += 2;

  const capped = Math.min(off, basket.subtotal * 0.3);
  return Math.round(capped * 100) / 100;
}'''), ('coverage/discounts-branches.txt', '''
src/pricing/discounts.ts  Lines 83.3%  Branches 58.3%
  uncovered branches:
    line 13  else-if (silver)
    line 15  firstOrder && subtotal >= 20 (false-right)
    line 20  if (!c)
    line 21  expired
    line 22  minSubtotal (true)
    line 24  else if (c.fixed)
    line 27  items >= 10 && country !== 'US'
    line 29  cap applied''')])

t('medium', 'quality-gate', "release is friday. here are the gate rules and this week's numbers, can we ship or not? be honest lol", [('quality/gate-rules.md', '''
# Release gate (web + api)
- unit tests: 100% passing
- e2e: >= 98% passing; a test on the quarantine list may fail if it has an open ticket
- line coverage: >= 80% overall AND must not drop more than 1 point vs last release
- no open critical vulns; high vulns need a written waiver
- p95 of /api/checkout under 400ms in the staging load run
- bundle size of the web app under 250 kB gzipped'''), ('quality/this-week.txt', '''
unit:       1204 passed, 0 failed
e2e:        196 passed, 4 failed   (failed: checkout-guest [quarantined, TICKET-311], search-filters, login-sso [quarantined, no ticket], profile-avatar)
coverage:   81.2% (last release 82.6%)
vulns:      0 critical, 2 high (lodash.template - waiver signed; undici - no waiver yet)
load:       /api/checkout p95 = 372ms, p99 = 910ms
bundle:     241.8 kB gzipped''')], lang=None)

t('medium', 'quality-gate', "my PR fails the sonar quality gate but overall coverage is 82%?? here's what sonar says and our gate config. what is actually failing and what do I need to fix to get it green", [('sonar/gate.json', '''
{
  "name": "Team Gate",
  "conditions": [
    { "metric": "new_coverage", "op": "LT", "error": "80" },
    { "metric": "new_duplicated_lines_density", "op": "GT", "error": "3" },
    { "metric": "new_reliability_rating", "op": "GT", "error": "1" },
    { "metric": "new_security_hotspots_reviewed", "op": "LT", "error": "100" },
    { "metric": "new_maintainability_rating", "op": "GT", "error": "1" }
  ]
}'''), ('sonar/pr-482.txt', '''
Overall code:  coverage 82.0%  duplications 2.1%  bugs 14  vulns 0  code smells 311
New code (PR #482, 9 files, 412 new lines):
  coverage on new code             61.4%
  duplicated lines on new code     4.8%   (src/booking/WeekView.tsx and src/booking/DayView.tsx)
  reliability rating               A
  security hotspots reviewed       0%     (1 hotspot: Math.random used for booking reference)
  maintainability rating           A      (7 new code smells)''')], lang=None)

t('medium', 'quality-gate', "lead asked me to check the release checklist for the school portal (next.js). I filled in the numbers below, can you go through each item and say pass/fail and if the release is go or no-go?", [('release/checklist.md', '''
| item                                   | target                     | actual                                  |
|----------------------------------------|----------------------------|-----------------------------------------|
| Lighthouse performance (home, mobile)  | >= 85                      | 88                                      |
| Lighthouse accessibility (all pages)   | >= 95                      | home 98, grades 97, timetable 91        |
| Playwright e2e (chromium, firefox)     | all green                  | chromium green, firefox 1 failed (print)|
| Unit coverage (lines)                  | >= 75% and not lower       | 77.3% (prev 76.9%)                      |
| First Load JS, /grades                 | <= 180 kB                  | 176 kB                                  |
| Open P1 bugs                           | 0                          | 1 (parents can't see attendance on iOS) |
| Dependency audit                       | no high/critical in prod   | 1 high in devDependencies only          |''')], lang=None)

t('medium', 'flaky-test-analysis', "there's a bug in our login test, it fails like 1 in 5 on CI but never on my laptop. I pasted the test and the CI log. is the app broken or the test?", [('e2e/login.spec.ts', '''
import { test, expect } from '@playwright/test';

test('user can log in and sees dashboard', async ({ page }) => {
  await page.goto('/login');
  await page.fill('#email', 'demo@school.test');
  await page.fill('#password', 'demo1234');
  await page.click('button[type=submit]');
  await page.waitForTimeout(1000);
  const toast = page.locator('.toast');
  await expect(toast).toHaveText('Welcome back!');
  await page.click('text=Dashboard');
  await expect(page).toHaveURL(/\\/dashboard/);
});'''), ('ci/login-fail.log', '''
Running 1 test using 1 worker
  \u2718  [chromium] \u203a login.spec.ts:3:5 \u203a user can log in and sees dashboard (6.2s)

  Error: Timed out 5000ms waiting for expect(locator).toHaveText(expected)
    Locator: locator('.toast')
    Expected string: "Welcome back!"
    Received: <element(s) not found>
    Call log:
      - waiting for locator('.toast')

  trace: POST /api/auth/login 200 in 1480ms
  trace: toast mounted at +1510ms, unmounted at +4510ms (autoHideMs=3000)
  trace: expect started at +1003ms''')], fw='playwright')

t('medium', 'flaky-test-analysis', "getDueLabel test is broken only sometimes?? nobody touched it. it passed all day and then failed in the nightly. log + code below", [('src/todos/dueLabel.ts', '''
export function getDueLabel(due: Date, now: Date = new Date()): string {
  const startOfToday = new Date(now.getFullYear(), now.getMonth(), now.getDate());
  const diffDays = Math.floor((due.getTime() - startOfToday.getTime()) / 86_400_000);
  if (diffDays < 0) return 'overdue';
  if (diffDays === 0) return 'today';
  if (diffDays === 1) return 'tomorrow';
  return `in ${diffDays} days`;
}'''), ('src/todos/dueLabel.test.ts', '''
import { getDueLabel } from './dueLabel';

test('tomorrow', () => {
  const due = new Date(Date.now() + 24 * 60 * 60 * 1000);
  expect(getDueLabel(due)).toBe('tomorrow');
});

test('today', () => {
  const due = new Date();
  due.setHours(23, 0, 0, 0);
  expect(getDueLabel(due)).toBe('today');
});'''), ('ci/nightly.log', '''
[nightly] started 2024-03-30T23:41:07Z  TZ=Europe/Berlin
 FAIL  src/todos/dueLabel.test.ts
  \u2715 tomorrow (3 ms)
    Expected: "tomorrow"
    Received: "in 2 days"
  \u2713 today (1 ms)''')], fw='jest')

t('medium', 'security-scan', "npm audit says we have 9 vulns but my lead says most don't matter for us. can you go through them and tell me which ones actually affect the shop in production? package.json is below too", [('package.json', '''
{
  "name": "tiny-shop",
  "scripts": { "dev": "next dev", "build": "next build", "start": "next start", "test": "vitest" },
  "dependencies": {
    "next": "14.1.0",
    "react": "18.2.0",
    "axios": "1.6.0",
    "jsonwebtoken": "9.0.0",
    "sharp": "0.32.6"
  },
  "devDependencies": {
    "vitest": "1.2.0",
    "eslint": "8.56.0",
    "webpack-bundle-analyzer": "4.9.0",
    "@storybook/react": "7.6.0"
  }
}'''), ('audit-summary.txt', '''
next 14.1.0           high      Server-Side Request Forgery in Server Actions (fixed 14.1.1)
axios 1.6.0           moderate  CSRF token leak via XSRF-TOKEN to third-party hosts (fixed 1.6.1)
sharp 0.32.6          high      libwebp heap overflow when processing crafted images (fixed 0.32.6+ libvips 8.14.5)
ip (via storybook)    high      SSRF improper categorization in isPublic
braces (via eslint)   high      uncontrolled resource consumption
ws (via webpack-bundle-analyzer) high  DoS when handling many HTTP headers
postcss (via next)    moderate  line return parsing error
tar (via storybook)   moderate  DoS via folder count
semver (via eslint)   moderate  ReDoS in range parsing'''), ('notes.txt', '''
- we use server actions for the checkout form
- product images are uploaded by admins only and resized with sharp
- axios is only used server-side to call the shipping API''')], lang=None)

t('medium', 'security-scan', "can you check our docker setup for security problems before we put the e-shop on the VPS? I copied these from a tutorial mostly", [('Dockerfile', '''
FROM node:18
WORKDIR /app
COPY . .
RUN npm install
RUN npm run build
ENV NODE_ENV=production
EXPOSE 3000
CMD ["npm", "start"]'''), ('docker-compose.yml', '''
services:
  web:
    build: .
    ports:
      - "3000:3000"
    env_file: .env
    depends_on: [db]
  db:
    image: postgres:latest
    ports:
      - "5432:5432"
    environment:
      POSTGRES_PASSWORD: postgres
    volumes:
      - ./data:/var/lib/postgresql/data
  adminer:
    image: adminer
    ports:
      - "8080:8080"'''), ('.dockerignore', '''
node_modules''')], lang=None)

t('medium', 'performance-testing', "can you write a k6 script for our products endpoint? like ramp up to 50 users, stay there a few min, then down. p95 should be under 300ms and errors under 1%. it needs a login token first (POST /api/login)", [('docs/api.md', '''
POST /api/login        body {"email","password"} -> {"token"}
GET  /api/products     query: page (1..), category (optional), q (optional search); header Authorization: Bearer <token>
   -> 200 {"items":[...], "page":1, "total": 842}
   -> 429 when more than 20 req/s per token''')], fw='k6', lang='javascript')

t('medium', 'performance-testing', "I rewrote the slug generator and the benchmark says it's slower? or is it just noise? results from two runs each below, what do you think", [('bench/slugify-old.txt', '''
run 1
\u250c\u2500 name            \u2500 ops/sec   \u2500 avg (ns) \u2500 margin \u2500 samples
  short title       1,842,113    542.8    \u00b10.91%   921057
  long title          211,402   4730.2    \u00b11.12%   105701
  unicode title       98,551  10146.9    \u00b14.80%    49276
run 2
  short title       1,851,090    540.2    \u00b10.88%   925545
  long title          209,880   4764.6    \u00b11.35%   104940
  unicode title      104,202   9596.7    \u00b15.10%    52101'''), ('bench/slugify-new.txt', '''
run 1
  short title       1,799,004    555.8    \u00b10.95%   899502
  long title          236,917   4220.8    \u00b11.05%   118459
  unicode title       93,115  10739.2    \u00b15.70%    46558
run 2
  short title       1,610,332    620.9    \u00b17.90%   805166
  long title          238,002   4201.6    \u00b10.99%   119001
  unicode title      101,870   9816.3    \u00b14.95%    50935
(run 2 of new: laptop on battery, chrome open)''')], lang=None)

t('medium', 'defect-analysis', "our /orders/:id/invoice endpoint returns 500 sometimes but works when I try it myself?? here's the handler and the log from prod", [('src/routes/invoice.js', '''
const express = require('express');
const { getOrder, getCustomer } = require('../db');
const { renderPdf } = require('../pdf');
const { uploadToBucket } = require('../storage');

const router = express.Router();

router.get('/orders/:id/invoice', async (req, res) => {
  const order = await getOrder(req.params.id);
  if (!order) return res.status(404).send('no order');

  const customer = await getCustomer(order.customerId);
  const lines = [];
  order.items.forEach(async (item) => {
    const product = await req.app.locals.catalog.get(item.productId);
    lines.push({ name: product.name, qty: item.qty, price: item.price });
  });

  const total = lines.reduce((sum, l) => sum + l.qty * l.price, 0);
  if (order.couponCode) {
    order.discount = Math.round(total * (order.couponPct / 100));
  }

  const pdf = await renderPdf({
    number: `INV-${order.id}`,
    customer: { name: customer.name, address: customer.address.line1 },
    lines,
    total: total - (order.discount || 0),
  });

  const url = await uploadToBucket(`invoices/${order.id}.pdf`, pdf);
  res.json({ url });
});

module.exports = router;'''), ('logs/prod.txt', '''
2024-05-02T10:14:03Z GET /orders/8812/invoice 200 812ms
2024-05-02T10:15:40Z GET /orders/8820/invoice 500 95ms
  TypeError: Cannot read properties of null (reading 'line1')
      at src/routes/invoice.js:26:52
2024-05-02T10:16:02Z GET /orders/8821/invoice 200 640ms   (pdf had 0 lines, total 0.00 - customer complained)
2024-05-02T10:19:11Z (node:1) UnhandledPromiseRejectionWarning: TypeError: Cannot read properties of undefined (reading 'name')
      at src/routes/invoice.js:16:36''')], lang='javascript')

t('medium', 'defect-analysis', "I upgraded discord.js from 13 to 14 and the bot is completely broken now 😵 errors below. can you tell me what's wrong and what to change? (I pasted the main files)", [('index.js', '''
const { Client, Intents, MessageEmbed } = require('discord.js');
const { token } = require('./config.json');
const commands = require('./commands');

const client = new Client({ intents: [Intents.FLAGS.GUILDS, Intents.FLAGS.GUILD_MESSAGES] });

client.once('ready', () => console.log(`logged in as ${client.user.tag}`));

client.on('messageCreate', async (msg) => {
  if (msg.author.bot || !msg.content.startsWith('!')) return;
  const [name, ...args] = msg.content.slice(1).split(/\\s+/);
  const cmd = commands[name];
  if (!cmd) return;
  try {
    await cmd(msg, args);
  } catch (e) {
    const embed = new MessageEmbed().setColor('RED').setDescription(`error: ${e.message}`);
    msg.channel.send({ embeds: [embed] });
  }
});

client.on('interactionCreate', async (interaction) => {
  if (!interaction.isCommand()) return;
  if (interaction.commandName === 'ping') await interaction.reply('pong');
});

client.login(token);'''), ('commands.js', '''
module.exports = {
  hello: (msg) => msg.reply(`hi ${msg.author.username}!`),
  roll: (msg, args) => msg.reply(String(1 + Math.floor(Math.random() * Number(args[0] || 6)))),
  kick: async (msg) => {
    if (!msg.member.permissions.has('KICK_MEMBERS')) return msg.reply('nope');
    const target = msg.mentions.members.first();
    await target.kick();
  },
};'''), ('error.txt', '''
TypeError: Cannot read properties of undefined (reading 'FLAGS')
    at Object.<anonymous> (index.js:5:46)
-- after I changed that line to GatewayIntentBits: --
logged in as StudyBot#4412
(no reaction to !hello at all)''')], lang='javascript')

# ======================================================================================================== complex

# why: 15 lines and it "looks" simple, but reserveSlot is check-then-act with an await in between and the
# in-memory Map only guards one process; the tests that matter are about double-booking under concurrency.
t('complex', 'test-generation', "can you write some tests for reserveSlot? it's pretty short so hopefully quick. we run the booking widget API on 3 instances behind a load balancer if that matters", [('src/booking/reserve.ts', '''
import { db } from '../db';
import { payments } from '../payments';

const held = new Map<string, string>(); // slotId -> userId

export async function reserveSlot(slotId: string, userId: string) {
  const slot = await db.slot.findUnique({ where: { id: slotId } });
  if (!slot || slot.bookedBy || held.has(slotId)) throw new Error('slot taken');
  held.set(slotId, userId);
  try {
    await payments.authorize(userId, slot.priceCents);
    await db.slot.update({ where: { id: slotId }, data: { bookedBy: userId } });
  } finally {
    held.delete(slotId);
  }
}''')], fw='vitest')

t('complex', 'test-generation', "I need tests for our order status thing in the shop. there are a lot of statuses and my lead said 'make sure illegal transitions can't happen'. not sure how to even approach this", [('src/orders/orderMachine.ts', '''
export type Status =
  | 'pending' | 'paid' | 'packing' | 'shipped' | 'delivered'
  | 'cancelled' | 'return_requested' | 'returned' | 'refunded' | 'partially_refunded' | 'payment_failed';

export type Event =
  | { type: 'PAY_OK' } | { type: 'PAY_FAIL' } | { type: 'RETRY_PAYMENT' }
  | { type: 'START_PACKING' } | { type: 'SHIP'; tracking: string } | { type: 'DELIVER' }
  | { type: 'CANCEL'; by: 'customer' | 'admin' } | { type: 'REQUEST_RETURN'; items: string[] }
  | { type: 'RECEIVE_RETURN'; items: string[] } | { type: 'REFUND'; amountCents: number };

export interface Order {
  status: Status;
  totalCents: number;
  refundedCents: number;
  deliveredAt?: number;
  tracking?: string;
  returnItems?: string[];
  paymentAttempts: number;
}

const RETURN_WINDOW_MS = 14 * 24 * 3600 * 1000;

export function transition(order: Order, ev: Event, now = Date.now()): Order {
  const o = { ...order };
  switch (o.status) {
    case 'pending':
      if (ev.type === 'PAY_OK') return { ...o, status: 'paid' };
      if (ev.type === 'PAY_FAIL') return { ...o, status: 'payment_failed', paymentAttempts: o.paymentAttempts + 1 };
      if (ev.type === 'CANCEL') return { ...o, status: 'cancelled' };
      break;
    case 'payment_failed':
      if (ev.type === 'RETRY_PAYMENT' && o.paymentAttempts < 3) return { ...o, status: 'pending' };
      if (ev.type === 'CANCEL') return { ...o, status: 'cancelled' };
      break;
    case 'paid':
      if (ev.type === 'START_PACKING') return { ...o, status: 'packing' };
      if (ev.type === 'CANCEL') return { ...o, status: 'cancelled', refundedCents: o.totalCents };
      break;
    case 'packing':
      if (ev.type === 'SHIP') return { ...o, status: 'shipped', tracking: ev.tracking };
      if (ev.type === 'CANCEL' && ev.by === 'admin') return { ...o, status: 'cancelled', refundedCents: o.totalCents };
      break;
    case 'shipped':
      if (ev.type === 'DELIVER') return { ...o, status: 'delivered', deliveredAt: now };
      break;
    case 'delivered':
      if (ev.type === 'REQUEST_RETURN') {
        if (!o.deliveredAt || now - o.deliveredAt > RETURN_WINDOW_MS) throw new Error('return window closed');
        return { ...o, status: 'return_requested', returnItems: ev.items };
      }
      break;
    case 'return_requested':
      if (ev.type === 'RECEIVE_RETURN') return { ...o, status: 'returned', returnItems: ev.items };
      break;
    case 'returned':
    case 'partially_refunded':
      if (ev.type === 'REFUND') {
        const refunded = o.refundedCents + ev.amountCents;
        if (refunded > o.totalCents) throw new Error('refund exceeds total');
        return { ...o, refundedCents: refunded, status: refunded === o.totalCents ? 'refunded' : 'partially_refunded' };
      }
      break;
  }
  throw new Error(`illegal transition ${o.status} -> ${ev.type}`);
}''')], fw='vitest')

t('complex', 'test-execution', "our email worker (bullmq) is supposed to pick jobs up again if it crashes in the middle of sending and NOT send anything twice. can you run tests for that? like actually kill the worker mid-send and restart it, and also restart redis once, and check nobody gets 2 emails or 0 emails. I don't have tests for this yet really", [], fw='vitest')

t('complex', 'test-execution', "the chat for our school portal runs on 3 socket.io nodes with the redis adapter. can you run the cluster tests where one node gets killed while ~200 clients are sending, and tell me if messages get lost or show up in the wrong order? reconnect is supposed to replay missed messages from the last id the client saw", [('test/cluster/README.md', '''
npm run test:cluster      # starts 3 nodes + redis via docker compose, runs test/cluster/*.test.ts
env: NODES=3 CLIENTS=200 KILL_AFTER_MS=5000 RESTART_AFTER_MS=3000''')])

# why: lots of files and lines, but the point is not listing gaps - it is judging which gaps in auth, permissions
# and payment webhooks are dangerous, which needs reading the security-critical code across modules.
t('complex', 'coverage-analysis', "we have 1 week before the e-shop gets its first real customers. coverage overall is 71% which my lead says is 'fine' but I'm worried. can you look at the coverage and the code for the scary parts and tell me where missing tests could actually hurt us?", [('coverage/summary.txt', 'File | % Lines | % Branch | Uncovered\n' + lines(40, lambda i: f"src/{['catalog', 'cart', 'checkout', 'auth', 'admin', 'payments', 'emails', 'search'][i % 8]}/file{i:02d}.ts | {50 + (i * 13) % 50}.0 | {30 + (i * 17) % 70}.0 | {10 + i}-{20 + i}")), ('src/auth/session.ts', '''
import { randomBytes } from 'crypto';
import { redis } from '../redis';

export async function createSession(userId: string, role: 'customer' | 'admin') {
  const sid = randomBytes(32).toString('hex');
  await redis.set(`sess:${sid}`, JSON.stringify({ userId, role }), 'EX', 60 * 60 * 24 * 7);
  return sid;
}

export async function getSession(sid?: string) {
  if (!sid) return null;
  const raw = await redis.get(`sess:${sid}`);
  return raw ? JSON.parse(raw) : null;
}'''), ('src/auth/requireRole.ts', '''
import type { Request, Response, NextFunction } from 'express';
import { getSession } from './session';

export function requireRole(role: 'customer' | 'admin') {
  return async (req: Request, res: Response, next: NextFunction) => {
    const session = await getSession(req.cookies?.sid);
    if (!session) return res.status(401).end();
    if (role === 'admin' && session.role !== 'admin') return res.status(403).end();
    (req as any).user = session;
    next();
  };
}'''), ('src/payments/webhook.ts', '''
import Stripe from 'stripe';
import { markPaid, markFailed } from '../orders/repo';

const stripe = new Stripe(process.env.STRIPE_KEY!);

export async function handleWebhook(rawBody: Buffer, signature: string) {
  let event: Stripe.Event;
  try {
    event = stripe.webhooks.constructEvent(rawBody, signature, process.env.STRIPE_WH_SECRET!);
  } catch {
    return { status: 400 };
  }
  const pi = event.data.object as Stripe.PaymentIntent;
  if (event.type === 'payment_intent.succeeded') await markPaid(pi.metadata.orderId, pi.amount_received);
  if (event.type === 'payment_intent.payment_failed') await markFailed(pi.metadata.orderId);
  return { status: 200 };
}'''), ('src/orders/repo.ts', '''
import { sql } from '../db';

export async function markPaid(orderId: string, amount: number) {
  await sql`update orders set status = 'paid', paid_cents = ${amount} where id = ${orderId}`;
}

export async function markFailed(orderId: string) {
  await sql`update orders set status = 'payment_failed' where id = ${orderId}`;
}'''), ('src/admin/refunds.ts', '''
import { stripe } from '../payments/client';
import { sql } from '../db';

export async function refundOrder(orderId: string, amountCents: number) {
  const [order] = await sql`select * from orders where id = ${orderId}`;
  if (!order) throw new Error('not found');
  await stripe.refunds.create({ payment_intent: order.payment_intent, amount: amountCents });
  await sql`update orders set refunded_cents = refunded_cents + ${amountCents} where id = ${orderId}`;
}'''), ('coverage/uncovered-notes.txt', '''
session.ts: getSession with expired/malformed JSON never run
requireRole.ts: 403 branch never run, admin happy path never run
webhook.ts: signature failure branch never run; no test for the same event delivered twice
repo.ts: markPaid never asserts amount vs order total
refunds.ts: 0% covered''')])

# why: tiny file with 100% coverage, but the question is what coverage cannot show: the GET-then-SET on Redis
# is not atomic, so concurrent requests across instances slip past the limit.
t('complex', 'coverage-analysis', "weird one: our rate limiter has 100% line AND branch coverage but people still get past the limit on the discord bot API (we run 4 replicas). how is that possible, what are the tests missing?", [('src/rateLimit.ts', '''
import { redis } from './redis';

const WINDOW_S = 60;
const LIMIT = 30;

export async function allow(userId: string): Promise<boolean> {
  const key = `rl:${userId}`;
  const current = Number(await redis.get(key)) || 0;
  if (current >= LIMIT) return false;
  await redis.set(key, current + 1, 'EX', WINDOW_S);
  return true;
}'''), ('coverage/rateLimit.txt', '''
src/rateLimit.ts | 100 | 100 | 100 | 100 |''')])

# why: it is "just a gate", but setting release criteria for 8 interdependent services (contract tests,
# per-service risk, flaky quarantine, rollout order) is system-wide design told only in prose.
t('complex', 'quality-gate', "we went from 1 app to 8 services this year (shop api, payments, inventory, emails, search, admin, storefront, a couple of workers) and our one quality gate doesn't make sense anymore. can you design gates per service? payments obviously matters more than emails. also services depend on each other so idk how contract tests and release order fit in, and we have a lot of flaky e2e tests people just rerun", [], lang=None)

# why: several metrics like the medium gates, but the decision hinges on whether a downgraded finding in the
# changed permission check is really exploitable, which is authorisation reasoning over the diff.
t('complex', 'quality-gate', "can we release the school portal update? all the numbers are green except the security scanner had one finding that someone marked 'low / false positive'. the diff touches the teacher/parent permissions. I pasted the report and the diff", [('reports/release-summary.txt', '''
unit tests:     1822 passed, 0 failed
e2e:            214 passed, 0 failed
coverage:       84.1% (prev 83.7%)
sast:           1 finding  [downgraded to LOW by reviewer: "false positive, ids are uuids"]
                  src/api/grades/[studentId].ts:14  Insecure Direct Object Reference - user-controlled id used in query without ownership check
gate rules:     tests green, coverage >= 80%, no open HIGH/CRITICAL sast findings'''), ('diff/permissions.diff', '''
--- a/src/api/grades/[studentId].ts
+++ b/src/api/grades/[studentId].ts
@@ -5,14 +5,14 @@ export default async function handler(req, res) {
   const session = await getSession(req);
   if (!session) return res.status(401).end();
-  const allowed =
-    (session.role === 'parent' && session.childrenIds.includes(req.query.studentId)) ||
-    (session.role === 'teacher' && (await teachesStudent(session.userId, req.query.studentId))) ||
-    session.role === 'admin';
-  if (!allowed) return res.status(403).end();
+  if (session.role === 'student' && session.userId !== req.query.studentId) {
+    return res.status(403).end();
+  }
+  // parents and teachers are checked in the UI now (faster)
   const grades = await db.grade.findMany({ where: { studentId: String(req.query.studentId) } });
   res.json(grades);
 }'''), ('notes.txt', '''
student ids are uuids but they appear in class rosters, in URLs of shared report cards and in the parent invite emails''')], lang='typescript')

t('complex', 'flaky-test-analysis', "the 'messages arrive in order' test for our chat fails like 1 in 10 runs. I thought it was a flaky test but a teacher said she saw messages out of order in real life too?? logs from gateway, chat service and redis below", [('test/chat-order.test.ts', '''
test('messages arrive in order', async () => {
  const a = await connect('alice');
  const b = await connect('bob');
  const got: string[] = [];
  b.on('message', (m) => got.push(m.text));
  for (let i = 0; i < 50; i++) a.emit('send', { room: 'r1', text: `m${i}` });
  await waitFor(() => got.length === 50, 5000);
  expect(got).toEqual(Array.from({ length: 50 }, (_, i) => `m${i}`));
});'''), ('logs/gateway.log', lines(20, lambda i: f"12:00:01.{100 + i * 3:03d} gw-{i % 2} recv send room=r1 text=m{i} -> POST chat-svc-{i % 2}/messages")), ('logs/chat-service.log', lines(20, lambda i: f"12:00:01.{110 + i * 3 + (9 if i in (6, 7) else 0):03d} chat-svc-{i % 2} insert seq=nextval() text=m{i} then PUBLISH r1")), ('logs/redis-monitor.log', '''
12:00:01.128 PUBLISH r1 {"seq":107,"text":"m5"}
12:00:01.139 PUBLISH r1 {"seq":109,"text":"m8"}
12:00:01.140 PUBLISH r1 {"seq":108,"text":"m7"}
12:00:01.141 PUBLISH r1 {"seq":110,"text":"m6"}''')])

t('complex', 'flaky-test-analysis', "this test is flaky, sometimes 2 workers both get the lock for the nightly report job. it's probably just the test timing right? can I just add a sleep", [('src/jobs/lock.ts', '''
import { redis } from '../redis';

export async function withLock(name: string, ttlMs: number, fn: () => Promise<void>) {
  const key = `lock:${name}`;
  const ok = await redis.set(key, process.pid.toString(), 'PX', ttlMs, 'NX');
  if (!ok) return false;
  try {
    await fn();
  } finally {
    await redis.del(key);
  }
  return true;
}'''), ('test/lock.test.ts', '''
test('only one worker runs the nightly report', async () => {
  let running = 0, maxRunning = 0;
  const job = async () => { running++; maxRunning = Math.max(maxRunning, running); await sleep(120); running--; };
  await Promise.all([withLock('nightly', 100, job), withLock('nightly', 100, job), withLock('nightly', 100, job)]);
  expect(maxRunning).toBe(1);
});''')])

t('complex', 'security-scan', "can you check my login route for security stuff? it works fine, just want to be sure before the demo", [('routes/auth.js', '''
const express = require('express');
const crypto = require('crypto');
const db = require('../db');
const router = express.Router();

router.post('/login', async (req, res) => {
  const { username, password } = req.body;
  const hash = crypto.createHash('md5').update(password).digest('hex');
  const rows = await db.query(
    `SELECT id, role FROM users WHERE username = '${username}' AND password = '${hash}'`
  );
  if (rows.length === 0) {
    return res.status(401).json({ error: `user ${username} not found or wrong password` });
  }
  req.session.userId = rows[0].id;
  req.session.role = req.body.role || rows[0].role;
  res.json({ ok: true, redirect: req.query.next || '/dashboard' });
});

module.exports = router;''')], lang='javascript')

t('complex', 'security-scan', "students upload homework through this. is it safe? teachers download them from /uploads. (it's multer + express)", [('routes/homework.js', '''
const express = require('express');
const multer = require('multer');
const path = require('path');
const fs = require('fs');

const storage = multer.diskStorage({
  destination: (req, file, cb) => cb(null, path.join(__dirname, '../public/uploads', req.body.classId || '')),
  filename: (req, file, cb) => cb(null, `${req.body.studentName}-${file.originalname}`),
});
const upload = multer({ storage, limits: { fileSize: 50 * 1024 * 1024 } });
const router = express.Router();

router.post('/homework', upload.single('file'), (req, res) => {
  const allowed = ['.pdf', '.docx', '.png', '.jpg'];
  if (!allowed.some((ext) => req.file.originalname.includes(ext))) {
    fs.unlinkSync(req.file.path);
    return res.status(400).send('file type not allowed');
  }
  res.send(`uploaded! <a href="/uploads/${req.body.classId}/${req.file.filename}">${req.file.originalname}</a>`);
});

router.get('/homework/download', (req, res) => {
  res.sendFile(path.join(__dirname, '../public/uploads', req.query.file));
});

module.exports = router;'''), ('app.js', '''
app.use('/uploads', express.static(path.join(__dirname, 'public/uploads')));
app.use('/api', requireLogin, homeworkRouter);''')], lang='javascript')

t('complex', 'security-scan', "I built the forgot-password thing for our todo app (it's a real product now with paying users lol). can you review it for security? two API routes in next.js", [('app/api/forgot/route.ts', '''
import { NextResponse } from 'next/server';
import { prisma } from '@/lib/prisma';
import { sendMail } from '@/lib/mail';

export async function POST(req: Request) {
  const { email } = await req.json();
  const user = await prisma.user.findUnique({ where: { email } });
  if (!user) return NextResponse.json({ error: 'no account with that email' }, { status: 404 });
  const token = Math.random().toString(36).slice(2, 10);
  await prisma.user.update({ where: { id: user.id }, data: { resetToken: token } });
  const host = req.headers.get('host');
  await sendMail(email, 'Reset your password', `https://${host}/reset?email=${email}&token=${token}`);
  return NextResponse.json({ ok: true });
}'''), ('app/api/reset/route.ts', '''
import { NextResponse } from 'next/server';
import bcrypt from 'bcryptjs';
import { prisma } from '@/lib/prisma';

export async function POST(req: Request) {
  const { email, token, password } = await req.json();
  const user = await prisma.user.findUnique({ where: { email } });
  if (!user || user.resetToken != token) {
    return NextResponse.json({ error: 'invalid token' }, { status: 400 });
  }
  await prisma.user.update({
    where: { id: user.id },
    data: { passwordHash: await bcrypt.hash(password, 10) },
  });
  return NextResponse.json({ ok: true });
}''')])

t('complex', 'performance-testing', "black friday is in 6 weeks and my lead wants a 'speed test' of the whole shop. we have storefront (next.js), api, payments service, inventory service, postgres, redis, and stripe in test mode. last year we went down at like 9am. how do I even plan this? what scenarios, how many users, what do we watch?", [], fw='k6', lang='javascript')

t('complex', 'performance-testing', "our discord bot slowly gets slower over a day or two and then restarts (memory?). it's in ~1,400 servers now, sharded over 4 processes with discord.js ShardingManager, plus postgres and a redis cache. can you help me set up a long speed test that would catch this? we can't really fake discord's gateway easily and we don't want to get rate limited", [], lang='javascript')

t('complex', 'defect-analysis', "some customers got 2 orders for one checkout and inventory went negative on a few products last night 😬 I have logs from checkout, payments and inventory, I don't know which service is wrong", [('logs/checkout.log', '''
21:04:11.002 POST /checkout cart=c_9913 user=u_55 -> create order o_7781 (pending)
21:04:11.010 call payments POST /intents order=o_7781 idempotency-key=<none>
21:04:16.011 payments timeout after 5000ms, retrying (attempt 2)
21:04:16.015 call payments POST /intents order=o_7781
21:04:16.420 payments 201 intent=pi_B
21:04:16.430 respond 200 order=o_7781 intent=pi_B
21:04:17.900 user retried checkout (double click?) cart=c_9913 -> create order o_7782 (pending)'''), ('logs/payments.log', '''
21:04:11.050 POST /intents order=o_7781 -> stripe create pi_A (slow db write)
21:04:16.020 POST /intents order=o_7781 -> stripe create pi_B
21:04:16.410 intent pi_B saved
21:04:17.300 intent pi_A saved
21:04:19.100 webhook payment_intent.succeeded pi_A -> publish order.paid o_7781
21:04:19.450 webhook payment_intent.succeeded pi_B -> publish order.paid o_7781
21:04:21.000 webhook payment_intent.succeeded pi_C (order o_7782) -> publish order.paid o_7782'''), ('logs/inventory.log', '''
21:04:19.120 consume order.paid o_7781 -> reserve sku=LAMP-01 qty=1 (stock 1 -> 0)
21:04:19.460 consume order.paid o_7781 -> reserve sku=LAMP-01 qty=1 (stock 0 -> -1)
21:04:21.020 consume order.paid o_7782 -> reserve sku=LAMP-01 qty=1 (stock -1 -> -2)
21:04:21.030 WARN negative stock LAMP-01''')], lang=None)

# why: a 20-line Next.js file and a vague symptom, but the cause is request data kept in module scope that is
# shared between concurrent requests on the server - a concurrency bug that is also a data leak.
t('complex', 'defect-analysis', "very weird: sometimes a user sees someone else's cart for a second, or checks out with someone else's address?? can't reproduce locally. this is the file that loads the cart", [('app/lib/currentCart.ts', '''
import { cookies } from 'next/headers';
import { db } from './db';

let cart: { id: string; items: any[]; address?: string } | null = null;

export async function loadCart() {
  const cartId = cookies().get('cart_id')?.value;
  if (!cartId) return null;
  if (!cart || cart.id !== cartId) {
    cart = { id: cartId, items: [] };
    const row = await db.cart.findUnique({ where: { id: cartId }, include: { items: true } });
    cart.items = row?.items ?? [];
    cart.address = row?.address ?? undefined;
  }
  return cart;
}''')])

t('complex', 'defect-analysis', "customers are sometimes charged twice when stripe is slow. we have a retry thing in our job queue that retries failed payment jobs 3 times, and the order service also retries if it doesn't hear back in 10s. refunds are manual right now and it's eating my week. where could the double charge come from and how do we make it not happen?", [], lang='typescript')
