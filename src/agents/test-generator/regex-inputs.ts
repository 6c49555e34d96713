import { createRequire } from 'node:module';

/**
 * Strings that match the regular expressions a module tests its input against (regex literals and `new RegExp('…')`
 * with a literal pattern), generated with randexp from a seeded PRNG so a module always gets the same strings.
 * Next to each match, the match with a leading or trailing space: a string an anchored pattern must reject, so a
 * test tells `^…$` from `…` (the anchors Stryker's Regex mutator removes).
 */

interface RandExpLike {
  max: number;
  randInt: (a: number, b: number) => number;
  defaultRange: { subtract(from: number, to: number): unknown; add(from: number, to: number): unknown };
  gen(): string;
}

const require = createRequire(import.meta.url);
let RandExpCtor: (new (re: RegExp) => RandExpLike) | undefined;

export interface RegexSource {
  pattern: string;
  flags: string;
}

const MAX_PATTERNS = 12;
const MAX_LENGTH = 60;

const PROPERTY_RANGES: Array<[RegExp, string]> = [
  [/^(Lu|Uppercase_Letter|Uppercase)$/, 'A-Z'],
  [/^(Ll|Lowercase_Letter|Lowercase)$/, 'a-z'],
  [/^(N|Nd|Number|Decimal_Number|digit)$/, '0-9'],
];

/**
 * A pattern randexp can read: lookaround groups removed (the strings are checked against the original afterwards)
 * and Unicode property escapes replaced by ASCII ranges of the same category.
 */
export function simplifyPattern(pattern: string): string {
  let out = '';
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '\\') {
      const prop = /^\\[pP]\{([^}]+)\}/.exec(pattern.slice(i));
      if (prop) {
        const range = PROPERTY_RANGES.find(([re]) => re.test(prop[1]!.replace(/^(General_Category|gc)=/, '')))?.[1] ?? 'a-zA-Z';
        out += inClass ? range : `[${range}]`;
        i += prop[0].length - 1;
        continue;
      }
      out += pattern.slice(i, i + 2);
      i++;
      continue;
    }
    if (c === '[' && !inClass) inClass = true;
    else if (c === ']' && inClass) inClass = false;
    else if (c === '(' && !inClass && /^\(\?<?[=!]/.test(pattern.slice(i))) {
      // skip the lookaround group, nested parentheses and escapes included
      let depth = 0;
      let cls = false;
      for (; i < pattern.length; i++) {
        const d = pattern[i]!;
        if (d === '\\') i++;
        else if (d === '[') cls = true;
        else if (d === ']') cls = false;
        else if (!cls && d === '(') depth++;
        else if (!cls && d === ')' && --depth === 0) break;
      }
      continue;
    }
    out += c;
  }
  return out;
}

/** Up to `perPattern` distinct matching strings per pattern, plus anchor probes; invalid patterns are skipped. */
export function stringsMatching(patterns: RegexSource[], rand: () => number, perPattern = 2): string[] {
  RandExpCtor ??= require('randexp') as new (re: RegExp) => RandExpLike;
  const out: string[] = [];
  for (const p of patterns.slice(0, MAX_PATTERNS)) {
    let re: RegExp;
    try {
      re = new RegExp(p.pattern, p.flags.replace(/[gy]/g, ''));
    } catch {
      continue;
    }
    let gen: RandExpLike;
    try {
      gen = new RandExpCtor(new RegExp(simplifyPattern(p.pattern), p.flags.replace(/[gyuvd]/g, ''))); // randexp's tokenizer refuses some syntax
    } catch {
      continue;
    }
    gen.max = 3;
    gen.randInt = (a, b) => a + Math.floor(rand() * (b - a + 1));
    // readable strings: what `.` and negated classes produce comes from letters and digits only
    gen.defaultRange.subtract(0, 0x10ffff);
    gen.defaultRange.add(0x30, 0x39);
    gen.defaultRange.add(0x41, 0x5a);
    gen.defaultRange.add(0x61, 0x7a);
    const found = new Set<string>();
    for (let i = 0; i < perPattern * 4 && found.size < perPattern; i++) {
      let s: string;
      try {
        s = gen.gen();
      } catch {
        break;
      }
      if (s.length <= MAX_LENGTH && re.test(s)) found.add(s);
    }
    out.push(...found);
    const first = [...found][0];
    if (first !== undefined) {
      if (p.pattern.startsWith('^') && !re.test(` ${first}`)) out.push(` ${first}`);
      if (p.pattern.endsWith('$') && !p.pattern.endsWith('\\$') && !re.test(`${first} `)) out.push(`${first} `);
    }
  }
  return [...new Set(out)];
}
