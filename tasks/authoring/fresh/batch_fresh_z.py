from lib import t, lines

# Persona: Dana, lead instructor at a 16-week full-stack coding bootcamp (Python fundamentals,
# then JavaScript/TypeScript + React/Express, with a Java track for the corporate cohort).
# Dana asks the QE agent for help with students' weekly exercises and capstone projects and with
# the course's own autograder / grading scripts. Writes pedagogically, explains who the students
# are, and mixes tiny week-2 exercises with multi-service capstones.

# ---------------------------------------------------------------------------------------------
# 1
t('simple', 'test-generation',
  "This is my reference solution for the week-2 'if/elif' exercise. Could you write a pytest file "
  "I can hand out with it? These students wrote their first line of code three weeks ago, so keep each "
  "test tiny and give them names a beginner can read when they go red.",
  files=[('week02/letter_grade.py', '''
def letter_grade(score):
    """Convert a 0-100 score to a letter grade."""
    if score < 0 or score > 100:
        raise ValueError("score must be between 0 and 100")
    if score >= 90:
        return "A"
    elif score >= 80:
        return "B"
    elif score >= 70:
        return "C"
    elif score >= 60:
        return "D"
    return "F"
''')],
  reqs=['one behaviour per test', 'include the boundaries 90, 80, 70, 60 and the ValueError cases'],
  fw='pytest', lang=None)

# 2
t('complex', 'security-scan',
  "Capstone team 'Bluebird' built the login and password-reset flow for their recipe-sharing app "
  "themselves (I told them not to roll their own, they did anyway). Demo day is in two weeks and it "
  "will be deployed publicly. Please go through it like an attacker would and explain each problem in "
  "a way I can turn into a teaching moment.",
  files=[('server/routes/auth.js', '''
const express = require('express');
const bcrypt = require('bcrypt');
const db = require('../db');
const mailer = require('../mailer');
const router = express.Router();

router.post('/login', async (req, res) => {
  const { email, password } = req.body;
  const user = await db.oneOrNone('SELECT * FROM users WHERE email = $1', [email]);
  if (!user) {
    return res.status(404).json({ error: 'No account with that email' });
  }
  const ok = await bcrypt.compare(password, user.password_hash);
  if (!ok) {
    return res.status(401).json({ error: 'Wrong password' });
  }
  req.session.userId = user.id;
  req.session.isAdmin = user.role === 'admin';
  res.json({ id: user.id, email: user.email, role: user.role });
});

router.post('/forgot', async (req, res) => {
  const user = await db.oneOrNone('SELECT id, email FROM users WHERE email = $1', [req.body.email]);
  if (user) {
    const token = Math.random().toString(36).slice(2, 10);
    await db.none('UPDATE users SET reset_token = $1 WHERE id = $2', [token, user.id]);
    await mailer.send(user.email, 'Reset your password',
      `Click http://${req.headers.host}/reset?token=${token}`);
  }
  res.json({ sent: true });
});

router.post('/reset', async (req, res) => {
  const { token, newPassword } = req.body;
  const user = await db.oneOrNone('SELECT id, reset_token FROM users WHERE reset_token = $1', [token]);
  if (!user || user.reset_token != token) {
    return res.status(400).json({ error: 'Invalid token' });
  }
  const hash = await bcrypt.hash(newPassword, 8);
  await db.none('UPDATE users SET password_hash = $1 WHERE id = $2', [hash, user.id]);
  req.session.userId = user.id;
  res.json({ ok: true });
});

module.exports = router;
'''), ('server/app.js', '''
const express = require('express');
const session = require('express-session');
const app = express();
app.use(express.json());
app.use(session({
  secret: 'bluebird-secret',
  resave: true,
  saveUninitialized: true,
  cookie: { httpOnly: false, maxAge: 1000 * 60 * 60 * 24 * 30 },
}));
app.use('/api/auth', require('./routes/auth'));
app.use('/api/admin', (req, res, next) => (req.session.isAdmin ? next() : res.sendStatus(403)),
  require('./routes/admin'));
module.exports = app;
''')],
  reqs=['rank findings by how bad they are for a public deployment', 'suggest the smallest fix for each'],
  fw='express', lang='javascript')

# 3
_cov_fns = ['load_roster', 'normalise_email', 'parse_submission_zip', 'find_entry_point', 'read_manifest',
            'score_unit_tests', 'score_style', 'score_docs', 'apply_late_penalty', 'apply_extension',
            'cap_score', 'round_half_up', 'merge_partial_credit', 'rubric_lookup', 'weight_categories',
            'to_letter', 'format_feedback', 'render_markdown_report', 'write_csv_row', 'export_gradebook',
            'upload_to_lms', 'retry_upload', 'diff_outputs', 'strip_ansi', 'truncate_output',
            'collect_timings', 'summarise_cohort', 'median_score', 'histogram_buckets', 'flag_outliers',
            'detect_empty_submission', 'detect_starter_code', 'hash_file', 'compare_hashes',
            'notify_student', 'notify_ta', 'archive_run', 'cleanup_workdir', 'parse_cli_args', 'main']
t('simple', 'coverage-analysis',
  "Below is the function-level coverage for our grading helpers (the Python package the TAs maintain). "
  "I just need the list of functions that are never executed by any test, grouped by file, so I can hand "
  "one to each TA this week.",
  files=[('reports/function_coverage.txt',
          'file                          function                     hits  lines\n' +
          lines(40, lambda i: f"grading/{['io','scoring','report','compare','admin'][i % 5]}.py".ljust(30) +
                _cov_fns[i].ljust(29) + str(0 if i % 7 == 3 or i % 11 == 5 else (i * 13) % 40 + 1).rjust(4) +
                str(6 + (i * 5) % 23).rjust(7)))],
  fw='pytest', lang=None)

# 4
# why: a 12-line pure function, but the policy is ambiguous (when does the late clock start, what happens
# exactly at the boundary): requirements need judgement, so medium rather than simple
t('medium', 'test-generation',
  "Our late-submission penalty lives in the grading scripts. Students complain every cohort that it's "
  "wrong, and honestly I'm not sure it matches the syllabus. Write vitest tests that pin down the policy "
  "below, and tell me where the code disagrees with it.",
  files=[('grading/src/latePenalty.ts', '''
export interface Extension {
  studentId: string;
  extraHours: number;
}

const DAY_MS = 86_400_000;
const GRACE_MS = 15 * 60 * 1000;

export function latePenalty(submittedAt: Date, dueAt: Date, rawScore: number, ext?: Extension): number {
  const extraMs = (ext?.extraHours ?? 0) * 3_600_000;
  const lateMs = submittedAt.getTime() - (dueAt.getTime() + extraMs + GRACE_MS);
  if (lateMs <= 0) return rawScore;
  const daysLate = Math.ceil(lateMs / DAY_MS);
  if (daysLate > 3) return 0;
  const penalty = 0.1 * daysLate;
  return Math.round(rawScore * (1 - penalty) * 10) / 10;
}
''')],
  reqs=['syllabus: 10% off per started day late, counted from the (extended) deadline, not from the end of the grace period',
        'syllabus: a 15-minute grace window after the deadline costs nothing',
        'syllabus: nothing accepted after 72 hours',
        'scores are 0-100 with one decimal; decide and document what happens exactly on each boundary'],
  fw='vitest')

# 5
t('simple', 'test-execution',
  "Can you run pytest on the week03 folder and tell me which exercises are failing?",
  fw='pytest', lang=None)

# 6
# why: short code and a one-line question, but the cause is two workers racing between findOne and
# updateOne (check-then-act without an atomic claim): concurrency, so complex
t('complex', 'flaky-test-analysis',
  "This one's ours, not a student's. The test below fails roughly once every 15 CI runs and passes "
  "locally every time. Why?",
  files=[('autograder/src/queue.ts', '''
import { Db, ObjectId } from 'mongodb';

export interface Submission {
  _id: ObjectId;
  studentId: string;
  status: 'queued' | 'grading' | 'graded';
  workerId?: string;
  createdAt: Date;
}

export async function claimNext(db: Db, workerId: string): Promise<Submission | null> {
  const subs = db.collection<Submission>('submissions');
  const job = await subs.findOne({ status: 'queued' }, { sort: { createdAt: 1 } });
  if (!job) return null;
  await subs.updateOne({ _id: job._id }, { $set: { status: 'grading', workerId } });
  return { ...job, status: 'grading', workerId };
}

export async function runWorker(db: Db, workerId: string, grade: (s: Submission) => Promise<number>) {
  for (;;) {
    const job = await claimNext(db, workerId);
    if (!job) return;
    const score = await grade(job);
    await db.collection('results').insertOne({ submissionId: job._id, workerId, score });
    await db.collection<Submission>('submissions').updateOne({ _id: job._id }, { $set: { status: 'graded' } });
  }
}
'''), ('autograder/test/queue.int.test.ts', '''
import { MongoMemoryServer } from 'mongodb-memory-server';
import { MongoClient } from 'mongodb';
import { runWorker } from '../src/queue';

test('each submission is graded exactly once with two workers', async () => {
  const mongo = await MongoMemoryServer.create();
  const client = await MongoClient.connect(mongo.getUri());
  const db = client.db('t');
  const docs = Array.from({ length: 50 }, (_, i) => ({
    studentId: `s${i}`, status: 'queued', createdAt: new Date(Date.now() + i),
  }));
  await db.collection('submissions').insertMany(docs);
  const grade = async () => { await new Promise(r => setTimeout(r, 1)); return 100; };
  await Promise.all([runWorker(db, 'w1', grade), runWorker(db, 'w2', grade)]);
  expect(await db.collection('results').countDocuments()).toBe(50);
  await client.close();
  await mongo.stop();
}, 30000);
'''), ('ci/failed-run-4412.log', '''
 FAIL  test/queue.int.test.ts (6.81 s)
  x each submission is graded exactly once with two workers (5402 ms)

  Expected: 50
  Received: 51

    at Object.<anonymous> (test/queue.int.test.ts:17:62)

Tests:       1 failed, 23 passed, 24 total
Runner: ubuntu-latest (2 vCPU), node 20.11.1
''')],
  fw='jest')

# 7
t('medium', 'quality-gate',
  "Capstone teams have to pass our 'ready for demo day' gate before they get a slot. Here's team "
  "Kestrel's CI summary. Do they pass? If not, tell them exactly what to fix in plain language; "
  "they're career-changers, mostly ex-teachers and nurses, and they take a red gate personally.",
  files=[('kestrel/ci-summary.json', '''
{
  "tests": { "total": 212, "passed": 204, "failed": 0, "skipped": 8,
             "skippedNames": ["checkout applies coupon", "checkout rejects expired coupon",
                              "cart merges guest cart on login", "orders list paginates",
                              "admin can refund", "admin cannot refund twice",
                              "profile upload rejects >5MB", "profile upload rejects svg"] },
  "coverage": { "statements": 74.2, "branches": 58.9, "functions": 71.0, "lines": 75.1 },
  "lint": { "errors": 0, "warnings": 37 },
  "typecheck": { "errors": 0, "anyCount": 64 },
  "lighthouse": { "performance": 61, "accessibility": 83, "bestPractices": 92, "seo": 90 },
  "npmAudit": { "critical": 0, "high": 1, "moderate": 6 },
  "bundle": { "mainKb": 912 }
}
''')],
  reqs=['our gate: no failing tests, no skipped tests touching money or auth, statements >= 70, branches >= 60',
        'our gate: lint errors 0, accessibility >= 85, no critical/high audit findings without a written reason',
        'everything else is advisory; say which advisory items are worth their time'],
  fw='jest', lang='javascript')

# 8
t('simple', 'defect-analysis',
  "A student in the Python fundamentals module is stuck on this and I'd like a hint to give her rather "
  "than the answer. What's the bug?",
  files=[('week04/stats.py', '''
def average_of_last(scores, n):
    """Average of the last n scores in the list."""
    total = 0
    for i in range(len(scores) - n, len(scores) - 1):
        total += scores[i]
    return total / n
'''), ('week04/pytest-output.txt', '''
_________________________ test_average_of_last_three __________________________

    def test_average_of_last_three():
>       assert average_of_last([50, 70, 80, 90, 85], 3) == 85.0
E       assert 56.666666666666664 == 85.0
E        +  where 56.666666666666664 = average_of_last([50, 70, 80, 90, 85], 3)

test_stats.py:6: AssertionError
========================= 1 failed, 3 passed in 0.04s =========================
''')],
  fw='pytest', lang=None)

# 9
_load_hist = lines(24, lambda h: f"2024-03-14T{h:02d}:00,{[3,2,1,1,0,0,1,2,4,6,9,12,14,15,18,22,31,48,95,180,310,540,880,1460][h]},"
                   f"{[12,10,9,9,8,8,9,11,14,18,25,31,38,41,47,55,72,110,240,520,1300,4100,9800,21000][h]},"
                   f"{[0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,1,3,11,42,97,233][h]},"
                   f"{[2,2,2,2,2,2,2,2,2,3,4,4,4,5,5,6,8,12,12,12,12,12,12,12][h]}")
t('complex', 'performance-testing',
  "Every cohort the autograder falls over on the night of the capstone deadline: submissions time out, "
  "students panic on Slack, and I end up granting blanket extensions. I want a proper load test plan "
  "for the whole platform before the next deadline (cohort is 140 students, up from 90). Tell me what "
  "to test, in what order, with what traffic shape, and what would count as 'ready'.",
  files=[('docs/architecture.md', '''
# Autograder architecture (maintained by the TA team)

- web: Next.js front end, students upload a zip (max 25 MB) and watch a live status page.
- submit-api: Express service. POST /submissions stores the zip in S3-compatible storage (MinIO),
  inserts a row in Postgres, pushes a job id onto a Redis list `grading:queue`.
- grader workers: 4 VMs x 3 worker processes. Each worker BRPOPs a job, pulls the zip, starts a
  Docker container with the student's code (CPU limit 1, memory 512 MB, timeout 120 s), runs the
  hidden test suite, writes results to Postgres.
- notifier: subscribes to Postgres LISTEN/NOTIFY and pushes status over WebSocket to the web page.
- gradebook-sync: cron every 5 min, pushes new results to the LMS API (rate limited to 60 req/min).
- Postgres: single instance, 2 vCPU, max_connections = 100. Each service uses a pool of 20.
- Students may resubmit as many times as they like; only the last submission counts.
'''), ('metrics/deadline-night-2024-03-14.csv',
       'hour,submissions,queue_depth_max,http_504s,active_workers\n' + _load_hist),
   ('metrics/notes.txt', '''
- 21:40 web status page stopped updating for most students (WebSocket reconnect storm?)
- 22:10 Postgres "too many clients already" in submit-api logs
- 22:30 TAs restarted two grader VMs by hand
- 23:59 deadline; last job finished grading at 02:47
''')],
  reqs=['the plan must cover resubmission behaviour, not just unique students',
        'say which component you expect to break first and how the test would prove it',
        'we can only afford one full-size staging run, so make the smaller runs count'],
  fw='k6', lang='javascript')

# 10
_audit = [('semver', '<5.7.2', 'moderate', 'Regular Expression Denial of Service'),
          ('word-wrap', '<1.2.4', 'moderate', 'Regular Expression Denial of Service'),
          ('tough-cookie', '<4.1.3', 'moderate', 'Prototype Pollution'),
          ('json5', '<1.0.2', 'high', 'Prototype Pollution via Parse Method'),
          ('minimatch', '<3.0.5', 'high', 'Regular Expression Denial of Service'),
          ('postcss', '<8.4.31', 'moderate', 'Line return parsing error'),
          ('axios', '0.8.1 - 1.5.1', 'moderate', 'Cross-Site Request Forgery'),
          ('follow-redirects', '<=1.15.5', 'moderate', 'Improper handling of URL parsing'),
          ('nth-check', '<2.0.1', 'high', 'Inefficient Regular Expression Complexity'),
          ('braces', '<3.0.3', 'high', 'Uncontrolled resource consumption'),
          ('ws', '8.0.0 - 8.17.0', 'high', 'DoS when handling a request with many HTTP headers'),
          ('loader-utils', '<1.4.2', 'critical', 'Prototype pollution in parseQuery'),
          ('shell-quote', '<=1.7.2', 'critical', 'Improper Neutralization of Special Elements'),
          ('ansi-regex', '<4.1.1', 'high', 'Inefficient Regular Expression Complexity')]
# why: long input, but it's summarising an audit report into a table: mechanical, no code to reason about
t('simple', 'security-scan',
  "One of the React capstone teams pasted their npm audit output in Slack asking if they're 'hacked'. "
  "They're not, but please turn this into a short table (package, severity, fix available?) sorted "
  "critical first, so they can see what to tackle.",
  files=[('teams/heron/npm-audit.txt',
          '# npm audit report\n\n' +
          lines(len(_audit), lambda i: f"{_audit[i][0]}  {_audit[i][1]}\nSeverity: {_audit[i][2]}\n"
                f"{_audit[i][3]} - https://github.com/advisories/GHSA-fake-{1000 + i * 37:04d}\n"
                + ("fix available via `npm audit fix`" if i % 4 else
                   "fix available via `npm audit fix --force`\nWill install react-scripts@5.0.1, which is a breaking change")
                + f"\nnode_modules/{_audit[i][0]}\n") +
          '\n14 vulnerabilities (5 moderate, 7 high, 2 critical)\n')],
  fw=None, lang='javascript')

# 11
t('medium', 'flaky-test-analysis',
  "A student's habit-tracker test is green in GitHub Actions every time but red on her own laptop, "
  "except when she works late in the evening, then it's green locally too. She's convinced her laptop "
  "is haunted. Can you find the real cause from her notes and explain it so she learns something?",
  files=[('src/streak.js', '''
function dayKey(date) {
  return `${date.getFullYear()}-${date.getMonth() + 1}-${date.getDate()}`;
}

function currentStreak(checkIns, now = new Date()) {
  const days = new Set(checkIns.map(c => dayKey(new Date(c))));
  let streak = 0;
  const cursor = new Date(now);
  while (days.has(dayKey(cursor))) {
    streak++;
    cursor.setDate(cursor.getDate() - 1);
  }
  return streak;
}

module.exports = { currentStreak, dayKey };
'''), ('test/streak.test.js', '''
const { currentStreak } = require('../src/streak');

test('three days in a row gives a streak of 3', () => {
  const today = new Date();
  const iso = d => new Date(today.getTime() - d * 86400000).toISOString().slice(0, 10);
  const checkIns = [iso(0), iso(1), iso(2)];
  expect(currentStreak(checkIns)).toBe(3);
});
'''), ('notes/runs.txt', '''
Local runs (MacBook, TZ=America/Chicago, node 20.12.0):

Tue 10:14  FAIL  three days in a row gives a streak of 3
           Expected: 3
           Received: 0
Tue 16:52  FAIL  (same, Received: 0)
Tue 20:31  PASS
Wed 09:05  FAIL  (same, Received: 0)
Wed 22:47  PASS

GitHub Actions (ubuntu-22.04, TZ=UTC): 9 runs this week, 9 PASS
''')],
  fw='jest', lang='javascript')

# 12
# why: ~50 lines, but checking that two people's edits always end up as the same text needs generated
# sequences of edits and invariants over the transform: property-based design with deep invariants
t('complex', 'test-generation',
  "Capstone team 'Wren' is building a shared notes app where two people can type in the same note at "
  "once. This is the function that reconciles their edits. Their tests are three hand-written examples "
  "and they all pass, but during their demo rehearsal two laptops ended up showing different text. "
  "I want tests that throw lots of random typing and deleting at two copies of a note and check both "
  "copies always end up identical, and that nobody's typing silently disappears. fast-check is "
  "already installed.",
  files=[('shared/ops.ts', '''
export type Op =
  | { kind: 'insert'; pos: number; text: string; site: string }
  | { kind: 'delete'; pos: number; len: number; site: string };

export function apply(doc: string, op: Op): string {
  if (op.kind === 'insert') return doc.slice(0, op.pos) + op.text + doc.slice(op.pos);
  return doc.slice(0, op.pos) + doc.slice(op.pos + op.len);
}

// Rewrite `a` so it can be applied after `b` has already been applied.
export function transform(a: Op, b: Op): Op {
  if (b.kind === 'insert') {
    if (a.pos > b.pos || (a.pos === b.pos && a.site > b.site)) {
      return { ...a, pos: a.pos + b.text.length };
    }
    return a;
  }
  // b is a delete
  if (a.pos >= b.pos + b.len) return { ...a, pos: a.pos - b.len };
  if (a.pos <= b.pos) {
    if (a.kind === 'delete' && a.pos + a.len > b.pos) {
      const overlap = Math.min(a.pos + a.len, b.pos + b.len) - b.pos;
      return { ...a, len: a.len - overlap };
    }
    return a;
  }
  // a starts inside the range b deleted
  if (a.kind === 'insert') return { ...a, pos: b.pos };
  const end = Math.max(a.pos + a.len, b.pos + b.len);
  return { ...a, pos: b.pos, len: end - (b.pos + b.len) };
}

// Transform a list of local ops that the server has not acknowledged yet against one remote op.
export function rebase(pending: Op[], remote: Op): { pending: Op[]; remote: Op } {
  let r = remote;
  const out: Op[] = [];
  for (const p of pending) {
    out.push(transform(p, r));
    r = transform(r, p);
  }
  return { pending: out, remote: r };
}
'''), ('shared/ops.test.ts', '''
import { apply, transform } from './ops';

test('two inserts at different places', () => {
  const a = { kind: 'insert', pos: 0, text: 'Hi ', site: 'A' } as const;
  const b = { kind: 'insert', pos: 5, text: '!', site: 'B' } as const;
  expect(apply(apply('hello', a), transform(b, a))).toBe('Hi hello!');
  expect(apply(apply('hello', b), transform(a, b))).toBe('Hi hello!');
});

test('delete then insert', () => {
  const a = { kind: 'delete', pos: 0, len: 2, site: 'A' } as const;
  const b = { kind: 'insert', pos: 5, text: '?', site: 'B' } as const;
  expect(apply(apply('hello', a), transform(b, a))).toBe('llo?');
});
''')],
  reqs=['generate documents and edits that are always valid for the document they apply to',
        'check single pairs of edits and also a queue of several unacknowledged local edits',
        'when a property fails, the shrunk counterexample should be readable by a student'],
  fw='vitest')

# 13
t('simple', 'quality-gate',
  "Week-6 mini-project rule: every test green and statement coverage at least 70%. Here's what Jest "
  "printed for Amir's submission. Pass or fail?",
  files=[('submissions/amir/jest-output.txt', '''
Test Suites: 3 passed, 3 total
Tests:       19 passed, 19 total
Snapshots:   0 total
Time:        1.942 s
----------------|---------|----------|---------|---------|-------------------
File            | % Stmts | % Branch | % Funcs | % Lines | Uncovered Line #s
----------------|---------|----------|---------|---------|-------------------
All files       |   68.42 |    55.00 |   75.00 |   69.44 |
 cart.js        |   81.25 |    70.00 |   85.71 |   82.35 | 41-44
 discounts.js   |   45.45 |    33.33 |   50.00 |   47.61 | 12-19,27-33
 format.js      |  100.00 |   100.00 |  100.00 |  100.00 |
----------------|---------|----------|---------|---------|-------------------
''')],
  fw='jest', lang='javascript')

# 14
# why: configuration review (container user, exposed ports, secrets in env, image pinning) needs judgement
# across three files but there is no auth/crypto/injection code to reason about: medium
t('medium', 'security-scan',
  "Team 'Osprey' is deploying their capstone (Express API + Postgres + React build) to a small VPS "
  "with docker compose for demo day. None of them has shipped anything before. Could you review the "
  "container setup for security problems and tell me which ones actually matter for a two-week public "
  "demo versus 'good to know for your first job'?",
  files=[('Dockerfile', '''
FROM node:latest
WORKDIR /app
COPY . .
RUN npm install
RUN npm run build --workspace client
EXPOSE 3000 9229
CMD ["node", "--inspect=0.0.0.0:9229", "server/index.js"]
'''), ('docker-compose.yml', '''
version: "3.8"
services:
  api:
    build: .
    ports:
      - "3000:3000"
      - "9229:9229"
    env_file: .env
    depends_on: [db]
  db:
    image: postgres:15
    ports:
      - "5432:5432"
    environment:
      POSTGRES_USER: postgres
      POSTGRES_PASSWORD: postgres
    volumes:
      - ./pgdata:/var/lib/postgresql/data
'''), ('.dockerignore', '''
node_modules
client/node_modules
''')],
  reqs=['assume the .env file in the repo holds a fake session secret and a fake mail API key',
        'give fixed versions of both files'],
  fw=None, lang='javascript')

# 15
t('medium', 'test-execution',
  "Capstone team 'Finch' swears their integration tests pass on their machines, but when I run "
  "`npm run test:int` on the grading box it dies before a single test runs. Please run the suite "
  "against a fresh Postgres container, get it green if it's a setup problem (not a code problem), and "
  "tell me which tests fail for real.",
  files=[('package.json', '''
{
  "name": "finch-api",
  "scripts": {
    "test": "jest --selectProjects unit",
    "test:int": "docker compose -f docker-compose.test.yml up -d && jest --selectProjects integration --runInBand",
    "migrate": "node-pg-migrate up"
  },
  "devDependencies": { "jest": "^29.7.0", "supertest": "^6.3.4" },
  "dependencies": { "express": "^4.19.2", "pg": "^8.11.5", "node-pg-migrate": "^7.0.0" }
}
'''), ('docker-compose.test.yml', '''
services:
  db:
    image: postgres:16
    environment:
      POSTGRES_PASSWORD: test
      POSTGRES_DB: finch_test
    ports:
      - "5433:5432"
'''), ('jest.config.js', '''
module.exports = {
  projects: [
    { displayName: 'unit', testMatch: ['<rootDir>/src/**/*.test.js'] },
    {
      displayName: 'integration',
      testMatch: ['<rootDir>/test/integration/**/*.int.test.js'],
      globalSetup: '<rootDir>/test/integration/setup.js',
      globalTeardown: '<rootDir>/test/integration/teardown.js',
    },
  ],
};
'''), ('test/integration/setup.js', '''
const { execSync } = require('child_process');
module.exports = async () => {
  process.env.DATABASE_URL = process.env.DATABASE_URL || 'postgres://postgres:test@localhost:5432/finch_test';
  execSync('npm run migrate', { stdio: 'inherit', env: process.env });
};
''')],
  reqs=['do not change application code; setup/config fixes only, and list them',
        'report per test file: passed, failed, and the first assertion error for each failure'],
  fw='jest', lang='javascript')

# 16
_students = ['aisha', 'ben', 'carmen', 'dmitri', 'elif', 'farah', 'gustavo', 'hana', 'ivan', 'jo']
_ms = [[0.9, 9.8, 110.2], [0.4, 4.1, 45.0], [12.5, 1240.0, 'timeout'], [0.5, 5.6, 61.3], [0.3, 3.2, 36.8],
       [11.9, 1190.4, 'timeout'], [0.6, 6.9, 74.1], [0.2, 2.3, 27.5], [1.1, 13.0, 150.6], [13.2, 1302.7, 'timeout']]
t('simple', 'performance-testing',
  "Week-9 algorithms exercise: everyone implemented a sort and my benchmark script timed them on three "
  "input sizes. Rank the students from fastest to slowest on the largest size and point out whose "
  "timings grow like a quadratic sort so I can pair them with someone for Friday's review.",
  files=[('week09/bench-results.csv',
          'student,n=1000_ms,n=10000_ms,n=100000_ms\n' +
          lines(10, lambda i: f"{_students[i]},{_ms[i][0]},{_ms[i][1]},{_ms[i][2]}"))],
  reqs=['timeout means it did not finish in 60 s'],
  fw=None, lang=None)

# 17
t('complex', 'defect-analysis',
  "Since we split the autograder into services last term, a handful of students per assignment get "
  "their score counted twice in the LMS gradebook (e.g. 85 + 85 = 170/100). It doesn't happen in "
  "staging, only during busy evenings. I've pulled logs for one affected student from all three "
  "services. What's actually going on and where should the fix go?",
  files=[('logs/grader-worker-3.log', '''
2024-04-18T21:14:02.118Z INFO  job=sub_8812 student=stu_4471 picked up
2024-04-18T21:14:47.930Z INFO  job=sub_8812 tests done score=85
2024-04-18T21:14:47.931Z INFO  job=sub_8812 POST results-api /results attempt=1
2024-04-18T21:14:57.932Z WARN  job=sub_8812 results-api timeout after 10000ms, retrying
2024-04-18T21:14:58.940Z INFO  job=sub_8812 POST results-api /results attempt=2
2024-04-18T21:14:59.212Z INFO  job=sub_8812 results-api 201 Created id=res_20931
'''), ('logs/results-api.log', '''
2024-04-18T21:14:47.940Z INFO  POST /results submission=sub_8812 student=stu_4471
2024-04-18T21:14:58.101Z INFO  insert results ok id=res_20930 (10161 ms, pool wait 9870 ms)
2024-04-18T21:14:58.102Z INFO  publish grade.recorded result=res_20930
2024-04-18T21:14:58.103Z WARN  client closed connection before response (POST /results)
2024-04-18T21:14:58.948Z INFO  POST /results submission=sub_8812 student=stu_4471
2024-04-18T21:14:59.205Z INFO  insert results ok id=res_20931 (257 ms, pool wait 12 ms)
2024-04-18T21:14:59.206Z INFO  publish grade.recorded result=res_20931
'''), ('logs/lms-sync.log', '''
2024-04-18T21:15:00.310Z INFO  consume grade.recorded result=res_20930 student=stu_4471 assignment=a07
2024-04-18T21:15:00.842Z INFO  LMS PUT score +85 -> total 85 (assignment a07)
2024-04-18T21:15:00.901Z INFO  consume grade.recorded result=res_20931 student=stu_4471 assignment=a07
2024-04-18T21:15:01.377Z INFO  LMS PUT score +85 -> total 170 (assignment a07)
'''), ('results-api/src/routes/results.ts', '''
router.post('/results', async (req, res) => {
  const { submissionId, studentId, assignmentId, score } = req.body;
  const row = await db.one(
    'INSERT INTO results (submission_id, student_id, assignment_id, score) VALUES ($1,$2,$3,$4) RETURNING id',
    [submissionId, studentId, assignmentId, score],
  );
  await bus.publish('grade.recorded', { resultId: row.id, studentId, assignmentId, score });
  res.status(201).json({ id: row.id });
});
'''), ('lms-sync/src/consumer.ts', '''
bus.subscribe('grade.recorded', async (msg) => {
  const current = await lms.getScore(msg.studentId, msg.assignmentId);
  await lms.putScore(msg.studentId, msg.assignmentId, (current ?? 0) + msg.score);
  await msg.ack();
});
''')],
  reqs=['explain the chain of events in order, service by service',
        'say which of the possible fixes (retry, insert, publish, consume) you would do first and why',
        'note anything else in these files that would double-count even without a timeout'],
  fw=None)

# 18
t('simple', 'test-generation',
  "Java track, week 3: string methods and loops. Please write JUnit 5 tests for the palindrome checker "
  "below. It's the model answer, so the tests should all pass; I'll use them to grade the students' "
  "versions.",
  files=[('src/main/java/exercises/Palindromes.java', r'''
package exercises;

public class Palindromes {
    public static boolean isPalindrome(String s) {
        if (s == null) {
            return false;
        }
        String cleaned = s.replaceAll("[^A-Za-z0-9]", "").toLowerCase();
        int i = 0;
        int j = cleaned.length() - 1;
        while (i < j) {
            if (cleaned.charAt(i) != cleaned.charAt(j)) {
                return false;
            }
            i++;
            j--;
        }
        return true;
    }
}
''')],
  reqs=['include null, empty string, punctuation and mixed case'],
  fw='junit5', lang=None)

# 19
t('medium', 'coverage-analysis',
  "The grading-scripts package sits at 81% line coverage and the TAs think that's fine. I'd like a "
  "proper gap analysis: which untested lines in this package could actually give a student the wrong "
  "grade, and which are harmless. Source for the riskiest file is attached.",
  files=[('grading-scripts/coverage/coverage-summary.txt', '''
File              | % Stmts | % Branch | % Funcs | % Lines | Uncovered Line #s
------------------|---------|----------|---------|---------|----------------------
All files         |   80.61 |    64.70 |   86.36 |   81.02 |
 src/cli.ts       |   52.17 |    30.00 |   60.00 |   52.17 | 14-22,31-38
 src/csv.ts       |   95.00 |    87.50 |  100.00 |   95.00 | 41
 src/rubric.ts    |   72.09 |    55.55 |   83.33 |   73.17 | 27-29,38,44-49,58
 src/feedback.ts  |   91.66 |    75.00 |  100.00 |   91.66 | 22
 src/upload.ts    |   84.00 |    66.66 |   80.00 |   84.00 | 33-37
'''), ('grading-scripts/src/rubric.ts', '''
export interface Criterion { id: string; weight: number; maxPoints: number; required?: boolean }
export interface Rubric { assignment: string; criteria: Criterion[]; passMark: number }
export type Marks = Record<string, number | 'missing'>;

export function validateRubric(r: Rubric): void {
  const total = r.criteria.reduce((s, c) => s + c.weight, 0);
  if (Math.abs(total - 1) > 1e-9) throw new Error(`weights sum to ${total}, expected 1`);
  for (const c of r.criteria) {
    if (c.maxPoints <= 0) throw new Error(`criterion ${c.id} has maxPoints ${c.maxPoints}`);
  }
}

export function scoreCriterion(c: Criterion, mark: number | 'missing' | undefined): number {
  if (mark === undefined || mark === 'missing') return 0;
  const clamped = Math.min(Math.max(mark, 0), c.maxPoints);
  return (clamped / c.maxPoints) * c.weight * 100;
}

export function totalScore(r: Rubric, marks: Marks): { score: number; passed: boolean; notes: string[] } {
  validateRubric(r);
  const notes: string[] = [];
  let score = 0;
  for (const c of r.criteria) {
    const m = marks[c.id];
    if (m === undefined) {
      notes.push(`no mark for ${c.id}`);
      if (c.required) {
        return { score: 0, passed: false, notes: [...notes, `required criterion ${c.id} unmarked`] };
      }
    }
    score += scoreCriterion(c, m);
  }
  const unknown = Object.keys(marks).filter(k => !r.criteria.some(c => c.id === k));
  if (unknown.length) notes.push(`ignored marks: ${unknown.join(', ')}`);
  if (marks['bonus'] !== undefined && marks['bonus'] !== 'missing') {
    score += Math.min(marks['bonus'], 5);
    notes.push('bonus applied');
  }
  score = Math.round(score * 10) / 10;
  if (score > 100) {
    notes.push('capped at 100');
    score = 100;
  }
  const failedRequired = r.criteria.filter(c => c.required && marks[c.id] === 'missing');
  if (failedRequired.length) {
    return { score, passed: false, notes: [...notes, 'required criterion missing'] };
  }
  return { score, passed: score >= r.passMark, notes };
}
''')],
  reqs=['map each uncovered range in rubric.ts to the behaviour it controls',
        'for cli.ts and upload.ts, a one-line verdict is enough',
        'propose the five tests with the best grade-safety payoff'],
  fw='vitest')

# 20
# why: short script and a casual question, but it executes untrusted student code via a shell and
# extracts untrusted zips: injection and sandbox escape, security-critical, so complex
t('complex', 'security-scan',
  "Next month we're opening the autograder to the free public intro course (anyone with an email can "
  "sign up). This is the bit that runs their code. Anything here I should lose sleep over?",
  files=[('autograder/run_submission.py', '''
import json
import os
import subprocess
import zipfile

GRADING_ROOT = os.environ.get("GRADING_ROOT", "grading-runs")


def unpack(student_id, zip_path):
    workdir = os.path.join(GRADING_ROOT, student_id)
    os.makedirs(workdir, exist_ok=True)
    with zipfile.ZipFile(zip_path) as zf:
        zf.extractall(workdir)
    return workdir


def run_submission(student_id, zip_path, timeout=10):
    workdir = unpack(student_id, zip_path)
    with open(os.path.join(workdir, "grading.json")) as f:
        manifest = json.load(f)
    entry = manifest.get("entry", "main.py")
    cmd = f"cd {workdir} && python3 {entry} < tests/input.txt"
    try:
        proc = subprocess.run(cmd, shell=True, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return {"student": student_id, "status": "timeout"}
    expected = open(os.path.join(workdir, "tests", "expected.txt")).read()
    passed = proc.stdout.strip() == expected.strip()
    result = {"student": student_id, "status": "passed" if passed else "failed",
              "stdout": proc.stdout[-2000:], "stderr": proc.stderr[-2000:]}
    with open(os.path.join(GRADING_ROOT, "results", f"{student_id}.json"), "w") as out:
        json.dump(result, out)
    return result
'''), ('autograder/api.py', '''
from flask import Flask, request, jsonify
from run_submission import run_submission

app = Flask(__name__)


@app.post("/submit")
def submit():
    student_id = request.form["student_id"]
    upload = request.files["submission"]
    path = f"uploads/{student_id}.zip"
    upload.save(path)
    return jsonify(run_submission(student_id, path))
''')],
  reqs=['assume the worker runs as the same Linux user as the API and has the LMS token in its environment',
        'for each issue, say what a malicious student could do with it in one sentence',
        'propose an isolation approach we can run on one VM'],
  fw='flask', lang=None)

# 21
t('medium', 'performance-testing',
  "Team 'Puffin' claims their booking API 'scales'. Write a k6 script for POST /api/bookings that "
  "I can run against their staging box, so we can check that claim with numbers instead of vibes.",
  files=[('api/routes/bookings.ts', '''
router.post('/api/bookings', requireUser, async (req, res) => {
  const { roomId, start, end } = req.body;
  if (!roomId || !start || !end) return res.status(400).json({ error: 'roomId, start, end required' });
  if (new Date(end) <= new Date(start)) return res.status(400).json({ error: 'end must be after start' });
  const clash = await prisma.booking.findFirst({
    where: { roomId, start: { lt: new Date(end) }, end: { gt: new Date(start) } },
  });
  if (clash) return res.status(409).json({ error: 'room already booked' });
  const booking = await prisma.booking.create({
    data: { roomId, start: new Date(start), end: new Date(end), userId: req.user.id },
  });
  res.status(201).json(booking);
});
'''), ('api/README-staging.md', '''
Staging: https://puffin-staging.example.test
Auth: POST /api/login {email, password} returns { token }; send it as Authorization: Bearer <token>.
Seeded: 20 rooms (room-01 .. room-20), 200 users loadtest+001@example.test .. loadtest+200@example.test,
password "Password123!" (staging only).
''')],
  reqs=['ramp to 50 virtual users over 2 minutes, hold 5 minutes',
        'each VU logs in once in setup or per-VU, not on every iteration',
        'spread bookings so that 409s are expected but not the majority; report 201/409/5xx separately',
        'thresholds: p95 < 400 ms, error rate (5xx) < 1%'],
  fw='k6', lang='javascript')

# 22
# why: nondeterministic across runs, but the cause is a tiny pure function returning a set in hash order
# (string hash randomisation); no async, I/O or shared state: simple
t('simple', 'flaky-test-analysis',
  "This test passes for about half the class and fails for the other half, and sometimes flips for "
  "the same student just by rerunning it. Nobody changed any code. What's going on?",
  files=[('week05/tags.py', '''
def unique_tags(posts):
    tags = set()
    for post in posts:
        tags.update(post["tags"])
    return list(tags)
'''), ('week05/test_tags.py', '''
from tags import unique_tags


def test_unique_tags():
    posts = [{"tags": ["python", "web"]}, {"tags": ["web", "sql"]}]
    assert unique_tags(posts) == ["python", "web", "sql"]
''')],
  fw='pytest', lang=None)

# 23
t('medium', 'defect-analysis',
  "A student's Express route for updating a profile works when she clicks around, but her supertest "
  "suite is a mess: one test fails and the server log shows 'Cannot set headers after they are sent'. "
  "She's rewritten it three times. Can you find what's wrong and explain it in a way that sticks?",
  files=[('src/routes/profile.js', '''
const express = require('express');
const User = require('../models/user');
const router = express.Router();

router.put('/profile/:id', async (req, res, next) => {
  try {
    if (req.user.id !== req.params.id) {
      res.status(403).json({ error: 'not your profile' });
    }
    const { displayName, bio } = req.body;
    if (displayName && displayName.length > 40) {
      return res.status(400).json({ error: 'displayName too long' });
    }
    const user = User.findByIdAndUpdate(req.params.id, { displayName, bio }, { new: true });
    if (!user) {
      return res.status(404).json({ error: 'not found' });
    }
    res.json({ id: user.id, displayName: user.displayName, bio: user.bio });
  } catch (err) {
    next(err);
  }
});

module.exports = router;
'''), ('test/profile.test.js', '''
const request = require('supertest');
const app = require('../src/app');
const { seedUser, loginAs } = require('./helpers');

test('updates own profile', async () => {
  const u = await seedUser({ displayName: 'Old' });
  const res = await request(app).put(`/profile/${u.id}`).set(loginAs(u)).send({ displayName: 'New' });
  expect(res.status).toBe(200);
  expect(res.body.displayName).toBe('New');
});

test('cannot update someone else', async () => {
  const a = await seedUser({});
  const b = await seedUser({});
  const res = await request(app).put(`/profile/${b.id}`).set(loginAs(a)).send({ bio: 'hacked' });
  expect(res.status).toBe(403);
});
'''), ('test/output.txt', '''
 FAIL  test/profile.test.js
  v cannot update someone else (41 ms)
  x updates own profile (23 ms)

    Expected: "New"
    Received: undefined

  console.error
    Error [ERR_HTTP_HEADERS_SENT]: Cannot set headers after they are sent to the client
        at ServerResponse.setHeader (node:_http_outgoing:652:11)
        at ServerResponse.json (node_modules/express/lib/response.js:278:10)
        at src/routes/profile.js:18:9
''')],
  reqs=['explain both bugs, and say whether the other user\'s bio actually changes in the 403 case, and why'],
  fw='jest', lang='javascript')

# 24
# why: "just run the suite", but it spans seven files across six services (compose, proxy, env, health
# checks, specs) and the job is to localise which service breaks: large multi-module context, complex
t('complex', 'test-execution',
  "Demo day is Friday. Team 'Orca' built a six-service marketplace for their capstone and their "
  "Playwright suite has been red for two days; each of the five students blames a different service. "
  "Please bring the stack up, run the full e2e suite, and tell me which service is actually broken "
  "and who should fix what.",
  files=[('docker-compose.e2e.yml', '''
services:
  gateway:
    image: nginx:1.25
    volumes: ["./gateway/nginx.conf:/etc/nginx/nginx.conf:ro"]
    ports: ["8080:80"]
    depends_on: [web, users, listings, orders, payments]
  web:
    build: ./web
    environment: { NEXT_PUBLIC_API: "http://localhost:8080/api" }
  users:
    build: ./users
    env_file: .env.e2e
    depends_on: [db]
  listings:
    build: ./listings
    env_file: .env.e2e
    depends_on: [db, search]
  orders:
    build: ./orders
    env_file: .env.e2e
    depends_on: [db, payments]
  payments:
    build: ./payments
    env_file: .env.e2e
    environment: { PAYMENTS_MODE: "fake" }
  search:
    image: getmeili/meilisearch:v1.7
    environment: { MEILI_MASTER_KEY: "e2e-only-not-a-real-key" }
  db:
    image: postgres:16
    environment: { POSTGRES_PASSWORD: e2e }
'''), ('gateway/nginx.conf', '''
events {}
http {
  server {
    listen 80;
    location /api/users/    { proxy_pass http://users:4001/; }
    location /api/listings/ { proxy_pass http://listings:4002/; }
    location /api/orders/   { proxy_pass http://orders:4003/; }
    location /api/payments/ { proxy_pass http://payments:4004; }
    location /              { proxy_pass http://web:3000; }
  }
}
'''), ('.env.e2e', '''
DATABASE_URL=postgres://postgres:e2e@db:5432/postgres
JWT_SECRET=e2e-fake-secret
USERS_URL=http://users:4001
PAYMENTS_URL=http://payments:4040
SEARCH_URL=http://search:7700
SEARCH_KEY=e2e-only-not-a-real-key
'''), ('playwright.config.ts', '''
import { defineConfig } from '@playwright/test';
export default defineConfig({
  testDir: './e2e',
  timeout: 30_000,
  retries: 0,
  use: { baseURL: 'http://localhost:8080', trace: 'retain-on-failure' },
  globalSetup: './e2e/global-setup.ts',
});
'''), ('e2e/global-setup.ts', '''
import { request } from '@playwright/test';
export default async function globalSetup() {
  const api = await request.newContext({ baseURL: 'http://localhost:8080' });
  for (const path of ['/api/users/health', '/api/listings/health', '/api/orders/health', '/api/payments/health']) {
    const res = await api.get(path);
    if (!res.ok()) throw new Error(`${path} -> ${res.status()}`);
  }
  await api.post('/api/users/seed');
  await api.post('/api/listings/seed');
}
'''), ('e2e/browse.spec.ts', '''
import { test, expect } from '@playwright/test';
test('search finds a seeded listing', async ({ page }) => {
  await page.goto('/');
  await page.getByPlaceholder('Search').fill('vintage lamp');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('listing-card').first()).toContainText('Vintage lamp');
});
'''), ('e2e/checkout.spec.ts', '''
import { test, expect } from '@playwright/test';
test('buyer can check out a listing', async ({ page }) => {
  await page.goto('/login');
  await page.getByLabel('Email').fill('buyer@example.test');
  await page.getByLabel('Password').fill('e2e-password');
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.goto('/listings/seed-lamp');
  await page.getByRole('button', { name: 'Buy now' }).click();
  await page.getByLabel('Card number').fill('4242 4242 4242 4242');
  await page.getByRole('button', { name: 'Pay' }).click();
  await expect(page.getByText('Order confirmed')).toBeVisible();
});
''')],
  reqs=['report per spec: pass/fail and the failing request or element',
        'separate environment/config faults from application bugs',
        'keep the trace files for anything that fails'],
  fw='playwright')

# 25
t('simple', 'coverage-analysis',
  "Here's the coverage report for Leo's week-7 bank-account exercise. Which lines does his test file "
  "never reach? Write it up as two or three sentences I can paste into his feedback.",
  files=[('week07/leo/coverage-report.txt', '''
Name          Stmts   Miss  Cover   Missing
-------------------------------------------
account.py       25      8    68%   13, 19, 21, 26-30
-------------------------------------------
TOTAL            25      8    68%
'''), ('week07/leo/account.py', '''
class InsufficientFunds(Exception):
    pass


class Account:
    def __init__(self, owner, balance=0):
        self.owner = owner
        self.balance = balance
        self.history = []

    def deposit(self, amount):
        if amount <= 0:
            raise ValueError("deposit must be positive")
        self.balance += amount
        self.history.append(("deposit", amount))

    def withdraw(self, amount):
        if amount <= 0:
            raise ValueError("withdrawal must be positive")
        if amount > self.balance:
            raise InsufficientFunds(f"{self.owner} has only {self.balance}")
        self.balance -= amount
        self.history.append(("withdraw", amount))

    def statement(self):
        lines = [f"Statement for {self.owner}"]
        for kind, amount in self.history:
            lines.append(f"{kind:>10} {amount:>8.2f}")
        lines.append(f"{'balance':>10} {self.balance:>8.2f}")
        return "\\n".join(lines)
''')],
  fw='pytest', lang=None)

# 26
_teams = ['gannet', 'heron', 'ibis', 'jacana']
_team_rows = lines(4, lambda i: ','.join(str(x) for x in [
    _teams[i], [214, 96, 301, 158][i], [0, 3, 0, 1][i], [0, 0, 11, 2][i], [78.4, 61.0, 83.9, 70.2][i],
    [66.1, 41.5, 71.0, 52.3][i], [0, 12, 0, 0][i], [91, 77, 88, 95][i], [0, 1, 0, 2][i],
    ['2/2', '1/2', '2/2', '2/2'][i]]))
t('medium', 'quality-gate',
  "Four capstone teams submit their final release candidates tomorrow. The gate below is what I "
  "published in week 10. Please apply it to each team, give me pass/fail with reasons, and flag any "
  "case where the rule as written gives a result that feels unfair or too lenient, because I'll have to "
  "defend these in front of students.",
  files=[('release/metrics.csv',
          'team,tests,failed,skipped,stmt_cov,branch_cov,lint_errors,a11y_score,high_vulns,reviews_approved\n'
          + _team_rows),
         ('release/gate.md', '''
Capstone release gate (week 10 version)
1. No failing tests. Skipped tests are allowed if each one has a linked issue.
2. Statement coverage >= 70% AND branch coverage >= 50%.
3. Zero lint errors.
4. Accessibility (axe/Lighthouse) >= 85.
5. No high or critical dependency vulnerabilities, unless the team documents why it is not reachable.
6. Every pull request into main approved by two teammates.
'''), ('release/notes.txt', '''
heron: "3 failing tests are the payment sandbox being down, not our code"
ibis: 11 skipped tests, issues linked for 4 of them
jacana: high vulns are in a devDependency (storybook) and a build-time image optimiser
''')],
  reqs=['one short paragraph per team', 'end with a table team | verdict | blocking items'],
  fw=None, lang=None)

# 27
t('complex', 'flaky-test-analysis',
  "Team 'Albatross' split their shop into an orders service and an inventory service talking over "
  "RabbitMQ, which is ambitious for a bootcamp. Their end-to-end test fails maybe one run in five, "
  "and when it fails the stock number is wrong in two different ways (sometimes not updated yet, "
  "sometimes taken off twice). They want to add a sleep(2000). Please tell me what's really going on "
  "before they do.",
  files=[('orders/src/placeOrder.ts', '''
export async function placeOrder(db: Pool, channel: Channel, userId: string, sku: string, qty: number) {
  const { rows } = await db.query(
    'INSERT INTO orders (user_id, sku, qty, status) VALUES ($1,$2,$3,$4) RETURNING id',
    [userId, sku, qty, 'placed'],
  );
  channel.publish('shop', 'order.placed', Buffer.from(JSON.stringify({ orderId: rows[0].id, sku, qty })));
  return rows[0].id;
}
'''), ('inventory/src/consumer.ts', '''
export async function start(db: Pool, channel: Channel) {
  await channel.prefetch(10);
  await channel.consume('inventory.order-placed', async (msg) => {
    if (!msg) return;
    const { sku, qty } = JSON.parse(msg.content.toString());
    const { rows } = await db.query('SELECT stock FROM products WHERE sku = $1', [sku]);
    await db.query('UPDATE products SET stock = $1 WHERE sku = $2', [rows[0].stock - qty, sku]);
    await sendLowStockEmailIfNeeded(sku, rows[0].stock - qty);
    channel.ack(msg);
  });
}
'''), ('e2e/stock.test.ts', '''
test('placing two orders reduces stock by 3', async () => {
  await resetStock('MUG-01', 10);
  await Promise.all([
    api.post('/orders', { sku: 'MUG-01', qty: 1 }),
    api.post('/orders', { sku: 'MUG-01', qty: 2 }),
  ]);
  const res = await inventoryApi.get('/products/MUG-01');
  expect(res.data.stock).toBe(7);
});
'''), ('ci/failures.txt', '''
run 1182  FAIL  Expected: 7  Received: 10
run 1185  FAIL  Expected: 7  Received: 8
run 1190  FAIL  Expected: 7  Received: 9
run 1191  FAIL  Expected: 7  Received: 4
   inventory log: "low stock email failed: ETIMEDOUT smtp.mailtrap.test" then consumer channel closed,
   2 unacked messages requeued
''')],
  reqs=['explain each of the four failure values',
        'say why sleep(2000) would hide some failures and not others',
        'suggest how the test should wait, and what has to change in the services'],
  fw='jest')

# 28
t('simple', 'test-generation',
  "We're moving the JavaScript module from Mocha/Chai to Vitest this cohort. Please convert this "
  "test file as-is, same test names, no new tests, so students can diff the two and see the "
  "mapping.",
  files=[('test/cart.test.js', '''
const { expect } = require('chai');
const { Cart } = require('../src/cart');

describe('Cart', () => {
  let cart;

  beforeEach(() => {
    cart = new Cart();
  });

  it('starts empty', () => {
    expect(cart.items).to.deep.equal([]);
    expect(cart.total()).to.equal(0);
  });

  it('adds an item', () => {
    cart.add({ sku: 'TEA', price: 4.5 }, 2);
    expect(cart.items).to.have.lengthOf(1);
    expect(cart.total()).to.equal(9);
  });

  it('merges quantities for the same sku', () => {
    cart.add({ sku: 'TEA', price: 4.5 }, 1);
    cart.add({ sku: 'TEA', price: 4.5 }, 3);
    expect(cart.items[0].qty).to.equal(4);
  });

  it('rejects a negative quantity', () => {
    expect(() => cart.add({ sku: 'TEA', price: 4.5 }, -1)).to.throw(RangeError, /quantity/);
  });

  it('removes an item', () => {
    cart.add({ sku: 'MUG', price: 12 }, 1);
    cart.remove('MUG');
    expect(cart.items).to.be.empty;
  });
});
''')],
  fw='vitest', lang='javascript')

# 29
t('complex', 'security-scan',
  "Corporate Java cohort, capstone: a library-management system. The team wrote their data access "
  "layer with plain JDBC because they 'wanted to understand SQL'. Good instinct, but I'd like a "
  "proper security review of it before the client's staff try it, and examples I can show the whole "
  "cohort.",
  files=[('src/main/java/com/libris/dao/BookDao.java', '''
package com.libris.dao;

import java.sql.*;
import java.util.ArrayList;
import java.util.List;
import com.libris.model.Book;

public class BookDao {
    private final DataSource ds;

    public BookDao(DataSource ds) { this.ds = ds; }

    public List<Book> search(String title, String sortBy, boolean ascending) throws SQLException {
        String sql = "SELECT id, title, author, isbn FROM books WHERE title LIKE '%" + title + "%'"
                + " ORDER BY " + sortBy + (ascending ? " ASC" : " DESC");
        try (Connection c = ds.getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(sql)) {
            List<Book> out = new ArrayList<>();
            while (rs.next()) {
                out.add(new Book(rs.getLong("id"), rs.getString("title"), rs.getString("author"), rs.getString("isbn")));
            }
            return out;
        }
    }

    public Book findByIsbn(String isbn) throws SQLException {
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT id, title, author, isbn FROM books WHERE isbn = '" + isbn + "'")) {
            ResultSet rs = ps.executeQuery();
            return rs.next() ? new Book(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)) : null;
        }
    }

    public void renew(long loanId, int days) throws SQLException {
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement("UPDATE loans SET due_date = due_date + ? WHERE id = ?")) {
            ps.setInt(1, days);
            ps.setLong(2, loanId);
            ps.executeUpdate();
        }
    }
}
'''), ('src/main/java/com/libris/dao/MemberDao.java', '''
package com.libris.dao;

import java.sql.*;

public class MemberDao {
    private final DataSource ds;

    public MemberDao(DataSource ds) { this.ds = ds; }

    public Member login(String cardNumber, String pin) throws SQLException {
        String sql = "SELECT * FROM members WHERE card_number = '" + cardNumber + "' AND pin = '" + pin + "'";
        try (Connection c = ds.getConnection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            if (!rs.next()) return null;
            return new Member(rs.getLong("id"), rs.getString("name"), rs.getBoolean("is_librarian"));
        }
    }
}
'''), ('src/main/java/com/libris/web/LoanServlet.java', '''
@WebServlet("/loans/renew")
public class LoanServlet extends HttpServlet {
    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Member m = (Member) req.getSession().getAttribute("member");
        if (m == null) { resp.sendError(401); return; }
        long loanId = Long.parseLong(req.getParameter("loanId"));
        int days = Integer.parseInt(req.getParameter("days"));
        try {
            new BookDao(DataSources.main()).renew(loanId, days);
            resp.getWriter().write("Renewed loan " + loanId + " by " + days + " days");
        } catch (SQLException e) {
            resp.getWriter().write("Database error: " + e.getMessage());
        }
    }
}
''')],
  reqs=['show a concrete malicious input for each injectable parameter',
        'include the non-injection problems (authorisation, PIN storage, error leakage)',
        'fixed versions using PreparedStatement correctly, including a safe way to do the ORDER BY'],
  fw='junit5', lang=None)

# 30
t('medium', 'performance-testing',
  "Our similarity checker (flags suspiciously similar submissions) took 41 minutes for 120 students "
  "last week and we're about to have 140. Can you profile/benchmark it, tell me where the time goes, "
  "and suggest changes that keep the same flagged pairs?",
  files=[('tools/similarity.py', '''
import difflib
import itertools
import os
import re

COMMENT = re.compile(r"#.*$", re.MULTILINE)


def normalise(source):
    source = COMMENT.sub("", source)
    lines = [ln.strip() for ln in source.splitlines()]
    return "\\n".join(ln for ln in lines if ln)


def load_submissions(root):
    subs = {}
    for student in sorted(os.listdir(root)):
        path = os.path.join(root, student)
        text = ""
        for dirpath, _, files in os.walk(path):
            for name in sorted(files):
                if name.endswith(".py"):
                    with open(os.path.join(dirpath, name), encoding="utf-8", errors="replace") as f:
                        text += f.read() + "\\n"
        subs[student] = text
    return subs


def similarity(a, b):
    return difflib.SequenceMatcher(None, normalise(a), normalise(b)).ratio()


def flag_pairs(root, threshold=0.85, starter_code=""):
    subs = load_submissions(root)
    flagged = []
    for s1, s2 in itertools.combinations(subs, 2):
        a = subs[s1].replace(starter_code, "")
        b = subs[s2].replace(starter_code, "")
        score = similarity(a, b)
        if score >= threshold:
            flagged.append((s1, s2, round(score, 3)))
    return sorted(flagged, key=lambda p: -p[2])
'''), ('tools/run_log.txt', '''
$ time python3 -m tools.check --root submissions/a07 --starter starter/a07
120 submissions, 7140 pairs, 6 flagged
real    41m12.804s
average submission size: 610 lines (starter code is ~380 of those)
''')],
  reqs=['a benchmark on synthetic submissions that reproduces the scaling',
        'changes must not alter which pairs get flagged at threshold 0.85 (or explain precisely when they could)'],
  fw='pytest-benchmark', lang=None)

# 31
t('simple', 'defect-analysis',
  "Java fundamentals, day 12 (collections). Three students hit the same crash on this exercise. "
  "What's the one-line explanation and the fix?",
  files=[('src/main/java/gradebook/Gradebook.java', '''
package gradebook;

import java.util.*;

public class Gradebook {
    private final Map<String, List<Integer>> scores = new HashMap<>();

    public void addScore(String student, int score) {
        scores.get(student).add(score);
    }

    public double average(String student) {
        List<Integer> s = scores.getOrDefault(student, List.of());
        return s.isEmpty() ? 0.0 : s.stream().mapToInt(Integer::intValue).average().orElse(0.0);
    }
}
'''), ('stacktrace.txt', '''
Exception in thread "main" java.lang.NullPointerException: Cannot invoke "java.util.List.add(Object)" because the return value of "java.util.Map.get(Object)" is null
	at gradebook.Gradebook.addScore(Gradebook.java:9)
	at gradebook.Main.main(Main.java:7)
''')],
  fw='junit5', lang=None)

# 32
t('medium', 'test-generation',
  "Module 3 (back end) students are building a todo API with Express and Mongoose. Here's my model "
  "answer for the routes. Write a Jest + supertest suite I can use as the grading tests: the students' "
  "code will be run against it, so it has to test behaviour through HTTP, not my implementation details.",
  files=[('src/routes/todos.js', '''
const express = require('express');
const mongoose = require('mongoose');
const Todo = require('../models/todo');
const router = express.Router();

router.get('/', async (req, res, next) => {
  try {
    const filter = { owner: req.user.id };
    if (req.query.done === 'true') filter.done = true;
    if (req.query.done === 'false') filter.done = false;
    const todos = await Todo.find(filter).sort({ createdAt: -1 }).limit(50);
    res.json(todos);
  } catch (err) { next(err); }
});

router.post('/', async (req, res, next) => {
  try {
    const title = (req.body.title || '').trim();
    if (!title) return res.status(400).json({ error: 'title is required' });
    if (title.length > 120) return res.status(400).json({ error: 'title too long' });
    const todo = await Todo.create({ title, owner: req.user.id, done: false });
    res.status(201).location(`/todos/${todo.id}`).json(todo);
  } catch (err) { next(err); }
});

router.patch('/:id', async (req, res, next) => {
  try {
    if (!mongoose.isValidObjectId(req.params.id)) return res.status(404).json({ error: 'not found' });
    const updates = {};
    if (typeof req.body.title === 'string') updates.title = req.body.title.trim();
    if (typeof req.body.done === 'boolean') updates.done = req.body.done;
    if (Object.keys(updates).length === 0) return res.status(400).json({ error: 'nothing to update' });
    const todo = await Todo.findOneAndUpdate({ _id: req.params.id, owner: req.user.id }, updates, { new: true });
    if (!todo) return res.status(404).json({ error: 'not found' });
    res.json(todo);
  } catch (err) { next(err); }
});

router.delete('/:id', async (req, res, next) => {
  try {
    const result = await Todo.deleteOne({ _id: req.params.id, owner: req.user.id });
    if (result.deletedCount === 0) return res.status(404).json({ error: 'not found' });
    res.status(204).end();
  } catch (err) { next(err); }
});

module.exports = router;
'''), ('src/app.js', '''
const express = require('express');
const app = express();
app.use(express.json());
app.use((req, res, next) => {
  const id = req.header('x-test-user');
  if (!id) return res.status(401).json({ error: 'login required' });
  req.user = { id };
  next();
});
app.use('/todos', require('./routes/todos'));
app.use((err, req, res, next) => res.status(500).json({ error: 'server error' }));
module.exports = app;
''')],
  reqs=['use mongodb-memory-server, not mocks of Mongoose, so student implementations can differ',
        "cover filtering, validation, 404 for other users' todos, and the invalid-id path on DELETE",
        'each test independent; reset the database between tests'],
  fw='jest', lang='javascript')

# 33
# why: lots of background about the cohort, but the actual decision is one number against one threshold
t('simple', 'quality-gate',
  "Some context first: this is our part-time evening cohort, mostly parents working day jobs, and the "
  "week-8 project is the first time they write tests for their own code rather than filling in mine. "
  "I set a deliberately gentle bar (75% line coverage, all tests passing) because last cohort a hard bar "
  "made three people drop out that week. I also promised them the rule would be applied mechanically, "
  "no judgement calls, so nobody feels singled out. Priya messaged me at 11pm worried she'd failed. "
  "Here's her output: does she clear the bar?",
  files=[('submissions/priya/summary.txt', '''
=============================== test session starts ===============================
collected 14 items

tests/test_budget.py ..........                                              [ 71%]
tests/test_report.py ....                                                    [100%]

---------- coverage: platform linux, python 3.12.3 -----------
Name             Stmts   Miss  Cover
------------------------------------
budget.py           52      9    83%
report.py           38     11    71%
------------------------------------
TOTAL               90     20    78%

=============================== 14 passed in 0.31s ================================
''')],
  fw='pytest', lang=None)

# 34
# why: coverage numbers look high, but the real question is which of ~20 transitions (and guard
# combinations) of a state machine are never exercised: many-transition state machine, complex
t('complex', 'coverage-analysis',
  "Our submission lifecycle module shows 93% line coverage, and yet every term some student ends up "
  "in a state nobody can explain (regrade requested on an excused assignment, late-but-graded-on-time, "
  "that kind of thing). Which transitions and combinations are our tests actually not exercising, and "
  "which of those gaps are plausible explanations for the weird states?",
  files=[('autograder/src/lifecycle.ts', '''
export type State =
  | 'draft' | 'submitted' | 'late' | 'queued' | 'grading' | 'graded'
  | 'regrade_requested' | 'regrading' | 'excused' | 'returned' | 'locked';

export type Event =
  | { type: 'SUBMIT'; at: Date } | { type: 'ENQUEUE' } | { type: 'START' } | { type: 'FINISH'; score: number }
  | { type: 'FAIL' } | { type: 'REQUEST_REGRADE'; reason: string } | { type: 'APPROVE_REGRADE' }
  | { type: 'REJECT_REGRADE' } | { type: 'EXCUSE' } | { type: 'RETURN' } | { type: 'LOCK' } | { type: 'RESUBMIT'; at: Date };

export interface Ctx { dueAt: Date; extensionHours: number; regradesUsed: number; maxRegrades: number; score?: number }

const deadline = (c: Ctx) => new Date(c.dueAt.getTime() + c.extensionHours * 3_600_000);

export function next(state: State, ev: Event, ctx: Ctx): State {
  if (ev.type === 'LOCK') return 'locked';
  if (state === 'locked') return state;
  if (ev.type === 'EXCUSE') return state === 'graded' || state === 'returned' ? state : 'excused';
  switch (state) {
    case 'draft':
      if (ev.type === 'SUBMIT') return ev.at > deadline(ctx) ? 'late' : 'submitted';
      return state;
    case 'submitted':
    case 'late':
      if (ev.type === 'ENQUEUE') return 'queued';
      if (ev.type === 'RESUBMIT') return ev.at > deadline(ctx) ? 'late' : 'submitted';
      return state;
    case 'queued':
      if (ev.type === 'START') return 'grading';
      if (ev.type === 'RESUBMIT') return ev.at > deadline(ctx) ? 'late' : 'submitted';
      return state;
    case 'grading':
      if (ev.type === 'FINISH') { ctx.score = ev.score; return 'graded'; }
      if (ev.type === 'FAIL') return 'queued';
      return state;
    case 'graded':
      if (ev.type === 'RETURN') return 'returned';
      if (ev.type === 'REQUEST_REGRADE' && ctx.regradesUsed < ctx.maxRegrades) return 'regrade_requested';
      if (ev.type === 'RESUBMIT') return 'submitted';
      return state;
    case 'returned':
      if (ev.type === 'REQUEST_REGRADE' && ctx.regradesUsed < ctx.maxRegrades) return 'regrade_requested';
      return state;
    case 'regrade_requested':
      if (ev.type === 'APPROVE_REGRADE') { ctx.regradesUsed++; return 'regrading'; }
      if (ev.type === 'REJECT_REGRADE') return 'returned';
      return state;
    case 'regrading':
      if (ev.type === 'FINISH') { ctx.score = ev.score; return 'returned'; }
      if (ev.type === 'FAIL') return 'regrade_requested';
      return state;
    case 'excused':
      if (ev.type === 'REQUEST_REGRADE') return 'regrade_requested';
      if (ev.type === 'SUBMIT' || ev.type === 'RESUBMIT') return 'submitted';
      return state;
  }
  return state;
}
'''), ('autograder/test/lifecycle.test.ts', '''
import { next, Ctx } from '../src/lifecycle';
const ctx = (): Ctx => ({ dueAt: new Date('2024-05-01T23:59:00Z'), extensionHours: 0, regradesUsed: 0, maxRegrades: 1 });
const onTime = new Date('2024-05-01T20:00:00Z');
const late = new Date('2024-05-02T08:00:00Z');

test('on-time submit', () => expect(next('draft', { type: 'SUBMIT', at: onTime }, ctx())).toBe('submitted'));
test('late submit', () => expect(next('draft', { type: 'SUBMIT', at: late }, ctx())).toBe('late'));
test('enqueue', () => expect(next('submitted', { type: 'ENQUEUE' }, ctx())).toBe('queued'));
test('start', () => expect(next('queued', { type: 'START' }, ctx())).toBe('grading'));
test('finish', () => expect(next('grading', { type: 'FINISH', score: 90 }, ctx())).toBe('graded'));
test('fail requeues', () => expect(next('grading', { type: 'FAIL' }, ctx())).toBe('queued'));
test('return', () => expect(next('graded', { type: 'RETURN' }, ctx())).toBe('returned'));
test('regrade flow', () => {
  const c = ctx();
  let s = next('returned', { type: 'REQUEST_REGRADE', reason: 'typo' }, c);
  s = next(s, { type: 'APPROVE_REGRADE' }, c);
  s = next(s, { type: 'FINISH', score: 95 }, c);
  expect(s).toBe('returned');
  expect(c.regradesUsed).toBe(1);
});
test('excuse', () => expect(next('submitted', { type: 'EXCUSE' }, ctx())).toBe('excused'));
test('lock', () => expect(next('graded', { type: 'LOCK' }, ctx())).toBe('locked'));
'''), ('autograder/coverage/lifecycle.txt', '''
File          | % Stmts | % Branch | % Funcs | % Lines | Uncovered Line #s
--------------|---------|----------|---------|---------|-------------------
lifecycle.ts  |   92.85 |    61.53 |  100.00 |   93.02 | 43,56-57
''')],
  reqs=['produce a transition table (state x event) marking tested / untested / impossible',
        'call out transitions that look like bugs, not just untested ones',
        'propose the minimum set of extra tests, and say whether a generated (model-based) test would be worth it here'],
  fw='vitest')

# 35
t('medium', 'test-execution',
  "Our course repo is an npm-workspaces monorepo: the grading CLI, the shared rubric library and the "
  "student-facing starter kit. A TA's PR touched the rubric library. Run the tests for that package and "
  "for everything that depends on it (nothing else), and give me a short pass/fail report per package.",
  files=[('package.json', '''
{
  "name": "course-tools",
  "private": true,
  "workspaces": ["packages/*"],
  "scripts": { "test": "vitest run" },
  "devDependencies": { "vitest": "^1.6.0", "typescript": "^5.4.5" }
}
'''), ('vitest.workspace.ts', '''
export default ['packages/*'];
'''), ('packages/rubric/package.json', '''
{ "name": "@course/rubric", "version": "2.3.0", "main": "dist/index.js", "scripts": { "build": "tsc -p ." } }
'''), ('packages/grader-cli/package.json', '''
{ "name": "@course/grader-cli", "version": "1.9.1", "dependencies": { "@course/rubric": "^2.3.0", "commander": "^12.0.0" } }
'''), ('packages/starter-kit/package.json', '''
{ "name": "@course/starter-kit", "version": "0.4.0", "dependencies": { "express": "^4.19.2" } }
'''), ('pr-4127-files.txt', '''
packages/rubric/src/weights.ts
packages/rubric/src/index.ts
packages/rubric/test/weights.test.ts
''')],
  reqs=['build @course/rubric first, because grader-cli imports it from dist/',
        'show the exact commands you ran'],
  fw='vitest')

# 36
t('complex', 'performance-testing',
  "Java cohort capstone: the team wrote their own LRU cache for a library-catalogue service and claim "
  "their read/write-lock version is '4x faster' than plain synchronized. Their benchmark is a main() "
  "with System.nanoTime. I'd like a fair benchmark that settles the speed question and, while we're at "
  "it, whether the lock version even gives correct results when lots of threads read at once.",
  files=[('src/main/java/catalogue/cache/RwLruCache.java', '''
package catalogue.cache;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.locks.ReentrantReadWriteLock;

public class RwLruCache<K, V> {
    private final int capacity;
    private final LinkedHashMap<K, V> map;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();

    public RwLruCache(int capacity) {
        this.capacity = capacity;
        this.map = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > RwLruCache.this.capacity;
            }
        };
    }

    public V get(K key) {
        lock.readLock().lock();
        try {
            return map.get(key);
        } finally {
            lock.readLock().unlock();
        }
    }

    public void put(K key, V value) {
        lock.writeLock().lock();
        try {
            map.put(key, value);
        } finally {
            lock.writeLock().unlock();
        }
    }

    public int size() {
        return map.size();
    }
}
'''), ('src/main/java/catalogue/cache/SyncLruCache.java', '''
package catalogue.cache;

import java.util.LinkedHashMap;
import java.util.Map;

public class SyncLruCache<K, V> {
    private final LinkedHashMap<K, V> map;

    public SyncLruCache(int capacity) {
        this.map = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > capacity;
            }
        };
    }

    public synchronized V get(K key) { return map.get(key); }
    public synchronized void put(K key, V value) { map.put(key, value); }
    public synchronized int size() { return map.size(); }
}
'''), ('src/test/java/catalogue/cache/Bench.java', '''
public class Bench {
    public static void main(String[] args) {
        RwLruCache<Integer, String> rw = new RwLruCache<>(1000);
        SyncLruCache<Integer, String> sync = new SyncLruCache<>(1000);
        for (int i = 0; i < 1000; i++) { rw.put(i, "b" + i); sync.put(i, "b" + i); }
        long t0 = System.nanoTime();
        for (int i = 0; i < 10_000_000; i++) rw.get(i % 1000);
        long t1 = System.nanoTime();
        for (int i = 0; i < 10_000_000; i++) sync.get(i % 1000);
        long t2 = System.nanoTime();
        System.out.println("rw: " + (t1 - t0) / 1e6 + " ms, sync: " + (t2 - t1) / 1e6 + " ms");
    }
}
''')],
  reqs=['JMH, with 1, 4 and 16 threads and read/write mixes of 100/0, 95/5 and 50/50',
        'explain what is wrong with the current main() benchmark',
        'add a stress test (e.g. jcstress or a hammering JUnit test) that shows whether get() under the read lock is safe'],
  fw='jmh', lang=None)

# 37
t('medium', 'flaky-test-analysis',
  "React module, final project. One student's Playwright test for adding a comment fails in CI about "
  "a third of the time and never locally. Here's the test, the component and the CI output. What's "
  "the cause and what's the right fix (not a longer timeout)?",
  files=[('e2e/comments.spec.ts', '''
import { test, expect } from '@playwright/test';

test('user can add a comment', async ({ page }) => {
  await page.goto('/posts/1');
  await page.getByPlaceholder('Write a comment').fill('Great post!');
  await page.getByRole('button', { name: 'Post' }).click();
  const comments = page.locator('.comment');
  expect(await comments.count()).toBe(4);
  await expect(comments.last()).toHaveText('Great post!');
});
'''), ('src/components/Comments.tsx', '''
export function Comments({ postId }: { postId: string }) {
  const [comments, setComments] = useState<Comment[]>([]);
  const [draft, setDraft] = useState('');

  useEffect(() => {
    fetch(`/api/posts/${postId}/comments`).then(r => r.json()).then(setComments);
  }, [postId]);

  async function submit() {
    const res = await fetch(`/api/posts/${postId}/comments`, {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ text: draft }),
    });
    const created = await res.json();
    setComments(c => [...c, created]);
    setDraft('');
  }

  return (
    <section>
      {comments.map(c => <p className="comment" key={c.id}>{c.text}</p>)}
      <textarea placeholder="Write a comment" value={draft} onChange={e => setDraft(e.target.value)} />
      <button onClick={submit}>Post</button>
    </section>
  );
}
'''), ('ci/playwright-output.txt', '''
Running 6 tests using 2 workers
  x  [chromium] > comments.spec.ts:3:5 > user can add a comment (1.4s)

    Error: expect(received).toBe(expected) // Object.is equality
    Expected: 4
    Received: 0

       7 |   const comments = page.locator('.comment');
    >  8 |   expect(await comments.count()).toBe(4);

  1 failed, 5 passed (9.8s)
  (seed data: post 1 has 3 comments; CI runner: 2 vCPU, API served by `vite preview` + json-server)
''')],
  fw='playwright')

# 38
# why: spotting a hard-coded fake key in one 20-line file is mechanical pattern-matching; no auth or
# crypto logic to reason about
t('simple', 'security-scan',
  "Quick one: a student is about to make his weather-app repo public for his portfolio. Anything in "
  "this file that shouldn't be on GitHub?",
  files=[('src/weather.js', '''
const API_KEY = 'owm_FAKE_3f9a7c21d4e8b6a0f1c2d3e4';
const BASE_URL = 'https://api.openweathermap.org/data/2.5/weather';

export async function getWeather(city) {
  const url = `${BASE_URL}?q=${encodeURIComponent(city)}&units=metric&appid=${API_KEY}`;
  const res = await fetch(url);
  if (!res.ok) {
    throw new Error(`Weather lookup failed: ${res.status}`);
  }
  const data = await res.json();
  return {
    city: data.name,
    temp: Math.round(data.main.temp),
    description: data.weather[0].description,
  };
}
''')],
  reqs=['if you find something, tell him how to move it out and what to do about the git history'],
  fw=None, lang='javascript')

# 39
t('complex', 'defect-analysis',
  "This one scared me. Team 'Lark' deployed their capstone shop for a real local bakery. The owner says "
  "a customer logged in and saw someone else's basket, with their name on it. The team can't "
  "reproduce it locally. It's running as two instances behind the bakery's hosting provider's CDN. "
  "Please find how this can happen.",
  files=[('server/middleware/currentUser.js', '''
let cachedUser = null;

module.exports = async function currentUser(req, res, next) {
  const token = req.cookies.session;
  if (!token) { req.user = null; return next(); }
  if (cachedUser && cachedUser.token === token) { req.user = cachedUser; return next(); }
  const user = await sessions.lookup(token);
  cachedUser = user ? { ...user, token } : null;
  req.user = cachedUser;
  next();
};
'''), ('server/routes/basket.js', '''
const basketCache = new Map();

router.get('/api/basket', currentUser, async (req, res) => {
  const key = req.user ? req.user.id : req.ip;
  if (!basketCache.has(key)) {
    basketCache.set(key, await db.baskets.findOrCreate(key));
  }
  res.set('Cache-Control', 'public, max-age=60');
  res.json({ owner: req.user ? req.user.name : 'Guest', items: basketCache.get(key).items });
});

router.post('/api/basket/items', currentUser, async (req, res) => {
  const key = req.user ? req.user.id : req.ip;
  const basket = await db.baskets.addItem(key, req.body.productId, req.body.qty);
  basketCache.set(key, basket);
  res.json(basket);
});
'''), ('server/routes/auth.js', '''
router.post('/api/login', async (req, res) => {
  const user = await users.verify(req.body.email, req.body.password);
  if (!user) return res.status(401).json({ error: 'invalid login' });
  const token = await sessions.create(user.id);
  res.cookie('session', token, { httpOnly: true, sameSite: 'lax' });
  await db.baskets.mergeGuest(req.ip, user.id);
  res.json({ name: user.name });
});
'''), ('server/app.js', '''
app.set('trust proxy', false);
app.use(cookieParser());
app.use(express.json());
app.use(require('./routes/auth'));
app.use(require('./routes/basket'));
'''), ('ops/cdn-notes.txt', '''
Provider: "EdgeFast" managed CDN in front of both instances.
Default: caches GET responses that send Cache-Control: public, cache key = URL (cookies ignored).
Instances: app-1, app-2, round-robin, no sticky sessions.
''')],
  reqs=["list every path by which one customer can see another customer's basket, most likely first",
        'say which ones the team could never have reproduced on a single laptop and why',
        'fixes in the order they should ship today'],
  fw='express', lang='javascript')

# 40
t('simple', 'performance-testing',
  "For tomorrow's lecture: give me a tiny timeit script comparing a for-loop with append against a "
  "list comprehension for squaring a million numbers, with output a beginner can read.",
  fw=None, lang=None)

# 41
t('medium', 'coverage-analysis',
  "The TAs wrote a parser for the grade CSVs that instructors export from spreadsheets (which are "
  "messy: BOMs, semicolons from European locales, blank rows, 'abs' for absent). Branch coverage is "
  "64%. Which edge cases are untested, and which of those are realistic given how instructors actually "
  "produce these files?",
  files=[('grading/csv_grades.py', '''
import csv
import io

ABSENT = {"abs", "absent", "-", "n/a"}


class GradeRow:
    def __init__(self, student_id, scores, absent):
        self.student_id = student_id
        self.scores = scores
        self.absent = absent


def sniff_delimiter(text):
    first = text.splitlines()[0] if text else ""
    if first.count(";") > first.count(","):
        return ";"
    return ","


def parse_score(raw):
    value = raw.strip().lower()
    if value in ABSENT:
        return None
    if "," in value and "." not in value:
        value = value.replace(",", ".")
    score = float(value)
    if score < 0 or score > 100:
        raise ValueError(f"score out of range: {raw!r}")
    return score


def parse_grades(text):
    if text.startswith("\\ufeff"):
        text = text[1:]
    delimiter = sniff_delimiter(text)
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    header = next(reader, None)
    if header is None:
        return [], []
    header = [h.strip() for h in header]
    if header[0].lower() not in ("student_id", "id"):
        raise ValueError("first column must be student_id")
    rows, errors = [], []
    for line_no, record in enumerate(reader, start=2):
        if not any(cell.strip() for cell in record):
            continue
        if len(record) != len(header):
            errors.append((line_no, "wrong number of columns"))
            continue
        student_id = record[0].strip()
        scores, absent = {}, []
        for name, raw in zip(header[1:], record[1:]):
            try:
                score = parse_score(raw)
            except ValueError as exc:
                errors.append((line_no, f"{name}: {exc}"))
                continue
            if score is None:
                absent.append(name)
            else:
                scores[name] = score
        rows.append(GradeRow(student_id, scores, absent))
    return rows, errors
'''), ('grading/coverage-branches.txt', '''
Name                   Stmts   Miss Branch BrPart  Cover   Missing
------------------------------------------------------------------
grading/csv_grades.py     52      9     24      7    75%   16, 19->21, 26, 28->29, 36, 41-42, 44, 51-53, 57->58
------------------------------------------------------------------
Branch coverage: 64%
'''), ('grading/test_csv_grades.py', '''
from csv_grades import parse_grades


def test_simple_file():
    rows, errors = parse_grades("student_id,hw1,hw2\\ns1,80,90\\ns2,70,abs\\n")
    assert errors == []
    assert rows[0].scores == {"hw1": 80.0, "hw2": 90.0}
    assert rows[1].absent == ["hw2"]


def test_out_of_range_is_reported():
    rows, errors = parse_grades("student_id,hw1\\ns1,120\\n")
    assert errors == [(2, "hw1: score out of range: '120'")]
''')],
  reqs=['map each missing line/branch to the input that would reach it',
        'point out any behaviour that looks wrong once you write the test, e.g. decimal commas with semicolon files'],
  fw='pytest', lang=None)

# 42
t('complex', 'quality-gate',
  "We're releasing v3 of the autograder platform the week before the new cohort starts (160 students "
  "will depend on it from day one). The TA team collected every report they could. I need a go / "
  "no-go with reasoning I can defend to the programme director, and if it's no-go, the shortest path "
  "to go.",
  files=[('release/v3/criteria.md', '''
Go criteria (agreed with programme director)
- All unit and integration suites green on main; no test quarantined in the last 14 days without an owner.
- Line coverage >= 80% for submit-api, grader, gradebook-sync; mutation score >= 60% for grader/scoring.
- No open high/critical security findings in code that handles student uploads or LMS credentials.
- Deadline-night load test: 200 submissions/min for 30 min, p95 submit < 2 s, zero lost submissions.
- Database migrations reversible and tested on a copy of production.
'''), ('release/v3/tests.txt', '''
submit-api      412 passed, 0 failed, 3 skipped
grader          988 passed, 0 failed, 0 skipped
gradebook-sync  121 passed, 2 failed (LmsClient retries on 429; LmsClient refreshes expired token)
notifier         64 passed, 0 failed, 1 skipped
web             233 passed, 0 failed, 12 skipped
'''), ('release/v3/coverage.txt', '''
submit-api      line 84.1%  branch 71.0%
grader          line 88.7%  branch 76.3%
gradebook-sync  line 77.9%  branch 58.2%
notifier        line 69.0%  branch 51.4%
'''), ('release/v3/mutation-grader.txt', '''
Stryker: grader/src/scoring/**  mutants 612  killed 355  survived 201  timeout 31  no coverage 25
Mutation score: 63.1%  (score based on covered code: 65.8%)
Top surviving: latePenalty.ts (38), rubric.ts (27), partialCredit.ts (22)
'''), ('release/v3/security.sarif-summary.txt', '''
HIGH    submit-api/src/upload.ts:57      Zip entries extracted without path normalisation (zip slip)   status: fixed in PR 611 (merged)
HIGH    grader/docker/run.sh:12          Container started with --network=host                          status: open, "needed for pip install"
MEDIUM  gradebook-sync/src/lms.ts:30     LMS client secret logged at debug level                         status: open
LOW     web/next.config.js               Missing Content-Security-Policy                                 status: accepted risk
'''), ('release/v3/flaky-quarantine.txt', '''
quarantined  2024-08-02  grader   "two workers never grade the same submission"     owner: (none)
quarantined  2024-08-09  web      "status page reconnects after server restart"     owner: sam
quarantined  2024-07-01  notifier "delivers events in order per student"            owner: priya
'''), ('release/v3/load-test.txt', '''
k6 deadline-night profile, staging (grader workers: 12)
stage 3: 200 submissions/min for 30 min
http_req_duration{name:submit} p95=1.62s p99=4.9s
submissions accepted: 6000   graded: 5987   missing after 30 min drain: 13
grading queue max depth 940, drained at +38 min
'''), ('release/v3/migrations.txt', '''
0041_add_regrade_table       up OK   down OK   tested on prod copy: yes
0042_split_scores_column     up OK   down FAILED ("column scores_raw does not exist")   tested on prod copy: yes
0043_index_submissions_ts    up OK   down OK   tested on prod copy: no
''')],
  reqs=['evaluate every criterion, quoting the evidence',
        'connect findings that are probably the same underlying problem across reports',
        'classify each blocker as fix-before-release, fix-with-mitigation, or accept with sign-off'],
  fw=None)

_ex = ['ex01_hello', 'ex02_variables', 'ex03_conditionals', 'ex04_loops', 'ex05_lists', 'ex06_dicts']
_names = ['ana', 'bilal', 'chloe', 'deshawn', 'eun', 'fatima', 'gabe', 'hiro', 'isla', 'jamal']
_failed = lambda i: (i * 7 + i // 6) % 9 in (0, 4) or (i // 6 == 3 and i % 6 > 1)
_nfail = sum(1 for i in range(60) if _failed(i))
# 43
# why: 60 lines of output but the ask is counting failures per exercise from a regular report: mechanical
t('simple', 'test-execution',
  "I ran the week-1 autograder for the whole cohort and got this wall of output. Summarise it: for each "
  "exercise, how many students failed it, and list the students who failed three or more exercises so I "
  "can check in with them.",
  files=[('week01/autograde-output.txt',
          '============================= test session starts ==============================\n'
          'collected 60 items\n\n' +
          lines(60, lambda i: f"submissions/{_names[i // 6]}/test_{_ex[i % 6]}.py::test_{_ex[i % 6]} " +
                ('FAILED' if _failed(i) else 'PASSED')) +
          f"\n\n========================= {_nfail} failed, {60 - _nfail} passed in 4.12s =========================\n")],
  fw='pytest', lang=None)

# 44
# why: 30 lines, but it's an async concurrency primitive (ordering, release on throw, no lost wake-ups):
# tests need controlled interleavings, so complex despite the size
t('complex', 'test-generation',
  "The grader uses this little helper so we never run more than N student containers at once. "
  "It's short, I wrote it in an afternoon. Can you write tests for it?",
  files=[('grader/src/limit.ts', '''
export class Limiter {
  private active = 0;
  private waiting: Array<() => void> = [];

  constructor(private readonly max: number) {
    if (max < 1) throw new RangeError('max must be >= 1');
  }

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.active >= this.max) {
      await new Promise<void>(resolve => this.waiting.push(resolve));
    }
    this.active++;
    try {
      return await task();
    } finally {
      this.active--;
      const next = this.waiting.shift();
      if (next) next();
    }
  }

  get pending() {
    return this.waiting.length;
  }

  get running() {
    return this.active;
  }
}
''')],
  reqs=['prove the limit is never exceeded, including when tasks throw and when new calls arrive while a waiter is being woken',
        'check waiters start in FIFO order',
        'no real timers: tests must be deterministic'],
  fw='vitest')

# 45
t('medium', 'defect-analysis',
  "React module, week 11. A student's movie-search page crashes on first load with \"Cannot read "
  "properties of undefined (reading 'map')\", and when she 'fixed' that, her laptop fan started "
  "screaming and the network tab shows hundreds of requests. Help me explain both problems to her.",
  files=[('src/pages/Search.jsx', '''
import { useEffect, useState } from 'react';

export default function Search() {
  const [query, setQuery] = useState('batman');
  const [results, setResults] = useState();
  const [page, setPage] = useState(1);

  useEffect(() => {
    fetch(`/api/movies?q=${query}&page=${page}`)
      .then(res => res.json())
      .then(data => {
        setResults(data.results);
        setPage(data.page);
      });
  });

  return (
    <div>
      <input value={query} onChange={e => setQuery(e.target.value)} />
      <ul>
        {results.map(m => <li key={m.id}>{m.title} ({m.year})</li>)}
      </ul>
      <button onClick={() => setPage(page + 1)}>Next page</button>
    </div>
  );
}
'''), ('notes/what-she-tried.txt', '''
Attempt 1: changed useState() to useState([]) -> no crash, but 300+ requests in 10 seconds.
Attempt 2: added `if (results.length === 0)` around the fetch -> requests stop, but typing a new
query does nothing and "Next page" does nothing.
API returns: { "page": 1, "total_pages": 12, "results": [ { "id": 268, "title": "Batman", "year": 1989 }, ... ] }
''')],
  reqs=['give the corrected component and explain the dependency array choice',
        'mention what happens if she types fast (old responses arriving late) and whether she needs to handle it for this exercise'],
  fw='react', lang='javascript')

# 46
t('complex', 'security-scan',
  "We integrate the autograder with the university partner's LMS so grades flow back automatically "
  "(LTI 1.3 launch + grade passback). A former student wrote the launch handler as a freelance job. "
  "Before the partner's IT team audits it, I'd like you to go over it thoroughly.",
  files=[('lti/src/launch.ts', '''
import jwt from 'jsonwebtoken';
import { getPlatformKeys } from './jwks';

export async function handleLaunch(req: Request, res: Response) {
  const idToken = req.body.id_token as string;
  const decoded = jwt.decode(idToken, { complete: true }) as any;
  if (!decoded) return res.status(400).send('bad token');

  const keys = await getPlatformKeys(decoded.payload.iss);
  const key = keys.find((k: any) => k.kid === decoded.header.kid) ?? keys[0];

  let claims: any;
  try {
    claims = jwt.verify(idToken, key.pem, { algorithms: ['RS256', 'HS256'] });
  } catch {
    claims = decoded.payload;
    console.warn('LTI verify failed, continuing with decoded claims', decoded.header.kid);
  }

  if (claims.aud !== process.env.LTI_CLIENT_ID && !claims.aud.includes(process.env.LTI_CLIENT_ID)) {
    return res.status(401).send('wrong audience');
  }

  const roles: string[] = claims['https://purl.imsglobal.org/spec/lti/claim/roles'] ?? [];
  req.session.user = {
    lmsId: claims.sub,
    name: claims.name,
    isInstructor: roles.some(r => r.includes('Instructor')),
    courseId: claims['https://purl.imsglobal.org/spec/lti/claim/context'].id,
  };
  res.redirect(req.body.target_link_uri || '/dashboard');
}
'''), ('lti/src/jwks.ts', '''
const cache = new Map<string, any[]>();

export async function getPlatformKeys(issuer: string) {
  if (cache.has(issuer)) return cache.get(issuer)!;
  const res = await fetch(`${issuer}/.well-known/jwks.json`);
  const body = await res.json();
  const keys = body.keys.map((k: any) => ({ kid: k.kid, pem: jwkToPem(k) }));
  cache.set(issuer, keys);
  return keys;
}
'''), ('lti/src/login.ts', '''
export function oidcLogin(req: Request, res: Response) {
  const { iss, login_hint, target_link_uri, lti_message_hint } = req.query as Record<string, string>;
  const params = new URLSearchParams({
    scope: 'openid', response_type: 'id_token', response_mode: 'form_post', prompt: 'none',
    client_id: process.env.LTI_CLIENT_ID!, redirect_uri: `${process.env.BASE_URL}/lti/launch`,
    login_hint, lti_message_hint, state: 'lti', nonce: Date.now().toString(),
  });
  res.redirect(`${iss}/auth?${params}`);
}
'''), ('lti/src/grades.ts', '''
export async function postScore(courseId: string, lineItemUrl: string, userId: string, score: number) {
  const token = await getServiceToken();
  await fetch(`${lineItemUrl}/scores`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/vnd.ims.lis.v1.score+json' },
    body: JSON.stringify({ userId, scoreGiven: score, scoreMaximum: 100, activityProgress: 'Completed',
      gradingProgress: 'FullyGraded', timestamp: new Date().toISOString() }),
  });
}
''')],
  reqs=['for each issue, describe how a student could exploit it (e.g. become an instructor, change a grade)',
        'check issuer allow-listing, state/nonce handling, algorithm choice and the redirect',
        'give the corrected launch flow step by step'],
  fw=None)

# 47
t('medium', 'quality-gate',
  "We added mutation testing to the grading scripts this term. I set a gate of 70% mutation score "
  "for anything that computes a grade. Here's the Stryker summary for this week's PR. Does it pass, "
  "and which of the surviving mutants should the TA actually kill before merging versus which are "
  "noise?",
  files=[('reports/stryker-summary.txt', '''
File                        | % score | killed | timeout | survived | no cov | errors
----------------------------|---------|--------|---------|----------|--------|-------
All files                   |   71.84 |    232 |       9 |       79 |     16 |      3
 src/latePenalty.ts         |   62.50 |     28 |       2 |       18 |      0 |      0
 src/rubric.ts              |   80.95 |    101 |       1 |       22 |      2 |      1
 src/partialCredit.ts       |   66.67 |     40 |       2 |       17 |      4 |      0
 src/format/feedbackText.ts |   68.29 |     28 |       0 |       13 |      0 |      2
 src/cli.ts                 |   74.29 |     35 |       4 |        9 |     10 |      0
'''), ('reports/survivors-latePenalty.txt', '''
[Survived] EqualityOperator  src/latePenalty.ts:12:7   -  if (lateMs <= 0)  ->  if (lateMs < 0)
[Survived] ArithmeticOperator src/latePenalty.ts:13:41 -  Math.ceil(lateMs / DAY_MS) -> Math.ceil(lateMs * DAY_MS)
[Survived] EqualityOperator  src/latePenalty.ts:14:7   -  if (daysLate > 3) -> if (daysLate >= 3)
[Survived] ArithmeticOperator src/latePenalty.ts:16:48 -  * 10) / 10 -> * 10) * 10
[Survived] StringLiteral     src/latePenalty.ts:3:28   -  'late' -> ''
(13 more: Math.round -> Math.floor (1), ConditionalExpression true/false on line 9 (4), BlockStatement (8))
'''), ('reports/survivors-feedbackText.txt', '''
[Survived] StringLiteral  src/format/feedbackText.ts:8:14   -  'Great work!' -> ''
[Survived] StringLiteral  src/format/feedbackText.ts:9:14   -  'Nearly there.' -> ''
(11 more StringLiteral / ArrayDeclaration survivors in message templates)
''')],
  reqs=['our rule: 70% overall AND no grade-computing file under 65%; feedbackText.ts and cli.ts do not compute grades',
        'for latePenalty.ts, name the test that would kill each listed survivor'],
  fw='vitest')

# 48
_jclasses = ['Account', 'Bank', 'Transaction', 'TransferService', 'InterestCalculator', 'Statement',
             'StatementPrinter', 'Customer', 'CustomerRepository', 'Money', 'Currency', 'ExchangeRates',
             'AuditLog', 'Overdraft', 'CardService', 'Pin', 'Atm', 'AtmSession', 'Receipt', 'Main']
# why: a long CSV, but the ask is a filter (classes under a threshold) and a sorted list: mechanical
t('simple', 'coverage-analysis',
  "JaCoCo CSV from the Java cohort's banking kata (reference solution + the tests I gave them). List "
  "every class under 80% line coverage, lowest first, with its percentage.",
  files=[('target/site/jacoco/jacoco.csv',
          'GROUP,PACKAGE,CLASS,INSTRUCTION_MISSED,INSTRUCTION_COVERED,BRANCH_MISSED,BRANCH_COVERED,'
          'LINE_MISSED,LINE_COVERED,COMPLEXITY_MISSED,COMPLEXITY_COVERED,METHOD_MISSED,METHOD_COVERED\n' +
          lines(20, lambda i: f"bank-kata,com.bootcamp.bank,{_jclasses[i]},{(i * 17) % 60},{40 + (i * 31) % 160},"
                f"{(i * 3) % 7},{2 + (i * 5) % 12},{[0,2,9,1,12,0,3,0,4,0,1,6,14,0,8,0,2,11,0,7][i]},"
                f"{[20,31,14,44,18,9,27,12,35,16,22,19,6,8,30,5,40,13,7,3][i]},{(i * 2) % 5},{3 + i % 9},"
                f"{i % 3},{2 + (i * 7) % 10}"))],
  fw='junit5', lang=None)

# 49
t('complex', 'flaky-test-analysis',
  "Java cohort, concurrency week. I turned on JUnit parallel execution to speed up grading and now "
  "the reference solution's own test sometimes fails and, about once in thirty runs, the whole build "
  "just hangs until CI kills it. The code is my model answer, which is embarrassing. What's wrong?",
  files=[('src/main/java/bank/Account.java', '''
package bank;

public class Account {
    private final String id;
    private long balanceCents;

    public Account(String id, long balanceCents) {
        this.id = id;
        this.balanceCents = balanceCents;
    }

    public String id() { return id; }
    public long balance() { return balanceCents; }
    void adjust(long delta) { balanceCents += delta; }
}
'''), ('src/main/java/bank/Bank.java', '''
package bank;

import java.util.HashMap;
import java.util.Map;

public class Bank {
    private static final Map<String, Account> ACCOUNTS = new HashMap<>();

    public static Account open(String id, long cents) {
        Account a = new Account(id, cents);
        ACCOUNTS.put(id, a);
        return a;
    }

    public static void transfer(String from, String to, long cents) {
        Account a = ACCOUNTS.get(from);
        Account b = ACCOUNTS.get(to);
        synchronized (a) {
            synchronized (b) {
                if (a.balance() < cents) throw new IllegalStateException("insufficient funds");
                a.adjust(-cents);
                b.adjust(cents);
            }
        }
    }

    public static long total() {
        return ACCOUNTS.values().stream().mapToLong(Account::balance).sum();
    }

    static void reset() { ACCOUNTS.clear(); }
}
'''), ('src/test/java/bank/BankTest.java', '''
package bank;

import org.junit.jupiter.api.*;
import java.util.concurrent.*;
import static org.junit.jupiter.api.Assertions.*;

class BankTest {
    @BeforeEach void setUp() { Bank.reset(); }

    @Test void moneyIsConservedUnderConcurrentTransfers() throws Exception {
        Bank.open("A", 10_000); Bank.open("B", 10_000);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        for (int i = 0; i < 1000; i++) {
            final boolean ab = i % 2 == 0;
            pool.submit(() -> Bank.transfer(ab ? "A" : "B", ab ? "B" : "A", 1));
        }
        pool.shutdown();
        pool.awaitTermination(10, TimeUnit.SECONDS);
        assertEquals(20_000, Bank.total());
    }

    @Test void cannotOverdraw() {
        Bank.open("C", 100); Bank.open("D", 0);
        assertThrows(IllegalStateException.class, () -> Bank.transfer("C", "D", 101));
    }
}
'''), ('src/test/resources/junit-platform.properties', '''
junit.jupiter.execution.parallel.enabled = true
junit.jupiter.execution.parallel.mode.default = concurrent
'''), ('ci/failures.txt', '''
run 88  FAIL moneyIsConservedUnderConcurrentTransfers  expected: <20000> but was: <20100>
run 91  FAIL cannotOverdraw  java.lang.NullPointerException: Cannot enter synchronized block because "a" is null
run 97  TIMEOUT  build cancelled after 20 min; thread dump shows pool-1-thread-3 BLOCKED on bank.Account@5e2de80c
        held by pool-1-thread-6, pool-1-thread-6 BLOCKED on bank.Account@1d44bcfa held by pool-1-thread-3
''')],
  reqs=['explain each of the three CI symptoms separately',
        'fix the model answer so it stays a good teaching example (no giant global lock)',
        'say how the test itself should change so it can actually catch these problems'],
  fw='junit5', lang=None)

# 50
# why: a "run the tests" ask, but across a seven-module Maven build with shared Testcontainers set-up,
# module ordering and per-module diagnosis: large multi-module context, complex
t('complex', 'test-execution',
  "Corporate Java cohort capstone: a hospital shift-planning system split into Maven modules. I have "
  "to sign off their final build for the client. Please run the full test suite (unit + the "
  "Testcontainers integration tests), and give me a per-module report. Last time I tried, half the "
  "modules 'failed' and I couldn't tell which failures were real and which were build/setup noise.",
  files=[('pom.xml', '''
<project>
  <modelVersion>4.0.0</modelVersion>
  <groupId>org.shiftplan</groupId>
  <artifactId>shiftplan-parent</artifactId>
  <version>1.0.0-SNAPSHOT</version>
  <packaging>pom</packaging>
  <modules>
    <module>shiftplan-domain</module>
    <module>shiftplan-persistence</module>
    <module>shiftplan-rules</module>
    <module>shiftplan-scheduler</module>
    <module>shiftplan-notifications</module>
    <module>shiftplan-api</module>
    <module>shiftplan-testsupport</module>
  </modules>
  <properties>
    <java.version>21</java.version>
    <testcontainers.version>1.19.7</testcontainers.version>
  </properties>
  <build>
    <plugins>
      <plugin>
        <artifactId>maven-surefire-plugin</artifactId>
        <version>3.2.5</version>
        <configuration><excludes><exclude>**/*IT.java</exclude></excludes></configuration>
      </plugin>
      <plugin>
        <artifactId>maven-failsafe-plugin</artifactId>
        <version>3.2.5</version>
        <executions><execution><goals><goal>integration-test</goal><goal>verify</goal></goals></execution></executions>
      </plugin>
    </plugins>
  </build>
</project>
'''), ('shiftplan-persistence/pom.xml', '''
<project>
  <parent><groupId>org.shiftplan</groupId><artifactId>shiftplan-parent</artifactId><version>1.0.0-SNAPSHOT</version></parent>
  <artifactId>shiftplan-persistence</artifactId>
  <dependencies>
    <dependency><groupId>org.shiftplan</groupId><artifactId>shiftplan-domain</artifactId><version>${project.version}</version></dependency>
    <dependency><groupId>org.shiftplan</groupId><artifactId>shiftplan-testsupport</artifactId><version>${project.version}</version><scope>test</scope></dependency>
    <dependency><groupId>org.testcontainers</groupId><artifactId>postgresql</artifactId><version>${testcontainers.version}</version><scope>test</scope></dependency>
  </dependencies>
</project>
'''), ('shiftplan-testsupport/pom.xml', '''
<project>
  <parent><groupId>org.shiftplan</groupId><artifactId>shiftplan-parent</artifactId><version>1.0.0-SNAPSHOT</version></parent>
  <artifactId>shiftplan-testsupport</artifactId>
  <dependencies>
    <dependency><groupId>org.shiftplan</groupId><artifactId>shiftplan-persistence</artifactId><version>${project.version}</version></dependency>
    <dependency><groupId>org.testcontainers</groupId><artifactId>postgresql</artifactId><version>${testcontainers.version}</version></dependency>
  </dependencies>
</project>
'''), ('shiftplan-testsupport/src/main/java/org/shiftplan/test/PostgresBase.java', '''
package org.shiftplan.test;

import org.testcontainers.containers.PostgreSQLContainer;

public abstract class PostgresBase {
    protected static final PostgreSQLContainer<?> PG = new PostgreSQLContainer<>("postgres:16-alpine")
            .withDatabaseName("shiftplan").withUsername("test").withPassword("test");

    static {
        PG.start();
        System.setProperty("DB_URL", PG.getJdbcUrl());
    }
}
'''), ('shiftplan-scheduler/src/test/java/org/shiftplan/scheduler/RosterGeneratorTest.java', '''
class RosterGeneratorTest {
    @Test void noNurseWorksTwoNightShiftsFollowedByEarly() {
        var roster = new RosterGenerator(Rules.defaults(), new Random()).generate(Week.of(2024, 20), Staff.sample(12));
        assertTrue(roster.violations().isEmpty(), roster.violations().toString());
    }
}
'''), ('shiftplan-api/src/test/resources/application-test.yml', '''
spring:
  datasource:
    url: ${DB_URL:jdbc:postgresql://localhost:5432/shiftplan}
    username: test
    password: test
  flyway:
    locations: classpath:db/migration
'''), ('build-notes.txt', '''
Grading box: 4 vCPU, 8 GB RAM, Docker 25, Maven 3.9.6, JDK 17 installed as default (JDK 21 also present).
Team says: "run mvn verify from the root".
''')],
  reqs=['separate environment/build faults from real test failures',
        'for each real failure, the module, test, and a one-line probable cause',
        'list the commands you ran and any environment changes you made'],
  fw='junit5', lang=None)

# 51
# why: wrapped in a long story about the student and the course, but the bug is a single `=` vs `===`
# in a 15-line pure function: simple
t('simple', 'defect-analysis',
  "A bit of background: Tomasz is one of our strongest students, a former accountant, but he's had a "
  "rough week and he's convinced he's 'not cut out for this' because of one bug he's stared at for two "
  "hours. It's from the week-5 JavaScript exercise on conditionals: a function that gives a badge for "
  "a quiz score. Every score, even 12, gets 'Perfect!'. I don't want to just hand him the fix; I want to "
  "tell him what kind of mistake it is so he knows it happens to everyone. What is it?",
  files=[('week05/badge.js', '''
function badgeFor(score) {
  if (score = 100) {
    return 'Perfect!';
  } else if (score >= 80) {
    return 'Gold';
  } else if (score >= 60) {
    return 'Silver';
  } else if (score >= 40) {
    return 'Bronze';
  }
  return 'Keep practising';
}

module.exports = { badgeFor };
''')],
  fw=None, lang='javascript')

# 52
_eps = [('GET /api/courses', 0.09, 0.21, 0.0), ('GET /api/courses/:id', 0.11, 0.26, 0.0),
        ('GET /api/lessons/:id', 0.14, 0.33, 0.0), ('POST /api/progress', 1.9, 7.8, 3.1),
        ('GET /api/progress/me', 1.6, 6.9, 2.4), ('GET /api/leaderboard', 3.4, 12.2, 8.7),
        ('POST /api/login', 0.31, 0.62, 0.0), ('GET /api/me', 0.08, 0.19, 0.0)]
# why: reading a long k6 summary is mechanical at first glance, but locating the bottleneck needs
# correlating endpoint latencies with pool stats and error codes for one service: medium
t('medium', 'performance-testing',
  "Team 'Magpie' (learning-platform capstone) ran the k6 script I gave them against their API and "
  "pasted the summary. They think 'the server is slow'. Which endpoint(s) are really the problem, what's "
  "the most likely reason from these numbers, and what should they look at first?",
  files=[('load/k6-summary.txt',
          '     scenarios: (100.00%) 1 scenario, 120 max VUs, 10m30s max duration\n'
          '              * students: ramping-vus, 0 -> 120 VUs over 3m, hold 6m\n\n' +
          lines(len(_eps), lambda i: f"     http_req_duration{{name:{_eps[i][0]}}}".ljust(60) +
                f"avg={_eps[i][1] * 0.6:.2f}s p(95)={_eps[i][1]:.2f}s p(99)={_eps[i][2]:.2f}s") + '\n' +
          lines(len(_eps), lambda i: f"     http_req_failed{{name:{_eps[i][0]}}}".ljust(60) + f"{_eps[i][3]:.2f}%") +
          '\n\n     http_reqs......................: 184233  292.4/s\n'
          '     checks.........................: 96.41%\n'
          '     vus_max........................: 120\n'),
         ('load/server-metrics.txt', '''
pg pool: max 10, waiting clients peak 86, avg wait 1.4 s during hold phase
pg slow query log (>1 s):  SELECT u.id, u.name, SUM(p.points) ... FROM users u JOIN progress p ... GROUP BY u.id ORDER BY 3 DESC LIMIT 20   (412 calls, avg 2.9 s)
node event loop lag p99: 38 ms
errors: 503 "timeout acquiring connection" (93%), 500 "deadlock detected" on INSERT progress (7%)
'''),
         ('load/script-excerpt.js', '''
export default function () {
  const lesson = randomLesson();
  http.get(`${BASE}/api/lessons/${lesson}`, { tags: { name: 'GET /api/lessons/:id' } });
  http.post(`${BASE}/api/progress`, JSON.stringify({ lesson, points: 10 }), params('POST /api/progress'));
  http.get(`${BASE}/api/leaderboard`, { tags: { name: 'GET /api/leaderboard' } });
  sleep(1);
}
''')],
  fw='k6', lang='javascript')

# 53
t('medium', 'test-generation',
  "Python back-end track: students build a small book-review API in Flask with SQLite. This is the "
  "reviews blueprint from my model answer. Please write a pytest suite using Flask's test client and a "
  "temporary database, so I can show them what 'integration test for one service' means in practice.",
  files=[('bookclub/reviews.py', '''
import sqlite3
from flask import Blueprint, current_app, g, jsonify, request

bp = Blueprint("reviews", __name__, url_prefix="/books/<int:book_id>/reviews")


def get_db():
    if "db" not in g:
        g.db = sqlite3.connect(current_app.config["DATABASE"])
        g.db.row_factory = sqlite3.Row
    return g.db


@bp.get("")
def list_reviews(book_id):
    db = get_db()
    book = db.execute("SELECT id FROM books WHERE id = ?", (book_id,)).fetchone()
    if book is None:
        return jsonify(error="book not found"), 404
    min_rating = request.args.get("min_rating", type=int, default=1)
    rows = db.execute(
        "SELECT id, reviewer, rating, body FROM reviews WHERE book_id = ? AND rating >= ? ORDER BY id DESC",
        (book_id, min_rating),
    ).fetchall()
    return jsonify([dict(r) for r in rows])


@bp.post("")
def add_review(book_id):
    data = request.get_json(silent=True) or {}
    reviewer = (data.get("reviewer") or "").strip()
    rating = data.get("rating")
    body = (data.get("body") or "").strip()
    if not reviewer or not body:
        return jsonify(error="reviewer and body are required"), 400
    if not isinstance(rating, int) or isinstance(rating, bool) or not 1 <= rating <= 5:
        return jsonify(error="rating must be an integer from 1 to 5"), 400
    db = get_db()
    if db.execute("SELECT id FROM books WHERE id = ?", (book_id,)).fetchone() is None:
        return jsonify(error="book not found"), 404
    try:
        cur = db.execute(
            "INSERT INTO reviews (book_id, reviewer, rating, body) VALUES (?, ?, ?, ?)",
            (book_id, reviewer, rating, body),
        )
        db.commit()
    except sqlite3.IntegrityError:
        return jsonify(error="you already reviewed this book"), 409
    return jsonify(id=cur.lastrowid, reviewer=reviewer, rating=rating, body=body), 201
'''), ('bookclub/schema.sql', '''
CREATE TABLE books (id INTEGER PRIMARY KEY, title TEXT NOT NULL, author TEXT NOT NULL);
CREATE TABLE reviews (
  id INTEGER PRIMARY KEY,
  book_id INTEGER NOT NULL REFERENCES books(id),
  reviewer TEXT NOT NULL,
  rating INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 5),
  body TEXT NOT NULL,
  UNIQUE (book_id, reviewer)
);
'''), ('bookclub/__init__.py', '''
from flask import Flask, g


def create_app(config=None):
    app = Flask(__name__)
    app.config.update(DATABASE="bookclub.sqlite3")
    if config:
        app.config.update(config)
    from . import reviews
    app.register_blueprint(reviews.bp)

    @app.teardown_appcontext
    def close_db(exc):
        db = g.pop("db", None)
        if db is not None:
            db.close()

    return app
''')],
  reqs=['a conftest.py with an app fixture that builds a fresh database per test from schema.sql',
        'cover 400 (each validation rule, including rating=True), 404, 409 and the min_rating filter',
        'keep the tests readable: students will copy the style'],
  fw='pytest', lang=None)

# 54
# why: a coverage question on its face, but the gaps sit in token refresh, revocation and role checks,
# and judging which untested paths are exploitable is security-critical (authentication/authorisation)
t('complex', 'coverage-analysis',
  "Team 'Condor' is proud of 94% coverage on the auth service of their capstone (a clinic appointment "
  "booking app, so patient data). I'm not convinced the number means much. Which of the untested lines "
  "are the ones that could let someone into an account or a record they shouldn't see?",
  files=[('auth-service/coverage/summary.txt', '''
File                    | % Stmts | % Branch | % Funcs | % Lines | Uncovered Line #s
------------------------|---------|----------|---------|---------|-------------------
All files               |   94.12 |    78.26 |   95.00 |   94.05 |
 src/tokens.ts          |   91.30 |    70.00 |  100.00 |   91.11 | 24,31-32,40
 src/refresh.ts         |   88.46 |    62.50 |   80.00 |   88.00 | 17-19
 src/middleware.ts      |   96.55 |    83.33 |  100.00 |   96.42 | 21
 src/routes/records.ts  |  100.00 |    87.50 |  100.00 |  100.00 |
'''), ('auth-service/src/tokens.ts', '''
import jwt from 'jsonwebtoken';
import crypto from 'crypto';

const ACCESS_TTL = '15m';
const SECRET = process.env.JWT_SECRET ?? 'dev-secret';

export interface Claims { sub: string; role: 'patient' | 'clinician' | 'admin'; clinicId?: string }

export function issueAccess(c: Claims): string {
  return jwt.sign(c, SECRET, { expiresIn: ACCESS_TTL });
}

export function newRefreshToken(): string {
  return crypto.randomBytes(32).toString('hex');
}

export function verifyAccess(token: string): Claims | null {
  try {
    const payload = jwt.verify(token, SECRET) as Claims & { exp: number };
    if (!payload.sub || !payload.role) return null;
    return payload;
  } catch (err: any) {
    if (err.name === 'TokenExpiredError') {
      return null;
    }
    return null;
  }
}

export function hashRefresh(token: string): string {
  if (!token) {
    throw new Error('empty refresh token');
  }
  return crypto.createHash('sha256').update(token).digest('hex');
}

export function sameHash(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  return a === b;
}
'''), ('auth-service/src/refresh.ts', '''
import { hashRefresh, issueAccess, newRefreshToken, sameHash } from './tokens';
import { db } from './db';

export async function rotate(presented: string) {
  const row = await db.refreshTokens.findByHash(hashRefresh(presented));
  if (!row) return null;
  if (row.expiresAt < new Date()) return null;
  const user = await db.users.get(row.userId);
  const next = newRefreshToken();
  await db.refreshTokens.insert({ userId: user.id, hash: hashRefresh(next), family: row.family });
  await db.refreshTokens.markUsed(row.id);
  return { access: issueAccess({ sub: user.id, role: user.role, clinicId: user.clinicId }), refresh: next };
}

export async function revokeFamilyIfReused(presented: string) {
  const row = await db.refreshTokens.findByHash(hashRefresh(presented));
  if (row && row.usedAt) {
    await db.refreshTokens.revokeFamily(row.family);
    return true;
  }
  return false;
}
'''), ('auth-service/src/middleware.ts', '''
import { verifyAccess } from './tokens';

export function requireAuth(req: any, res: any, next: any) {
  const header = req.headers.authorization ?? '';
  const token = header.startsWith('Bearer ') ? header.slice(7) : null;
  const claims = token ? verifyAccess(token) : null;
  if (!claims) return res.status(401).json({ error: 'unauthenticated' });
  req.user = claims;
  next();
}

export function requireRole(...roles: string[]) {
  return (req: any, res: any, next: any) => {
    if (!roles.includes(req.user.role)) return res.status(403).json({ error: 'forbidden' });
    next();
  };
}

export function sameClinic(req: any, res: any, next: any) {
  if (req.user.role === 'admin') return next();
  if (req.params.clinicId && req.params.clinicId !== req.user.clinicId) {
    return res.status(403).json({ error: 'other clinic' });
  }
  next();
}
'''), ('auth-service/src/routes/records.ts', '''
router.get('/clinics/:clinicId/patients/:patientId/records', requireAuth, sameClinic, async (req, res) => {
  if (req.user.role === 'patient' && req.user.sub !== req.params.patientId) {
    return res.status(403).json({ error: 'not your record' });
  }
  res.json(await db.records.forPatient(req.params.patientId));
});

router.get('/patients/:patientId/records', requireAuth, requireRole('clinician', 'admin'), async (req, res) => {
  res.json(await db.records.forPatient(req.params.patientId));
});
''')],
  reqs=['map each uncovered line to the security property it guards',
        'also point out security-relevant behaviour that is covered but never asserted (e.g. reuse detection never called from rotate)',
        'rank the tests to add by risk to patient data'],
  fw='jest')
