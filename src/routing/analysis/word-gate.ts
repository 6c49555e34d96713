/**
 * Skips regular expressions that cannot match a text, decided from the text's distinct words.
 *
 * Most of the lexical scan's ~30 patterns look for names a file rarely contains (kafka, createHmac, Mutex, ...),
 * and each whole-text search costs about as much as a pass over the file. A gate lists, for one pattern, the
 * words of which every match must contain at least one as a whole word-character run (`exact`) or as the start
 * of one (`prefix`): the names the pattern places right after a `\b`. When none of the text's words qualifies,
 * the pattern cannot match and is not run; otherwise it runs unchanged, so results are the same by construction.
 *
 * The words come from the scan's identifier pass ([A-Za-z_$][\w$]*): an identifier is split on `$` into the runs
 * `\b` sees. A run that starts with a digit is represented by its letters onwards (a superset, which is safe).
 */
export interface Gate {
  exact?: readonly string[];
  prefix?: readonly string[];
  /** Compare lower-cased (for patterns with the `i` flag); list the words in lower case. */
  ignoreCase?: boolean;
  /** A second list of which the match must also contain a word (`db` *and* `query` for `db\.query`). */
  with?: Gate;
}

interface Entry {
  text: string;
  exact: boolean;
  gate: number;
}

const keyOf = (w: string) => (w.length < 3 ? w : w.slice(0, 3));

/**
 * A pattern's gate: open when any of its alternatives is, an alternative being a word list and, optionally, a
 * second list that must also hit (one alternative per branch of the pattern that needs two names).
 */
export type PatternGate = Gate | readonly Gate[];

export class WordGates {
  private readonly sensitive = new Map<string, Entry[]>();
  private readonly insensitive = new Map<string, Entry[]>();
  /** Per pattern: its alternatives as [list, list that must also hit or -1]. */
  private readonly alternatives: Array<Array<[number, number]>> = [];
  private lists = 0;
  readonly size: number;

  constructor(patterns: readonly PatternGate[]) {
    this.size = patterns.length;
    for (const p of patterns) {
      const alts = Array.isArray(p) ? (p as readonly Gate[]) : [p as Gate];
      this.alternatives.push(alts.map((g) => [this.addList(g), g.with ? this.addList(g.with) : -1]));
    }
  }

  private addList(g: Gate): number {
    const gate = this.lists++;
    const into = g.ignoreCase ? this.insensitive : this.sensitive;
    const add = (text: string, exact: boolean) => {
      if (!exact && text.length < 3) throw new Error(`gate prefix "${text}" is shorter than 3 characters`);
      const k = keyOf(text);
      const list = into.get(k) ?? [];
      list.push({ text, exact, gate });
      into.set(k, list);
    };
    for (const w of g.exact ?? []) add(w, true);
    for (const w of g.prefix ?? []) add(w, false);
    return gate;
  }

  /** Which gates are open for a text with these distinct identifiers (open[i] = gate i may match). */
  open(identifiers: Iterable<string>): Uint8Array {
    const hit = this.hits(identifiers);
    const open = new Uint8Array(this.size);
    this.alternatives.forEach((alts, k) => {
      for (const [list, also] of alts) if (hit[list] === 1 && (also === -1 || hit[also] === 1)) open[k] = 1;
    });
    return open;
  }

  /** Which word lists have a word in the text. */
  private hits(identifiers: Iterable<string>): Uint8Array {
    const open = new Uint8Array(this.lists);
    const ci = this.insensitive.size > 0;
    const check = (w: string) => {
      const key = keyOf(w);
      let list = this.sensitive.get(key);
      if (list) for (const e of list) if (e.exact ? w === e.text : w.startsWith(e.text)) open[e.gate] = 1;
      if (!ci) return;
      list = this.insensitive.get(key.toLowerCase());
      if (!list) return;
      const lower = w.toLowerCase();
      for (const e of list) if (e.exact ? lower === e.text : lower.startsWith(e.text)) open[e.gate] = 1;
    };
    for (const id of identifiers) {
      if (id.includes('$')) {
        for (const run of id.split('$')) if (run) check(run);
      } else check(id);
    }
    return open;
  }
}
