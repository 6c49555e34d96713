from lib import t, lines

# Persona: developer advocate / technical writer at a dev-tools company.
# Writes long, friendly, chatty messages with background and asides before the ask (and the real
# ask is sometimes buried in the last sentence). Works in TypeScript, Python and docs tooling:
# remark/rehype plugins, MkDocs/Docusaurus sites, snippet extractors, the interactive playground,
# SDK examples and the little CLIs that keep the docs honest.


# ---------------------------------------------------------------- 1
t('simple', 'test-generation',
  "Hiya! Bit of background first: every tutorial on our blog shows one of those little '4 min read' "
  "badges under the title, and last week a reader very kindly pointed out that an empty draft page said "
  "'0 min read', which is, uh, philosophically interesting but not what we want. I patched it with a "
  "Math.max and now I'd like it to stay fixed. Could you write a handful of vitest tests for readingTime?",
  files=[('src/reading-time.ts', r'''
export interface ReadingTime {
  minutes: number;
  label: string;
}

const WORDS_PER_MINUTE = 230;

export function readingTime(text: string, wpm: number = WORDS_PER_MINUTE): ReadingTime {
  if (wpm <= 0) {
    throw new RangeError('wpm must be positive');
  }
  const words = text.trim().split(/\s+/).filter(Boolean).length;
  const minutes = Math.max(1, Math.round(words / wpm));
  const label = minutes === 1 ? '1 min read' : `${minutes} min read`;
  return { minutes, label };
}
''')],
  fw='vitest')

# ---------------------------------------------------------------- 2
# why: ~25 lines, but the requirements ask for GitHub-compatible anchors across Unicode, emoji and
# duplicate-suffix collisions: a parser with edge cases that needs judgement, so medium not simple
t('medium', 'test-generation',
  "Okay so this one looks tiny, I know. Our remark plugin gives every heading an id so people can "
  "deep-link into the docs, and we used to rely on GitHub's own anchors when the docs lived in READMEs. "
  "Half the internet still links to those old anchors (Stack Overflow answers, our own blog posts from "
  "2021, a conference slide deck I would rather not talk about). I rewrote the slugger so we don't pull in "
  "a dependency just for this. Can you write tests that would tell me if it drifts from what GitHub does?",
  files=[('packages/remark-heading-ids/src/slugger.ts', r'''
export function createSlugger() {
  const occurrences = new Map<string, number>();

  return function slug(heading: string): string {
    let base = heading
      .normalize('NFKD')
      .toLowerCase()
      .replace(/<[^>]+>/g, '')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^\p{L}\p{N}\s_-]/gu, '')
      .trim()
      .replace(/\s+/g, '-');

    if (!base) base = 'section';

    let candidate = base;
    let n = occurrences.get(base) ?? 0;
    while (occurrences.has(candidate)) {
      n += 1;
      candidate = `${base}-${n}`;
    }
    occurrences.set(base, n);
    occurrences.set(candidate, 0);
    return candidate;
  };
}
''')],
  reqs=['anchors must match what GitHub generates for the same markdown, since old links point there',
        'cover repeated headings, a heading that literally ends in "-1", emoji-only headings, CJK, Korean and accented Latin',
        'if you think the implementation is wrong, say so instead of baking the wrong output into a test'],
  fw='vitest')

# ---------------------------------------------------------------- 3
t('simple', 'test-execution',
  "Could you run the pytest suite under tools/linkcheck and tell me what's red? Thank you!!",
  fw='pytest', lang='python')

# ---------------------------------------------------------------- 4
t('complex', 'security-scan',
  "Hello! I'm writing a community tutorial where readers can leave comments under each guide, and the "
  "comments support markdown because of course developers want to paste code blocks. Our frontend "
  "engineer is on holiday, so I wired up the rendering pipeline myself from the unified docs (I'm quite "
  "proud of it honestly). I loosened the sanitizer a bit because people wanted embedded CodeSandbox "
  "iframes and coloured callouts. Before this goes live on the main docs site, which shares a domain and "
  "the session cookie with the dashboard, can you look for ways someone could get script running in "
  "another reader's browser?",
  files=[('src/comments/render.ts', r'''
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkRehype from 'remark-rehype';
import rehypeRaw from 'rehype-raw';
import rehypeSanitize, { defaultSchema } from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import { commentSchemaExtras } from './schema';

const schema = {
  ...defaultSchema,
  tagNames: [...(defaultSchema.tagNames ?? []), 'iframe', 'details', 'summary', 'svg', 'use'],
  attributes: {
    ...defaultSchema.attributes,
    '*': [...(defaultSchema.attributes?.['*'] ?? []), 'className', 'style', 'id'],
    iframe: ['src', 'width', 'height', 'allow', 'sandbox'],
    a: ['href', 'title', 'target', 'rel'],
    use: ['href', 'xlinkHref'],
    ...commentSchemaExtras,
  },
  protocols: { ...defaultSchema.protocols, href: ['http', 'https', 'mailto', 'data'] },
  clobberPrefix: '',
};

export async function renderComment(markdown: string): Promise<string> {
  const file = await unified()
    .use(remarkParse)
    .use(remarkGfm)
    .use(remarkRehype, { allowDangerousHtml: true })
    .use(rehypeSanitize, schema)
    .use(rehypeRaw)
    .use(rehypeStringify)
    .process(markdown);
  return String(file);
}
'''), ('src/comments/schema.ts', r'''
// Extra attributes requested by community moderators (see discussion #412)
export const commentSchemaExtras = {
  div: ['dataCallout', 'dataTitle'],
  img: ['src', 'alt', 'width', 'height', 'onerror', 'loading'],
  span: ['dataTooltip'],
};
'''), ('src/components/Comment.tsx', r'''
import { useEffect, useState } from 'react';
import { renderComment } from '../comments/render';

export function Comment({ body, author }: { body: string; author: string }) {
  const [html, setHtml] = useState('');
  useEffect(() => {
    renderComment(body).then(setHtml);
  }, [body]);
  return (
    <article className="comment">
      <header>{author}</header>
      <div className="comment-body" dangerouslySetInnerHTML={{ __html: html }} />
    </article>
  );
}
''')])

# ---------------------------------------------------------------- 5
# why: the file is long-ish but the job is a framework-to-framework conversion with no logic to
# understand: the rubric's mechanical work
t('simple', 'test-generation',
  "We're moving the CLI package from Jest to Vitest (finally! the ESM pain was real) and I'm doing the "
  "boring files by hand so the engineers can focus on the weird ones. This is one of the boring ones. "
  "Could you convert it to vitest, keeping the test names exactly as they are so our docs that link to "
  "them don't break?",
  files=[('packages/cli/test/format-flag.test.ts', r'''
import { formatFlag, formatFlagTable } from '../src/format-flag';
import * as terminal from '../src/terminal';

jest.mock('../src/terminal');

const mockedTerminal = terminal as jest.Mocked<typeof terminal>;

describe('formatFlag', () => {
  beforeEach(() => {
    jest.resetAllMocks();
    mockedTerminal.supportsColor.mockReturnValue(false);
  });

  it('renders a boolean flag', () => {
    expect(formatFlag({ name: 'verbose', type: 'boolean' })).toBe('--verbose');
  });

  it('renders a flag with a short alias', () => {
    expect(formatFlag({ name: 'output', alias: 'o', type: 'string' })).toBe('-o, --output <string>');
  });

  it('renders a default value', () => {
    expect(formatFlag({ name: 'port', type: 'number', default: 3000 })).toBe('--port <number> (default: 3000)');
  });

  it('uses colour when the terminal supports it', () => {
    mockedTerminal.supportsColor.mockReturnValue(true);
    expect(formatFlag({ name: 'verbose', type: 'boolean' })).toContain('\u001b[');
  });

  it('calls the width helper once per flag', () => {
    const spy = jest.spyOn(terminal, 'columns').mockReturnValue(80);
    formatFlagTable([
      { name: 'verbose', type: 'boolean' },
      { name: 'output', type: 'string' },
    ]);
    expect(spy).toHaveBeenCalledTimes(2);
  });

  it('matches the help table snapshot', () => {
    mockedTerminal.columns.mockReturnValue(100);
    const table = formatFlagTable([
      { name: 'config', alias: 'c', type: 'string', description: 'Path to config file' },
      { name: 'watch', type: 'boolean', description: 'Rebuild on change' },
    ]);
    expect(table).toMatchSnapshot();
  });

  it('times out slow renders', () => {
    jest.useFakeTimers();
    const cb = jest.fn();
    setTimeout(cb, 500);
    jest.advanceTimersByTime(500);
    expect(cb).toHaveBeenCalled();
    jest.useRealTimers();
  });
});
''')],
  fw='vitest')

# ---------------------------------------------------------------- 6
t('medium', 'flaky-test-analysis',
  "So our docs site has that nice search box with autocomplete (Algolia-style, but it's our own API "
  "behind it) and there's a Playwright test that types a query and checks the first suggestion. It's "
  "green on my laptop every single time, but in CI it fails maybe once every ten runs and then passes on "
  "retry, which makes people ignore it, which makes me sad because it has caught real regressions before. "
  "I pasted the test, the component and the failing CI output. Why does it flake and how should it be fixed?",
  files=[('e2e/search.spec.ts', r'''
import { test, expect } from '@playwright/test';

test('search suggests the getting started guide', async ({ page }) => {
  await page.goto('/docs');
  await page.click('[data-testid="search-button"]');
  await page.fill('[data-testid="search-input"]', 'getting st');
  await page.waitForTimeout(300);
  const first = page.locator('[role="listbox"] [role="option"]').first();
  await expect(first).toHaveText(/Getting started/);
  await first.click();
  await expect(page).toHaveURL(/\/docs\/getting-started/);
});
'''), ('src/theme/SearchBox.tsx', r'''
import { useEffect, useRef, useState } from 'react';
import { searchDocs, type Hit } from '../lib/search-client';

export function SearchBox() {
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<Hit[]>([]);
  const timer = useRef<ReturnType<typeof setTimeout>>();

  useEffect(() => {
    clearTimeout(timer.current);
    if (query.length < 2) {
      setHits([]);
      return;
    }
    timer.current = setTimeout(async () => {
      const results = await searchDocs(query);
      setHits(results);
    }, 250);
  }, [query]);

  return (
    <div>
      <input data-testid="search-input" value={query} onChange={(e) => setQuery(e.target.value)} />
      <ul role="listbox">
        {hits.map((h) => (
          <li role="option" key={h.url}>
            <a href={h.url}>{h.title}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}
'''), ('ci/playwright-output.txt', r'''
Running 38 tests using 4 workers

  x  12 [chromium] > e2e/search.spec.ts:3:5 > search suggests the getting started guide (5.4s)

  1) [chromium] > e2e/search.spec.ts:3:5 > search suggests the getting started guide

    Error: Timed out 5000ms waiting for expect(locator).toHaveText(expected)

    Locator: locator('[role="listbox"] [role="option"]').first()
    Expected pattern: /Getting started/
    Received string:  "Getting help"
    Call log:
      - expect.toHaveText with timeout 5000ms
      - waiting for locator('[role="listbox"] [role="option"]').first()
      -   locator resolved to <li role="option">…</li>
      -   unexpected value "Getting help"

      8 |   const first = page.locator('[role="listbox"] [role="option"]').first();
    > 9 |   await expect(first).toHaveText(/Getting started/);

  Retry #1 ---------------------------------------------------------------
  ok 12 [chromium] > e2e/search.spec.ts:3:5 > search suggests the getting started guide (2.1s)

  1 flaky
  37 passed (1.2m)
''')],
  fw='playwright')

# ---------------------------------------------------------------- 7
# why: a long pasted table, but the ask is to list and sort files under a threshold: mechanical reading
# of a coverage summary, which the rubric puts at simple
t('simple', 'coverage-analysis',
  "Quarterly docs-tooling hygiene time! I run this every quarter and then write a little internal post "
  "about it with a chart, people seem to like the chart. Here's the istanbul text report for the whole "
  "docs-tools repo. Could you list every file under 60% line coverage, worst first, with its uncovered "
  "line ranges?",
  files=[('coverage/coverage.txt', '-----------------------------------|---------|----------|---------|---------|-------------------\n'
          'File                               | % Stmts | % Branch | % Funcs | % Lines | Uncovered Line #s\n'
          '-----------------------------------|---------|----------|---------|---------|-------------------\n' +
          lines(72, lambda i: '{:<35}|{:>8.2f} |{:>9.2f} |{:>8.2f} |{:>8.2f} | {}'.format(
              ' packages/{}/src/{}.ts'.format(
                  ['remark-callouts', 'remark-heading-ids', 'rehype-code-tabs', 'snippet-extract',
                   'linkcheck', 'api-ref-gen'][i % 6],
                  ['index', 'parse', 'render', 'options', 'utils', 'cache', 'walk', 'format', 'errors',
                   'cli', 'config', 'plugin'][i // 6]),
              (i * 37 % 61) + 38.5, (i * 53 % 67) + 30.25, (i * 29 % 51) + 45.0, (i * 41 % 63) + 36.75,
              '' if (i * 41 % 63) + 36.75 > 97 else '{}-{},{}'.format(10 + i % 30, 18 + i % 30, 40 + (i * 7) % 90))) +
          '\n-----------------------------------|---------|----------|---------|---------|-------------------\n'
          'All files                          |   70.41 |    62.88 |   73.02 |   70.95 |\n')],
  fw='vitest')

# ---------------------------------------------------------------- 8
# why: looks like 'write some tests for a cache' in 30 lines, but the real content is concurrent
# in-flight de-duplication racing with invalidation: concurrency, so complex
t('complex', 'test-generation',
  "Tiny one, promise! SnippetCache is the thing that pulls code samples from GitHub for our docs pages so "
  "we don't get rate-limited during builds. It's about 30 lines. Can you write tests for it?",
  files=[('src/snippets/snippet-cache.ts', r'''
type Loader = (id: string) => Promise<string>;

export class SnippetCache {
  private values = new Map<string, string>();
  private inflight = new Map<string, Promise<string>>();
  private generation = 0;

  constructor(private readonly load: Loader) {}

  async get(id: string): Promise<string> {
    const hit = this.values.get(id);
    if (hit !== undefined) return hit;

    const pending = this.inflight.get(id);
    if (pending) return pending;

    const gen = this.generation;
    const p = this.load(id)
      .then((text) => {
        if (gen === this.generation) this.values.set(id, text);
        return text;
      })
      .finally(() => this.inflight.delete(id));

    this.inflight.set(id, p);
    return p;
  }

  invalidateAll(): void {
    this.generation += 1;
    this.values.clear();
  }
}
''')],
  fw='vitest')

# ---------------------------------------------------------------- 9
t('medium', 'quality-gate',
  "Happy Friday! We're cutting docs site v3 on Monday (new nav, new theme, the works) and our release "
  "checklist says the docs site itself has to pass a gate just like the product does, which I fought for, "
  "so I can't really skip it now, ha. I've put the criteria and this morning's numbers below. One of the "
  "waivers was granted by our VP a while back and I honestly don't remember if it still applies. Does v3 "
  "pass, and if not, what exactly is blocking?",
  files=[('release/docs-criteria.md', r'''
# Docs site release criteria

1. Broken internal links: 0. Broken external links: at most 5, none on pages tagged `tier-1`.
2. Lighthouse (mobile, median of 3 runs) on the 10 tier-1 pages: performance >= 80, accessibility >= 95.
3. axe: no `critical` or `serious` violations on tier-1 pages.
4. Vale: 0 errors; warnings allowed.
5. JS bundle for the docs shell: <= 180 kB gzipped.
6. Waivers in `release/waivers.yml` apply only until their `expires` date.
'''), ('release/waivers.yml', r'''
- id: W-07
  criterion: 2
  pages: [/docs/api-reference]
  reason: API reference is huge, perf fix scheduled for Q3
  approved_by: vp-eng
  expires: 2024-06-30
- id: W-11
  criterion: 1
  links: [https://legacy.example-tools.dev/migrate]
  reason: legacy host decommissioned, redirect pending
  approved_by: docs-lead
  expires: 2025-12-31
'''), ('release/metrics-2025-03-14.json', r'''
{
  "date": "2025-03-14",
  "links": {
    "internalBroken": 0,
    "externalBroken": [
      { "url": "https://legacy.example-tools.dev/migrate", "page": "/docs/migrate", "tier1": true },
      { "url": "https://status.example-cloud.io/old", "page": "/docs/status", "tier1": false },
      { "url": "https://gist.github.com/someone/abc123", "page": "/blog/2022/tips", "tier1": false }
    ]
  },
  "lighthouse": [
    { "page": "/docs", "performance": 91, "accessibility": 98 },
    { "page": "/docs/getting-started", "performance": 88, "accessibility": 100 },
    { "page": "/docs/api-reference", "performance": 64, "accessibility": 96 },
    { "page": "/docs/cli", "performance": 85, "accessibility": 94 },
    { "page": "/docs/sdk/python", "performance": 83, "accessibility": 97 },
    { "page": "/docs/sdk/typescript", "performance": 82, "accessibility": 97 },
    { "page": "/docs/auth", "performance": 87, "accessibility": 99 },
    { "page": "/docs/migrate", "performance": 90, "accessibility": 98 },
    { "page": "/docs/pricing-limits", "performance": 79, "accessibility": 96 },
    { "page": "/docs/changelog", "performance": 93, "accessibility": 95 }
  ],
  "axe": { "critical": 0, "serious": 1, "seriousDetail": "color-contrast on /docs/cli code tabs" },
  "vale": { "errors": 0, "warnings": 212 },
  "bundle": { "docsShellGzipKb": 176.4 }
}
''')])

# ---------------------------------------------------------------- 10
t('simple', 'security-scan',
  "Our security champion asked every team to paste their npm audit output into a ticket with a short "
  "summary, and I volunteered for the docs site because nobody else wanted to. Could you tell me which of "
  "the high or critical ones come from our direct dependencies and whether a fix is available for each?",
  files=[('audit.txt', r'''
# npm audit report

@babel/traverse  <7.23.2
Severity: critical
Babel vulnerable to arbitrary code execution when compiling specifically crafted malicious code
fix available via `npm audit fix`
node_modules/@babel/traverse
  @docusaurus/core depends on vulnerable versions of @babel/traverse

cross-spawn  <6.0.6
Severity: high
Regular Expression Denial of Service (ReDoS) in cross-spawn
fix available via `npm audit fix`
node_modules/cross-spawn

nth-check  <2.0.1
Severity: high
Inefficient Regular Expression Complexity in nth-check
No fix available
node_modules/svgo/node_modules/nth-check
  css-select  <=3.1.0
  Depends on vulnerable versions of nth-check

webpack-dev-middleware  <=5.3.3
Severity: high
Path traversal in webpack-dev-middleware
fix available via `npm audit fix --force`
Will install @docusaurus/core@3.7.0, which is a breaking change
node_modules/webpack-dev-middleware

postcss  <8.4.31
Severity: moderate
PostCSS line return parsing error
fix available via `npm audit fix`
node_modules/postcss

5 vulnerabilities (1 moderate, 3 high, 1 critical)
'''), ('package.json', r'''
{
  "name": "docs-site",
  "private": true,
  "dependencies": {
    "@docusaurus/core": "3.1.1",
    "@docusaurus/preset-classic": "3.1.1",
    "cross-spawn": "6.0.5",
    "postcss": "8.4.21",
    "react": "18.2.0",
    "react-dom": "18.2.0"
  }
}
''')],
  lang='javascript')

# ---------------------------------------------------------------- 11
t('medium', 'test-generation',
  "We built a 'Was this page helpful?' widget at the bottom of every docs page, and the data goes into a "
  "little Fastify route that writes to Postgres. Product wants to start quoting these numbers in board "
  "decks (!!), so I'd really like the route to have proper tests before that happens. Could you write "
  "them? Mock the repository, please; our CI doesn't have a database for this package.",
  files=[('src/routes/feedback.ts', r'''
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { FeedbackRepo } from '../repo/feedback-repo';
import type { PageIndex } from '../pages/page-index';

const Body = z.object({
  pageId: z.string().min(1).max(200),
  helpful: z.boolean(),
  comment: z.string().max(2000).optional(),
});

export function registerFeedback(app: FastifyInstance, repo: FeedbackRepo, pages: PageIndex) {
  app.post('/api/feedback', async (req, reply) => {
    const parsed = Body.safeParse(req.body);
    if (!parsed.success) {
      return reply.code(400).send({ error: 'invalid_body', issues: parsed.error.issues });
    }
    const { pageId, helpful, comment } = parsed.data;

    if (!(await pages.exists(pageId))) {
      return reply.code(404).send({ error: 'unknown_page' });
    }

    const sessionId = req.cookies?.['docs_sid'];
    if (!sessionId) {
      return reply.code(400).send({ error: 'missing_session' });
    }

    try {
      const already = await repo.findVote(pageId, sessionId);
      if (already) {
        return reply.code(409).send({ error: 'already_voted' });
      }
      const id = await repo.insertVote({
        pageId,
        sessionId,
        helpful,
        comment: comment?.trim() || null,
        createdAt: new Date(),
      });
      return reply.code(201).send({ id });
    } catch (err) {
      req.log.error({ err, pageId }, 'feedback insert failed');
      return reply.code(500).send({ error: 'internal' });
    }
  });
}
''')],
  reqs=['cover 201, 400 (both kinds), 404, 409 and 500',
        'assert that a whitespace-only comment is stored as null'],
  fw='vitest')

# ---------------------------------------------------------------- 12
t('simple', 'defect-analysis',
  "Morning! The nightly docs build fell over and I'm on a plane in two hours, so quick sanity check: "
  "what's wrong here?",
  files=[('scripts/build_nav.py', r'''
import pathlib
import yaml


def read_front_matter(path: pathlib.Path) -> dict:
    text = path.read_text(encoding="utf-8")
    if not text.startswith("---"):
        return {}
    _, fm, _ = text.split("---", 2)
    return yaml.safe_load(fm) or {}


def load_nav(docs_dir: pathlib.Path) -> list[dict]:
    nav = []
    for md in sorted(docs_dir.rglob("*.md")):
        fm = read_front_matter(md)
        nav.append({
            "title": fm["title"],
            "path": md.relative_to(docs_dir).with_suffix("").as_posix(),
            "order": fm.get("sidebar_position", 999),
        })
    return sorted(nav, key=lambda item: item["order"])
'''), ('nightly.log', r'''
[build] collecting pages from docs/
Traceback (most recent call last):
  File "scripts/build_nav.py", line 31, in <module>
    nav = load_nav(pathlib.Path("docs"))
  File "scripts/build_nav.py", line 18, in load_nav
    "title": fm["title"],
KeyError: 'title'
[build] failed after 2.3s
'''), ('docs/guides/webhooks-beta.md', r'''
# Webhooks (beta)

Webhooks let you receive events from the platform as HTTP callbacks...
''')],
  lang='python')

# ---------------------------------------------------------------- 13
t('complex', 'performance-testing',
  "Okay, big one, and I'm sorry in advance for the length. In six weeks we're launching v2 of the "
  "platform live on stage at our conference, and the keynote literally ends with 'go try it now at "
  "docs.example-tools.dev'. Last year a smaller launch took the search API down for 40 minutes and I "
  "had to live-tweet apologies, which was a character-building experience. The pieces that get hit: the "
  "static docs on the CDN, the search API (Node, backed by Meilisearch), the interactive playground "
  "where people run snippets (a queue plus a pool of runner containers that autoscale, slowly), the "
  "feedback API, and the sign-in flow for the enterprise docs which goes through our auth service. "
  "Traffic last launch peaked at about 9x normal within 3 minutes of the keynote line, and playground "
  "runs are very bursty because everybody copies the same first snippet. I'd love a proper load-test "
  "plan for launch day: which scenarios, what traffic shapes, what we measure and what 'good' means for "
  "each piece, and where you'd expect things to break first. k6 is what our SRE folks already use.",
  files=[('infra/topology.md', r'''
# docs platform topology (as of March)

- CDN (static docs, 1 day TTL, purge on publish) -> origin: S3 bucket
- search-api: Node 20, 3 pods (HPA 3..12 on CPU 70%), calls Meilisearch (1 primary, 2 read replicas)
- playground-gateway: Node, enqueues runs on Redis stream `runs`, returns run id; clients poll /runs/:id
- playground-runner: containers, each takes 1 run at a time, 20 warm, autoscale +10 per 90s up to 200
- feedback-api: Fastify + Postgres (db.t3.medium), 1 pod
- auth-service: OIDC with our IdP, sessions in Redis; enterprise docs require sign-in
- rate limits: search 30 rps per IP, playground 5 runs/min per session
'''), ('infra/last-launch-notes.md', r'''
## Launch 2024 incident summary
- 14:02 keynote CTA
- 14:03 search p95 from 120ms to 4.8s, 502s from ingress
- 14:05 HPA scaled search to 12 pods; Meilisearch primary CPU 100% (replicas idle: client pinned to primary)
- 14:41 recovered after hotfix to use replicas
- playground queue depth peaked at 3,400; median wait 6 min
''')],
  fw='k6', lang='javascript')

# ---------------------------------------------------------------- 14
# why: a long chatty message, but the actual ask (last sentence) is just to run one package's tests
# and list failures: simple
t('simple', 'test-execution',
  "Hi hi! So a bit of context on where I'm at: I've been maintaining remark-admonitions for our docs since "
  "the original author moved teams, and this week I finally merged the PR that adds the 'collapsible' "
  "option people kept asking about in the community forum (there's a thread with 80 upvotes, it was "
  "getting embarrassing). I also bumped unified to v11 while I was in there, which I realise in hindsight "
  "was maybe two changes in one PR, sorry future me. The docs preview looked fine and I clicked around "
  "the callouts page for a while. Anyway, could you just run the vitest suite in packages/remark-admonitions "
  "and tell me which tests fail, if any?",
  files=[('packages/remark-admonitions/package.json', r'''
{
  "name": "@example-tools/remark-admonitions",
  "version": "2.4.0",
  "type": "module",
  "scripts": {
    "build": "tsc -p tsconfig.build.json",
    "test": "vitest run",
    "test:watch": "vitest"
  },
  "dependencies": {
    "unified": "^11.0.4",
    "unist-util-visit": "^5.0.0"
  },
  "devDependencies": {
    "vitest": "^1.4.0",
    "typescript": "^5.4.2"
  }
}
''')],
  fw='vitest')

# ---------------------------------------------------------------- 15
t('medium', 'coverage-analysis',
  "Our Python docs generator (docsgen, it turns SDK docstrings into the API reference pages) has 78% "
  "coverage, and someone on the SDK team said that's 'basically fine', and I'd like to know whether it "
  "actually is. I care less about the number and more about whether the stuff that breaks for users is "
  "tested. Here's the term-missing report and the renderer module, which is where most bug reports end "
  "up. Which gaps actually matter, and what tests would you add first?",
  files=[('coverage-report.txt', r'''
Name                          Stmts   Miss Branch BrPart  Cover   Missing
---------------------------------------------------------------------------
docsgen/__init__.py               4      0      0      0   100%
docsgen/cli.py                   58     21     14      4    61%   44-52, 71-88, 97->99
docsgen/collect.py               92     10     30      5    86%   61-64, 118, 140-144
docsgen/docstring.py            131     18     56     11    82%   77, 93-101, 160->163, 188-195
docsgen/renderer.py              71     19     28      8    69%   24-26, 38, 45-48, 59-63, 70-72
docsgen/templates.py             40      2      6      1    93%   33-34
docsgen/xref.py                  66     16     22      6    72%   29-35, 52->55, 58-66
---------------------------------------------------------------------------
TOTAL                           462     86    156     35    78%
'''), ('docsgen/renderer.py', r'''
from __future__ import annotations

import html
import logging
from dataclasses import dataclass

from .docstring import ParsedDoc, Param
from .xref import resolve_xref, XrefError

log = logging.getLogger(__name__)


@dataclass
class RenderOptions:
    show_private: bool = False
    strict_xrefs: bool = False
    heading_level: int = 2


def render_param(p: Param, opts: RenderOptions) -> str:
    type_html = html.escape(p.type or "")
    if p.default is not None:
        default = html.escape(repr(p.default))
        return f"<li><code>{p.name}</code>: {type_html} = <code>{default}</code><br>{p.description}</li>"
    if p.name.startswith("*"):
        return f"<li><code>{p.name}</code> (variadic): {type_html}<br>{p.description}</li>"
    return f"<li><code>{p.name}</code>: {type_html}<br>{p.description}</li>"


def render_xrefs(text: str, opts: RenderOptions) -> str:
    out = []
    for token in text.split("`"):
        if token.startswith("~"):
            try:
                target = resolve_xref(token[1:])
                out.append(f'<a href="{target.url}">{html.escape(target.label)}</a>')
            except XrefError:
                if opts.strict_xrefs:
                    raise
                log.warning("unresolved xref %s", token)
                out.append(f"<code>{html.escape(token[1:])}</code>")
        else:
            out.append(token)
    return "".join(out)


def render(doc: ParsedDoc, opts: RenderOptions | None = None) -> str:
    opts = opts or RenderOptions()
    if doc.name.startswith("_") and not opts.show_private:
        return ""
    h = max(1, min(6, opts.heading_level))
    parts = [f"<h{h} id=\"{doc.anchor}\">{html.escape(doc.name)}</h{h}>"]
    if doc.deprecated:
        parts.append(f'<div class="deprecated">Deprecated since {doc.deprecated}</div>')
    parts.append(render_xrefs(doc.summary, opts))
    if doc.params:
        parts.append("<ul class=\"params\">")
        parts.extend(render_param(p, opts) for p in doc.params)
        parts.append("</ul>")
    if doc.raises:
        parts.append("<h4>Raises</h4><ul>")
        for exc, why in doc.raises:
            parts.append(f"<li><code>{exc}</code>: {why}</li>")
        parts.append("</ul>")
    if doc.returns:
        parts.append(f"<p><strong>Returns:</strong> {render_xrefs(doc.returns, opts)}</p>")
    return "\n".join(parts)
''')],
  fw='pytest', lang='python')

# ---------------------------------------------------------------- 16
# why: a 15-line helper, but it is webhook signature verification (HMAC, timing, replay window):
# cryptography is complex however small the code is
t('complex', 'security-scan',
  "Can you eyeball this tiny helper before I put it in a blog post as 'the right way' to verify our CMS "
  "webhooks? Pretty sure it's fine, just want a second pair of eyes.",
  files=[('examples/webhooks/verify.py', r'''
import hashlib
import hmac
import os
import time

SECRET = os.environ.get("CMS_WEBHOOK_SECRET", "").encode()


def verify_cms_signature(req) -> bool:
    sig = req.headers.get("X-CMS-Signature", "")
    ts = req.headers.get("X-CMS-Timestamp", "0")
    body = req.get_data(as_text=True)
    expected = hmac.new(SECRET, f"{ts}.{body}".encode(), hashlib.sha1).hexdigest()
    if sig == expected and abs(time.time() - int(ts)) < 300 * 60:
        return True
    return False
''')],
  lang='python')

# ---------------------------------------------------------------- 17
t('medium', 'test-execution',
  "Every PR to the docs repo gets a Netlify-style preview deploy, and I'd like the Playwright e2e suite "
  "to run against that preview rather than a local dev server, because half our bugs only show up with "
  "the real CDN headers and redirects. The config is below. Could you run the suite against the preview "
  "for PR 1184 and give me a report that separates genuinely failing tests from ones that only passed "
  "on retry?",
  files=[('playwright.config.ts', r'''
import { defineConfig, devices } from '@playwright/test';

const baseURL = process.env.PREVIEW_URL ?? 'http://localhost:3000';

export default defineConfig({
  testDir: './e2e',
  timeout: 30_000,
  retries: process.env.CI ? 1 : 0,
  workers: process.env.CI ? 4 : undefined,
  reporter: [['list'], ['json', { outputFile: 'test-results/results.json' }], ['html', { open: 'never' }]],
  use: {
    baseURL,
    trace: 'retain-on-failure',
    extraHTTPHeaders: process.env.PREVIEW_BYPASS_TOKEN
      ? { 'x-preview-bypass': process.env.PREVIEW_BYPASS_TOKEN }
      : undefined,
  },
  projects: [
    { name: 'chromium', use: { ...devices['Desktop Chrome'] } },
    { name: 'mobile-safari', use: { ...devices['iPhone 13'] } },
  ],
  webServer: process.env.PREVIEW_URL
    ? undefined
    : { command: 'npm run serve', url: 'http://localhost:3000', reuseExistingServer: true },
});
''')],
  reqs=['PREVIEW_URL is https://pr-1184--docs-example-tools.preview.example.app',
        'the bypass token is in the CI secret store as PREVIEW_BYPASS_TOKEN; do not print it',
        'attach trace paths for anything that failed on both attempts'],
  fw='playwright')

# ---------------------------------------------------------------- 18
# why: a long CSV but the ask is filter-and-rank: mechanical, nothing to diagnose
t('simple', 'flaky-test-analysis',
  "Our CI bot exports a CSV of every test's pass/fail history over the last 30 days, and I'm writing a "
  "'flaky test hall of shame' section for the monthly eng newsletter (it's affectionate, I promise). "
  "Could you give me the top 10 by failure rate, ignoring any test with fewer than 20 runs?",
  files=[('ci/test-history-30d.csv', 'test_id,suite,runs,failures,last_failure\n' +
          lines(130, lambda i: '{}::{},{},{},{},2025-03-{:02d}'.format(
              ['tests/test_linkcheck.py', 'tests/test_snippets.py', 'packages/remark-callouts/test/render.test.ts',
               'e2e/search.spec.ts', 'e2e/playground.spec.ts', 'packages/api-ref-gen/test/openapi.test.ts',
               'tests/test_nav.py', 'packages/cli/test/init.test.ts'][i % 8],
              'case_{:03d}'.format(i),
              ['py', 'py', 'vitest', 'pw', 'pw', 'vitest', 'py', 'vitest'][i % 8],
              (i * 17) % 90 + 4, min((i * 17) % 90 + 4, ((i * 13) % 23) if i % 5 else ((i * 7) % 3)),
              (i % 28) + 1)))],
  lang=None)

# ---------------------------------------------------------------- 19
t('complex', 'defect-analysis',
  "Something weird, and I've been staring at it for two days so I'm hoping fresh eyes help. When a writer "
  "publishes an update to a page in the CMS, the page itself updates within a minute or so, but search "
  "sometimes keeps showing the OLD text in the result snippet. Not always! Maybe one publish in fifteen. "
  "And occasionally it shows the old text even after the writer publishes a second time. Republishing a "
  "third time usually fixes it, which is the kind of fix that makes me nervous. I grabbed the relevant "
  "bits of the publisher and the indexer plus logs from one bad case (page /docs/auth/tokens, published "
  "at 10:42:07 and again at 10:42:31). What's actually going on?",
  files=[('services/publisher/src/publish.ts', r'''
import { queue } from './queue';
import { cdn } from './cdn';
import { store } from './store';

export async function onCmsPublish(evt: { pageId: string; revision: number; body: string }) {
  await store.saveRevision(evt.pageId, evt.revision, evt.body);
  await cdn.purge(`/docs/${evt.pageId}`);
  await queue.send('index-page', { pageId: evt.pageId, revision: evt.revision }, {
    retries: 5,
    backoffMs: (attempt: number) => 500 * 2 ** attempt,
  });
}
'''), ('services/publisher/src/queue.ts', r'''
import { SQSClient, SendMessageCommand } from '@aws-sdk/client-sqs';

const sqs = new SQSClient({});
const QUEUE_URL = process.env.INDEX_QUEUE_URL!;

export const queue = {
  async send(type: string, payload: object, opts: { retries: number; backoffMs: (n: number) => number }) {
    for (let attempt = 0; ; attempt++) {
      try {
        await sqs.send(new SendMessageCommand({
          QueueUrl: QUEUE_URL,
          MessageBody: JSON.stringify({ type, payload }),
        }));
        return;
      } catch (err) {
        if (attempt >= opts.retries) throw err;
        await new Promise((r) => setTimeout(r, opts.backoffMs(attempt)));
      }
    }
  },
};
'''), ('services/indexer/src/worker.py', r'''
import json
import logging

from .store_client import fetch_page
from .search import index

log = logging.getLogger("indexer")


def handle(message: dict) -> None:
    body = json.loads(message["Body"])
    page_id = body["payload"]["pageId"]
    page = fetch_page(page_id)  # latest revision at fetch time
    doc = {
        "id": page_id,
        "title": page["title"],
        "content": page["body"],
        "revision": page["revision"],
    }
    index.add_documents([doc])  # Meilisearch: async task, replaces doc with same id
    log.info("indexed page=%s revision=%s", page_id, page["revision"])
'''), ('services/indexer/src/store_client.py', r'''
import requests

STORE_URL = "http://store.internal:8080"
_session = requests.Session()


def fetch_page(page_id: str) -> dict:
    r = _session.get(f"{STORE_URL}/pages/{page_id}", timeout=5)
    r.raise_for_status()
    return r.json()
'''), ('infra/sqs-index-queue.tf', r'''
resource "aws_sqs_queue" "index" {
  name                       = "docs-index-page"
  visibility_timeout_seconds = 20
  message_retention_seconds  = 86400
  receive_wait_time_seconds  = 10
}
'''), ('logs/publisher.log', r'''
10:42:07.114 publish page=auth/tokens revision=41 saveRevision ok
10:42:07.301 publish page=auth/tokens cdn purge ok
10:42:12.305 publish page=auth/tokens queue.send attempt=0 error=TimeoutError (5000ms)
10:42:12.810 publish page=auth/tokens queue.send attempt=1 ok
10:42:31.020 publish page=auth/tokens revision=42 saveRevision ok
10:42:31.188 publish page=auth/tokens cdn purge ok
10:42:31.240 publish page=auth/tokens queue.send attempt=0 ok
'''), ('logs/indexer.log', r'''
10:42:13.002 worker-2 received msgid=a1f.. page=auth/tokens
10:42:13.050 worker-1 received msgid=9c3.. page=auth/tokens
10:42:13.410 worker-1 indexed page=auth/tokens revision=41
10:42:31.402 worker-3 received msgid=e77.. page=auth/tokens
10:42:31.455 worker-2 store fetch slow (18.1s) page=auth/tokens
10:42:31.470 worker-2 indexed page=auth/tokens revision=41
10:42:31.612 worker-3 indexed page=auth/tokens revision=42
10:42:33.090 worker-1 received msgid=a1f.. page=auth/tokens (redelivery)
10:42:51.300 worker-1 indexed page=auth/tokens revision=41
'''), ('logs/meili-tasks.log', r'''
taskUid=88120 documentAdditionOrUpdate enqueued 10:42:13.411 succeeded 10:42:13.520 doc=auth/tokens rev=41
taskUid=88164 documentAdditionOrUpdate enqueued 10:42:31.613 succeeded 10:42:31.990 doc=auth/tokens rev=42
taskUid=88163 documentAdditionOrUpdate enqueued 10:42:31.471 succeeded 10:42:32.004 doc=auth/tokens rev=41
taskUid=88190 documentAdditionOrUpdate enqueued 10:42:51.301 succeeded 10:42:51.410 doc=auth/tokens rev=41
''')])

# ---------------------------------------------------------------- 20
t('simple', 'quality-gate',
  "Quick gate check for the TypeScript SDK examples repo: our rule is line coverage at least 80% and zero "
  "failing tests. Pass or fail?",
  files=[('ci/summary.json', r'''
{
  "tests": { "total": 214, "passed": 212, "failed": 0, "skipped": 2 },
  "coverage": { "lines": 81.2, "branches": 68.9, "functions": 84.0 }
}
''')])

# ---------------------------------------------------------------- 21
t('medium', 'flaky-test-analysis',
  "This is a fun one (fun in the 'I've lost an afternoon' sense). Our Python docs tooling generates the "
  "sidebar JSON from front matter, and there's a snapshot test that compares the output to a checked-in "
  "file. It passes locally for me, fails for my colleague about half the time, and in CI it's a coin toss. "
  "Nothing about the inputs changes between runs. The test, the generator and a failing diff are below. "
  "What's making it non-deterministic?",
  files=[('tools/sidebar.py', r'''
import json
import pathlib

import frontmatter


def build_sidebar(docs_dir: pathlib.Path) -> dict:
    categories: dict[str, dict] = {}
    for md in sorted(docs_dir.rglob("*.md")):
        post = frontmatter.load(md)
        cat = post.get("category", "General")
        entry = categories.setdefault(cat, {"label": cat, "items": [], "tags": set()})
        entry["items"].append({"title": post["title"], "path": md.stem})
        entry["tags"].update(post.get("tags", []))
    for entry in categories.values():
        entry["tags"] = list(entry["tags"])
    return {"categories": list(categories.values())}


def write_sidebar(docs_dir: pathlib.Path, out: pathlib.Path) -> None:
    out.write_text(json.dumps(build_sidebar(docs_dir), indent=2) + "\n")
'''), ('tests/test_sidebar.py', r'''
import json
import pathlib

from tools.sidebar import build_sidebar

FIXTURES = pathlib.Path(__file__).parent / "fixtures"


def test_sidebar_matches_snapshot():
    result = build_sidebar(FIXTURES / "docs")
    expected = json.loads((FIXTURES / "sidebar.snapshot.json").read_text())
    assert result == expected
'''), ('ci/pytest-failure.txt', r'''
____________________________ test_sidebar_matches_snapshot ____________________________

    def test_sidebar_matches_snapshot():
        result = build_sidebar(FIXTURES / "docs")
        expected = json.loads((FIXTURES / "sidebar.snapshot.json").read_text())
>       assert result == expected
E       AssertionError: assert {'categories'...} == {'categories'...}
E         Differing items:
E         {'categories': [{'items': [...], 'label': 'Guides', 'tags': ['webhooks', 'auth', 'tokens']}, ...]} !=
E         {'categories': [{'items': [...], 'label': 'Guides', 'tags': ['auth', 'tokens', 'webhooks']}, ...]}

tests/test_sidebar.py:12: AssertionError
=========================== short test summary info ===========================
FAILED tests/test_sidebar.py::test_sidebar_matches_snapshot
1 failed, 47 passed in 3.21s
''')],
  fw='pytest', lang='python')

# ---------------------------------------------------------------- 22
t('medium', 'performance-testing',
  "Context: our search indexer builds an inverted index from all docs pages at deploy time, and as the "
  "docs have grown (we're at about 4,000 pages now, counting all the versioned copies) deploys have gone "
  "from 2 minutes to 11. Before anyone rewrites it in Rust (there is a person, you know who you are), I'd "
  "like numbers. Could you write a pytest-benchmark suite for build_index so we can see how it scales?",
  files=[('search/build_index.py', r'''
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

TOKEN = re.compile(r"[A-Za-z0-9_]+")
STOPWORDS = {"the", "a", "an", "and", "or", "of", "to", "in", "is", "for", "on", "with"}


@dataclass
class Page:
    id: str
    title: str
    body: str
    version: str


def tokenize(text: str) -> list[str]:
    return [t.lower() for t in TOKEN.findall(text) if t.lower() not in STOPWORDS]


def build_index(pages: list[Page]) -> dict[str, list[tuple[str, int]]]:
    postings: dict[str, dict[str, int]] = defaultdict(dict)
    for page in pages:
        tokens = tokenize(page.title) * 3 + tokenize(page.body)
        for tok in tokens:
            postings[tok][page.id] = postings[tok].get(page.id, 0) + 1
    index = {}
    for term, docs in postings.items():
        ranked = sorted(docs.items(), key=lambda kv: -kv[1])
        index[term] = ranked
    return index


def dedupe_versions(pages: list[Page], keep: str = "latest") -> list[Page]:
    by_slug: dict[str, list[Page]] = defaultdict(list)
    for p in pages:
        by_slug[p.id.split("@")[0]].append(p)
    out = []
    for slug, group in by_slug.items():
        group.sort(key=lambda p: tuple(int(x) for x in p.version.split(".")))
        out.append(group[-1] if keep == "latest" else group[0])
    return out
''')],
  reqs=['generate synthetic corpora of 100, 1,000 and 10,000 pages with realistic body lengths',
        'benchmark build_index with and without dedupe_versions first',
        'make the synthetic data deterministic so runs are comparable'],
  fw='pytest-benchmark', lang='python')

# ---------------------------------------------------------------- 23
# why: listing every dependency not pinned to an exact version is mechanical reading of two manifests,
# no vulnerability judgement asked for
t('simple', 'security-scan',
  "Our security folks are rolling out a 'pin everything' policy for anything that builds the public docs "
  "(after that whole supply-chain thing last year, fair enough). Could you list every dependency in these "
  "two files that isn't pinned to an exact version, plus anything installed from a git URL?",
  files=[('package.json', r'''
{
  "name": "docs-site",
  "private": true,
  "dependencies": {
    "@docusaurus/core": "3.1.1",
    "@docusaurus/preset-classic": "^3.1.1",
    "clsx": "~2.1.0",
    "prism-react-renderer": "2.3.1",
    "react": "18.2.0",
    "react-dom": "18.2.0",
    "remark-admonitions-plus": "github:example-tools/remark-admonitions-plus#main"
  },
  "devDependencies": {
    "@types/react": "*",
    "typescript": ">=5.3 <5.5",
    "vitest": "1.4.0"
  }
}
'''), ('tools/requirements.txt', r'''
mkdocs==1.5.3
mkdocs-material>=9.5
pyyaml
python-frontmatter==1.1.0
requests~=2.31
git+https://github.com/example-tools/docsgen.git@v0.9.2
linkcheckmd==1.4.0
''')],
  lang=None)

# ---------------------------------------------------------------- 24
t('complex', 'flaky-test-analysis',
  "Okay I need help because I am out of ideas. Our 'Node SDK examples' repo has an API client that does "
  "client-side rate limiting and retries (we show it off in the 'Handling 429s gracefully' guide, so it "
  "really needs to be right). One test fires five requests at once against a mock server that returns a "
  "429 for the second one, and it fails roughly 1 run in 15, usually with the wrong number of calls. "
  "Fake timers are involved, which I suspect is part of the story. Why does it flake, and is it the test "
  "or the client that's wrong?",
  files=[('src/client.ts', r'''
export interface ClientOptions {
  baseUrl: string;
  ratePerSecond: number;
  maxRetries: number;
  fetchImpl?: typeof fetch;
  random?: () => number;
}

export class ApiClient {
  private tokens: number;
  private lastRefill = Date.now();
  private waiters: Array<() => void> = [];

  constructor(private opts: ClientOptions) {
    this.tokens = opts.ratePerSecond;
  }

  private refill() {
    const now = Date.now();
    const elapsed = (now - this.lastRefill) / 1000;
    this.tokens = Math.min(this.opts.ratePerSecond, this.tokens + elapsed * this.opts.ratePerSecond);
    this.lastRefill = now;
  }

  private async acquire(): Promise<void> {
    this.refill();
    if (this.tokens >= 1) {
      this.tokens -= 1;
      return;
    }
    await new Promise<void>((resolve) => {
      this.waiters.push(resolve);
      setTimeout(() => {
        this.waiters.shift()?.();
      }, 1000 / this.opts.ratePerSecond);
    });
    this.tokens -= 1;
  }

  async get(path: string): Promise<unknown> {
    const fetchImpl = this.opts.fetchImpl ?? fetch;
    const random = this.opts.random ?? Math.random;
    for (let attempt = 0; ; attempt++) {
      await this.acquire();
      const res = await fetchImpl(`${this.opts.baseUrl}${path}`);
      if (res.status !== 429 || attempt >= this.opts.maxRetries) {
        if (!res.ok) throw new Error(`HTTP ${res.status}`);
        return res.json();
      }
      const retryAfter = Number(res.headers.get('retry-after') ?? '1');
      const jitter = random() * 250;
      await new Promise((r) => setTimeout(r, retryAfter * 1000 + jitter));
    }
  }
}
'''), ('test/client.test.ts', r'''
import { describe, it, expect, vi, beforeEach, afterEach } from 'vitest';
import { ApiClient } from '../src/client';

describe('ApiClient rate limiting', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('retries a 429 and keeps the other requests flowing', async () => {
    let n = 0;
    const fetchImpl = vi.fn(async () => {
      n += 1;
      if (n === 2) return new Response('', { status: 429, headers: { 'retry-after': '1' } });
      return new Response('{"ok":true}', { status: 200 });
    });
    const client = new ApiClient({ baseUrl: 'https://api.test', ratePerSecond: 3, maxRetries: 2, fetchImpl });

    const all = Promise.all([1, 2, 3, 4, 5].map((i) => client.get(`/items/${i}`)));
    await vi.advanceTimersByTimeAsync(5000);
    const results = await all;

    expect(results).toHaveLength(5);
    expect(fetchImpl).toHaveBeenCalledTimes(6);
  });
});
'''), ('ci/vitest-failure.txt', r'''
 FAIL  test/client.test.ts > ApiClient rate limiting > retries a 429 and keeps the other requests flowing
AssertionError: expected "spy" to be called 6 times, but got 5 times
 ❯ test/client.test.ts:22:23

 Test Files  1 failed (1)
      Tests  1 failed (1)
   Duration  1.84s

--- rerun 14 times: 13 passed, 1 failed (same assertion); once: "Error: HTTP 429" thrown from results
''')],
  fw='vitest')

# ---------------------------------------------------------------- 25
t('medium', 'defect-analysis',
  "Our API reference pages are generated from the OpenAPI spec by a little TypeScript script I inherited, "
  "and a customer pointed out that the 'CreateWebhook' request body shows every field as optional, even "
  "url and events, which are definitely required (the API returns a 422 without them). Other endpoints "
  "look right. I've included the generator, the relevant bit of the spec and what we render. Where's the bug?",
  files=[('tools/api-ref/schema-to-fields.ts', r'''
import type { OpenAPIV3 } from 'openapi-types';

export interface Field {
  name: string;
  type: string;
  required: boolean;
  description?: string;
}

type Schema = OpenAPIV3.SchemaObject | OpenAPIV3.ReferenceObject;

export function resolve(schema: Schema, spec: OpenAPIV3.Document): OpenAPIV3.SchemaObject {
  if ('$ref' in schema) {
    const name = schema.$ref.replace('#/components/schemas/', '');
    return resolve(spec.components!.schemas![name], spec);
  }
  return schema;
}

export function schemaToFields(schema: Schema, spec: OpenAPIV3.Document): Field[] {
  const s = resolve(schema, spec);

  if (s.allOf) {
    const merged: OpenAPIV3.SchemaObject = { type: 'object', properties: {} };
    for (const part of s.allOf) {
      const r = resolve(part, spec);
      Object.assign(merged.properties!, r.properties ?? {});
      merged.required = r.required ?? merged.required;
    }
    return schemaToFields(merged, spec);
  }

  if (s.type !== 'object' || !s.properties) return [];

  return Object.entries(s.properties).map(([name, prop]) => {
    const p = resolve(prop, spec);
    return {
      name,
      type: p.type === 'array' ? `${resolve(p.items!, spec).type}[]` : String(p.type ?? 'object'),
      required: (s.required ?? []).includes(name),
      description: p.description,
    };
  });
}
'''), ('openapi/webhooks.yaml', r'''
components:
  schemas:
    WebhookBase:
      type: object
      required: [url, events]
      properties:
        url: { type: string, format: uri, description: Where we POST events }
        events: { type: array, items: { type: string }, description: Event types to subscribe to }
    WebhookSecretOptions:
      type: object
      properties:
        secret: { type: string, description: Optional signing secret; generated if omitted }
        rotateAfterDays: { type: integer }
    CreateWebhook:
      allOf:
        - $ref: '#/components/schemas/WebhookBase'
        - $ref: '#/components/schemas/WebhookSecretOptions'
        - type: object
          properties:
            description: { type: string }
'''), ('out/create-webhook.md', r'''
| Field | Type | Required | Description |
|---|---|---|---|
| url | string | no | Where we POST events |
| events | string[] | no | Event types to subscribe to |
| secret | string | no | Optional signing secret; generated if omitted |
| rotateAfterDays | integer | no | |
| description | string | no | |
''')])

# ---------------------------------------------------------------- 26
t('complex', 'coverage-analysis',
  "Our docs CMS has a publishing workflow (draft, in review, approved, scheduled, published, unpublished, "
  "archived, plus 'changes requested' and rollback) and I wrote the state machine for it myself, with "
  "tests, because I wanted to prove tech writers can ship real code (I stand by this!). Coverage says 94% "
  "lines, which felt great until a scheduled post went live after its approval had been revoked. I've "
  "attached the machine and a transition log from the test run. Which transitions and guard combinations "
  "are we actually not exercising, and what sequences would you add to catch the next one?",
  files=[('src/workflow/machine.ts', r'''
export type State =
  | 'draft' | 'in_review' | 'changes_requested' | 'approved'
  | 'scheduled' | 'published' | 'unpublished' | 'archived';

export type Event =
  | { type: 'submit' }
  | { type: 'request_changes'; reviewer: string }
  | { type: 'approve'; reviewer: string }
  | { type: 'revoke_approval'; reviewer: string }
  | { type: 'schedule'; at: Date }
  | { type: 'unschedule' }
  | { type: 'publish_now' }
  | { type: 'tick'; now: Date }
  | { type: 'unpublish' }
  | { type: 'rollback'; toRevision: number }
  | { type: 'archive' }
  | { type: 'edit' };

export interface Doc {
  state: State;
  revision: number;
  approvedRevision?: number;
  scheduledAt?: Date;
  publishedRevision?: number;
  author: string;
}

export function transition(doc: Doc, e: Event): Doc {
  switch (doc.state) {
    case 'draft':
      if (e.type === 'submit') return { ...doc, state: 'in_review' };
      if (e.type === 'edit') return { ...doc, revision: doc.revision + 1 };
      if (e.type === 'archive') return { ...doc, state: 'archived' };
      break;
    case 'in_review':
      if (e.type === 'approve' && e.reviewer !== doc.author)
        return { ...doc, state: 'approved', approvedRevision: doc.revision };
      if (e.type === 'request_changes') return { ...doc, state: 'changes_requested' };
      if (e.type === 'edit') return { ...doc, revision: doc.revision + 1 };
      break;
    case 'changes_requested':
      if (e.type === 'edit') return { ...doc, revision: doc.revision + 1 };
      if (e.type === 'submit') return { ...doc, state: 'in_review' };
      break;
    case 'approved':
      if (e.type === 'schedule' && e.at.getTime() > Date.now())
        return { ...doc, state: 'scheduled', scheduledAt: e.at };
      if (e.type === 'publish_now')
        return { ...doc, state: 'published', publishedRevision: doc.approvedRevision };
      if (e.type === 'revoke_approval') return { ...doc, state: 'in_review', approvedRevision: undefined };
      if (e.type === 'edit') return { ...doc, state: 'draft', revision: doc.revision + 1 };
      break;
    case 'scheduled':
      if (e.type === 'tick' && doc.scheduledAt && e.now >= doc.scheduledAt)
        return { ...doc, state: 'published', publishedRevision: doc.revision };
      if (e.type === 'unschedule') return { ...doc, state: 'approved', scheduledAt: undefined };
      if (e.type === 'revoke_approval') return { ...doc, approvedRevision: undefined };
      if (e.type === 'edit') return { ...doc, revision: doc.revision + 1 };
      break;
    case 'published':
      if (e.type === 'unpublish') return { ...doc, state: 'unpublished' };
      if (e.type === 'edit') return { ...doc, state: 'draft', revision: doc.revision + 1 };
      if (e.type === 'rollback' && e.toRevision < doc.revision)
        return { ...doc, publishedRevision: e.toRevision };
      break;
    case 'unpublished':
      if (e.type === 'publish_now' && doc.approvedRevision !== undefined)
        return { ...doc, state: 'published', publishedRevision: doc.approvedRevision };
      if (e.type === 'archive') return { ...doc, state: 'archived' };
      if (e.type === 'edit') return { ...doc, state: 'draft', revision: doc.revision + 1 };
      break;
    case 'archived':
      break;
  }
  throw new Error(`invalid transition ${e.type} from ${doc.state}`);
}
'''), ('coverage/transitions-hit.txt', r'''
# transitions observed during `vitest run` (from the test-only tracing wrapper)
draft        --submit-->           in_review        x41
draft        --edit-->             draft            x12
in_review    --approve-->          approved         x30
in_review    --request_changes-->  changes_requested x6
changes_requested --edit-->        changes_requested x6
changes_requested --submit-->      in_review        x5
approved     --schedule-->         scheduled        x9
approved     --publish_now-->      published        x18
scheduled    --tick-->             published        x9
published    --unpublish-->        unpublished      x4
published    --edit-->             draft            x3
unpublished  --publish_now-->      published        x2
# errors observed
draft        --approve-->          Error            x1
archived     --edit-->             Error            x1
''')],
  fw='vitest')

# ---------------------------------------------------------------- 27
t('simple', 'performance-testing',
  "I benchmarked three slugify implementations for the heading-ids plugin with tinybench (blog post "
  "incoming, obviously). Which one is fastest, and roughly how much faster than the others?",
  files=[('bench/slugify.out.txt', r'''
┌─────────┬─────────────────────────┬─────────────┬────────────────────┬──────────┬─────────┐
│ (index) │ Task Name               │ ops/sec     │ Average Time (ns)  │ Margin   │ Samples │
├─────────┼─────────────────────────┼─────────────┼────────────────────┼──────────┼─────────┤
│ 0       │ 'regex chain (current)' │ '412,880'   │ 2422.01            │ '±0.84%' │ 206441  │
│ 1       │ 'github-slugger'        │ '297,115'   │ 3365.70            │ '±1.12%' │ 148558  │
│ 2       │ 'char loop'             │ '1,031,442' │ 969.51             │ '±0.51%' │ 515722  │
└─────────┴─────────────────────────┴─────────────┴────────────────────┴──────────┴─────────┘
''')],
  fw='tinybench')

# ---------------------------------------------------------------- 28
t('medium', 'test-generation',
  "We have a small MkDocs plugin that rewrites links when we cut a new docs version: any link to "
  "/latest/... in a versioned page gets pinned to that page's version, and anything listed in "
  "redirects.yml gets rewritten to its new home. It's worked fine for a year but I'm about to add a "
  "third feature to it and I'm scared. Could you write pytest tests for what's there now, so I know when "
  "I've broken it? Use tmp_path for the redirects file rather than anything on disk in the repo.",
  files=[('mkdocs_version_links/plugin.py', r'''
from __future__ import annotations

import logging
import re
from pathlib import Path

import yaml
from mkdocs.config import config_options
from mkdocs.plugins import BasePlugin

log = logging.getLogger("mkdocs.plugins.version_links")

LINK = re.compile(r"\]\((?P<url>/latest/[^)\s#]*)(?P<frag>#[^)\s]*)?\)")


class VersionLinksPlugin(BasePlugin):
    config_scheme = (
        ("redirects_file", config_options.Type(str, default="redirects.yml")),
        ("strict", config_options.Type(bool, default=False)),
    )

    def on_config(self, config):
        path = Path(config["config_file_path"]).parent / self.config["redirects_file"]
        self.redirects: dict[str, str] = {}
        if path.exists():
            data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
            if not isinstance(data, dict):
                raise ValueError(f"{path} must be a mapping of old -> new paths")
            self.redirects = {str(k).rstrip("/"): str(v).rstrip("/") for k, v in data.items()}
        elif self.config["strict"]:
            raise FileNotFoundError(path)
        return config

    def _version_of(self, page) -> str | None:
        parts = Path(page.file.src_path).parts
        if parts and re.fullmatch(r"v\d+(\.\d+)?", parts[0]):
            return parts[0]
        return None

    def on_page_markdown(self, markdown, page, config, files):
        version = self._version_of(page)

        def repl(m: re.Match) -> str:
            url = m.group("url").rstrip("/")
            frag = m.group("frag") or ""
            target = self.redirects.get(url, url)
            if target != url:
                log.debug("redirect %s -> %s in %s", url, target, page.file.src_path)
            if version and target.startswith("/latest/"):
                target = "/" + version + target[len("/latest"):]
            return f"]({target}{frag})"

        return LINK.sub(repl, markdown)
''')],
  reqs=['fake the MkDocs page object; do not spin up a real mkdocs build',
        'cover: redirects file missing with strict on and off, a redirects file that is a list, trailing slashes, fragments, unversioned pages'],
  fw='pytest', lang='python')

# ---------------------------------------------------------------- 29
# why: six files and lots of numbers, but it is also a judgement on whether a JWT-verification finding
# is real in an auth SDK: large multi-file context plus security-critical code
t('complex', 'quality-gate',
  "Release day for the auth SDK (the TypeScript one customers embed to verify our tokens), and I'm the one "
  "writing the release blog post, so I've been asked to also do the 'is it actually shippable' check "
  "because apparently I'm 'good at reading reports'. Flattering and suspicious. I've put everything the "
  "pipeline produced below along with our release criteria. The Semgrep finding was marked 'probably a "
  "false positive' by someone in a Slack thread, and I'd like a real opinion on that too. Go or no-go?",
  files=[('release/criteria.md', r'''
# auth-sdk release criteria (v4.x)
- All unit and integration tests pass on Node 18, 20, 22.
- Line coverage >= 90% overall and >= 95% for src/verify/**.
- No open Semgrep findings of severity ERROR unless triaged as false positive by security team (ticket link required).
- No high/critical advisories in production dependencies.
- verifyToken p99 <= 0.5 ms on the reference benchmark (cached JWKS).
- CHANGELOG lists every breaking change.
'''), ('reports/junit-summary.txt', r'''
node18: 412 passed, 0 failed, 3 skipped
node20: 412 passed, 0 failed, 3 skipped
node22: 411 passed, 1 failed, 3 skipped
  FAILED verify/jwks-cache.test.ts > refreshes keys after kid miss (timeout 5000ms)
'''), ('reports/coverage-summary.json', r'''
{
  "total": { "lines": { "pct": 92.4 }, "branches": { "pct": 85.1 } },
  "src/verify/verify-token.ts": { "lines": { "pct": 96.8 }, "branches": { "pct": 88.0 } },
  "src/verify/jwks-cache.ts": { "lines": { "pct": 93.1 }, "branches": { "pct": 80.0 } },
  "src/verify/claims.ts": { "lines": { "pct": 100 }, "branches": { "pct": 100 } }
}
'''), ('reports/semgrep.sarif.txt', r'''
rule: javascript.jsonwebtoken.security.jwt-none-alg
severity: ERROR
location: src/verify/verify-token.ts:14
message: Detected use of the 'none' algorithm or algorithm derived from untrusted token header.
triage: none
'''), ('src/verify/verify-token.ts', r'''
import { createVerify, createHmac, timingSafeEqual } from 'node:crypto';
import { getKey } from './jwks-cache';
import { checkClaims, type Claims } from './claims';

const b64 = (s: string) => Buffer.from(s, 'base64url');

export async function verifyToken(token: string, audience: string): Promise<Claims> {
  const [h, p, s] = token.split('.');
  if (!h || !p || s === undefined) throw new Error('malformed');
  const header = JSON.parse(b64(h).toString());
  const payload = JSON.parse(b64(p).toString());
  const signed = `${h}.${p}`;

  const alg: string = header.alg;
  if (alg === 'RS256') {
    const key = await getKey(header.kid);
    const ok = createVerify('RSA-SHA256').update(signed).verify(key.pem, b64(s));
    if (!ok) throw new Error('bad signature');
  } else if (alg === 'HS256') {
    const key = await getKey(header.kid);
    const mac = createHmac('sha256', key.pem).update(signed).digest();
    if (!timingSafeEqual(mac, b64(s))) throw new Error('bad signature');
  } else if (alg !== 'none' || process.env.NODE_ENV !== 'test') {
    throw new Error(`unsupported alg ${alg}`);
  }
  return checkClaims(payload, audience);
}
'''), ('reports/audit-prod.txt', r'''
found 0 vulnerabilities in 14 production dependencies
'''), ('reports/bench.txt', r'''
verifyToken (RS256, cached JWKS)  p50 0.11 ms  p99 0.31 ms
verifyToken (HS256, cached JWKS)  p50 0.04 ms  p99 0.09 ms
'''), ('CHANGELOG.md', r'''
## 4.2.0
### Added
- HS256 support for service-to-service tokens (keys served from the same JWKS endpoint).
### Changed
- `verifyToken` now takes `audience` as a required second argument.
''')])

# ---------------------------------------------------------------- 30
t('medium', 'coverage-analysis',
  "I maintain the front matter parser that all our docs tooling shares (it's in the shared package, so if "
  "it breaks, everything breaks, no pressure). Lines are at 100% but branches are at 71%, and I'm told "
  "branches are the number that matters. Here's the parser and the branch report. Which edge cases are we "
  "not testing, in actual docs terms, and could you sketch the tests to close them?",
  files=[('packages/shared/src/frontmatter.ts', r'''
import { parse as parseYaml } from 'yaml';

export interface FrontMatterResult {
  data: Record<string, unknown>;
  body: string;
  bodyStartLine: number;
}

const OPEN = /^(?:\uFEFF)?---[ \t]*\r?\n/;

export function parseFrontMatter(source: string): FrontMatterResult {
  const open = OPEN.exec(source);
  if (!open) return { data: {}, body: source, bodyStartLine: 1 };

  const rest = source.slice(open[0].length);
  const close = /^(---|\.\.\.)[ \t]*(\r?\n|$)/m.exec(rest);
  if (!close) {
    throw new SyntaxError('front matter opened but never closed');
  }

  const yamlText = rest.slice(0, close.index);
  let data: unknown;
  try {
    data = yamlText.trim() === '' ? {} : parseYaml(yamlText);
  } catch (err) {
    throw new SyntaxError(`invalid front matter YAML: ${(err as Error).message}`);
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    throw new TypeError('front matter must be a mapping');
  }

  const body = rest.slice(close.index + close[0].length);
  const consumed = source.length - body.length;
  const bodyStartLine = source.slice(0, consumed).split(/\r?\n/).length;
  return { data: data as Record<string, unknown>, body, bodyStartLine };
}
'''), ('coverage/branches.txt', r'''
File: packages/shared/src/frontmatter.ts   Branches: 10/14 (71.4%)
  line 12  if (!open)                        taken: true x22  false x61
  line 12  OPEN optional BOM group           matched: 0 times
  line 16  if (!close)                       taken: true x0   false x61
  line 16  close alt '...'                   matched: 0 times
  line 23  yamlText.trim() === ''            taken: true x0   false x61
  line 24  catch                             entered: 0 times
  line 27  data === null                     taken: true x0
  line 27  typeof data !== 'object'          taken: true x2
  line 27  Array.isArray(data)               taken: true x0
  line 34  split /\r?\n/ with \r\n input     matched: 0 times
''')],
  fw='vitest')

# ---------------------------------------------------------------- 31
t('medium', 'security-scan',
  "So our docs site is static, which I always assumed meant 'nothing to secure', but our new security "
  "engineer (hi Priya, if you ever read this) gently suggested I look at our response headers. We embed "
  "the interactive playground in an iframe from a different origin, load search from our own API, and use "
  "a couple of analytics scripts marketing insisted on. Could you review the headers config and tell me "
  "what's weak or missing, and what you'd change without breaking the playground embed?",
  files=[('static/_headers', r'''
/*
  X-Frame-Options: SAMEORIGIN
  X-Content-Type-Options: nosniff
  Referrer-Policy: unsafe-url
  Permissions-Policy: camera=(), microphone=(), geolocation=()
  Content-Security-Policy: default-src 'self'; script-src 'self' 'unsafe-inline' 'unsafe-eval' https://*.googletagmanager.com https://cdn.jsdelivr.net; style-src 'self' 'unsafe-inline'; img-src * data:; connect-src 'self' https://search.example-tools.dev https://*.google-analytics.com; frame-src *
  Access-Control-Allow-Origin: *

/playground-embed/*
  X-Frame-Options: ALLOWALL
  Content-Security-Policy: frame-ancestors *

/api-proxy/*
  Access-Control-Allow-Origin: *
  Access-Control-Allow-Credentials: true
'''), ('docs/notes/embeds.md', r'''
The playground lives at https://play.example-tools.dev and is embedded on docs pages via
<iframe src="https://play.example-tools.dev/embed?snippet=...">. Partners (about 12 sites) also embed
our /playground-embed/ pages on their own blogs. /api-proxy/ forwards to the public API with the
user's docs session cookie attached so 'Try it' buttons work for signed-in users.
''')],
  lang=None)

# ---------------------------------------------------------------- 32
t('complex', 'test-generation',
  "Next up on my 'make the docs portal less scary' list: the middleware that refreshes sessions for the "
  "signed-in docs (enterprise customers see their own API keys and private guides there). We rotate "
  "refresh tokens and, if an old one is ever reused, we're supposed to kill the whole token family "
  "because that means it was stolen. People open the docs in a dozen tabs, so refreshes can happen at "
  "the same time. Could you write the tests this deserves?",
  files=[('portal/src/auth/refresh.ts', r'''
import type { Request, Response, NextFunction } from 'express';
import { randomBytes, createHash } from 'node:crypto';
import type { TokenStore } from './token-store';
import { signAccessToken, verifyAccessToken } from './jwt';

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const REFRESH_TTL_MS = 14 * 24 * 3600 * 1000;

export function refreshMiddleware(store: TokenStore) {
  return async (req: Request, res: Response, next: NextFunction) => {
    const access = req.cookies['docs_at'];
    if (access && (await verifyAccessToken(access).catch(() => null))) return next();

    const refresh = req.cookies['docs_rt'];
    if (!refresh) return res.status(401).json({ error: 'signin_required' });

    const record = await store.findByHash(sha256(refresh));
    if (!record) return res.status(401).json({ error: 'signin_required' });

    if (record.usedAt) {
      await store.revokeFamily(record.familyId);
      return res.status(401).json({ error: 'token_reused' });
    }
    if (record.expiresAt.getTime() < Date.now()) {
      return res.status(401).json({ error: 'signin_required' });
    }

    await store.markUsed(record.id, new Date());
    const next_rt = randomBytes(32).toString('base64url');
    await store.insert({
      hash: sha256(next_rt),
      familyId: record.familyId,
      userId: record.userId,
      expiresAt: new Date(Date.now() + REFRESH_TTL_MS),
    });

    const at = await signAccessToken({ sub: record.userId, org: record.orgId });
    res.cookie('docs_at', at, { httpOnly: true, secure: true, sameSite: 'lax', maxAge: 10 * 60 * 1000 });
    res.cookie('docs_rt', next_rt, { httpOnly: true, secure: true, sameSite: 'strict', path: '/auth' });
    req.user = { id: record.userId, orgId: record.orgId };
    return next();
  };
}
'''), ('portal/src/auth/token-store.ts', r'''
export interface RefreshRecord {
  id: string;
  hash: string;
  familyId: string;
  userId: string;
  orgId: string;
  expiresAt: Date;
  usedAt?: Date;
}

export interface TokenStore {
  findByHash(hash: string): Promise<RefreshRecord | null>;
  markUsed(id: string, at: Date): Promise<void>;
  insert(r: Omit<RefreshRecord, 'id' | 'orgId'>): Promise<void>;
  revokeFamily(familyId: string): Promise<void>;
}
''')],
  reqs=['include what should happen when two tabs refresh with the same token at the same moment',
        'if the code is wrong, write the test for the correct behaviour and mark it as expected to fail'],
  fw='vitest')

# ---------------------------------------------------------------- 33
# why: a 12-line formatter, but diagnosing why it fails only around midnight UTC from one log is the
# rubric's 'one flaky test from its log' (medium); no concurrency involved
t('medium', 'flaky-test-analysis',
  "Tiny mystery! Every docs page shows 'Last updated today / yesterday / on Mar 3' at the bottom. The test "
  "for it fails in CI now and then, and our CI bot helpfully notes it's always a run that started late "
  "evening (we're in Berlin, the runners are wherever GitHub puts them). I can't reproduce it at my desk. "
  "Why?",
  files=[('src/lib/last-updated.ts', r'''
export function lastUpdatedLabel(updated: Date, now: Date = new Date()): string {
  const startOfToday = new Date(now.getFullYear(), now.getMonth(), now.getDate());
  const startOfUpdated = new Date(updated.getFullYear(), updated.getMonth(), updated.getDate());
  const days = Math.round((startOfToday.getTime() - startOfUpdated.getTime()) / 86_400_000);
  if (days <= 0) return 'Last updated today';
  if (days === 1) return 'Last updated yesterday';
  return `Last updated on ${updated.toLocaleDateString('en-US', { month: 'short', day: 'numeric' })}`;
}
'''), ('src/lib/last-updated.test.ts', r'''
import { it, expect } from 'vitest';
import { lastUpdatedLabel } from './last-updated';

it('says yesterday for something updated 20 hours ago', () => {
  const now = new Date();
  const updated = new Date(now.getTime() - 20 * 3600 * 1000);
  expect(lastUpdatedLabel(updated, now)).toBe('Last updated yesterday');
});

it('says today for something updated a minute ago', () => {
  const now = new Date();
  expect(lastUpdatedLabel(new Date(now.getTime() - 60_000), now)).toBe('Last updated today');
});
'''), ('ci/failure.txt', r'''
run started 2025-03-11T21:14:09Z  runner tz: UTC
 FAIL  src/lib/last-updated.test.ts > says yesterday for something updated 20 hours ago
AssertionError: expected 'Last updated today' to be 'Last updated yesterday'
''')],
  fw='vitest')

# ---------------------------------------------------------------- 34
t('medium', 'test-execution',
  "Our search indexer has integration tests that need a real Meilisearch, which is why nobody runs them "
  "(I include myself in 'nobody', to be clear). I'd like them run properly before I write the 'how our "
  "docs search works' blog post, in case the post describes behaviour that no longer exists. The compose "
  "file and the conftest are below. Could you bring up the stack, run the integration suite, and tell me "
  "what fails and whether any failure looks like a test-environment problem rather than a real bug?",
  files=[('docker-compose.test.yml', r'''
services:
  meili:
    image: getmeili/meilisearch:v1.7
    environment:
      MEILI_MASTER_KEY: test-master-key-not-secret
      MEILI_ENV: development
    ports: ["7701:7700"]
    healthcheck:
      test: ["CMD", "curl", "-f", "http://localhost:7700/health"]
      interval: 2s
      retries: 20
'''), ('tests/integration/conftest.py', r'''
import os
import time

import meilisearch
import pytest

MEILI_URL = os.environ.get("MEILI_URL", "http://localhost:7701")
MEILI_KEY = os.environ.get("MEILI_KEY", "test-master-key-not-secret")


@pytest.fixture(scope="session")
def meili():
    client = meilisearch.Client(MEILI_URL, MEILI_KEY)
    for _ in range(30):
        try:
            if client.is_healthy():
                break
        except Exception:
            pass
        time.sleep(1)
    else:
        pytest.fail("meilisearch never became healthy")
    return client


@pytest.fixture
def docs_index(meili, request):
    uid = f"docs_test_{request.node.name}"[:60]
    task = meili.create_index(uid, {"primaryKey": "id"})
    meili.wait_for_task(task.task_uid)
    index = meili.index(uid)
    yield index
    meili.wait_for_task(meili.delete_index(uid).task_uid)
''')],
  reqs=['use the compose file as-is; do not change ports', 'tear the stack down afterwards'],
  fw='pytest', lang='python')

# ---------------------------------------------------------------- 35
t('simple', 'coverage-analysis',
  "Here's the lcov for our little docs CLI (docs-cli init/check/publish). Which functions are never called "
  "by the tests?",
  files=[('coverage/lcov.info', r'''
TN:
SF:src/commands/init.ts
FN:8,initCommand
FN:31,writeConfig
FN:47,promptForName
FNDA:6,initCommand
FNDA:6,writeConfig
FNDA:0,promptForName
FNF:3
FNH:2
LF:52
LH:41
end_of_record
SF:src/commands/check.ts
FN:5,checkCommand
FN:22,checkLinks
FN:40,checkFrontMatter
FN:58,printSummary
FNDA:9,checkCommand
FNDA:9,checkLinks
FNDA:0,checkFrontMatter
FNDA:9,printSummary
FNF:4
FNH:3
LF:70
LH:55
end_of_record
SF:src/commands/publish.ts
FN:10,publishCommand
FN:29,uploadAssets
FN:51,invalidateCdn
FNDA:0,publishCommand
FNDA:0,uploadAssets
FNDA:0,invalidateCdn
FNF:3
FNH:0
LF:64
LH:0
end_of_record
''')],
  fw='vitest')

# ---------------------------------------------------------------- 36
t('complex', 'flaky-test-analysis',
  "Ugh, okay. The docs CMS backend has a bunch of tests that use a real SQLite file (it's fast, it's "
  "simple, everyone loves SQLite). Since someone switched vitest to run files in parallel threads to speed "
  "CI up, we get random failures: sometimes 'database is locked', sometimes a UNIQUE constraint error on "
  "a slug that the test definitely created only once, and once a test saw a page that another test file "
  "created. Each file passes on its own. I've attached the config, setup, the db helper, two of the test "
  "files and a CI log. What's going on, and what's the right fix (ideally not 'turn parallelism off')?",
  files=[('vitest.config.ts', r'''
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    pool: 'threads',
    poolOptions: { threads: { minThreads: 2, maxThreads: 6 } },
    globalSetup: './test/global-setup.ts',
    setupFiles: ['./test/setup.ts'],
    testTimeout: 10_000,
  },
});
'''), ('test/global-setup.ts', r'''
import { rmSync, mkdirSync } from 'node:fs';
import { migrate } from '../src/db/migrate';

export default async function () {
  rmSync('.cache/test.db', { force: true });
  mkdirSync('.cache', { recursive: true });
  await migrate('.cache/test.db');
}
'''), ('test/setup.ts', r'''
import { beforeEach } from 'vitest';
import { db } from './db';

beforeEach(async () => {
  await db().exec('DELETE FROM pages; DELETE FROM revisions; DELETE FROM tags;');
});
'''), ('test/db.ts', r'''
import Database from 'better-sqlite3';

let conn: Database.Database | undefined;

export function db() {
  if (!conn) {
    conn = new Database('.cache/test.db');
    conn.pragma('journal_mode = DELETE');
  }
  return {
    exec: async (sql: string) => conn!.exec(sql),
    run: async (sql: string, ...args: unknown[]) => conn!.prepare(sql).run(...args),
    all: async <T>(sql: string, ...args: unknown[]) => conn!.prepare(sql).all(...args) as T[],
  };
}
'''), ('test/pages.test.ts', r'''
import { it, expect } from 'vitest';
import { db } from './db';
import { createPage, listPages } from '../src/pages';

it('creates a page with a unique slug', async () => {
  await createPage(db(), { slug: 'getting-started', title: 'Getting started' });
  const pages = await listPages(db());
  expect(pages).toHaveLength(1);
});

it('rejects a duplicate slug', async () => {
  await createPage(db(), { slug: 'auth', title: 'Auth' });
  await expect(createPage(db(), { slug: 'auth', title: 'Auth again' })).rejects.toThrow(/slug/);
});
'''), ('test/search-sync.test.ts', r'''
import { it, expect } from 'vitest';
import { db } from './db';
import { createPage } from '../src/pages';
import { pagesNeedingReindex } from '../src/search-sync';

it('flags newly created pages for reindex', async () => {
  await createPage(db(), { slug: 'getting-started', title: 'Getting started' });
  const todo = await pagesNeedingReindex(db());
  expect(todo.map((p) => p.slug)).toEqual(['getting-started']);
});
'''), ('ci/vitest.log', r'''
 ✓ test/tags.test.ts (6)
 ❯ test/pages.test.ts (2)
   × creates a page with a unique slug
     → expected [ { slug: 'getting-started' }, { slug: 'webhooks' } ] to have a length of 1 but got 2
 ❯ test/search-sync.test.ts (1)
   × flags newly created pages for reindex
     → SqliteError: UNIQUE constraint failed: pages.slug
 ❯ test/revisions.test.ts (4)
   × keeps revision history in order
     → SqliteError: database is locked

 Test Files  3 failed | 5 passed (8)
''')],
  fw='vitest')

# ---------------------------------------------------------------- 37
t('simple', 'test-execution',
  "I'm writing the changelog entry for docsgen 0.10 and want one plain-English line about test status "
  "(our users like seeing that, weirdly). Here's the pytest output from the release build; can you boil "
  "it down to a sentence or two, mentioning anything skipped and why?",
  files=[('ci/pytest-release.txt', r'''
============================= test session starts ==============================
platform linux -- Python 3.12.2, pytest-8.1.1, pluggy-1.4.0
plugins: cov-5.0.0, hypothesis-6.99.6
collected 318 items

tests/test_cli.py ........................                                 [  7%]
tests/test_collect.py ......................................s.            [ 20%]
tests/test_docstring.py .................................................. [ 36%]
.................................                                          [ 46%]
tests/test_renderer.py ............................................       [ 60%]
tests/test_templates.py ....................                              [ 66%]
tests/test_xref.py ...............................................s...s..  [ 83%]
tests/test_e2e.py ......................................................   [100%]

=========================== short test summary info ============================
SKIPPED [1] tests/test_collect.py:212: requires Python < 3.12 (imp module removed)
SKIPPED [2] tests/test_xref.py:88: intersphinx network tests disabled (DOCSGEN_OFFLINE=1)
======================= 315 passed, 3 skipped in 41.87s ========================
''')],
  fw='pytest', lang='python')

# ---------------------------------------------------------------- 38
t('complex', 'test-generation',
  "Background: our 'what changed in this version' page shows a line diff between two revisions of a doc, "
  "and I implemented Myers' algorithm myself after reading a lovely blog series about it (a whole weekend, "
  "worth it). The example-based tests pass, but the diff once produced output that, when applied, didn't "
  "give you the new document back, and I couldn't figure out which input did it. I'd like property-based "
  "tests with Hypothesis that would actually catch that kind of thing. What properties should hold, and "
  "can you write them?",
  files=[('docdiff/myers.py', r'''
from __future__ import annotations

from dataclasses import dataclass
from typing import List, Sequence


@dataclass(frozen=True)
class Edit:
    op: str  # "=", "-", "+"
    line: str


def diff_lines(a: Sequence[str], b: Sequence[str]) -> List[Edit]:
    n, m = len(a), len(b)
    v = {1: 0}
    trace = []
    for d in range(n + m + 1):
        trace.append(dict(v))
        for k in range(-d, d + 1, 2):
            if k == -d or (k != d and v.get(k - 1, -1) < v.get(k + 1, -1)):
                x = v.get(k + 1, 0)
            else:
                x = v.get(k - 1, 0) + 1
            y = x - k
            while x < n and y < m and a[x] == b[y]:
                x += 1
                y += 1
            v[k] = x
            if x >= n and y >= m:
                return _backtrack(trace, a, b, n, m)
    return []


def _backtrack(trace, a, b, x, y) -> List[Edit]:
    edits: List[Edit] = []
    for d in range(len(trace) - 1, -1, -1):
        v = trace[d]
        k = x - y
        if k == -d or (k != d and v.get(k - 1, -1) < v.get(k + 1, -1)):
            prev_k = k + 1
        else:
            prev_k = k - 1
        prev_x = v.get(prev_k, 0)
        prev_y = prev_x - prev_k
        while x > prev_x and y > prev_y:
            edits.append(Edit("=", a[x - 1]))
            x -= 1
            y -= 1
        if d > 0:
            if x == prev_x:
                edits.append(Edit("+", b[y - 1]))
            else:
                edits.append(Edit("-", a[x - 1]))
        x, y = prev_x, prev_y
    edits.reverse()
    return edits


def apply(a: Sequence[str], edits: Sequence[Edit]) -> List[str]:
    out, i = [], 0
    for e in edits:
        if e.op == "=":
            out.append(a[i])
            i += 1
        elif e.op == "-":
            i += 1
        else:
            out.append(e.line)
    return out


def to_hunks(edits: Sequence[Edit], context: int = 3) -> List[List[Edit]]:
    hunks, current, since_change = [], [], None
    for e in edits:
        if e.op != "=":
            current.append(e)
            since_change = 0
        elif since_change is not None and since_change < context:
            current.append(e)
            since_change += 1
        elif current:
            hunks.append(current)
            current, since_change = [], None
    if current:
        hunks.append(current)
    return hunks
''')],
  reqs=['use hypothesis; keep strategies small enough that the suite runs in under a minute',
        'include a property about edit-script length being minimal, not just correct',
        'cover to_hunks too: leading context, merging of nearby hunks, no lost changes'],
  fw='hypothesis', lang='python')

# ---------------------------------------------------------------- 39
# why: one report diff, but deciding which TypeScript signature changes break consumers needs type
# judgement (optional vs required, union narrowing): medium, not mechanical
t('medium', 'quality-gate',
  "We use API Extractor on the TypeScript SDK, and our policy is that a minor release can only add things. "
  "The 3.8.0 release PR has the API report diff below and the author says 'it's all additive'. I write "
  "the upgrade guide, so if there's a breaking change hiding in here I'm the one who gets the angry "
  "GitHub issues. Does this pass our minor-release gate?",
  files=[('etc/sdk.api.md.diff', r'''
@@ export interface ClientOptions {
     baseUrl?: string;
-    timeoutMs?: number;
+    timeoutMs?: number | { connect: number; read: number };
     retries?: number;
+    userAgentSuffix?: string;
 }
@@ export interface Webhook {
     id: string;
     url: string;
-    events: string[];
+    events: readonly WebhookEvent[];
+    description?: string;
 }
+export type WebhookEvent = 'page.published' | 'page.unpublished' | 'comment.created';
@@ export declare class DocsClient {
     constructor(options?: ClientOptions);
-    listPages(cursor?: string): Promise<Page[]>;
+    listPages(cursor?: string, opts?: { locale?: string }): Promise<Page[]>;
-    getPage(id: string): Promise<Page>;
+    getPage(id: string): Promise<Page | undefined>;
+    search(query: string): AsyncIterable<SearchHit>;
 }
@@ export interface Page {
     id: string;
     title: string;
-    updatedAt: string;
+    updatedAt: Date;
 }
'''), ('docs/release-policy.md', r'''
Minor releases (x.Y.0) may add exports, optional properties and optional parameters. They must not
change the type of an existing property or return value in a way that breaks code that compiled
against the previous minor, and must not widen input types in ways that break implementers of
exported interfaces.
''')])

# ---------------------------------------------------------------- 40
t('simple', 'defect-analysis',
  "Our link checker flags /guides/Getting-Started as a 404 on CI, but the page is right there as "
  "guides/getting-started.md, and on my Mac it passes. What's the bug?",
  files=[('tools/linkcheck/resolve.ts', r'''
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export function resolveDocLink(docsRoot: string, href: string): string | null {
  const clean = href.split('#')[0].replace(/\/$/, '');
  const candidates = [
    join(docsRoot, `${clean}.md`),
    join(docsRoot, `${clean}.mdx`),
    join(docsRoot, clean, 'index.md'),
  ];
  for (const c of candidates) {
    if (existsSync(c)) return c;
  }
  return null;
}
''')])

# ---------------------------------------------------------------- 41
t('complex', 'security-scan',
  "So the playground! People paste TypeScript snippets from the docs into it and hit Run, and for the "
  "server-side examples we run the compiled JavaScript on our runner boxes rather than in the browser. "
  "I built the runner as a hack-week project and it's now, somehow, production. It has a timeout, a fetch "
  "allowlist so snippets can only call our public API, and it runs in a separate context so it can't see "
  "our stuff. The runner boxes also hold the credentials for pushing run logs to our storage bucket. How "
  "worried should I be? Please be honest, I can take it.",
  files=[('runner/src/run-snippet.ts', r'''
import vm from 'node:vm';
import { transpile } from './transpile';

const ALLOWED_ORIGIN = 'https://api.example-tools.dev';

function guardedFetch(url: string, init?: RequestInit) {
  if (!String(url).startsWith(ALLOWED_ORIGIN)) {
    throw new Error(`fetch to ${url} is not allowed in the playground`);
  }
  return fetch(url, init);
}

export async function runSnippet(tsSource: string, timeoutMs = 3000) {
  const js = transpile(tsSource);
  const logs: string[] = [];
  const sandbox = {
    console: { log: (...a: unknown[]) => logs.push(a.map(String).join(' ')) },
    fetch: guardedFetch,
    setTimeout,
    URL,
    process: { env: { NODE_ENV: 'playground' } },
    require: (name: string) => {
      if (['@example-tools/sdk', 'zod'].includes(name)) return require(name);
      throw new Error(`module ${name} not available`);
    },
  };
  const context = vm.createContext(sandbox);
  const script = new vm.Script(`(async () => { ${js} \n})()`);
  await script.runInContext(context, { timeout: timeoutMs });
  return logs;
}
'''), ('runner/Dockerfile', r'''
FROM node:20
WORKDIR /app
COPY . .
RUN npm ci && npm run build
ENV LOG_BUCKET=docs-playground-logs
CMD ["node", "dist/server.js"]
'''), ('runner/src/server.ts', r'''
import express from 'express';
import { runSnippet } from './run-snippet';
import { uploadLogs } from './logs';

const app = express();
app.use(express.json({ limit: '200kb' }));

app.post('/run', async (req, res) => {
  try {
    const logs = await runSnippet(req.body.source);
    await uploadLogs(req.body.runId, logs);
    res.json({ logs });
  } catch (err) {
    res.status(400).json({ error: String(err) });
  }
});

app.listen(8080);
''')])

# ---------------------------------------------------------------- 42
# why: 64 rows of Lighthouse numbers, but the ask is a threshold filter plus a max: mechanical
t('simple', 'performance-testing',
  "Our weekly Lighthouse crawl of the docs landed (64 pages, mobile profile). For the perf section of the "
  "docs-health dashboard I need: every page with a performance score under 80, and the single page with "
  "the worst LCP. That's it!",
  files=[('reports/lighthouse-weekly.csv', 'page,performance,lcp_ms,cls,tbt_ms\n' +
          lines(64, lambda i: '/docs/{}/{},{},{},{:.3f},{}'.format(
              ['guides', 'sdk', 'cli', 'api', 'concepts', 'tutorials', 'reference', 'changelog'][i % 8],
              ['overview', 'install', 'config', 'auth', 'webhooks', 'errors', 'limits', 'faq'][i // 8],
              60 + (i * 37) % 40, 1400 + (i * 613) % 3900, ((i * 7) % 25) / 100, 40 + (i * 97) % 600)))],
  lang=None)

# ---------------------------------------------------------------- 43
t('complex', 'defect-analysis',
  "This one is making me a bit queasy. Enterprise customers can preview unpublished docs pages through "
  "our preview service (writers use it too). Twice this month a customer has emailed to say they briefly "
  "saw a draft page that wasn't theirs, with another company's name in the sample code, and after a "
  "refresh it went away. We can't reproduce it on demand. I grabbed the preview middleware, the CDN "
  "config and a snippet of access logs from around one of the reports. What's the actual mechanism here?",
  files=[('preview/src/middleware/cache.ts', r'''
import type { Request, Response, NextFunction } from 'express';
import { LRUCache } from 'lru-cache';

const cache = new LRUCache<string, { html: string; at: number }>({ max: 5000, ttl: 60_000 });

export function htmlCache(req: Request, res: Response, next: NextFunction) {
  if (req.method !== 'GET') return next();
  const key = req.path + (req.query.locale ? `?locale=${req.query.locale}` : '');
  const hit = cache.get(key);
  if (hit) {
    res.set('x-preview-cache', 'hit');
    return res.type('html').send(hit.html);
  }
  const send = res.send.bind(res);
  res.send = (body: any) => {
    if (res.statusCode === 200 && typeof body === 'string') cache.set(key, { html: body, at: Date.now() });
    return send(body);
  };
  next();
}
'''), ('preview/src/app.ts', r'''
import express from 'express';
import cookieParser from 'cookie-parser';
import { htmlCache } from './middleware/cache';
import { requireSession } from './middleware/session';
import { renderPreview } from './render';

const app = express();
app.use(cookieParser());
app.use(htmlCache);
app.use(requireSession);

app.get('/preview/:org/:slug', async (req, res) => {
  if (req.session.orgSlug !== req.params.org && !req.session.isStaff) {
    return res.status(403).send('forbidden');
  }
  const html = await renderPreview(req.params.org, req.params.slug, req.session);
  res.set('Cache-Control', 'public, max-age=30');
  res.send(html);
});

export default app;
'''), ('preview/src/render.ts', r'''
import { getDraft } from './drafts';
import { template } from './template';

export async function renderPreview(org: string, slug: string, session: { orgSlug: string; displayName: string }) {
  const draft = await getDraft(org, slug);
  return template({ draft, viewer: session.displayName, org: session.orgSlug });
}
'''), ('infra/cdn-preview.json', r'''
{
  "origin": "preview-internal.example-tools.dev",
  "hostname": "preview.example-tools.dev",
  "cacheBehaviors": [
    { "pathPattern": "/preview/*", "respectOriginCacheControl": true, "forwardCookies": ["docs_sid"],
      "cacheKey": { "queryStrings": ["locale"], "cookies": [] } },
    { "pathPattern": "/assets/*", "ttlSeconds": 86400 }
  ]
}
'''), ('logs/cdn-access.log', r'''
2025-03-04T09:12:01Z GET /preview/acme/sso-setup 200 MISS sid=7f1.. org=acme
2025-03-04T09:12:19Z GET /preview/acme/sso-setup 200 HIT  sid=c2a.. org=globex
2025-03-04T09:12:33Z GET /preview/acme/sso-setup 200 HIT  sid=7f1.. org=acme
2025-03-04T09:13:05Z GET /preview/globex/sso-setup 200 MISS sid=c2a.. org=globex
''')])

# ---------------------------------------------------------------- 44
t('medium', 'quality-gate',
  "The Python SDK 2.3 release is waiting on me (I own the release notes and, since last quarter, the "
  "release checklist, which is what I get for volunteering in a retro). Here are the criteria and the "
  "pipeline outputs: tests, mypy, coverage and the deprecation warnings from the test run. Can you tell me "
  "whether 2.3 passes and, for anything that doesn't, whether it's a real blocker or needs a waiver?",
  files=[('RELEASE_CRITERIA.md', r'''
- pytest: 0 failures on 3.9-3.13; xfail allowed only with a linked issue.
- mypy --strict: 0 errors in `example_tools/` (tests excluded).
- Coverage: >= 85% total; no module under 70%.
- No DeprecationWarning raised from our own code (third-party warnings are fine).
'''), ('ci/pytest-matrix.txt', r'''
py3.9   412 passed, 2 xfailed
py3.10  412 passed, 2 xfailed
py3.11  412 passed, 2 xfailed
py3.12  411 passed, 1 failed, 2 xfailed   FAILED tests/test_pagination.py::test_cursor_roundtrip_unicode
py3.13  412 passed, 2 xfailed
xfail reasons: tests/test_retry.py::test_retry_after_http_date (GH-1021), tests/test_upload.py::test_resume (no issue)
'''), ('ci/mypy.txt', r'''
example_tools/_http.py:88: error: Returning Any from function declared to return "Response"  [no-any-return]
tests/test_client.py:14: error: Function is missing a type annotation  [no-untyped-def]
Found 2 errors in 2 files (checked 61 source files)
'''), ('ci/coverage.txt', r'''
example_tools/__init__.py      100%
example_tools/_http.py          91%
example_tools/client.py         89%
example_tools/pagination.py     84%
example_tools/retry.py          77%
example_tools/upload.py         66%
example_tools/webhooks.py       93%
TOTAL                           86%
'''), ('ci/warnings.txt', r'''
example_tools/client.py:140: DeprecationWarning: `timeout` as a float is deprecated; pass httpx.Timeout
.venv/lib/python3.12/site-packages/dateutil/tz/tz.py:37: DeprecationWarning: datetime.datetime.utcfromtimestamp() is deprecated
example_tools/pagination.py:52: DeprecationWarning: datetime.datetime.utcnow() is deprecated
''')],
  lang='python')

# ---------------------------------------------------------------- 45
t('complex', 'coverage-analysis',
  "The docs portal has single sign-on for enterprise customers (OIDC), and we're going through a security "
  "review next month. The reviewer asked for 'evidence that the security-relevant paths are tested', and "
  "I have a coverage report that says 88%, which I suspect is not the evidence they mean. I've attached "
  "the coverage summary and the auth modules. Could you tell me which uncovered branches are the ones a "
  "security reviewer would actually care about, and why?",
  files=[('coverage/auth-summary.txt', r'''
File                         | % Stmts | % Branch | Uncovered Line #s
src/auth/oidc-callback.ts    |   90.3  |   75.0   | 19-21, 27
src/auth/state.ts            |   100   |   83.3   |
src/auth/session.ts          |   86.2  |   70.0   | 22-24, 31
src/auth/rbac.ts             |   84.6  |   66.7   | 14, 18-19
src/auth/csrf.ts             |   80.0  |   50.0   | 9-11
All auth files               |   88.1  |   70.6   |
'''), ('src/auth/oidc-callback.ts', r'''
import type { Request, Response } from 'express';
import { consumeState } from './state';
import { oidc } from './oidc-client';
import { createSession } from './session';

export async function oidcCallback(req: Request, res: Response) {
  const { code, state } = req.query as Record<string, string>;
  const stored = await consumeState(state, req.cookies['oidc_nonce_binding']);
  if (!stored) return res.status(400).send('invalid state');

  const tokens = await oidc.exchange(code, stored.codeVerifier);
  const claims = await oidc.verifyIdToken(tokens.id_token, { nonce: stored.nonce });

  if (claims.iss !== oidc.issuer) return res.status(400).send('bad issuer');

  const email = String(claims.email ?? '');
  const domain = email.split('@')[1];
  if (!claims.email_verified) {
    return res.status(403).send('email not verified');
  }
  const org = await oidc.orgForDomain(domain);
  if (!org) return res.status(403).send('no org for domain');
  if (org.ssoEnforced && claims.idp !== org.idp) {
    return res.status(403).send('wrong idp');
  }
  await createSession(res, { userId: claims.sub, orgId: org.id, roles: org.defaultRoles });
  return res.redirect(stored.returnTo ?? '/');
}
'''), ('src/auth/state.ts', r'''
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { redis } from '../redis';

export async function issueState(returnTo: string) {
  const state = randomBytes(24).toString('base64url');
  const binding = randomBytes(16).toString('base64url');
  const safeReturn = returnTo.startsWith('/') && !returnTo.startsWith('//') ? returnTo : '/';
  await redis.set(`oidc:${state}`, JSON.stringify({ binding, returnTo: safeReturn }), 'EX', 600);
  return { state, binding };
}

export async function consumeState(state: string, binding: string | undefined) {
  const raw = await redis.getdel(`oidc:${state}`);
  if (!raw || !binding) return null;
  const stored = JSON.parse(raw);
  const a = Buffer.from(stored.binding), b = Buffer.from(binding);
  if (a.length !== b.length || !timingSafeEqual(a, b)) return null;
  return stored;
}
'''), ('src/auth/session.ts', r'''
import type { Request, Response } from 'express';
import { randomBytes } from 'node:crypto';
import { redis } from '../redis';

const TTL = 8 * 3600;

export async function createSession(res: Response, data: { userId: string; orgId: string; roles: string[] }) {
  const sid = randomBytes(32).toString('base64url');
  await redis.set(`sess:${sid}`, JSON.stringify({ ...data, createdAt: Date.now() }), 'EX', TTL);
  res.cookie('docs_sid', sid, { httpOnly: true, secure: true, sameSite: 'lax' });
}

export async function loadSession(req: Request) {
  const sid = req.cookies['docs_sid'];
  if (!sid) return null;
  const raw = await redis.get(`sess:${sid}`);
  if (!raw) return null;
  const s = JSON.parse(raw);
  if (Date.now() - s.createdAt > TTL * 1000) {
    await redis.del(`sess:${sid}`);
    return null;
  }
  if (s.revokedAt) {
    return null;
  }
  return s;
}
'''), ('src/auth/rbac.ts', r'''
export type Role = 'viewer' | 'writer' | 'admin';

const RANK: Record<Role, number> = { viewer: 0, writer: 1, admin: 2 };

export function can(roles: string[], needed: Role, resourceOrg: string, userOrg: string): boolean {
  if (resourceOrg !== userOrg) return false;
  let best = -1;
  for (const r of roles) {
    if (r in RANK) best = Math.max(best, RANK[r as Role]);
  }
  if (roles.includes('staff')) {
    return true;
  }
  if (best < 0) {
    return false;
  }
  return best >= RANK[needed];
}
'''), ('src/auth/csrf.ts', r'''
import type { Request, Response, NextFunction } from 'express';

export function csrf(req: Request, res: Response, next: NextFunction) {
  if (['GET', 'HEAD', 'OPTIONS'].includes(req.method)) return next();
  const header = req.get('x-csrf-token');
  const cookie = req.cookies['csrf'];
  if (!header || header !== cookie) {
    return res.status(403).json({ error: 'csrf' });
  }
  return next();
}
''')])

# ---------------------------------------------------------------- 46
t('simple', 'test-generation',
  "A contributor added tests for our title-case helper, bless them, but they only call the function and "
  "never check anything (the PR description says 'smoke tests'). Could you add the obvious assertions so "
  "they actually test something?",
  files=[('tools/titlecase.py', r'''
SMALL_WORDS = {"a", "an", "and", "as", "at", "but", "by", "for", "in", "of", "on", "or", "the", "to", "via"}


def title_case(text: str) -> str:
    words = text.split()
    out = []
    for i, w in enumerate(words):
        if w.isupper() and len(w) > 1:
            out.append(w)
        elif i not in (0, len(words) - 1) and w.lower() in SMALL_WORDS:
            out.append(w.lower())
        else:
            out.append(w[:1].upper() + w[1:].lower())
    return " ".join(out)
'''), ('tests/test_titlecase.py', r'''
from tools.titlecase import title_case


def test_basic():
    title_case("getting started with the cli")


def test_keeps_acronyms():
    title_case("using the API with OAuth")


def test_small_word_at_end():
    title_case("what to sign in with")


def test_empty():
    title_case("")
''')],
  fw='pytest', lang='python')

# ---------------------------------------------------------------- 47
# why: one test, but the cause is an ordering race between the file watcher becoming ready, the debounce
# timer and the WebSocket client connecting, across tests that share a port: concurrency, so complex
t('complex', 'flaky-test-analysis',
  "The local dev server for our docs (the thing writers run to see their changes live) has a test that "
  "edits a markdown file and expects the browser to be told to reload. It fails about one run in thirty, "
  "only in CI, and it seems to fail more when the 'content watcher' test file runs in the same job. When "
  "it fails, the reload message just never arrives. I've pasted the watcher, the reload server, both test "
  "files and the CI log. I'd love to know why, not just a bigger timeout.",
  files=[('dev-server/src/watcher.ts', r'''
import chokidar from 'chokidar';
import { EventEmitter } from 'node:events';

export function watchContent(dir: string, debounceMs = 100) {
  const events = new EventEmitter();
  let timer: NodeJS.Timeout | undefined;
  const changed = new Set<string>();
  const w = chokidar.watch(dir, { ignoreInitial: true });
  w.on('all', (_evt, path) => {
    changed.add(path);
    clearTimeout(timer);
    timer = setTimeout(() => {
      events.emit('change', [...changed]);
      changed.clear();
    }, debounceMs);
  });
  w.on('ready', () => events.emit('ready'));
  return { events, close: () => w.close() };
}
'''), ('dev-server/src/reload-server.ts', r'''
import { WebSocketServer, WebSocket } from 'ws';
import type { EventEmitter } from 'node:events';

export function startReloadServer(port: number, content: EventEmitter) {
  const wss = new WebSocketServer({ port });
  content.on('change', (paths: string[]) => {
    for (const client of wss.clients) {
      if (client.readyState === WebSocket.OPEN) {
        client.send(JSON.stringify({ type: 'reload', paths }));
      }
    }
  });
  return wss;
}
'''), ('dev-server/test/live-reload.test.ts', r'''
import { it, expect, afterEach } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import { watchContent } from '../src/watcher';
import { startReloadServer } from '../src/reload-server';

let cleanup: Array<() => unknown> = [];
afterEach(async () => { for (const c of cleanup) await c(); cleanup = []; });

it('tells the browser to reload when a page changes', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'docs-'));
  writeFileSync(join(dir, 'intro.md'), '# Intro');
  const watcher = watchContent(dir);
  const wss = startReloadServer(35729, watcher.events);
  cleanup.push(() => watcher.close(), () => new Promise((r) => wss.close(r)));

  const ws = new WebSocket('ws://localhost:35729');
  const message = new Promise<string>((resolve) => ws.on('message', (m) => resolve(String(m))));
  writeFileSync(join(dir, 'intro.md'), '# Intro, edited');

  expect(JSON.parse(await message)).toMatchObject({ type: 'reload' });
}, 5000);
'''), ('dev-server/test/watcher.test.ts', r'''
import { it, expect } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { watchContent } from '../src/watcher';
import { startReloadServer } from '../src/reload-server';

it('batches rapid edits into one change event', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'docs-'));
  const w = watchContent(dir, 50);
  startReloadServer(35729, w.events);
  await once(w.events, 'ready');
  const got = once(w.events, 'change');
  for (let i = 0; i < 5; i++) writeFileSync(join(dir, `p${i}.md`), 'x');
  const [paths] = await got;
  expect(paths).toHaveLength(5);
  await w.close();
});
'''), ('ci/vitest.log', r'''
 ✓ dev-server/test/watcher.test.ts (1) 412ms
 ❯ dev-server/test/live-reload.test.ts (1) 5012ms
   × tells the browser to reload when a page changes
     → Test timed out in 5000ms.
 Test Files  1 failed | 1 passed (2)
 (note: same job also logs "Error: listen EADDRINUSE: address already in use :::35729" on ~half of failing runs)
''')],
  fw='vitest')

# ---------------------------------------------------------------- 48
t('medium', 'performance-testing',
  "We run the same k6 script against the search API every Monday, and I paste the results into the "
  "platform newsletter. This week's numbers feel worse, but I'm a writer, not an SRE, and I don't want to "
  "cry wolf in front of 300 engineers. Here are last week's and this week's summaries plus the thresholds "
  "from the script. Did search actually regress, where, and is it a real regression or noise?",
  files=[('k6/search-week10.txt', r'''
     checks.........................: 99.91% ✓ 35968  ✗ 32
     http_req_duration..............: avg=61.2ms  min=8.1ms  med=44.0ms  max=1.21s  p(90)=118ms  p(95)=162ms
       { name:search_simple }.......: avg=38.4ms  p(95)=91ms
       { name:search_filtered }.....: avg=84.9ms  p(95)=214ms
       { name:search_typo }.........: avg=72.0ms  p(95)=188ms
     http_req_failed................: 0.08%  ✓ 30  ✗ 35970
     http_reqs......................: 36000  200/s
     vus............................: 50     min=50 max=50
'''), ('k6/search-week11.txt', r'''
     checks.........................: 99.86% ✓ 35950  ✗ 50
     http_req_duration..............: avg=66.8ms  min=8.3ms  med=43.1ms  max=2.95s  p(90)=121ms  p(95)=171ms
       { name:search_simple }.......: avg=37.9ms  p(95)=88ms
       { name:search_filtered }.....: avg=103.5ms p(95)=301ms
       { name:search_typo }.........: avg=70.2ms  p(95)=181ms
     http_req_failed................: 0.13%  ✓ 47  ✗ 35953
     http_reqs......................: 36000  200/s
     vus............................: 50     min=50 max=50
'''), ('k6/search.js', r'''
export const options = {
  scenarios: { steady: { executor: 'constant-arrival-rate', rate: 200, timeUnit: '1s', duration: '3m', preAllocatedVUs: 50 } },
  thresholds: {
    'http_req_duration{name:search_simple}': ['p(95)<120'],
    'http_req_duration{name:search_filtered}': ['p(95)<250'],
    'http_req_duration{name:search_typo}': ['p(95)<250'],
    http_req_failed: ['rate<0.005'],
  },
};
'''), ('notes/changes-week11.md', r'''
- search-api 1.14.0 deployed Tuesday: adds `version` facet to filtered search
- Meilisearch index now includes v1 and v2 docs (was v2 only); doc count 2,100 -> 3,950
''')],
  fw='k6', lang='javascript')

# ---------------------------------------------------------------- 49
# why: asks only to run a test harness, but it is a concurrent-editing convergence harness and the job is
# to hunt interleavings that diverge and minimise them: concurrency, so complex
t('complex', 'test-execution',
  "The shared notebooks feature (several people editing one tutorial at once, very Google-Docs) has a "
  "simulation harness that replays random edits from several fake clients with random network delays. "
  "It's passed every time anyone has run it, which is about four times total. Before I demo this live, "
  "could you run it properly, lots of seeds and more clients than the default, and tell me if any run "
  "ends with clients disagreeing about the document? If one does, I'd like the smallest sequence of "
  "edits that reproduces it.",
  files=[('collab/sim/harness.ts', r'''
import { Doc, type Op } from '../src/doc';
import { transform } from '../src/ot';
import { mulberry32 } from './rng';

export interface SimOptions { seed: number; clients: number; opsPerClient: number; maxDelayMs: number }

export function simulate(o: SimOptions) {
  const rand = mulberry32(o.seed);
  const server: { doc: Doc; history: Op[] } = { doc: new Doc(''), history: [] };
  const clients = Array.from({ length: o.clients }, (_, id) => ({
    id, doc: new Doc(''), rev: 0, pending: [] as Op[], inbox: [] as { at: number; op: Op; rev: number }[],
  }));
  const outbox: { at: number; from: number; op: Op; baseRev: number }[] = [];
  let clock = 0;

  for (let step = 0; step < o.clients * o.opsPerClient * 4; step++) {
    clock += 1;
    const c = clients[Math.floor(rand() * clients.length)];
    if (rand() < 0.5 && c.pending.length < o.opsPerClient) {
      const op = c.doc.randomOp(rand, c.id);
      c.doc.apply(op);
      c.pending.push(op);
      outbox.push({ at: clock + Math.floor(rand() * o.maxDelayMs), from: c.id, op, baseRev: c.rev });
    }
    outbox.sort((a, b) => a.at - b.at);
    while (outbox.length && outbox[0].at <= clock) {
      const msg = outbox.shift()!;
      let op = msg.op;
      for (const h of server.history.slice(msg.baseRev)) op = transform(op, h, 'right');
      server.doc.apply(op);
      server.history.push(op);
      for (const other of clients) {
        other.inbox.push({ at: clock + Math.floor(rand() * o.maxDelayMs), op, rev: server.history.length });
      }
    }
    for (const cl of clients) {
      cl.inbox.sort((a, b) => a.at - b.at);
      while (cl.inbox.length && cl.inbox[0].at <= clock) {
        const m = cl.inbox.shift()!;
        if (m.op.client === cl.id) { cl.pending.shift(); cl.rev = m.rev; continue; }
        let op = m.op;
        for (const p of cl.pending) op = transform(op, p, 'left');
        cl.doc.apply(op);
        cl.rev = m.rev;
      }
    }
  }
  return { server: server.doc.text, clients: clients.map((c) => c.doc.text) };
}
'''), ('collab/sim/run.ts', r'''
import { simulate } from './harness';

const seeds = Number(process.env.SEEDS ?? 20);
const clients = Number(process.env.CLIENTS ?? 3);
let diverged = 0;
for (let seed = 1; seed <= seeds; seed++) {
  const r = simulate({ seed, clients, opsPerClient: 10, maxDelayMs: 5 });
  if (r.clients.some((t) => t !== r.server)) {
    diverged++;
    console.log(`seed ${seed}: DIVERGED`, r);
  }
}
console.log(`${seeds - diverged}/${seeds} converged`);
''')],
  reqs=['at least 2,000 seeds, with 3, 5 and 8 clients', 'keep the seed of every diverging run'],
  lang='typescript', fw='node:test')

# ---------------------------------------------------------------- 50
# why: a long lint log, but the gate is a pure rule filter (any rule other than MD013/MD033 fails):
# mechanical
t('simple', 'quality-gate',
  "Our docs CI gate says: markdownlint must report nothing except MD013 (line length) and MD033 (inline "
  "HTML), which we've agreed to live with. Here's the output from the PR that reorganises the SDK guides. "
  "Does it pass, and if not, which files and rules are the problem?",
  files=[('ci/markdownlint.txt', lines(88, lambda i: 'docs/sdk/{}/{}.md:{}{} {} {}'.format(
      ['python', 'typescript', 'go', 'java'][i % 4],
      ['install', 'quickstart', 'auth', 'pagination', 'errors', 'webhooks', 'retries', 'testing',
       'logging', 'upgrade', 'faq'][i // 8],
      (i * 13) % 140 + 3,
      ':81' if i % 11 == 0 else '',
      'MD013/line-length' if i % 3 else 'MD033/no-inline-html',
      'Line length [Expected: 120; Actual: {}]'.format(121 + (i * 7) % 60) if i % 3 else 'Inline HTML [Element: details]'
      ) if i not in (23, 57, 70) else [
      'docs/sdk/go/errors.md:44 MD040/fenced-code-language Fenced code blocks should have a language specified',
      'docs/sdk/java/logging.md:12 MD001/heading-increment Heading levels should only increment by one level at a time [Expected: h2; Actual: h3]',
      'docs/sdk/typescript/upgrade.md:98 MD051/link-fragments Link fragments should be valid [Context: "[see below](#breaking-changes-in-v4)"]'
      ][(23, 57, 70).index(i)]) + '\n\nSummary: 88 error(s)\n')],
  lang=None)

# ---------------------------------------------------------------- 51
t('medium', 'defect-analysis',
  "We have a little Python tool that pulls code blocks out of the markdown docs so CI can run them as "
  "tests (so the docs never show broken code, that's the dream). It reports the line number of each "
  "snippet so failures point at the right place. Windows contributors say the line numbers are way off "
  "for their files, and separately, snippets nested inside a numbered list come out with extra spaces "
  "and fail to compile. I've attached the extractor and an example. What's wrong, and what would a fix "
  "look like?",
  files=[('tools/snippets/extract.py', r'''
from __future__ import annotations

import re
from dataclasses import dataclass

FENCE_OPEN = re.compile(r"^(?P<indent> {0,3})(?P<fence>`{3,}|~{3,})(?P<info>[^`\n]*)$")


@dataclass
class Snippet:
    lang: str
    code: str
    line: int  # 1-based line of the opening fence


def extract(markdown: str) -> list[Snippet]:
    out: list[Snippet] = []
    lines = markdown.split("\n")
    i = 0
    while i < len(lines):
        m = FENCE_OPEN.match(lines[i])
        if not m:
            i += 1
            continue
        fence = m.group("fence")
        lang = m.group("info").strip().split(" ")[0]
        start = i
        body = []
        i += 1
        while i < len(lines) and not lines[i].strip().startswith(fence):
            body.append(lines[i])
            i += 1
        out.append(Snippet(lang=lang, code="\n".join(body), line=start))
        i += 1
    return out
'''), ('docs/examples/install.md', '1. Install the SDK:\r\n\r\n   ```bash\r\n   pip install example-tools\r\n   ```\r\n\r\n2. Create a client:\r\n\r\n   ```python\r\n   from example_tools import Client\r\n   client = Client()\r\n   ```\r\n'),
         ('ci/snippet-report.txt', r'''
docs/examples/install.md: 0 snippets found
docs/guides/auth.md:41 python  FAILED  IndentationError: unexpected indent (snippet line 1)
docs/guides/auth.md:77 python  ok
''')],
  fw='pytest', lang='python')

# ---------------------------------------------------------------- 52
t('complex', 'performance-testing',
  "At our workshops, everyone in the room (200-ish people) opens the same shared notebook and starts "
  "typing along with the presenter. It's lovely for about five minutes, and then typing gets laggy for "
  "everyone, and sometimes the presenter's cursor jumps around. At my desk with three browser tabs it's "
  "perfect, obviously. I'd like a test that reproduces the workshop realistically so the team can see "
  "where it falls over before the next one in April. What would you build, and what would you measure? "
  "The sync server's main loop is below.",
  files=[('collab/server/room.ts', r'''
import type { WebSocket } from 'ws';
import { transform, type Op } from '../src/ot';
import { persist } from './persist';

export class Room {
  private history: Op[] = [];
  private clients = new Set<WebSocket>();
  private text = '';

  join(ws: WebSocket) {
    this.clients.add(ws);
    ws.send(JSON.stringify({ type: 'snapshot', text: this.text, rev: this.history.length }));
    ws.on('message', (raw) => this.onMessage(ws, JSON.parse(String(raw))));
    ws.on('close', () => this.clients.delete(ws));
  }

  private async onMessage(ws: WebSocket, msg: { type: string; op?: Op; rev?: number; cursor?: number }) {
    if (msg.type === 'op' && msg.op && msg.rev !== undefined) {
      let op = msg.op;
      for (const h of this.history.slice(msg.rev)) op = transform(op, h, 'right');
      this.text = op.applyTo(this.text);
      this.history.push(op);
      await persist(this.history.length, op, this.text);
      this.broadcast({ type: 'op', op, rev: this.history.length });
    } else if (msg.type === 'cursor') {
      this.broadcast({ type: 'cursor', cursor: msg.cursor });
    }
  }

  private broadcast(msg: object) {
    const data = JSON.stringify(msg);
    for (const c of this.clients) c.send(data);
  }
}
''')],
  fw='k6', lang='typescript')

# ---------------------------------------------------------------- 53
# why: told as 'pages go missing sometimes', but the cause is parallel worker processes doing
# read-modify-write on a shared manifest and non-atomic cache writes: a race, so complex
t('complex', 'defect-analysis',
  "Our docs build is Python and it got a lot faster when we made it use all the CPU cores, which I "
  "celebrated in a blog post, so you can imagine how I feel now. Since then, roughly one CI build in ten "
  "publishes a site where a few random pages are just missing from the sidebar and search, or now and "
  "then a page shows an old version of itself. It never happens on my laptop. Rebuilding fixes it. The "
  "CI runners are 16-core. What's going on?",
  files=[('docsbuild/build.py', r'''
from __future__ import annotations

import json
import os
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from .cache import cache_path, is_fresh, write_fragment
from .render import render_page

CACHE = Path(".docs-cache")
MANIFEST = CACHE / "manifest.json"


def _record(page: str, out: str) -> None:
    data = json.loads(MANIFEST.read_text()) if MANIFEST.exists() else {}
    data[page] = out
    MANIFEST.write_text(json.dumps(data))


def _build_one(src: str) -> str:
    path = Path(src)
    if is_fresh(path):
        out = str(cache_path(path))
    else:
        html = render_page(path)
        out = write_fragment(path, html)
    _record(src, out)
    return out


def build(docs_dir: Path) -> dict:
    CACHE.mkdir(exist_ok=True)
    pages = sorted(str(p) for p in docs_dir.rglob("*.md"))
    with ProcessPoolExecutor(max_workers=os.cpu_count()) as pool:
        list(pool.map(_build_one, pages))
    return json.loads(MANIFEST.read_text())
'''), ('docsbuild/cache.py', r'''
import hashlib
from pathlib import Path

CACHE = Path(".docs-cache")


def cache_path(src: Path) -> Path:
    return CACHE / (hashlib.sha1(src.name.encode()).hexdigest() + ".html")


def is_fresh(src: Path) -> bool:
    out = cache_path(src)
    return out.exists() and out.stat().st_mtime >= src.stat().st_mtime


def write_fragment(src: Path, html: str) -> str:
    out = cache_path(src)
    with open(out, "w", encoding="utf-8") as f:
        f.write(html)
    return str(out)
'''), ('ci/build-log-excerpt.txt', r'''
[build] 1,412 pages, 16 workers
[build] done in 38.2s
[publish] manifest has 1,396 entries (expected 1,412)
[publish] WARNING sidebar: 16 pages missing from manifest
[publish] uploading...
''')],
  lang='python')

# ---------------------------------------------------------------- 54
t('simple', 'security-scan',
  "Could you run a secret scan (gitleaks or similar) over the examples/ folder in the docs repo and list "
  "any hits with file and line?",
  lang=None)
