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
}

interface Entry {
  text: string;
  exact: boolean;
  gate: number;
}

const keyOf = (w: string) => (w.length < 3 ? w : w.slice(0, 3));

export class WordGates {
  private readonly sensitive = new Map<string, Entry[]>();
  private readonly insensitive = new Map<string, Entry[]>();
  readonly size: number;

  constructor(gates: readonly Gate[]) {
    this.size = gates.length;
    gates.forEach((g, gate) => {
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
    });
  }

  /** Which gates are open for a text with these distinct identifiers (open[i] = gate i may match). */
  open(identifiers: Iterable<string>): Uint8Array {
    const open = new Uint8Array(this.size);
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
