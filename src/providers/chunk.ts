/**
 * Splits text into model-like chunks of about `target` characters (between target/2 and 2*target), cut after
 * whitespace where possible. Concatenating the chunks gives back the text exactly.
 */
export function chunkText(text: string, target = 32): string[] {
  const min = Math.max(1, Math.floor(target / 2));
  const max = Math.max(min + 1, target * 2);
  const out: string[] = [];
  let i = 0;
  while (i < text.length) {
    if (text.length - i <= max) {
      out.push(text.slice(i));
      break;
    }
    let cut = -1;
    for (let j = i + target; j < i + max; j++) if (isSpace(text.charCodeAt(j))) { cut = j + 1; break; }
    if (cut < 0) for (let j = i + target - 1; j >= i + min; j--) if (isSpace(text.charCodeAt(j))) { cut = j + 1; break; }
    if (cut < 0) cut = i + target;
    // Never split a surrogate pair.
    const c = text.charCodeAt(cut - 1);
    if (c >= 0xd800 && c <= 0xdbff) cut += 1;
    out.push(text.slice(i, cut));
    i = cut;
  }
  return out;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 9 || c === 13;
}
