import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command } from 'commander';
import { describe, expect, it } from 'vitest';

/**
 * The repository stands alone: every relative link in the README, docs/*.md, src/**\/README.md and the CLI's
 * --help text resolves to a file in the repository (and, with #anchor, to a heading in it). Markdown links
 * and bare mentions of .md files both count; a path outside the repository never resolves.
 */
const ROOT = resolve(fileURLToPath(new URL('../../../', import.meta.url)));

function markdownFiles(): string[] {
  const found = ['README.md', ...readdirSync(join(ROOT, 'docs')).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`)];
  const walk = (dir: string): void => {
    for (const name of readdirSync(join(ROOT, dir))) {
      const rel = `${dir}/${name}`;
      if (statSync(join(ROOT, rel)).isDirectory()) walk(rel);
      else if (name === 'README.md') found.push(rel);
    }
  };
  walk('src');
  return found;
}

/** GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens. */
function anchors(markdown: string): Set<string> {
  const out = new Set<string>();
  for (const m of markdown.matchAll(/^#{1,6}\s+(.+?)\s*#*\s*$/gm)) {
    out.add(m[1]!.toLowerCase().replace(/[^\p{L}\p{N}\s_-]/gu, '').trim().replace(/\s/g, '-'));
  }
  return out;
}

/** Relative link targets in a text: [x](target) and bare mentions of *.md paths. */
function relativeTargets(text: string): string[] {
  const targets = new Set<string>();
  const withoutFences = text.replace(/^```[\s\S]*?^```/gm, '');
  for (const m of withoutFences.matchAll(/\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)) targets.add(m[1]!);
  for (const m of withoutFences.matchAll(/(?<![\w/.:-])((?:\.{1,2}\/)*[\w.-]+(?:\/[\w.-]+)*\.md(?:#[\w-]+)?)(?![\w/])/g)) targets.add(m[1]!);
  return [...targets].filter((t) => !/^[a-z][a-z0-9+.-]*:/i.test(t) && !t.startsWith('#'));
}

/** Why `target`, linked from a file in `fromDir`, does not resolve inside the repository (undefined when it does). */
function problemWith(target: string, fromDir: string, alsoFromRoot: boolean): string | undefined {
  const [pathPart, anchor] = target.split('#') as [string, string | undefined];
  const candidates = [resolve(fromDir, pathPart), ...(alsoFromRoot ? [resolve(ROOT, pathPart)] : [])];
  const file = candidates.find((c) => !relative(ROOT, c).startsWith('..') && existsSync(c));
  if (!file) return `${target}: no such file in the repository`;
  if (anchor && file.endsWith('.md') && !anchors(readFileSync(file, 'utf8')).has(anchor)) return `${target}: no heading #${anchor} in ${relative(ROOT, file)}`;
  return undefined;
}

async function helpTexts(): Promise<Array<{ command: string; text: string }>> {
  const program = new Command().name('aqe').option('-c, --config <file>', 'config file');
  const dir = join(ROOT, 'src/cli/commands');
  for (const f of readdirSync(dir).filter((n) => n.endsWith('.ts')).sort()) {
    const mod = (await import(join(dir, f))) as { register?: (p: Command) => void };
    mod.register?.(program);
  }
  const out: Array<{ command: string; text: string }> = [];
  const visit = (cmd: Command, path: string): void => {
    out.push({ command: path, text: cmd.helpInformation() });
    for (const sub of cmd.commands) visit(sub, `${path} ${sub.name()}`);
  };
  visit(program, 'aqe');
  return out;
}

describe('relative links resolve inside the repository', () => {
  it('finds links in the forms it checks (self-test)', () => {
    expect(relativeTargets('see [a](docs/a.md#x), [b](../b.md "t"), tasks/FORMAT.md, [c](https://x.io/c.md), [d](#local)\n```\nfenced.md\n```\n')).toEqual([
      'docs/a.md#x',
      '../b.md',
      'tasks/FORMAT.md',
    ]);
  });

  it.each(markdownFiles())('%s', (file) => {
    const text = readFileSync(join(ROOT, file), 'utf8');
    // a bare mention (`docs/tasks.md` in prose) may be written from the repository root
    const problems = relativeTargets(text)
      .map((t) => problemWith(t, dirname(join(ROOT, file)), !text.includes(`](${t}`)))
      .filter((p): p is string => p !== undefined);
    expect(problems).toEqual([]);
  });

  it('every --help text', async () => {
    const helps = await helpTexts();
    expect(helps.map((h) => h.command)).toEqual(expect.arrayContaining(['aqe', 'aqe run', 'aqe route', 'aqe config validate']));
    const problems = helps.flatMap(({ command, text }) =>
      relativeTargets(text)
        .map((t) => problemWith(t, ROOT, true))
        .filter((p): p is string => p !== undefined)
        .map((p) => `${command} --help: ${p}`),
    );
    expect(problems).toEqual([]);
  });
});
