from lib import t, lines

# Persona: Dana, a non-technical product manager at "Roamly", a travel-booking startup
# (hotels + flights, web app in TypeScript/React, iOS and Android apps, a small Python pricing job).
# Files requests for the QA agent in business terms ("the app", "the booking flow",
# "customers complain that..."), pastes screenshots-as-text, spreadsheets and exports,
# rarely code, and sometimes forwards an engineer's message verbatim.

t('simple', 'test-execution',
  "Hi! Can you run the checkout tests before my investor demo on Thursday? I just need to know if it's all green, "
  "and if anything is red, which ones.", fw='playwright')

# why: the function is short and pure, but the requirements need judgement: reconciling the code with the written
# cancellation policy, boundary moments (exactly 24h / 7 days) and hotel-local check-in time -> medium, not simple
t('medium', 'test-generation',
  "Our customer support team keeps arguing with customers about refunds. Engineering says the refund calculation "
  "matches the policy on the website. Can you write tests that prove it (or prove it doesn't)? I pasted the policy "
  "text from the help centre too.",
  files=[('src/booking/refund.ts', '''
export type RateType = 'flexible' | 'semi' | 'nonrefundable';

export interface Booking {
  totalCents: number;
  bookedAt: Date;
  checkIn: Date; // stored as midnight UTC of the check-in date
  rateType: RateType;
}

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

export function refundAmount(b: Booking, cancelledAt: Date): number {
  const hoursSinceBooking = (cancelledAt.getTime() - b.bookedAt.getTime()) / HOUR;
  const daysToCheckIn = (b.checkIn.getTime() - cancelledAt.getTime()) / DAY;
  if (daysToCheckIn < 0) return 0;
  if (hoursSinceBooking <= 24 && daysToCheckIn >= 7) return b.totalCents;
  switch (b.rateType) {
    case 'flexible':
      return daysToCheckIn >= 2 ? b.totalCents : Math.round(b.totalCents * 0.5);
    case 'semi':
      return daysToCheckIn >= 14 ? Math.round(b.totalCents * 0.5) : 0;
    default:
      return 0;
  }
}
'''), ('docs/cancellation-policy.md', '''
## Cancellation policy (as shown in the Help Centre)

* **24-hour grace period:** any booking can be cancelled for a full refund within 24 hours of booking,
  as long as check-in is at least 7 days away.
* **Flexible rate:** free cancellation until 48 hours before check-in (3:00 pm hotel local time).
  After that, you get 50% back.
* **Semi-flexible rate:** 50% refund if you cancel at least 14 days before check-in. No refund after that.
* **Non-refundable rate:** no refund, except under the 24-hour grace period.
* No refunds once check-in time has passed.
''')],
  reqs=['use the help-centre wording as the source of truth and list every place the code disagrees with it',
        'cover the exact boundary moments (exactly 24 hours, exactly 48 hours, exactly 7 and 14 days)',
        'remember check-in is 3pm hotel local time, not midnight'],
  fw='jest')

# why: no files and plain words, but it is duplicate charges from client retries across booking and payment services,
# i.e. missing idempotency across services -> complex
t('complex', 'defect-analysis',
  "Customers keep emailing us that they were charged twice for the same hotel. It seems to happen mostly on the "
  "mobile app when people are on bad airport wifi: the spinner takes forever, so they tap 'Book now' again. Finance "
  "refunded 31 people last month. Can you figure out why it happens and what the real fix should be? An engineer "
  "sent me the three bits of code involved.",
  files=[('app/src/api/bookingApi.ts', '''
import axios from 'axios';

const client = axios.create({ baseURL: process.env.API_URL, timeout: 8000 });

export async function submitBooking(cart: { hotelId: string; roomId: string; nights: number; cardToken: string }) {
  for (let attempt = 1; attempt <= 3; attempt++) {
    try {
      const res = await client.post('/bookings', cart);
      return res.data;
    } catch (err: any) {
      if (attempt === 3 || (err.response && err.response.status < 500)) throw err;
      await new Promise((r) => setTimeout(r, 1000 * attempt));
    }
  }
}
'''), ('services/booking/src/createBooking.ts', '''
import { db } from './db';
import { paymentClient } from './paymentClient';

export async function createBooking(userId: string, body: any) {
  const booking = await db.booking.create({
    data: { userId, hotelId: body.hotelId, roomId: body.roomId, nights: body.nights, status: 'PENDING' },
  });
  const charge = await paymentClient.charge({
    amountCents: await quote(body),
    cardToken: body.cardToken,
    reference: booking.id,
  });
  await db.booking.update({ where: { id: booking.id }, data: { status: 'CONFIRMED', chargeId: charge.id } });
  return { bookingId: booking.id, status: 'CONFIRMED' };
}

async function quote(body: any): Promise<number> {
  const rate = await db.rate.findFirst({ where: { roomId: body.roomId } });
  return rate!.nightlyCents * body.nights;
}
'''), ('services/payment/src/charge.ts', '''
import { psp } from './psp';
import { db } from './db';

export async function charge(req: { amountCents: number; cardToken: string; reference: string }) {
  const result = await psp.charges.create({
    amount: req.amountCents,
    currency: 'usd',
    source: req.cardToken,
    description: `Roamly booking ${req.reference}`,
  });
  await db.charge.create({ data: { pspId: result.id, reference: req.reference, amountCents: req.amountCents } });
  return { id: result.id };
}
''')])

# why: a long table, but the ask is a mechanical filter and sort of a coverage summary -> simple
t('simple', 'coverage-analysis',
  "Engineering sent me this coverage summary. Can you list every file that is under 50% line coverage, lowest "
  "first, so I can paste it into our quarterly planning spreadsheet? Just file name and the percent is fine.",
  files=[('reports/coverage-summary.txt',
          'File                                          | % Stmts | % Branch | % Funcs | % Lines\n' +
          lines(60, lambda i: '%-45s | %7.1f | %8.1f | %7.1f | %7.1f' % (
              'src/' + ['booking', 'search', 'payments', 'account', 'loyalty', 'reviews'][i % 6] + '/' +
              ['index', 'service', 'mapper', 'validators', 'routes', 'store', 'utils', 'client', 'hooks', 'format'][i // 6] + '.ts',
              (i * 37 % 90) + 9.5, (i * 53 % 85) + 7.0, (i * 29 % 80) + 15.0, (i * 41 % 91) + 8.2)))],
  fw='jest')

t('medium', 'flaky-test-analysis',
  "The 'search results show prices' test keeps failing in CI maybe once or twice a day and then passes when someone "
  "clicks re-run. The team has started ignoring it which worries me. Can you tell me what's going on? I copied the "
  "test and the log from the last failure.",
  files=[('e2e/search-results.spec.ts', '''
import { test, expect } from '@playwright/test';

test('search results show prices', async ({ page }) => {
  await page.goto('/');
  await page.getByPlaceholder('Where are you going?').fill('Lisbon');
  await page.getByRole('option', { name: /Lisbon, Portugal/ }).click();
  await page.getByRole('button', { name: 'Search' }).click();
  const cards = page.locator('[data-testid="hotel-card"]');
  await expect(cards.first()).toBeVisible();
  const count = await cards.count();
  expect(count).toBeGreaterThan(5);
  for (let i = 0; i < count; i++) {
    const price = await cards.nth(i).locator('[data-testid="price"]').textContent();
    expect(price).toMatch(/^€\\d+/);
  }
});
'''), ('ci/failed-run.log', '''
Running 1 test using 1 worker
  ✘  1 [chromium] › search-results.spec.ts:3:5 › search results show prices (6.2s)

  1) [chromium] › search-results.spec.ts:3:5 › search results show prices

    Error: expect(received).toBeGreaterThan(expected)

    Expected: > 5
    Received:   3

      10 |   await expect(cards.first()).toBeVisible();
      11 |   const count = await cards.count();
    > 12 |   expect(count).toBeGreaterThan(5);
         |                 ^
      13 |   for (let i = 0; i < count; i++) {

    attachment #1: screenshot (image/png) ─────────────
    test-results/search-results-chromium/test-failed-1.png
    (screenshot shows 3 hotel cards and a grey "Loading more hotels..." skeleton below them)

  1 failed
    [chromium] › search-results.spec.ts:3:5 › search results show prices
''')],
  fw='playwright')

t('complex', 'security-scan',
  "Forwarding this from Marco on the web team, we want to launch passwordless login next sprint: \"Hey Dana, can QA "
  "give the magic-link login a once-over before launch? I used Math.random for the token since it's just a one-time "
  "link, links last 7 days so people can find the email later, and we look the user up by email + token. Should be "
  "fine.\" Is it fine?",
  files=[('src/auth/magicLink.ts', '''
import { db } from '../db';
import { mailer } from '../mailer';
import { createSession } from './session';

const LINK_TTL_MS = 7 * 24 * 60 * 60 * 1000;

function makeToken(): string {
  return Math.random().toString(36).slice(2, 10);
}

export async function requestMagicLink(email: string, redirect: string) {
  const user = await db.user.findUnique({ where: { email } });
  if (!user) return { ok: false, reason: 'No account with that email' };
  const token = makeToken();
  await db.magicLink.create({ data: { userId: user.id, email, token, expiresAt: new Date(Date.now() + LINK_TTL_MS) } });
  await mailer.send(email, 'Your Roamly sign-in link',
    `Click to sign in: https://roamly.example/auth/verify?email=${email}&token=${token}&next=${redirect}`);
  return { ok: true };
}

export async function verifyMagicLink(email: string, token: string, next: string, res: any) {
  const link = await db.magicLink.findFirst({ where: { email, token } });
  if (!link || link.expiresAt < new Date()) {
    return res.status(401).send('Link expired or invalid');
  }
  const session = await createSession(link.userId);
  res.cookie('sid', session.id, { httpOnly: true });
  return res.redirect(next || '/trips');
}
''')],
  reqs=['explain the risks in plain language I can take to the CTO', 'rank them by how bad they are'])

t('simple', 'quality-gate',
  "Our release rule is simple: zero failing tests and at least 80% line coverage. Here's last night's summary. Can we "
  "ship today, yes or no?",
  files=[('reports/nightly-summary.txt', '''
Roamly web - nightly build #1842 (main @ 9c1e4a7)
Test suites: 84 passed, 84 total
Tests:       1,203 passed, 4 skipped, 1,207 total
Time:        212.4 s
Coverage:    Statements 83.1% | Branches 74.6% | Functions 81.9% | Lines 82.7%
''')],
  fw='jest')

t('medium', 'performance-testing',
  "Before the summer campaign I want to know the hotel search can cope with about 200 people searching at the same "
  "time. Can you write the load test for it? Engineering said to use k6. I pasted what the API docs say about search.",
  files=[('docs/api/search.md', '''
### GET /v2/hotels/search

Query params:
- `destination` (required) - city slug, e.g. `lisbon`, `barcelona`, `new-york`
- `checkIn`, `checkOut` (required) - ISO dates, checkOut after checkIn, max 30 nights
- `guests` (default 2), `rooms` (default 1)
- `page` (default 1, page size 25)

Headers:
- `x-api-key` - partner/app key (test key in the staging vault, env var ROAMLY_API_KEY)

Responses: 200 with `{ results: Hotel[], total, page }`; 400 on bad dates; 429 if more than 50 req/s per key.
Target: p95 under 800 ms, error rate under 1%.
''')],
  reqs=['ramp up to 200 users over 5 minutes, hold 10 minutes',
        'vary the destination across at least 10 cities and use dates in the next 3 months',
        'fail the run if p95 goes over 800ms or errors go over 1%',
        "don't trip the 429 limit by accident: tell me if we need several keys"],
  fw='k6', lang='javascript')

t('simple', 'test-generation',
  "Small one: customers in Japan said prices looked weird, engineering fixed it. Can you add tests for the price "
  "formatting so it doesn't come back?",
  files=[('src/ui/formatPrice.ts', '''
const SYMBOLS = { USD: '$', EUR: '€', GBP: '£', JPY: '¥' } as const;
export type Currency = keyof typeof SYMBOLS;

export function formatPrice(amountMinor: number, currency: Currency): string {
  const symbol = SYMBOLS[currency];
  if (currency === 'JPY') {
    return `${symbol}${amountMinor.toLocaleString('en-US')}`;
  }
  const [whole, frac] = (amountMinor / 100).toFixed(2).split('.');
  const withCommas = whole.replace(/\\B(?=(\\d{3})+(?!\\d))/g, ',');
  return `${symbol}${withCommas}.${frac}`;
}
''')],
  fw='vitest')

t('complex', 'performance-testing',
  "Big one. Marketing's Black Friday promo is expected to bring roughly 10x our normal traffic for about 6 hours. I "
  "need a load-testing plan for the whole booking journey (search, hotel page, room hold, payment, confirmation "
  "email) that tells us where we'll break first and what we need to fix before November. I attached our traffic "
  "numbers and the architecture notes the engineers gave me.",
  files=[('data/funnel-traffic-oct.csv',
          'date,searches,hotel_page_views,room_holds,payments_attempted,payments_succeeded,emails_sent,peak_rps_search\n' +
          lines(31, lambda i: '2024-10-%02d,%d,%d,%d,%d,%d,%d,%d' % (
              i + 1, 41000 + (i * 733) % 9000, 16000 + (i * 311) % 4000, 2100 + (i * 97) % 600,
              1500 + (i * 71) % 400, 1380 + (i * 67) % 380, 1380 + (i * 67) % 380, 38 + (i * 7) % 25))),
         ('docs/architecture-notes.md', '''
# Roamly booking architecture (for QA, simplified)

- **web / app** -> **api-gateway** (rate limit 50 rps per API key, 2 instances)
- **search-service**: queries supplier APIs (3 hotel suppliers), results cached in Redis for 10 minutes per
  destination+dates. Supplier A allows 100 req/s for our account; B and C allow 30 req/s.
- **inventory-service**: room holds in Postgres (`room_holds` table, row lock per room-night), hold expires after 15 min.
- **payment-service**: calls our payment provider; provider sandbox is limited to 25 req/s.
- **notification-service**: consumes `booking.confirmed` from a queue, sends email via email provider (max 14 emails/s on our plan).
- Postgres: single primary, 1 read replica, max_connections 200, each service pool size 40.
- Autoscaling: search-service and api-gateway scale on CPU (max 10 pods). Others fixed at 2 pods.
'''), ('docs/last-incident.md', '''
Incident 2024-07-12 (summer sale email): search p95 went to 9s for ~20 minutes. Cause listed as "supplier B throttling us".
Booking holds also timed out for some users ("could not hold room, please try again"). Not fully investigated.
''')],
  reqs=['we cannot load-test against the real payment provider or real suppliers',
        'explain what each test tells us in business terms',
        'include what numbers would mean "we are ready"'],
  fw='k6', lang='javascript')

t('medium', 'defect-analysis',
  "Marketing's SUMMER25 promo code (25% off stays over $400) is not working for some customers. Support says it's "
  "mostly people booking more than one room, they get 'This code doesn't apply to your booking'. Can you find out why? "
  "Engineer pointed me at this file and I grabbed some log lines.",
  files=[('src/promotions/applyPromo.ts', '''
import { db } from '../db';

export interface CartLine { roomId: string; nightlyCents: number; nights: number; quantity: number; }
export interface Cart { userId: string; currency: string; lines: CartLine[]; }

export class PromoError extends Error {}

export async function applyPromo(cart: Cart, code: string) {
  const promo = await db.promo.findUnique({ where: { code: code.trim().toUpperCase() } });
  if (!promo || !promo.active) throw new PromoError("This code doesn't exist");
  const now = new Date();
  if (now < promo.startsAt || now > promo.endsAt) throw new PromoError('This code has expired');

  if (promo.firstBookingOnly) {
    const previous = await db.booking.count({ where: { userId: cart.userId, status: 'CONFIRMED' } });
    if (previous > 0) throw new PromoError('This code is for first bookings only');
  }

  const eligible = cart.lines.filter((l) => promo.minNights == null || l.nights >= promo.minNights);
  const eligibleTotal = eligible.reduce((sum, l) => sum + l.nightlyCents * l.nights, 0);
  if (eligible.length === 0 || eligibleTotal < promo.minSpendCents) {
    throw new PromoError("This code doesn't apply to your booking");
  }

  const discount = promo.percentOff
    ? Math.round((eligibleTotal * promo.percentOff) / 100)
    : Math.min(promo.amountOffCents, eligibleTotal);
  const cartTotal = cart.lines.reduce((s, l) => s + l.nightlyCents * l.nights * l.quantity, 0);
  return { discountCents: Math.min(discount, promo.maxDiscountCents ?? discount), totalCents: cartTotal - discount };
}
'''), ('logs/promo-errors.log', '''
2024-06-18T10:02:11Z WARN promo code=SUMMER25 user=u_88121 lines=[{nightly:14500,nights:2,qty:2}] error="This code doesn't apply to your booking"
2024-06-18T10:17:45Z WARN promo code=SUMMER25 user=u_10233 lines=[{nightly:9900,nights:3,qty:3}] error="This code doesn't apply to your booking"
2024-06-18T11:40:02Z INFO promo code=SUMMER25 user=u_55410 lines=[{nightly:21000,nights:2,qty:1}] discount=10500
2024-06-18T12:05:37Z WARN promo code=summer25  user=u_77002 lines=[{nightly:18000,nights:1,qty:3}] error="This code doesn't apply to your booking"
2024-06-18T12:31:09Z INFO promo code=SUMMER25 user=u_30091 lines=[{nightly:13000,nights:4,qty:1}] discount=13000
''')],
  reqs=['tell me in plain words who is affected', 'check whether the discount itself is right for multi-room bookings too'])

# why: a short test-vs-code question, but the code is a non-atomic check-then-set hold on a shared store with two
# concurrent callers: a real race condition, not a test problem -> complex
t('complex', 'flaky-test-analysis',
  "Forwarding from Jin: \"The holdRoom tests are flaky, fails about 1 in 15 runs in CI. I'm pretty sure it's the test "
  "and not the code, can QA confirm so we can just mark it skip?\" This is the code that stops two people grabbing "
  "the last room, so I'd rather not skip it blindly.",
  files=[('services/inventory/src/holdRoom.ts', '''
import { redis } from './redis';
import { db } from './db';

const HOLD_SECONDS = 15 * 60;

export async function holdRoom(roomNightKey: string, sessionId: string): Promise<boolean> {
  const current = await redis.get(`hold:${roomNightKey}`);
  if (current && current !== sessionId) return false;

  const available = await db.roomNight.findUnique({ where: { key: roomNightKey } });
  if (!available || available.remaining <= 0) return false;

  await redis.set(`hold:${roomNightKey}`, sessionId, 'EX', HOLD_SECONDS);
  await db.roomNight.update({ where: { key: roomNightKey }, data: { remaining: available.remaining - 1 } });
  return true;
}

export async function releaseHold(roomNightKey: string, sessionId: string) {
  const current = await redis.get(`hold:${roomNightKey}`);
  if (current !== sessionId) return;
  await redis.del(`hold:${roomNightKey}`);
  await db.roomNight.update({ where: { key: roomNightKey }, data: { remaining: { increment: 1 } } });
}
'''), ('services/inventory/test/holdRoom.test.ts', '''
import { holdRoom } from '../src/holdRoom';
import { resetFixtures, setRemaining } from './fixtures';

beforeEach(async () => { await resetFixtures(); });

test('only one of two simultaneous shoppers gets the last room', async () => {
  await setRemaining('htl_42:2024-08-10', 1);
  const [a, b] = await Promise.all([
    holdRoom('htl_42:2024-08-10', 'sess_a'),
    holdRoom('htl_42:2024-08-10', 'sess_b'),
  ]);
  expect([a, b].filter(Boolean)).toHaveLength(1);
});
'''), ('ci/holdRoom-failure.txt', '''
FAIL test/holdRoom.test.ts
  ✕ only one of two simultaneous shoppers gets the last room (41 ms)

    expect(received).toHaveLength(expected)
    Expected length: 1
    Received length: 2
    Received array:  [true, true]
''')],
  fw='jest')

# why: long pasted output, but the ask is to reformat and filter audit rows into a table: mechanical -> simple
t('simple', 'security-scan',
  "Our security questionnaire for a corporate client asks for a list of known vulnerable packages. An engineer ran "
  "npm audit and sent me this wall of text. Can you turn it into a table (package, severity, fixed in which version) "
  "with only the high and critical ones?",
  files=[('reports/npm-audit.txt', lines(24, lambda i: (
      '# npm audit report\n\n' if i == 0 else '') + '%s  %s\nSeverity: %s\n%s - https://github.com/advisories/GHSA-%s\nfix available via `npm audit fix`%s\nnode_modules/%s\n' % (
      ['axios', 'semver', 'tough-cookie', 'word-wrap', 'json5', 'minimist', 'qs', 'xml2js', 'follow-redirects',
       'postcss', 'ws', 'jsonwebtoken', 'got', 'undici', 'ip', 'tar', 'braces', 'micromatch', 'express',
       'body-parser', 'path-to-regexp', 'cookie', 'send', 'ejs'][i],
      ['<1.6.0', '<7.5.2', '<4.1.3', '<1.2.4', '<2.2.2', '<1.2.6', '<6.10.3', '<0.5.0', '<=1.15.5', '<8.4.31',
       '<8.17.1', '<=8.5.1', '<11.8.5', '<5.28.4', '<=2.0.1', '<6.2.1', '<3.0.3', '<4.0.8', '<4.19.2', '<1.20.3',
       '<0.1.10', '<0.7.0', '<0.19.0', '<3.1.10'][i],
      ['moderate', 'high', 'moderate', 'moderate', 'high', 'critical', 'high', 'moderate', 'moderate', 'moderate',
       'high', 'high', 'moderate', 'moderate', 'high', 'moderate', 'high', 'moderate', 'moderate', 'high', 'high',
       'low', 'moderate', 'critical'][i],
      ['Cross-Site Request Forgery', 'Regular Expression Denial of Service', 'Prototype Pollution',
       'ReDoS', 'Prototype Pollution', 'Prototype Pollution', 'Prototype Pollution', 'Prototype Pollution',
       'Proxy-Authorization header kept across hosts', 'Line return parsing error', 'DoS with many HTTP headers',
       'Insecure default algorithm', 'Redirect to UNIX socket', 'Proxy-Authorization header not cleared',
       'SSRF improper categorization', 'DoS while parsing tar', 'Uncontrolled resource consumption',
       'ReDoS', 'Open Redirect', 'DoS when url encoding enabled', 'Backtracking regex', 'Out of bounds characters',
       'Template injection in redirect', 'Template injection'][i],
      '%04x-%04x-%04x' % (0x1a2b + i * 977 % 4096, 0x3c4d + i * 131 % 4096, 0x5e6f + i * 59 % 4096),
      ' --force' if i % 5 == 0 else '',
      ['axios', 'semver', 'tough-cookie', 'word-wrap', 'json5', 'minimist', 'qs', 'xml2js', 'follow-redirects',
       'postcss', 'ws', 'jsonwebtoken', 'got', 'undici', 'ip', 'tar', 'braces', 'micromatch', 'express',
       'body-parser', 'path-to-regexp', 'cookie', 'send', 'ejs'][i])) +
      '\n\n24 vulnerabilities (1 low, 12 moderate, 9 high, 2 critical)\n')],
  lang='javascript')

t('medium', 'coverage-analysis',
  "We're planning a testing sprint for the booking part of the app. Here's the coverage for that package and the "
  "lines nobody tests. Can you tell me which gaps actually matter for customers and which tests we should write "
  "first? I don't need all of it, just the top 5 with a reason each.",
  files=[('reports/booking-coverage.json', '''
{
  "packages/booking/src/cart.ts":        { "lines": 91.2, "branches": 84.0, "functions": 100, "uncoveredLines": "88-92" },
  "packages/booking/src/pricing.ts":     { "lines": 68.4, "branches": 52.1, "functions": 80.0, "uncoveredLines": "41-58, 102-119, 140" },
  "packages/booking/src/checkout.ts":    { "lines": 59.7, "branches": 41.3, "functions": 70.0, "uncoveredLines": "33-47, 75-96, 130-151" },
  "packages/booking/src/guestDetails.ts":{ "lines": 88.0, "branches": 79.5, "functions": 92.3, "uncoveredLines": "61-64" },
  "packages/booking/src/confirmation.ts":{ "lines": 45.2, "branches": 30.0, "functions": 50.0, "uncoveredLines": "18-40, 52-77" }
}
'''), ('reports/uncovered-snippets.md', '''
pricing.ts 41-58   -> taxes and city tourist fee per night per guest (Lisbon, Amsterdam, Rome rules)
pricing.ts 102-119 -> currency conversion when hotel currency != display currency
pricing.ts 140     -> rounding of final total
checkout.ts 33-47  -> card declined handling (show message, keep cart)
checkout.ts 75-96  -> 3-D Secure challenge callback, timeout after 5 minutes
checkout.ts 130-151-> price changed between search and checkout ("price went up" modal)
confirmation.ts 18-40 -> building confirmation email data (dates, hotel address, cancellation deadline)
confirmation.ts 52-77 -> retry sending email if provider returns 5xx
guestDetails.ts 61-64 -> name with non-Latin characters transliteration
cart.ts 88-92      -> clearing cart after 24h of inactivity
'''), ('data/support-tickets-q2.csv', '''
category,tickets
"charged different price than shown",212
"no confirmation email",167
"card declined but money taken",58
"wrong cancellation deadline in email",44
"name shows as ???? on voucher",19
"cart emptied",6
''')],
  fw='jest')

t('complex', 'test-generation',
  "This is the thing that decides what state a booking is in (pending, paid, confirmed, cancelled, etc). Every "
  "weird support case we have ends up being a booking in a state that 'shouldn't be possible'. Please write tests "
  "that would catch those impossible situations.",
  files=[('src/booking/bookingStatus.ts', '''
export type Status =
  | 'DRAFT' | 'HELD' | 'PAYMENT_PENDING' | 'PAYMENT_FAILED' | 'PAID'
  | 'SUPPLIER_PENDING' | 'CONFIRMED' | 'SUPPLIER_REJECTED' | 'CANCEL_REQUESTED'
  | 'CANCELLED' | 'REFUND_PENDING' | 'REFUNDED' | 'EXPIRED' | 'COMPLETED';

export type Event =
  | { type: 'HOLD' } | { type: 'HOLD_EXPIRED' } | { type: 'PAY' } | { type: 'PAYMENT_OK'; chargeId: string }
  | { type: 'PAYMENT_DECLINED' } | { type: 'SEND_TO_SUPPLIER' } | { type: 'SUPPLIER_OK'; supplierRef: string }
  | { type: 'SUPPLIER_NO' } | { type: 'CANCEL' } | { type: 'SUPPLIER_CANCEL_OK' } | { type: 'REFUND_OK' }
  | { type: 'CHECKED_OUT' };

export interface Booking {
  status: Status;
  chargeId?: string;
  supplierRef?: string;
  refundable: boolean;
  paymentAttempts: number;
}

const MAX_PAYMENT_ATTEMPTS = 3;

export function transition(b: Booking, e: Event): Booking {
  switch (b.status) {
    case 'DRAFT':
      if (e.type === 'HOLD') return { ...b, status: 'HELD' };
      break;
    case 'HELD':
      if (e.type === 'PAY') return { ...b, status: 'PAYMENT_PENDING', paymentAttempts: b.paymentAttempts + 1 };
      if (e.type === 'HOLD_EXPIRED') return { ...b, status: 'EXPIRED' };
      if (e.type === 'CANCEL') return { ...b, status: 'CANCELLED' };
      break;
    case 'PAYMENT_PENDING':
      if (e.type === 'PAYMENT_OK') return { ...b, status: 'PAID', chargeId: e.chargeId };
      if (e.type === 'PAYMENT_DECLINED') return { ...b, status: 'PAYMENT_FAILED' };
      if (e.type === 'HOLD_EXPIRED') return { ...b, status: 'EXPIRED' };
      break;
    case 'PAYMENT_FAILED':
      if (e.type === 'PAY' && b.paymentAttempts < MAX_PAYMENT_ATTEMPTS)
        return { ...b, status: 'PAYMENT_PENDING', paymentAttempts: b.paymentAttempts + 1 };
      if (e.type === 'HOLD_EXPIRED') return { ...b, status: 'EXPIRED' };
      break;
    case 'PAID':
      if (e.type === 'SEND_TO_SUPPLIER') return { ...b, status: 'SUPPLIER_PENDING' };
      if (e.type === 'CANCEL') return { ...b, status: 'REFUND_PENDING' };
      break;
    case 'SUPPLIER_PENDING':
      if (e.type === 'SUPPLIER_OK') return { ...b, status: 'CONFIRMED', supplierRef: e.supplierRef };
      if (e.type === 'SUPPLIER_NO') return { ...b, status: 'SUPPLIER_REJECTED' };
      if (e.type === 'CANCEL') return { ...b, status: 'CANCEL_REQUESTED' };
      break;
    case 'SUPPLIER_REJECTED':
      if (e.type === 'REFUND_OK') return { ...b, status: 'REFUNDED' };
      break;
    case 'CONFIRMED':
      if (e.type === 'CANCEL') return { ...b, status: 'CANCEL_REQUESTED' };
      if (e.type === 'CHECKED_OUT') return { ...b, status: 'COMPLETED' };
      break;
    case 'CANCEL_REQUESTED':
      if (e.type === 'SUPPLIER_CANCEL_OK')
        return { ...b, status: b.refundable ? 'REFUND_PENDING' : 'CANCELLED' };
      if (e.type === 'SUPPLIER_OK') return { ...b, status: 'CONFIRMED', supplierRef: e.supplierRef };
      break;
    case 'REFUND_PENDING':
      if (e.type === 'REFUND_OK') return { ...b, status: 'REFUNDED' };
      break;
  }
  return b;
}
''')],
  reqs=['a customer should never end up with money taken and no booking and no refund on the way',
        'a cancelled or refunded booking should never become confirmed again',
        'tell me which impossible situations the current code actually allows'],
  fw='vitest')

# why: 40 rows of pass/fail history and a counting question: mechanical tally, no diagnosis asked -> simple
t('simple', 'flaky-test-analysis',
  "I exported the last 40 CI runs from the dashboard into a spreadsheet. Which tests failed more than twice? Just "
  "give me the test name and how many times it failed, most failures first.",
  files=[('data/ci-history.csv',
          'run,date,login_spec,search_spec,hotel_page_spec,room_select_spec,checkout_spec,confirmation_spec,my_trips_spec,reviews_spec\n' +
          lines(40, lambda i: '%d,2024-09-%02d,%s' % (
              5100 + i, 1 + i * 3 // 4,
              ','.join('FAIL' if (i * (k + 3) + k * 7) % [41, 9, 23, 13, 97, 11, 31, 53][k] == 0 else 'PASS'
                       for k in range(8)))))],
  fw='playwright')

t('medium', 'quality-gate',
  "Release 4.12 of the app goes to the stores Friday. Here are the numbers engineering gave me and our release "
  "checklist. Does it pass? If not, what exactly is blocking and is any of it something we could reasonably accept?",
  files=[('release/checklist.md', '''
# Roamly mobile release checklist (v3, agreed with CTO in March)
1. Unit tests: 0 failures. Known-flaky tests listed in FLAKY.md may be excluded.
2. Line coverage of changed files >= 75%.
3. E2E booking journey (iOS + Android): all "P0" scenarios pass.
4. Crash-free sessions in beta >= 99.5% over at least 3 days.
5. App start time (cold, mid-range Android) p90 <= 2.5 s, and not more than 10% worse than last release.
6. No open P1 bugs. P2 bugs allowed if there is a workaround written in the release notes.
'''), ('release/4.12-metrics.txt', '''
Unit tests: 2,318 passed, 2 failed (TripCardSnapshotTest.renders_long_hotel_name, CurrencyPickerTest.defaults_to_device_locale)
Changed-files line coverage: 78.4%
E2E P0: iOS 22/22 passed; Android 21/22 passed (P0-17 "pay with saved card" failed on Pixel 4a API 30, passed on rerun)
Beta crash-free sessions: day1 99.71%, day2 99.48%, day3 99.62%
Cold start p90 (Moto G Power): 2.38 s  (4.11: 2.11 s)
Open bugs: P1 none; P2 #4471 "Map pins overlap at zoom 11" (no workaround noted), P2 #4480 "Dark mode: price badge low contrast" (workaround: none needed, cosmetic)
'''), ('release/FLAKY.md', '''
Known flaky (excluded from gate until fixed):
- CurrencyPickerTest.defaults_to_device_locale  (#4390)
- HotelGalleryTest.swipe_loops_to_first_image     (#4102)
''')])

# why: 7 reports across services, and the call hinges on spotting duplicate-charge / reconciliation signals in a
# payment-provider switch (idempotency across services) -> complex, not a several-metric medium gate
t('complex', 'quality-gate',
  "We're switching payment providers next week (from PayCo to Finpay). The payments team says everything is green "
  "and wants a go. I have to sign off and honestly I can't read half of this. Can you look at everything and tell me "
  "go or no-go, and why, in words I can repeat to the CEO?",
  files=[('gate/unit-tests.txt', '''
payment-service  412 passed, 0 failed   coverage lines 86.2%
booking-service  655 passed, 0 failed   coverage lines 81.0%
refund-worker     97 passed, 0 failed   coverage lines 72.4%
'''), ('gate/e2e-sandbox.txt', '''
Finpay sandbox E2E: 48/48 passed
  incl. card ok, card declined, 3DS challenge ok, 3DS abandoned, refund full, refund partial
  not run: "network timeout during capture" (sandbox cannot simulate)
'''), ('gate/canary-metrics.csv', '''
hour,provider,attempts,succeeded,declined,errors,p95_ms,webhooks_received,webhooks_duplicate
1,finpay,212,196,14,2,1840,210,0
2,finpay,240,221,16,3,1910,236,4
3,finpay,198,180,15,3,2260,199,11
4,finpay,251,229,19,3,2050,258,17
1,payco,2011,1877,121,13,1320,2011,0
2,payco,2230,2081,133,16,1290,2230,0
'''), ('gate/reconciliation-diff.csv', '''
booking_id,roamly_amount,finpay_captured,finpay_charge_count,note
bk_90211,412.00,412.00,1,
bk_90244,188.50,377.00,2,"two captures same card 4 s apart"
bk_90251,95.00,95.00,1,
bk_90302,640.00,1280.00,2,"two captures same card 9 s apart"
bk_90317,230.00,0.00,0,"booking CONFIRMED, no capture at Finpay"
'''), ('gate/security-scan.txt', '''
SAST: 0 high, 2 medium (log statement prints full webhook payload incl. last4+expiry; webhook endpoint accepts requests without signature when header missing)
Dependency scan: 0 high
'''), ('gate/perf-summary.txt', '''
k6 checkout scenario vs Finpay sandbox, 50 VUs 15 min: p95 2.1 s (PayCo baseline 1.4 s), errors 0.6%
'''), ('gate/payments-team-note.txt', '''
From: Oskar (payments lead)
All tests green, canary healthy, recon diffs are "sandbox noise / webhook retries, Finpay says harmless".
Webhook signature: we'll enforce after launch, Finpay sometimes omits the header in sandbox.
Proposing 100% rollout Tuesday 9am.
''')],
  reqs=['give me a clear go / no-go', 'if no-go, the smallest list of things that would make it a go'],
  lang=None)

t('simple', 'test-execution',
  "Can you rerun just the tests that failed last night? Nobody changed anything so I want to know if they fail again "
  "or if it was a blip.",
  files=[('reports/last-night.txt', '''
Roamly web nightly #1851 - 3 failed, 1,199 passed
  ✘ e2e/my-trips.spec.ts › shows upcoming trip first
  ✘ e2e/reviews.spec.ts › can post a review after stay
  ✘ src/account/__tests__/profile.test.tsx › saves phone number with country code
''')],
  fw='playwright')

t('medium', 'test-execution',
  "Finance wants proof that refunds still work before we change the refund rules. Can you run the payment service's "
  "integration tests and tell me what passes and fails? Tomás says they need the test database and the fake payment "
  "provider running first, his notes and the config are below.",
  files=[('services/payment/docker-compose.test.yml', '''
version: "3.9"
services:
  postgres:
    image: postgres:15
    environment:
      POSTGRES_USER: roamly
      POSTGRES_PASSWORD: localtestonly
      POSTGRES_DB: payments_test
    ports: ["5433:5432"]
    healthcheck:
      test: ["CMD-SHELL", "pg_isready -U roamly"]
      interval: 2s
      retries: 15
  fake-psp:
    image: roamly/fake-psp:1.4
    environment:
      FAKE_PSP_LATENCY_MS: "150"
      FAKE_PSP_DECLINE_CARDS: "4000000000000002,4000000000009995"
    ports: ["4010:4010"]
'''), ('services/payment/jest.integration.config.js', '''
module.exports = {
  displayName: 'payment-integration',
  testMatch: ['<rootDir>/test/integration/**/*.int.test.ts'],
  transform: { '^.+\\\\.ts$': ['ts-jest', { isolatedModules: true }] },
  globalSetup: '<rootDir>/test/integration/setup-db.ts',
  globalTeardown: '<rootDir>/test/integration/teardown-db.ts',
  testTimeout: 20000,
  maxWorkers: 1,
};
'''), ('services/payment/TESTING.md', '''
Integration tests
-----------------
1. docker compose -f docker-compose.test.yml up -d   (wait until postgres is healthy)
2. export DATABASE_URL=postgres://roamly:localtestonly@localhost:5433/payments_test
   export PSP_BASE_URL=http://localhost:4010
3. npm run migrate:test
4. npx jest -c jest.integration.config.js
Note: refund tests need FAKE_PSP to be >= 1.4 (partial refunds). If you see "404 /v1/refunds/partial" the image is old.
''')],
  reqs=['group the results by refunds / charges / webhooks', 'tell me if anything failed because of setup rather than a real bug'],
  fw='jest')

# why: getting a 7-service e2e suite to run sharded and reliably when shards share seeded data is multi-module
# (6+ files) work with cross-process state interference -> complex
t('complex', 'test-execution',
  "We want the full end-to-end test suite to run on every pull request instead of only nightly, split across 4 "
  "machines so it takes under 15 minutes. When engineering tried, random tests started failing that never fail at "
  "night. Can you get it running properly and tell me the results? I've pasted everything they sent me.",
  files=[('e2e/playwright.config.ts', '''
import { defineConfig, devices } from '@playwright/test';

export default defineConfig({
  testDir: './tests',
  fullyParallel: true,
  workers: process.env.CI ? 4 : 2,
  retries: 0,
  globalSetup: './global-setup.ts',
  use: { baseURL: process.env.BASE_URL ?? 'http://localhost:8080', trace: 'retain-on-failure' },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'] } }],
});
'''), ('e2e/global-setup.ts', '''
import { execSync } from 'node:child_process';

export default async function globalSetup() {
  // reset all services' databases and load the standard fixtures
  execSync('node ../scripts/seed-all.js --reset', { stdio: 'inherit' });
}
'''), ('scripts/seed-all.js', '''
const { Client } = require('pg');
const fixtures = require('./fixtures.json');

async function main() {
  const db = new Client({ connectionString: process.env.E2E_DATABASE_URL });
  await db.connect();
  if (process.argv.includes('--reset')) {
    await db.query('TRUNCATE users, bookings, room_nights, room_holds, promo_redemptions, reviews RESTART IDENTITY CASCADE');
  }
  for (const u of fixtures.users) await db.query('INSERT INTO users(email, name) VALUES ($1, $2)', [u.email, u.name]);
  for (const r of fixtures.roomNights) await db.query('INSERT INTO room_nights(key, remaining) VALUES ($1, $2)', [r.key, r.remaining]);
  await db.query("INSERT INTO promos(code, percent_off, max_redemptions) VALUES ('E2E10', 10, 5) ON CONFLICT DO NOTHING");
  await db.end();
}
main();
'''), ('.github/workflows/e2e-pr.yml', '''
name: e2e-pr
on: pull_request
jobs:
  e2e:
    runs-on: ubuntu-latest
    strategy:
      matrix: { shard: [1, 2, 3, 4] }
    env:
      E2E_DATABASE_URL: ${{ secrets.E2E_SHARED_DB_URL }}
      BASE_URL: https://e2e.roamly-staging.example
    steps:
      - uses: actions/checkout@v4
      - run: npm ci
      - run: npx playwright install --with-deps chromium
      - run: npx playwright test --shard=${{ matrix.shard }}/4
'''), ('e2e/tests/booking.spec.ts', '''
import { test, expect } from '@playwright/test';

test('guest books the last room with promo E2E10', async ({ page }) => {
  await page.goto('/hotels/htl_42?checkIn=2030-05-10&checkOut=2030-05-12');
  await page.getByRole('button', { name: 'Select room' }).first().click();
  await page.getByLabel('Promo code').fill('E2E10');
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page.getByText('10% off applied')).toBeVisible();
  await page.getByRole('button', { name: 'Pay now' }).click();
  await expect(page.getByRole('heading', { name: 'You are going to Lisbon!' })).toBeVisible();
});
'''), ('e2e/tests/my-trips.spec.ts', '''
import { test, expect } from '@playwright/test';
import { loginAs } from './helpers';

test('my trips lists exactly one upcoming trip', async ({ page }) => {
  await loginAs(page, 'ana@e2e.roamly.test');
  await page.goto('/trips');
  await expect(page.getByTestId('trip-card')).toHaveCount(1);
});
'''), ('ci/pr-run-1187.log', '''
[shard 1/4] ✓ 31 passed
[shard 2/4] ✘ booking.spec.ts › guest books the last room with promo E2E10
             Error: locator getByText('10% off applied') not visible - page shows "This promo has reached its limit"
[shard 3/4] ✘ my-trips.spec.ts › my trips lists exactly one upcoming trip  (expected 1, received 3)
[shard 3/4] ✘ reviews.spec.ts › can post a review after stay  (Error: user ana@e2e.roamly.test not found)
[shard 4/4] ✓ 29 passed
''')],
  reqs=['keep it under 15 minutes', "don't just add retries"],
  fw='playwright')

t('simple', 'defect-analysis',
  "The daily price-comparison report crashed this morning and the data team is blocked. They sent me this error and "
  "the function. What's wrong and what's the one-line fix?",
  files=[('pricing_job/formatting.py', '''
AIRPORT_ALIASES = {"LHR": "London Heathrow", "LGW": "London Gatwick", "CDG": "Paris CDG", "LIS": "Lisbon"}


def route_label(origin, destination):
    """Human label for a route, e.g. 'LIS -> London Heathrow'."""
    o = origin.strip().upper()
    d = destination.strip().upper()
    name = AIRPORT_ALIASES.get(d)
    return f"{o} -> {name.title()}"
'''), ('logs/job-2024-09-14.txt', '''
Traceback (most recent call last):
  File "pricing_job/run.py", line 88, in <module>
    rows.append([route_label(r["from"], r["to"]), r["price"]])
  File "pricing_job/formatting.py", line 9, in route_label
    return f"{o} -> {name.title()}"
AttributeError: 'NoneType' object has no attribute 'title'
(row being processed: {"from": "lis", "to": "OPO", "price": 48.0})
''')],
  fw='pytest', lang=None)

# why: web-server and container config review for a static marketing site with no login, payments or user data:
# a couple of files with moderate judgement, not security-critical code -> medium
t('medium', 'security-scan',
  "We're relaunching the marketing site (blog + landing pages, no logins, no payments) and a big partner asked us "
  "to confirm it's 'set up securely'. Can you check the server config and Dockerfile the agency gave us?",
  files=[('marketing-site/nginx.conf', '''
server {
    listen 80;
    server_name roamly.example www.roamly.example;
    root /usr/share/nginx/html;
    autoindex on;
    server_tokens on;

    location / {
        try_files $uri $uri/ /index.html;
        add_header Access-Control-Allow-Origin *;
    }

    location /drafts/ {
        # preview for the marketing team
        alias /usr/share/nginx/drafts/;
    }

    location ~ /\\.git {
        allow all;
    }

    error_page 500 502 503 504 /50x.html;
}
'''), ('marketing-site/Dockerfile', '''
FROM nginx:1.19
COPY . /usr/share/nginx/html
COPY nginx.conf /etc/nginx/conf.d/default.conf
COPY drafts/ /usr/share/nginx/drafts/
ENV CMS_PREVIEW_TOKEN=prv_FAKE_0000_example
EXPOSE 80
'''), ('marketing-site/.dockerignore', '''
node_modules
*.log
''')],
  reqs=['say which issues a partner would care about and which are nice-to-have'],
  lang=None)

t('complex', 'security-scan',
  "Customers can look up their booking on the 'Manage my booking' page with their booking reference and last name, "
  "no login needed (the airlines do it this way). A customer just told us she typed a reference one digit off from "
  "hers and saw a stranger's booking. Can you check how bad this is?",
  files=[('src/routes/manageBooking.ts', '''
import { Router } from 'express';
import { db } from '../db';

export const manageBooking = Router();

// references look like RML-100482, assigned in order
manageBooking.get('/api/manage/:ref', async (req, res) => {
  const { ref } = req.params;
  const lastName = String(req.query.lastName ?? '');
  const booking = await db.booking.findUnique({
    where: { reference: ref },
    include: { guests: true, hotel: true, payment: true },
  });
  if (!booking) return res.status(404).json({ error: 'Booking not found' });
  const match = booking.guests.some((g) => g.lastName.toLowerCase().startsWith(lastName.toLowerCase()));
  if (!match) return res.status(403).json({ error: 'Last name does not match' });
  res.json(booking);
});

manageBooking.post('/api/manage/:ref/cancel', async (req, res) => {
  const booking = await db.booking.findUnique({ where: { reference: req.params.ref } });
  if (!booking) return res.status(404).json({ error: 'Booking not found' });
  await db.booking.update({ where: { id: booking.id }, data: { status: 'CANCEL_REQUESTED' } });
  res.json({ ok: true });
});

manageBooking.post('/api/manage/:ref/guests', async (req, res) => {
  const booking = await db.booking.findUnique({ where: { reference: req.params.ref }, include: { guests: true } });
  if (!booking || !booking.guests.some((g) => g.lastName === req.body.lastName)) return res.status(403).end();
  await db.guest.updateMany({ where: { bookingId: booking.id }, data: req.body.guest });
  res.json({ ok: true });
});
'''), ('src/models/booking.prisma', '''
model Booking {
  id         String   @id @default(cuid())
  reference  String   @unique
  status     String
  guests     Guest[]
  hotel      Hotel    @relation(fields: [hotelId], references: [id])
  hotelId    String
  payment    Payment?
}

model Guest {
  id             String  @id @default(cuid())
  bookingId      String
  firstName      String
  lastName       String
  email          String
  phone          String
  passportNumber String?
  dateOfBirth    DateTime?
}

model Payment {
  id        String @id @default(cuid())
  bookingId String @unique
  cardLast4 String
  cardBrand String
  billingAddress String
}
''')],
  reqs=['tell me what a stranger could see and do today', 'what should we change, most urgent first'])

t('complex', 'security-scan',
  "Forwarded from Priya (backend): \"Dana, the hotel partner webhook is live, partners POST availability changes to "
  "us and we update prices. I check the signature they send, so only real partners can call it. Can QA do a quick "
  "security pass? Partner secret is in the env.\" Please do the pass.",
  files=[('src/partners/webhook.ts', '''
import crypto from 'node:crypto';
import express from 'express';
import { applyAvailabilityUpdate } from './availability';

export const partnerWebhook = express.Router();

partnerWebhook.post('/partners/:partnerId/webhook', express.json(), async (req, res) => {
  const partnerId = req.params.partnerId;
  const secret = process.env[`PARTNER_SECRET_${partnerId.toUpperCase()}`] ?? process.env.PARTNER_SECRET_DEFAULT ?? '';
  const signature = req.header('x-roamly-signature');
  const timestamp = req.header('x-roamly-timestamp');

  const expected = crypto
    .createHmac('sha1', secret)
    .update(JSON.stringify(req.body))
    .digest('hex');

  if (signature && signature !== expected) {
    return res.status(401).json({ error: 'bad signature', expected });
  }

  for (const update of req.body.updates ?? []) {
    await applyAvailabilityUpdate(partnerId, update.hotelId, update.date, update.nightlyCents, update.remaining);
  }
  res.json({ ok: true, received: timestamp });
});
'''), ('src/partners/availability.ts', '''
import { db } from '../db';

export async function applyAvailabilityUpdate(partnerId: string, hotelId: string, date: string, nightlyCents: number, remaining: number) {
  await db.$executeRawUnsafe(
    `UPDATE room_nights SET nightly_cents = ${nightlyCents}, remaining = ${remaining}
     WHERE hotel_id = '${hotelId}' AND date = '${date}' AND partner_id = '${partnerId}'`
  );
}
''')])

t('simple', 'performance-testing',
  "Engineering ran the checkout load test and sent me the output below. Our target is that 95% of checkouts finish "
  "in under 2 seconds and less than 1% fail. Did we hit it?",
  files=[('reports/k6-checkout-summary.txt', '''
     scenarios: (100.00%) 1 scenario, 150 max VUs, 16m30s max duration
              * checkout: Up to 150 looping VUs for 16m0s over 3 stages

     ✓ status is 200
     ✗ booking confirmed
      ↳  98% — ✓ 41218 / ✗ 806

     checks.........................: 98.99% ✓ 83242      ✗ 806
     data_received..................: 1.9 GB 2.0 MB/s
     http_req_duration..............: avg=812.4ms min=121.3ms med=640.2ms max=9.81s  p(90)=1.61s  p(95)=2.34s
       { expected_response:true }...: avg=790.1ms min=121.3ms med=631.0ms max=9.12s  p(90)=1.55s  p(95)=2.21s
     http_req_failed................: 0.42%  ✓ 177        ✗ 41847
     http_reqs......................: 42024  43.7/s
     iteration_duration.............: avg=3.2s   min=1.1s    med=2.9s    max=14.2s
     vus............................: 3      min=3        max=150
''')],
  fw='k6', lang='javascript')

t('complex', 'defect-analysis',
  "Customers who cancel are still getting 'Your booking is confirmed!' emails, sometimes hours after they cancelled, "
  "and a few then show up at the hotel expecting a room. It started after last month's 'faster confirmations' "
  "project. Three teams each say it isn't their service. I collected their code and logs for one affected booking "
  "(bk_77310). Can you work out what's actually happening?",
  files=[('services/booking/src/cancel.ts', '''
import { db } from './db';
import { bus } from './bus';

export async function cancelBooking(bookingId: string) {
  const b = await db.booking.findUnique({ where: { id: bookingId } });
  if (!b) throw new Error('not found');
  if (b.status === 'CANCELLED') return b;
  const updated = await db.booking.update({ where: { id: bookingId }, data: { status: 'CANCELLED' } });
  await bus.publish('booking.cancelled', { bookingId, at: new Date().toISOString() });
  return updated;
}
'''), ('services/booking/src/supplierCallback.ts', '''
import { db } from './db';
import { bus } from './bus';

// supplier confirms asynchronously, can take seconds to hours
export async function onSupplierConfirmed(bookingId: string, supplierRef: string) {
  await db.booking.update({ where: { id: bookingId }, data: { status: 'CONFIRMED', supplierRef } });
  await bus.publish('booking.confirmed', { bookingId, supplierRef });
}
'''), ('services/notification/src/consumers.ts', '''
import { bus } from './bus';
import { sendTemplate } from './email';
import { bookingApi } from './bookingApi';

bus.subscribe('booking.confirmed', { group: 'notification', retries: 10, backoffMs: 60_000 }, async (msg) => {
  const booking = await bookingApi.get(msg.bookingId); // may be served from 5-minute cache
  await sendTemplate('booking-confirmed', booking.guestEmail, booking);
});

bus.subscribe('booking.cancelled', { group: 'notification', retries: 10, backoffMs: 60_000 }, async (msg) => {
  const booking = await bookingApi.get(msg.bookingId);
  await sendTemplate('booking-cancelled', booking.guestEmail, booking);
});
'''), ('services/notification/src/bookingApi.ts', '''
import LRU from 'lru-cache';
import { http } from './http';

const cache = new LRU<string, any>({ max: 5000, ttl: 5 * 60 * 1000 });

export const bookingApi = {
  async get(id: string) {
    const hit = cache.get(id);
    if (hit) return hit;
    const b = await http.get(`/internal/bookings/${id}`);
    cache.set(id, b.data);
    return b.data;
  },
};
'''), ('services/supplier-gateway/src/poller.ts', '''
import { suppliers } from './suppliers';
import { bookingClient } from './bookingClient';

// "faster confirmations": poll suppliers every 30s instead of waiting for their callback
export async function pollPending(pending: { bookingId: string; supplier: string; supplierBookingId: string }[]) {
  await Promise.all(pending.map(async (p) => {
    const s = await suppliers[p.supplier].status(p.supplierBookingId);
    if (s === 'CONFIRMED') await bookingClient.supplierConfirmed(p.bookingId, p.supplierBookingId);
  }));
}
'''), ('services/supplier-gateway/src/pendingQuery.sql', '''
-- list of bookings to poll; refreshed from a nightly copy of the bookings table
SELECT booking_id, supplier, supplier_booking_id
FROM analytics.bookings_snapshot
WHERE status IN ('SUPPLIER_PENDING', 'PAID');
'''), ('logs/bk_77310.txt', '''
09:14:02.118 booking       status PAID -> SUPPLIER_PENDING  bk_77310
09:20:45.902 booking       cancelBooking bk_77310 -> CANCELLED; publish booking.cancelled
09:20:46.310 notification  booking.cancelled bk_77310 -> ERROR email provider 503, retry in 60s
09:21:00.004 supplier-gw   poll bk_77310 supplier=hotelbeds status=CONFIRMED -> supplierConfirmed
09:21:00.087 booking       onSupplierConfirmed bk_77310 status -> CONFIRMED; publish booking.confirmed
09:21:00.412 notification  booking.confirmed bk_77310 -> sent "booking-confirmed"
09:21:46.455 notification  booking.cancelled bk_77310 (retry 1) -> sent "booking-cancelled" (template shows status CONFIRMED)
09:51:00.010 supplier-gw   poll bk_77310 supplier=hotelbeds status=CONFIRMED -> supplierConfirmed
09:51:00.091 booking       onSupplierConfirmed bk_77310 status -> CONFIRMED; publish booking.confirmed
09:51:00.380 notification  booking.confirmed bk_77310 -> sent "booking-confirmed"
''')],
  reqs=['which team owns which part of the problem', 'what to fix first so no more customers turn up at hotels'])

t('medium', 'test-generation',
  "This is the bit that converts hotel prices into the customer's currency. Last month the exchange-rate service "
  "went down and the app showed everything as 0.00 for an hour. Engineering added a fallback. Can you write tests "
  "for it, including what happens when the rate service is down or slow?",
  files=[('src/pricing/fxRates.ts', '''
export interface RateSource {
  fetchRates(base: string): Promise<Record<string, number>>;
}

interface CacheEntry { rates: Record<string, number>; fetchedAt: number; }

const FRESH_MS = 15 * 60 * 1000;
const STALE_OK_MS = 24 * 60 * 60 * 1000;
const TIMEOUT_MS = 2000;

export class FxRates {
  private cache = new Map<string, CacheEntry>();

  constructor(private source: RateSource, private now: () => number = Date.now) {}

  async convert(amountMinor: number, from: string, to: string): Promise<{ amountMinor: number; stale: boolean }> {
    if (from === to) return { amountMinor, stale: false };
    const { rates, stale } = await this.ratesFor(from);
    const rate = rates[to];
    if (rate === undefined || rate <= 0) throw new Error(`No rate ${from}->${to}`);
    return { amountMinor: Math.round(amountMinor * rate), stale };
  }

  private async ratesFor(base: string): Promise<{ rates: Record<string, number>; stale: boolean }> {
    const entry = this.cache.get(base);
    const age = entry ? this.now() - entry.fetchedAt : Infinity;
    if (entry && age < FRESH_MS) return { rates: entry.rates, stale: false };
    try {
      const rates = await withTimeout(this.source.fetchRates(base), TIMEOUT_MS);
      if (!rates || Object.keys(rates).length === 0) throw new Error('empty rates');
      this.cache.set(base, { rates, fetchedAt: this.now() });
      return { rates, stale: false };
    } catch (err) {
      if (entry && age < STALE_OK_MS) return { rates: entry.rates, stale: true };
      throw new Error(`Rates unavailable for ${base}: ${(err as Error).message}`);
    }
  }
}

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('timeout')), ms);
    p.then((v) => { clearTimeout(timer); resolve(v); }, (e) => { clearTimeout(timer); reject(e); });
  });
}
''')],
  reqs=['never show a price of 0 to a customer', 'use fake timers, not real waiting'],
  fw='vitest')

t('simple', 'test-generation',
  "We're moving all our browser tests from Cypress to Playwright. Can you convert this one? It's our login test.",
  files=[('cypress/e2e/login.cy.js', '''
describe('login', () => {
  beforeEach(() => {
    cy.visit('/login');
  });

  it('logs in with email and password', () => {
    cy.get('[data-testid="email"]').type('ana@e2e.roamly.test');
    cy.get('[data-testid="password"]').type('correct-horse-1');
    cy.get('button[type="submit"]').click();
    cy.url().should('include', '/trips');
    cy.contains('Welcome back, Ana').should('be.visible');
  });

  it('shows an error for a wrong password', () => {
    cy.get('[data-testid="email"]').type('ana@e2e.roamly.test');
    cy.get('[data-testid="password"]').type('nope');
    cy.get('button[type="submit"]').click();
    cy.get('[role="alert"]').should('contain', 'Email or password is incorrect');
    cy.url().should('include', '/login');
  });
});
''')],
  fw='playwright', lang='javascript')

# why: coverage numbers across 7 services plus an incident list, asking for a risk-ranked plan that weighs payments,
# concurrency and cross-service flows: large multi-module judgement -> complex
t('complex', 'coverage-analysis',
  "The board asked 'how well tested is the product?' and I want a better answer than one percentage. I have coverage "
  "for every service and our incident list from this year. Can you tell me where the real risk is, where high "
  "coverage is misleading, and the 10 things to test next in priority order?",
  files=[('coverage/api-gateway.txt', '''
api-gateway   lines 88.1%  branches 80.2%
  uncovered: rateLimit.ts 44-71 (burst bucket refill), auth/jwt.ts 90-104 (key rotation path)
'''), ('coverage/search-service.txt', '''
search-service   lines 76.4%  branches 61.0%
  uncovered: supplierFanout.ts 120-188 (partial supplier timeout merge), cache.ts 33-52 (cache miss under load)
'''), ('coverage/inventory-service.txt', '''
inventory-service   lines 92.3%  branches 70.4%
  uncovered: holdRoom.ts 28-35 (hold expired while payment in progress), releaseExpired.ts 10-22 (cron overlaps)
'''), ('coverage/payment-service.txt', '''
payment-service   lines 86.2%  branches 74.0%
  uncovered: capture.ts 61-90 (capture timeout -> unknown state), webhooks.ts 40-66 (duplicate webhook)
'''), ('coverage/booking-service.txt', '''
booking-service   lines 81.0%  branches 66.3%
  uncovered: saga.ts 140-222 (compensation when supplier rejects after payment), cancel.ts 15-30
'''), ('coverage/notification-service.txt', '''
notification-service   lines 58.9%  branches 41.2%
  uncovered: consumers.ts 20-64 (retry + ordering), templates/*.mjml (not measured)
'''), ('coverage/web-app.txt', '''
web-app   lines 64.0%  branches 49.8%
  uncovered: checkout/ThreeDSFrame.tsx, search/Filters.tsx 100-180, account/DeleteAccount.tsx
'''), ('incidents/2024.csv', '''
date,severity,summary,services
2024-02-03,SEV2,Double charges after payment provider timeout,payment;booking
2024-03-19,SEV3,Search empty for 20 min when supplier B slow,search
2024-05-07,SEV2,Two guests confirmed for last room in Rome,inventory;booking
2024-06-21,SEV3,Confirmation emails missing for 2 hours,notification
2024-07-12,SEV2,Sale email traffic: search p95 9s and hold timeouts,search;inventory;api-gateway
2024-08-30,SEV2,Cancelled bookings received confirmation email,booking;notification;supplier-gateway
2024-09-11,SEV3,Tokens rejected for 10 min after key rotation,api-gateway
''')],
  reqs=['explain like I am presenting to non-engineers', 'call out where a high percentage hides untested risk'],
  lang=None)

t('medium', 'flaky-test-analysis',
  "The test for the 'Your trip starts tomorrow!' banner on the My Trips page fails every evening in CI but passes "
  "in the morning. Engineers in Lisbon can't reproduce it. Our CI runs in the US. Can you figure out why and suggest "
  "a fix for the test (or the code, if the code is wrong for customers too)?",
  files=[('src/trips/tripBanner.ts', '''
export function daysUntil(checkInIso: string, now: Date = new Date()): number {
  const checkIn = new Date(checkInIso); // e.g. "2024-10-05"
  const today = new Date(now.getFullYear(), now.getMonth(), now.getDate());
  return Math.round((checkIn.getTime() - today.getTime()) / 86_400_000);
}

export function bannerText(checkInIso: string, now?: Date): string | null {
  const d = daysUntil(checkInIso, now);
  if (d === 0) return 'Your trip starts today!';
  if (d === 1) return 'Your trip starts tomorrow!';
  if (d > 1 && d <= 7) return `Your trip starts in ${d} days`;
  return null;
}
'''), ('src/trips/tripBanner.test.ts', '''
import { bannerText } from './tripBanner';

function isoDate(d: Date) { return d.toISOString().slice(0, 10); }

test('shows tomorrow banner', () => {
  const tomorrow = new Date();
  tomorrow.setDate(tomorrow.getDate() + 1);
  expect(bannerText(isoDate(tomorrow))).toBe('Your trip starts tomorrow!');
});

test('shows today banner', () => {
  expect(bannerText(isoDate(new Date()))).toBe('Your trip starts today!');
});
'''), ('ci/evening-run.txt', '''
CI runner TZ=America/New_York, run started 2024-10-03 20:41 EDT
  ✕ shows tomorrow banner
    Expected: "Your trip starts tomorrow!"
    Received: "Your trip starts in 2 days"
  ✕ shows today banner
    Expected: "Your trip starts today!"
    Received: "Your trip starts tomorrow!"
''')],
  fw='jest')

# why: told in plain words, but it is a thundering-herd / cache-stampede under concurrent identical requests: the
# test has to reproduce synchronized expiry and concurrent misses against rate-limited suppliers -> complex
t('complex', 'performance-testing',
  "Every time we send a big sale email, the app basically freezes for about a minute: searches spin forever, then "
  "it's fine again even though people are still arriving. Engineering says 'it's just the spike'. Can you design a "
  "test that shows exactly what is happening, so we can stop guessing? This is the search code they pointed me to.",
  files=[('services/search/src/searchCache.ts', '''
import { redis } from './redis';
import { fetchFromSuppliers } from './suppliers';

const TTL_SECONDS = 600;

export async function searchHotels(destination: string, checkIn: string, checkOut: string) {
  const key = `search:${destination}:${checkIn}:${checkOut}`;
  const cached = await redis.get(key);
  if (cached) return JSON.parse(cached);

  const results = await fetchFromSuppliers(destination, checkIn, checkOut); // 3 suppliers, 1-6 s each
  await redis.set(key, JSON.stringify(results), 'EX', TTL_SECONDS);
  return results;
}
'''), ('services/search/src/suppliers.ts', '''
import pLimit from 'p-limit';
import { supplierA, supplierB, supplierC } from './clients';

const limitB = pLimit(30); // supplier B allows 30 concurrent requests for our account

export async function fetchFromSuppliers(destination: string, checkIn: string, checkOut: string) {
  const [a, b, c] = await Promise.all([
    supplierA.search(destination, checkIn, checkOut),
    limitB(() => supplierB.search(destination, checkIn, checkOut)),
    supplierC.search(destination, checkIn, checkOut),
  ]);
  return [...a, ...b, ...c].sort((x, y) => x.priceCents - y.priceCents);
}
'''), ('data/sale-email-traffic.csv', '''
minute_after_send,searches_started,distinct_destination_dates,p95_seconds
0,310,41,1.2
1,2840,58,14.8
2,3120,63,22.5
3,2950,60,6.1
4,2600,66,1.4
5,2310,71,1.1
10,1400,90,1.0
11,1350,88,9.7
12,1290,92,1.3
''')],
  reqs=['we can use mocked suppliers with realistic delays', 'explain the result so marketing understands why it happens'],
  fw='k6', lang='javascript')

# why: lots of surrounding context, but the actual ask is reading four numbers against one threshold -> simple
t('simple', 'quality-gate',
  "Context: next week is our board meeting and the investors' technical advisor asked last quarter whether our test "
  "coverage is 'at least 75% across the board'. Our CTO promised it would be by this quarter. We've had a lot of "
  "churn on the team (two engineers left, one new one joined), and the mobile team was busy with the new trip "
  "planner so I'm nervous. Engineering tell me the number is 'fine' but I want to see it myself before I put it in "
  "the deck. The summary is below. Question: are all four coverage numbers at or above 75%? If any aren't, which?",
  files=[('reports/coverage-q3.txt', '''
=============================== Coverage summary ===============================
Statements   : 79.42% ( 18211/22930 )
Branches     : 71.08% ( 5102/7178 )
Functions    : 77.90% ( 3390/4352 )
Lines        : 80.13% ( 17655/22033 )
================================================================================
''')],
  fw='jest')

t('medium', 'defect-analysis',
  "Customers in Australia and New Zealand say their booking confirmation shows the wrong check-in date, one day "
  "earlier than what they picked. Nobody in Europe sees it. I exported the complaints from the help desk and got "
  "the date code from an engineer. What's going on, and are other countries affected too?",
  files=[('data/date-complaints.csv',
          'ticket,country,device,picked_checkin,shown_checkin,booked_at_local\n' +
          lines(18, lambda i: 'ZD-%d,%s,%s,2024-%02d-%02d,2024-%02d-%02d,2024-%02d-%02d %02d:%02d' % (
              80410 + i * 7, ['AU', 'NZ', 'AU', 'AU', 'NZ', 'JP'][i % 6], ['iOS', 'Android', 'web'][i % 3],
              11 + i % 2, 3 + i, 11 + i % 2, 2 + i, 9 + i % 2, 1 + i, 7 + i % 14, (i * 13) % 60))),
         ('src/booking/dates.ts', '''
import { format } from 'date-fns';

// date picker gives us a JS Date at local midnight of the chosen day
export function toApiDate(picked: Date): string {
  return picked.toISOString().slice(0, 10);
}

// API returns "YYYY-MM-DD"
export function fromApiDate(iso: string): Date {
  return new Date(iso);
}

export function confirmationLabel(checkInIso: string, checkOutIso: string): string {
  const inDate = fromApiDate(checkInIso);
  const outDate = fromApiDate(checkOutIso);
  const nights = Math.round((outDate.getTime() - inDate.getTime()) / 86_400_000);
  return `${format(inDate, 'EEE d MMM yyyy')} - ${format(outDate, 'EEE d MMM yyyy')} (${nights} night${nights === 1 ? '' : 's'})`;
}

export function isBookableDate(picked: Date, today: Date = new Date()): boolean {
  const pickedDay = toApiDate(picked);
  const todayDay = toApiDate(today);
  return pickedDay >= todayDay;
}
''')],
  reqs=['tell me which customers (which countries / time of day) are affected', 'check if US customers have a different problem'])

# why: six files, but each is a tiny per-function hit-count list and the ask is only to list the zero-hit
# functions: mechanical reading, no judgement -> simple
t('simple', 'coverage-analysis',
  "Which functions in the account area have no tests at all? Engineering exported one file per module. Just a list "
  "please, grouped by file.",
  files=[('coverage/account/profile.txt', '''
getProfile         hits: 41
updateName         hits: 12
updatePhone        hits: 0
updateAvatar       hits: 3
'''), ('coverage/account/password.txt', '''
changePassword     hits: 9
requestReset       hits: 6
validateStrength   hits: 22
'''), ('coverage/account/preferences.txt', '''
getPreferences     hits: 17
setCurrency        hits: 5
setLanguage        hits: 0
setMarketingOptIn  hits: 0
'''), ('coverage/account/savedCards.txt', '''
listCards          hits: 8
removeCard         hits: 0
setDefaultCard     hits: 2
'''), ('coverage/account/travellers.txt', '''
listTravellers     hits: 4
addTraveller       hits: 4
editTraveller      hits: 1
removeTraveller    hits: 0
validatePassport   hits: 0
'''), ('coverage/account/deleteAccount.txt', '''
requestDeletion    hits: 0
confirmDeletion    hits: 0
exportMyData       hits: 2
''')],
  fw='jest')

t('medium', 'coverage-analysis',
  "The loyalty points calculator (data team, Python) is at 71% coverage according to the report. Customers complain "
  "about points all the time. Can you look at what isn't covered and tell me which missing tests would have caught "
  "real customer problems? Then suggest the tests.",
  files=[('loyalty/points.py', '''
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, ROUND_DOWN

TIER_MULTIPLIER = {"blue": Decimal("1.0"), "silver": Decimal("1.25"), "gold": Decimal("1.5")}
PARTNER_BONUS = {"hotelbeds": 0, "roamly_select": 200}


@dataclass
class Stay:
    amount_eur: Decimal
    nights: int
    partner: str
    check_out: date
    cancelled: bool = False
    paid_with_points: bool = False


def base_points(stay: Stay) -> int:
    if stay.cancelled or stay.paid_with_points:
        return 0
    return int((stay.amount_eur * 10).to_integral_value(rounding=ROUND_DOWN))


def points_for_stay(stay: Stay, tier: str, promo_double: bool = False) -> int:
    pts = Decimal(base_points(stay)) * TIER_MULTIPLIER.get(tier, Decimal("1.0"))
    if promo_double:
        pts *= 2
    if stay.nights >= 7:
        pts += 500
    pts += PARTNER_BONUS.get(stay.partner, 0)
    return int(pts)


def tier_for(year_points: int) -> str:
    if year_points >= 20000:
        return "gold"
    if year_points > 8000:
        return "silver"
    return "blue"


def expire_points(balance: list[tuple[date, int]], today: date) -> int:
    """Points expire 24 months after the stay's check-out month ends."""
    kept = 0
    for earned_on, pts in balance:
        months = (today.year - earned_on.year) * 12 + (today.month - earned_on.month)
        if months < 24:
            kept += pts
    return kept
'''), ('loyalty/coverage-report.txt', '''
Name                 Stmts   Miss Branch BrPart  Cover   Missing
----------------------------------------------------------------
loyalty/points.py       38      9     16      6    71%   28, 35-36, 38, 46-48, 58-59
----------------------------------------------------------------
TOTAL                   38      9     16      6    71%
'''), ('data/points-complaints.txt', '''
- "I cancelled and rebooked, now my points are gone for both"
- "Gold member since March, got silver multiplier on my April stay"
- "I have exactly 8,000 points, app says Blue, FAQ says Silver starts at 8,000"
- "My points from Jan 2022 disappeared on 1 Dec 2023, not Jan 2024"
- "Booked 7 nights through Roamly Select, no long-stay bonus"
''')],
  fw='pytest', lang=None)

t('simple', 'test-execution',
  "Priya says the price-rounding fix is ready on the branch fix/price-rounding. Can you run the unit tests on that "
  "branch and let me know if they pass?",
  fw='vitest')

t('medium', 'quality-gate',
  "Quarter-end check. I made a spreadsheet comparing this release to the last one against our quality targets. Can "
  "you tell me where we're better, where we're worse, and whether anything should stop the release given the "
  "exceptions we agreed on (notes at the bottom)?",
  files=[('release/quality-comparison.csv', '''
metric,target,release_3_8,release_3_9,notes
unit_tests_failed,0,0,3,"2 are in FLAKY list, 1 is new: PricingTest.rounds_half_even"
e2e_p0_pass_rate,100%,100%,97.7%,"1 of 44 P0 failed: 'change dates on existing booking' (Safari only)"
line_coverage,>=80%,82.4%,81.1%,
branch_coverage,>=70%,71.9%,69.2%,
changed_files_coverage,>=75%,79.0%,68.5%,"new trip planner module mostly UI"
search_p95_ms,<=800,690,742,
checkout_p95_ms,<=2000,1710,2080,"measured at 150 VUs; 3.8 was measured at 100 VUs"
error_rate_5xx,<=0.5%,0.21%,0.34%,
open_p1_bugs,0,0,1,"#5120 'Apple Pay button missing on iPad' - iPad is 2% of bookings"
accessibility_violations_serious,0,4,2,
'''), ('release/agreed-exceptions.md', '''
Agreed exceptions (CTO + Product, Aug 2024):
- Branch coverage may be up to 1.5 points under target for one release if line coverage is on target.
- Changed-files coverage may be waived for pure UI modules if a P0 e2e test covers the new screen.
- Any P1 bug blocks, unless it affects under 1% of bookings AND has a workaround in the release notes.
- Performance numbers only count if measured at the same load as the previous release.
''')])

t('complex', 'test-generation',
  "Our new multi-city flight feature builds the trip out of separate flights (e.g. Lisbon -> London -> New York -> "
  "Lisbon). People keep finding trips where the connection is impossible, like landing after the next flight leaves "
  "once you account for time zones, or the overnight layover rule being wrong. I'd like really thorough tests that "
  "throw lots of random trips at it, not just the five examples we have. Here's the code.",
  files=[('src/flights/itinerary.ts', '''
export interface Flight {
  id: string;
  from: string;            // IATA code
  to: string;
  departLocal: string;     // "2024-11-02T23:40" local time at origin
  arriveLocal: string;     // local time at destination
  fromTz: string;          // IANA zone e.g. "Europe/Lisbon"
  toTz: string;
  priceCents: number;
}

export interface Rules { minConnectionMin: number; sameAirportOnly: boolean; maxLayoverHours: number; allowOvernight: boolean; }

export function toUtcMs(local: string, tz: string): number {
  const guess = Date.parse(local + 'Z');
  const offset = tzOffsetMinutes(tz, guess);
  return guess - offset * 60_000;
}

function tzOffsetMinutes(tz: string, utcMs: number): number {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone: tz, hourCycle: 'h23', year: 'numeric', month: '2-digit',
    day: '2-digit', hour: '2-digit', minute: '2-digit' }).formatToParts(new Date(utcMs));
  const get = (t: string) => Number(parts.find((p) => p.type === t)!.value);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'));
  return Math.round((asUtc - utcMs) / 60_000);
}

export function validConnection(a: Flight, b: Flight, r: Rules): boolean {
  if (r.sameAirportOnly && a.to !== b.from) return false;
  const arrive = toUtcMs(a.arriveLocal, a.toTz);
  const depart = toUtcMs(b.departLocal, b.fromTz);
  const gapMin = (depart - arrive) / 60_000;
  if (gapMin < r.minConnectionMin) return false;
  if (gapMin > r.maxLayoverHours * 60) return false;
  if (!r.allowOvernight && a.arriveLocal.slice(0, 10) !== b.departLocal.slice(0, 10)) return false;
  return true;
}

export function buildItineraries(legs: Flight[][], r: Rules, limit = 50): Flight[][] {
  const out: Flight[][] = [];
  const walk = (i: number, path: Flight[]) => {
    if (out.length >= limit) return;
    if (i === legs.length) { out.push(path); return; }
    for (const f of legs[i]) {
      if (path.length && !validConnection(path[path.length - 1], f, r)) continue;
      walk(i + 1, [...path, f]);
    }
  };
  walk(0, []);
  return out.sort((x, y) => sum(x) - sum(y));
}

const sum = (p: Flight[]) => p.reduce((s, f) => s + f.priceCents, 0);
''')],
  reqs=['use randomised / generated trips (engineering mentioned fast-check)',
        'include daylight-saving changes and flights crossing the date line',
        'the cheapest valid trip must always come first, and no invalid trip may ever be returned'],
  fw='vitest')

t('simple', 'defect-analysis',
  "Android customers see '3 nights' on the booking summary when they picked 4 nights (check-in Mon, check-out "
  "Fri). The Android dev wrote a test that fails, output below. What's the bug?",
  files=[('android/app/src/main/java/com/roamly/booking/StayLength.kt', '''
package com.roamly.booking

import java.time.LocalDate
import java.time.temporal.ChronoUnit

object StayLength {
    fun nights(checkIn: LocalDate, checkOut: LocalDate): Int {
        require(!checkOut.isBefore(checkIn)) { "check-out before check-in" }
        return ChronoUnit.DAYS.between(checkIn, checkOut.minusDays(1)).toInt()
    }

    fun label(nights: Int): String = if (nights == 1) "1 night" else "$nights nights"
}
'''), ('android/test-output.txt', '''
com.roamly.booking.StayLengthTest > fourNightsMondayToFriday FAILED
    org.opentest4j.AssertionFailedError: expected: <4> but was: <3>
        at com.roamly.booking.StayLengthTest.fourNightsMondayToFriday(StayLengthTest.kt:12)
''')],
  fw='junit', lang=None)

t('medium', 'test-execution',
  "Half our bookings come from phones, and I keep hearing 'works on my machine' about the mobile site. Can you run "
  "the booking-flow tests on the phone setups in this config and tell me which ones fail on which phone, with a "
  "guess at whether it's the test or a real problem for customers?",
  files=[('e2e/playwright.config.ts', '''
import { defineConfig, devices } from '@playwright/test';

export default defineConfig({
  testDir: './tests/booking-flow',
  retries: 1,
  reporter: [['list'], ['html', { open: 'never' }]],
  use: { baseURL: process.env.BASE_URL ?? 'https://staging.roamly.example', screenshot: 'only-on-failure' },
  projects: [
    { name: 'desktop-chrome', use: { ...devices['Desktop Chrome'] } },
    { name: 'iphone-13', use: { ...devices['iPhone 13'] } },
    { name: 'iphone-se', use: { ...devices['iPhone SE'] } },
    { name: 'pixel-5', use: { ...devices['Pixel 5'] } },
    { name: 'galaxy-s9', use: { ...devices['Galaxy S9+'] } },
  ],
});
'''), ('e2e/tests/booking-flow/README.md', '''
Booking-flow tests: search -> hotel page -> select room -> guest details -> payment (test card) -> confirmation.
Uses test account qa+mobile@roamly.test (password in CI secrets as E2E_PASSWORD).
The sticky "Book now" bar on the hotel page is hidden on screens under 380px wide (design decision, see #3901).
''')],
  reqs=['a table: test x phone, pass/fail', 'for each failure, real customer problem or test problem, and why'],
  fw='playwright')

# why: intermittent failures come from parallel workers sharing one seeded database and one promo/room inventory
# across 6+ files: cross-worker state interference -> complex
t('complex', 'flaky-test-analysis',
  "Since engineering turned on 'parallel' for the API tests to make CI faster, about a third of runs have one or two "
  "random failures, always different tests. Turning parallel off fixes it but CI takes 25 minutes again. I want "
  "both fast and reliable. What's actually going on?",
  files=[('api-tests/jest.config.js', '''
module.exports = {
  testEnvironment: 'node',
  maxWorkers: '50%',
  globalSetup: './setup/global.js',
  setupFilesAfterEnv: ['./setup/perFile.js'],
};
'''), ('api-tests/setup/global.js', '''
const { seed } = require('./seed');
module.exports = async () => {
  process.env.DATABASE_URL = 'postgres://roamly:localtestonly@localhost:5432/api_test';
  await seed({ reset: true });
};
'''), ('api-tests/setup/perFile.js', '''
const { db } = require('../../src/db');
afterAll(async () => {
  await db.$executeRaw`DELETE FROM bookings WHERE created_by_test = true`;
  await db.$disconnect();
});
'''), ('api-tests/tests/promo.test.js', '''
const request = require('supertest');
const { app } = require('../../src/app');

test('WELCOME10 can be redeemed once per user', async () => {
  const first = await request(app).post('/api/promos/redeem').set('x-test-user', 'u_seed_1').send({ code: 'WELCOME10' });
  expect(first.status).toBe(200);
  const second = await request(app).post('/api/promos/redeem').set('x-test-user', 'u_seed_1').send({ code: 'WELCOME10' });
  expect(second.status).toBe(409);
});
'''), ('api-tests/tests/bookings.test.js', '''
const request = require('supertest');
const { app } = require('../../src/app');

test('user with no bookings sees empty list', async () => {
  const res = await request(app).get('/api/bookings').set('x-test-user', 'u_seed_1');
  expect(res.body.items).toHaveLength(0);
});

test('booking the last room in htl_7 succeeds', async () => {
  const res = await request(app).post('/api/bookings').set('x-test-user', 'u_seed_2')
    .send({ hotelId: 'htl_7', roomNight: 'htl_7:2030-01-01', createdByTest: true });
  expect(res.status).toBe(201);
});
'''), ('api-tests/tests/inventory.test.js', '''
const request = require('supertest');
const { app } = require('../../src/app');

test('htl_7 shows one room left', async () => {
  const res = await request(app).get('/api/hotels/htl_7/availability?date=2030-01-01');
  expect(res.body.remaining).toBe(1);
});

test('sold-out hotel rejects booking', async () => {
  await request(app).post('/api/bookings').set('x-test-user', 'u_seed_1')
    .send({ hotelId: 'htl_7', roomNight: 'htl_7:2030-01-01', createdByTest: true });
  const res = await request(app).post('/api/bookings').set('x-test-user', 'u_seed_3')
    .send({ hotelId: 'htl_7', roomNight: 'htl_7:2030-01-01', createdByTest: true });
  expect(res.status).toBe(409);
});
'''), ('ci/failures-last-10-runs.txt', '''
run 7711  FAIL bookings.test.js  'user with no bookings sees empty list' (received length 1)
run 7713  FAIL inventory.test.js 'htl_7 shows one room left' (received 0)
run 7714  FAIL bookings.test.js  'booking the last room in htl_7 succeeds' (received 409)
run 7714  FAIL promo.test.js     'WELCOME10 can be redeemed once per user' (first: 409)
run 7717  FAIL inventory.test.js 'sold-out hotel rejects booking' (first booking 409, second 409 -> ok?) passed on retry
run 7719  FAIL promo.test.js     'WELCOME10 can be redeemed once per user' (first: 409)
''')],
  reqs=['keep CI under 10 minutes', 'tell me what to change in the setup, not just in single tests'],
  fw='jest', lang='javascript')

t('simple', 'performance-testing',
  "Our SEO agency says the hotel page is 'slow on mobile'. I ran Lighthouse and copied the text. Which three things "
  "are worst, in plain English?",
  files=[('reports/lighthouse-hotel-page-mobile.txt', '''
Lighthouse 11.4 - https://roamly.example/hotels/lisbon-alfama-suites - Emulated Moto G Power, Slow 4G

Performance: 41

Metrics
  First Contentful Paint ........ 3.1 s   (orange)
  Largest Contentful Paint ...... 7.8 s   (red)
  Total Blocking Time ........... 1,240 ms (red)
  Cumulative Layout Shift ....... 0.31    (red)
  Speed Index ................... 5.9 s   (orange)

Opportunities
  Properly size images ....................... est. savings 2.4 s
  Reduce unused JavaScript ................... est. savings 1.6 s
  Serve images in next-gen formats ........... est. savings 1.1 s
  Eliminate render-blocking resources ........ est. savings 0.6 s

Diagnostics
  Avoid an excessive DOM size ............... 3,412 elements
  Image elements do not have explicit width and height
  Reduce the impact of third-party code ..... chat widget blocked main thread for 640 ms
''')],
  lang=None)

t('medium', 'performance-testing',
  "When you search a big city like London (2,000+ hotels) and change a filter, the results page freezes for a "
  "second or two on older laptops. Engineering thinks it's this sorting and filtering code. Can you write a "
  "benchmark that proves which part is slow, and suggest what to change?",
  files=[('src/search/resultsView.ts', '''
export interface Hotel {
  id: string; name: string; priceCents: number; stars: number; rating: number; reviews: number;
  distanceKm: number; amenities: string[]; freeCancellation: boolean; neighbourhood: string;
}

export interface Filters {
  maxPriceCents?: number; minStars?: number; amenities?: string[]; freeCancellationOnly?: boolean;
  neighbourhoods?: string[];
}

export type SortKey = 'recommended' | 'price' | 'rating' | 'distance';

export function recommendedScore(h: Hotel, all: Hotel[]): number {
  const maxReviews = Math.max(...all.map((x) => x.reviews));
  const cheapest = Math.min(...all.map((x) => x.priceCents));
  return h.rating * 2 + (h.reviews / maxReviews) * 3 + (cheapest / h.priceCents) * 4 - h.distanceKm * 0.2;
}

export function applyFilters(hotels: Hotel[], f: Filters): Hotel[] {
  return hotels.filter((h) => {
    if (f.maxPriceCents !== undefined && h.priceCents > f.maxPriceCents) return false;
    if (f.minStars !== undefined && h.stars < f.minStars) return false;
    if (f.freeCancellationOnly && !h.freeCancellation) return false;
    if (f.amenities && !f.amenities.every((a) => h.amenities.includes(a))) return false;
    if (f.neighbourhoods && f.neighbourhoods.length && !f.neighbourhoods.includes(h.neighbourhood)) return false;
    return true;
  });
}

export function sortHotels(hotels: Hotel[], key: SortKey): Hotel[] {
  const copy = JSON.parse(JSON.stringify(hotels)) as Hotel[];
  switch (key) {
    case 'price': return copy.sort((a, b) => a.priceCents - b.priceCents);
    case 'rating': return copy.sort((a, b) => b.rating - a.rating || b.reviews - a.reviews);
    case 'distance': return copy.sort((a, b) => a.distanceKm - b.distanceKm);
    default: return copy.sort((a, b) => recommendedScore(b, hotels) - recommendedScore(a, hotels));
  }
}

export function facetCounts(hotels: Hotel[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const h of hotels) {
    for (const a of h.amenities) counts[a] = hotels.filter((x) => x.amenities.includes(a)).length;
  }
  return counts;
}

export function view(hotels: Hotel[], f: Filters, key: SortKey) {
  const filtered = applyFilters(hotels, f);
  return { items: sortHotels(filtered, key).slice(0, 25), facets: facetCounts(filtered), total: filtered.length };
}
''')],
  reqs=['use realistic fake data for 2,000 and 5,000 hotels', 'measure each step separately'],
  fw='vitest')

# why: the engineer proposes a retry, but the intermittent failure is an ordering race between two async event
# consumers (cancel vs rebook) across services; a retry would hide a real customer bug -> complex
t('complex', 'flaky-test-analysis',
  "The 'cancel and rebook with new dates' test fails maybe 1 in 30 runs, only in CI. Kofi wrote: \"it's just "
  "timing, I'll add a retry and move on.\" Before I say OK: is it just timing, or could customers actually hit "
  "this?",
  files=[('services/booking/src/changeDates.ts', '''
import { db } from './db';
import { bus } from './bus';

export async function changeDates(bookingId: string, newCheckIn: string, newCheckOut: string) {
  const old = await db.booking.findUniqueOrThrow({ where: { id: bookingId } });
  const replacement = await db.booking.create({
    data: { userId: old.userId, hotelId: old.hotelId, roomId: old.roomId, checkIn: newCheckIn,
            checkOut: newCheckOut, status: 'PENDING', replacesId: old.id },
  });
  await bus.publish('booking.cancel.requested', { bookingId: old.id, reason: 'date_change' });
  await bus.publish('booking.create.requested', { bookingId: replacement.id });
  return replacement;
}
'''), ('services/inventory/src/consumers.ts', '''
import { bus } from './bus';
import { releaseRoomNights, reserveRoomNights } from './roomNights';

// consumers run on 3 pods; each topic has its own partitioning (by bookingId)
bus.subscribe('booking.cancel.requested', async (m) => {
  await releaseRoomNights(m.bookingId);
});

bus.subscribe('booking.create.requested', async (m) => {
  const ok = await reserveRoomNights(m.bookingId);
  await bus.publish(ok ? 'booking.create.succeeded' : 'booking.create.failed', { bookingId: m.bookingId });
});
'''), ('services/booking/test/changeDates.int.test.ts', '''
import { changeDates } from '../src/changeDates';
import { waitForStatus, seedBooking, setRemaining } from './helpers';

test('cancel and rebook with new dates', async () => {
  // hotel has exactly one room; new dates overlap the old ones by one night
  await setRemaining('htl_9', ['2030-03-10', '2030-03-11', '2030-03-12'], 1);
  const old = await seedBooking({ hotelId: 'htl_9', checkIn: '2030-03-10', checkOut: '2030-03-12' });
  const replacement = await changeDates(old.id, '2030-03-11', '2030-03-13');
  await waitForStatus(replacement.id, 'CONFIRMED', 10_000);
  await waitForStatus(old.id, 'CANCELLED', 10_000);
});
'''), ('ci/failure.txt', '''
✕ cancel and rebook with new dates (10034 ms)
  waitForStatus(bk_test_replacement, CONFIRMED) timed out: last status FAILED (reason: no availability 2030-03-11)
  old booking bk_test_old status: CANCELLED
''')],
  fw='jest')

t('medium', 'test-generation',
  "We're letting guests leave hotel reviews in the app. Rules from the product spec: only after checkout, only once "
  "per booking, 20 to 2,000 characters, 1-5 stars, and no phone numbers or emails in the text (hotels were getting "
  "spammed). Please write tests for the endpoint.",
  files=[('src/routes/reviews.ts', '''
import { Router } from 'express';
import { db } from '../db';
import { requireUser } from '../middleware/requireUser';

export const reviews = Router();

const CONTACT_PATTERN = /(\\+?\\d[\\d\\s().-]{7,}\\d)|([\\w.+-]+@[\\w-]+\\.[\\w.]+)/;

reviews.post('/api/bookings/:bookingId/review', requireUser, async (req, res) => {
  const { rating, text } = req.body ?? {};
  if (!Number.isInteger(rating) || rating < 1 || rating > 5) {
    return res.status(400).json({ error: 'rating must be 1-5' });
  }
  if (typeof text !== 'string' || text.trim().length < 20 || text.length > 2000) {
    return res.status(400).json({ error: 'review must be 20-2000 characters' });
  }
  if (CONTACT_PATTERN.test(text)) {
    return res.status(400).json({ error: 'please remove contact details' });
  }

  const booking = await db.booking.findUnique({ where: { id: req.params.bookingId } });
  if (!booking || booking.userId !== req.user.id) return res.status(404).json({ error: 'booking not found' });
  if (booking.status !== 'COMPLETED' || new Date(booking.checkOut) > new Date()) {
    return res.status(409).json({ error: 'you can review after your stay' });
  }

  try {
    const review = await db.review.create({
      data: { bookingId: booking.id, hotelId: booking.hotelId, userId: req.user.id, rating, text: text.trim() },
    });
    return res.status(201).json(review);
  } catch (err: any) {
    if (err.code === 'P2002') return res.status(409).json({ error: 'already reviewed' });
    throw err;
  }
});
''')],
  reqs=['use supertest and mock the database', 'include texts that look like numbers but are fine, e.g. "room 1204, floor 12"'],
  fw='jest')

# why: one plain-words paragraph with no files, but double-allocation under peak load is a concurrency / race
# problem across inventory and booking -> complex
t('complex', 'defect-analysis',
  "Twice this month two different customers were given the same hotel room for the same night, and the hotel had to "
  "walk one of them to another hotel at our cost. Both times it was a Saturday in peak season. Engineering checked "
  "the code and says it 'can't happen'. Can you find how it can?",
  fw=None)

# why: triage of a scanner's dependency findings against written usage notes (dev-only tools, internal scripts,
# image uploads); judgement across several items but no auth/crypto/injection code to review -> medium
t('medium', 'security-scan',
  "A corporate customer's security team sent us their vulnerability scan of our web app's dependencies and wants a "
  "response by Friday. Some of these look scary, but I don't know which actually affect us. Can you go through them "
  "with how we use each library (engineering's notes below) and tell me which are real?",
  files=[('security/client-scan-findings.csv', '''
id,package,version,severity,title
F1,webpack-dev-server,4.9.0,moderate,"Source code may be stolen when visiting a malicious site"
F2,xml2js,0.4.23,moderate,"Prototype pollution via crafted XML"
F3,axios,0.27.2,moderate,"CSRF token leaked to third-party hosts"
F4,lodash,4.17.15,high,"Prototype pollution in zipObjectDeep"
F5,moment,2.29.1,high,"Path traversal in locale loading"
F6,sharp,0.29.3,high,"libwebp heap overflow on crafted WebP image"
'''), ('security/how-we-use-them.md', '''
- webpack-dev-server: only on developers' laptops for local development; never deployed.
- xml2js: only in an internal script that parses a supplier's nightly XML feed (file from their SFTP).
- axios: used in the web app for calls to our own API, and for calling the currency API (third party).
  withCredentials is not set. We add an X-CSRF header on every request via an interceptor.
- lodash: web app only, for _.debounce on the search box and _.groupBy on our own search results. zipObjectDeep
  is not used anywhere (checked with grep).
- moment: only formatting dates in the browser, locale set from a fixed list of 8 languages.
- sharp: resizes hotel photos uploaded by hotel partners through the partner portal, and profile pictures
  uploaded by customers.
''')],
  reqs=['for each finding: affects us yes/no/maybe and one sentence why', 'what to fix before Friday'],
  lang='javascript')

t('complex', 'quality-gate',
  "We're replacing our own login with 'Sign in with Google / Apple' plus company SSO for business travellers. "
  "Launch is Monday and I'm the one who signs the release. Engineering and the external pen-testers sent the "
  "reports below. Can you tell me if this is safe to launch, and if not, what must be fixed first?",
  files=[('gate/release-criteria.md', '''
Login release criteria (agreed with CTO):
- No open critical or high security findings.
- All auth e2e scenarios pass on web, iOS, Android.
- Existing password users can still sign in and link their account.
- Session/token lifetimes as per policy: access token <= 15 min, refresh token <= 30 days, revoked on logout.
'''), ('gate/pentest-summary.md', '''
External pen-test (Oct 2024) - draft
H-1 (High)   OAuth "state" parameter accepted when missing on the Apple callback path.
M-1 (Medium) Account linking: signing in with Google using an email that matches an existing password account
             links automatically without asking for the password. Google emails are verified; company SSO emails
             come from the customer's IdP and are not verified by us.
M-2 (Medium) Refresh tokens not revoked on logout from mobile apps (web OK).
L-1 (Low)    Login page allows framing (no frame-ancestors).
Status: engineering marked H-1 "fixed in 3.4.2", not re-tested.
'''), ('gate/auth-e2e.txt', '''
web:     28/28 passed
iOS:     26/27 passed  (FAIL: "logout then back button shows trips")
Android: 27/27 passed
'''), ('gate/token-config.yaml', '''
access_token_ttl: 3600
refresh_token_ttl_days: 90
refresh_rotation: false
sso:
  trust_email_from_idp: true
  allowed_domains: ["*"]
'''), ('gate/sso-callback.ts', '''
export async function ssoCallback(req: any, res: any) {
  const { code, state } = req.query;
  if (state && state !== req.session.oauthState) return res.status(400).send('bad state');
  const profile = await idp.exchange(code);
  let user = await db.user.findUnique({ where: { email: profile.email } });
  if (!user) user = await db.user.create({ data: { email: profile.email, name: profile.name } });
  await db.identity.upsert({ where: { provider_subject: { provider: profile.provider, subject: profile.sub } },
    create: { provider: profile.provider, subject: profile.sub, userId: user.id }, update: {} });
  req.session.userId = user.id;
  res.redirect(req.query.returnTo ?? '/trips');
}
'''), ('gate/eng-note.txt', '''
From: Ravi
H-1 is fixed (see sso-callback.ts). M-1 is by design, it's what users expect. Token TTLs we'll tighten in a
follow-up. iOS logout test is a known flaky. Recommend go.
''')],
  reqs=['go / no-go with reasons a non-engineer can follow', 'be specific about what "fixed" claims you could not confirm'],
  lang=None)

t('simple', 'test-generation',
  "An engineer left and his tests for the discount badge don't actually check anything (our new QA lead spotted "
  "this). Can you add the missing checks so they test what their names say?",
  files=[('src/ui/discountBadge.test.ts', '''
import { discountBadge } from './discountBadge';

describe('discountBadge', () => {
  it('returns null when there is no discount', () => {
    discountBadge(20000, 20000);
  });

  it('shows the percentage rounded down', () => {
    discountBadge(20000, 15100);
  });

  it('shows "Deal" for discounts under 5%', () => {
    discountBadge(20000, 19500);
  });

  it('returns null when the new price is higher', () => {
    discountBadge(20000, 21000);
  });
});
'''), ('src/ui/discountBadge.ts', '''
export function discountBadge(originalCents: number, currentCents: number): string | null {
  if (currentCents >= originalCents) return null;
  const pct = Math.floor(((originalCents - currentCents) / originalCents) * 100);
  if (pct < 5) return 'Deal';
  return `-${pct}%`;
}
''')],
  fw='jest')

# why: the ask is to spot values that look like passwords or keys in one short config file: pattern-spotting,
# not a security review of auth or crypto code -> simple
t('simple', 'security-scan',
  "Before I send this config to our new agency, can you check it doesn't have any passwords or keys in it that "
  "shouldn't leave the company? Just point them out.",
  files=[('config/app.staging.yaml', '''
app:
  name: roamly-web
  env: staging
  base_url: https://staging.roamly.example
  default_currency: EUR
  supported_locales: [en, pt, es, fr, de]
database:
  host: staging-db.internal.roamly.example
  port: 5432
  user: roamly_app
  password: "Stg-FAKE-pa55word-not-real"
payments:
  provider: finpay
  publishable_key: pk_test_FAKE1234567890abcdef
  secret_key: sk_test_FAKE0987654321fedcba
maps:
  api_key: AIzaFAKE-not-a-real-maps-key-000000
email:
  from: bookings@roamly.example
  smtp_host: smtp.mailprovider.example
  smtp_password: FAKE-smtp-secret-123
feature_flags:
  trip_planner: true
  new_checkout: false
analytics:
  site_id: RML-STG-01
''')],
  lang=None)

t('medium', 'flaky-test-analysis',
  "The iPhone app's 'pick dates' UI test fails on the build machine a few times a week, mostly on the nightly "
  "build. The iOS dev is on holiday. Here's the test and the failure log from Xcode Cloud. Is it the test or the "
  "app?",
  files=[('ios/RoamlyUITests/DatePickerUITests.swift', '''
import XCTest

final class DatePickerUITests: XCTestCase {
    let app = XCUIApplication()

    override func setUp() {
        continueAfterFailure = false
        app.launchArguments = ["-uiTesting", "-resetState"]
        app.launch()
    }

    func testPickCheckInAndCheckOut() {
        app.buttons["searchDatesButton"].tap()
        let calendar = app.otherElements["calendarSheet"]
        XCTAssertTrue(calendar.waitForExistence(timeout: 3))

        let today = Calendar.current.component(.day, from: Date())
        app.buttons["day_\\(today + 2)"].tap()
        app.buttons["day_\\(today + 5)"].tap()
        app.buttons["applyDates"].tap()

        XCTAssertEqual(app.staticTexts["datesSummary"].label, "3 nights")
    }
}
'''), ('ios/ci-logs/nightly-2024-10-29.txt', '''
Test Case '-[RoamlyUITests.DatePickerUITests testPickCheckInAndCheckOut]' started.
    t =     0.00s Start Test at 2024-10-29 23:12:40.118
    t =     3.41s Tap "searchDatesButton" Button
    t =     3.96s Waiting 3.0s for "calendarSheet" Other to exist
    t =     4.30s Tap "day_31" Button
    t =     4.31s     Find the "day_31" Button
    t =     5.34s     Checking existence of `"day_31" Button`
ios/RoamlyUITests/DatePickerUITests.swift:17: error: -[RoamlyUITests.DatePickerUITests testPickCheckInAndCheckOut] : Failed to tap "day_31" Button: No matches found for Elements matching predicate '"day_31" IN identifiers'
Test Case '-[RoamlyUITests.DatePickerUITests testPickCheckInAndCheckOut]' failed (6.021 seconds).
'''), ('ios/ci-logs/other-failures.txt', '''
2024-10-14 nightly  testPickCheckInAndCheckOut  Failed: "datesSummary" label "2 nights" != "3 nights"   (test started 2024-10-14 23:58:51)
2024-10-27 nightly  testPickCheckInAndCheckOut  Failed to tap "day_30"
2024-10-30 nightly  testPickCheckInAndCheckOut  Failed to tap "day_32"
''')],
  fw='xctest', lang=None)

# why: the module is short and the report says 92%, but judging whether the tests exercise overlapping holds, TTL
# expiry mid-payment and lock release by the wrong owner needs concurrency reasoning, not line counting -> complex
t('complex', 'coverage-analysis',
  "The report says the room-hold lock module is 92% covered, so engineering says it's 'well tested'. This is the "
  "code that stops the same room being sold twice, and we've had two double bookings this quarter. Is 92% telling "
  "us the truth here? What's not being tested that matters?",
  files=[('services/inventory/src/roomLock.ts', '''
import { randomUUID } from 'node:crypto';
import { redis } from './redis';

const LOCK_TTL_MS = 10_000;

export async function withRoomLock<T>(roomNightKey: string, fn: () => Promise<T>): Promise<T> {
  const token = randomUUID();
  const key = `lock:${roomNightKey}`;
  for (let attempt = 0; attempt < 20; attempt++) {
    const ok = await redis.set(key, token, 'PX', LOCK_TTL_MS, 'NX');
    if (ok) {
      try {
        return await fn();
      } finally {
        const current = await redis.get(key);
        if (current === token) await redis.del(key);
      }
    }
    await new Promise((r) => setTimeout(r, 50 + Math.random() * 50));
  }
  throw new Error(`Could not lock ${roomNightKey}`);
}
'''), ('services/inventory/src/reserve.ts', '''
import { withRoomLock } from './roomLock';
import { db } from './db';
import { supplierConfirm } from './supplier';

export async function reserve(roomNightKey: string, bookingId: string) {
  return withRoomLock(roomNightKey, async () => {
    const rn = await db.roomNight.findUniqueOrThrow({ where: { key: roomNightKey } });
    if (rn.remaining <= 0) return false;
    await supplierConfirm(bookingId); // external call, usually 300ms, p99 14s
    await db.roomNight.update({ where: { key: roomNightKey }, data: { remaining: rn.remaining - 1 } });
    return true;
  });
}
'''), ('services/inventory/test/roomLock.test.ts', '''
import { withRoomLock } from '../src/roomLock';
import { redis } from '../src/redis';

jest.mock('../src/redis', () => {
  const store = new Map<string, string>();
  return { redis: {
    set: jest.fn(async (k: string, v: string, _px: string, _ttl: number, _nx: string) => (store.has(k) ? null : (store.set(k, v), 'OK'))),
    get: jest.fn(async (k: string) => store.get(k) ?? null),
    del: jest.fn(async (k: string) => store.delete(k)),
  } };
});

test('runs the function while holding the lock', async () => {
  await expect(withRoomLock('r1', async () => 42)).resolves.toBe(42);
});

test('releases the lock after an error', async () => {
  await expect(withRoomLock('r1', async () => { throw new Error('boom'); })).rejects.toThrow('boom');
  expect(redis.del).toHaveBeenCalled();
});

test('gives up after 20 attempts', async () => {
  await redis.set('lock:r2', 'someone-else', 'PX', 10000, 'NX');
  await expect(withRoomLock('r2', async () => 1)).rejects.toThrow('Could not lock r2');
}, 10000);
'''), ('services/inventory/coverage/roomLock.txt', '''
File          | % Stmts | % Branch | % Funcs | % Lines | Uncovered Line #s
roomLock.ts   |   92.31 |    83.33 |     100 |   92.00 | 17
reserve.ts    |       0 |        0 |       0 |       0 | 1-14
''')],
  reqs=['explain in plain words why the percentage is misleading (if it is)', 'list the missing tests in priority order'],
  fw='jest')

# why: a long forwarded thread around it, but the request itself is just running an existing smoke suite and
# reporting pass/fail -> simple
t('simple', 'test-execution',
  "Forwarding the thread so you have context:\n"
  "> From Kofi (DevOps): We deployed 5.3.0 to production at 14:05. Rollout went fine, no errors in the dashboards "
  "so far. The database migration for the trip planner tables ran in 40 s. Feature flag 'trip_planner' is still "
  "OFF for customers. Support was told to watch for login complaints because we also bumped the session library. "
  "Mobile apps are unaffected until Thursday's store release. Can someone from product kick off the smoke suite "
  "against prod like we agreed in the retro?\n"
  "> From Lena (Support): nothing unusual in tickets yet.\n"
  "So: please run the production smoke tests and tell me if they pass.",
  fw='playwright')
