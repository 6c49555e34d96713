/**
 * The exclusive upper bound of the keys that start with `prefix`, in bytewise (UTF-8) order, which is the order
 * of both stores' key columns (SQLite BINARY, PostgreSQL COLLATE "C"): the prefix with its last code point
 * incremented. With it a prefix query reads only the matching range of the primary key instead of everything
 * from the prefix to the end of the partition. Undefined when there is none (a lone surrogate, or only U+10FFFF).
 */
export function prefixUpperBound(prefix: string): string | undefined {
  let end = prefix.length;
  while (end > 0) {
    const low = prefix.charCodeAt(end - 1);
    const pair = end >= 2 && low >= 0xdc00 && low <= 0xdfff && prefix.charCodeAt(end - 2) >= 0xd800 && prefix.charCodeAt(end - 2) <= 0xdbff;
    const start = pair ? end - 2 : end - 1;
    const cp = prefix.codePointAt(start)!;
    if (cp >= 0xd800 && cp <= 0xdfff) return undefined; // a lone surrogate: no well-defined byte order
    if (cp < 0x10ffff) return prefix.slice(0, start) + String.fromCodePoint(cp === 0xd7ff ? 0xe000 : cp + 1);
    end = start; // U+10FFFF: every key that starts with the prefix starts with what precedes it
  }
  return undefined;
}
