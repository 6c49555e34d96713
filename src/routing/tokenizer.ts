/**
 * Token counting shared by cost estimates and the local engine's usage, so both agree.
 * A calibrated estimate of Claude/GPT BPE tokenizers: words of letters cost ~1.3 tokens per 4 chars,
 * digits and punctuation cost about one token each run, whitespace runs are mostly free.
 */
const PIECE = /[A-Za-z]+|[0-9]+|\s+|[^\sA-Za-z0-9]/g;

export function countTokens(text: string): number {
  if (!text) return 0;
  let tokens = 0;
  for (const m of text.matchAll(PIECE)) {
    const piece = m[0];
    const c = piece.charCodeAt(0);
    if (c === 32 || c === 10 || c === 9 || c === 13) {
      // Runs of indentation merge into one token; single spaces fold into the next word.
      if (piece.length > 1) tokens += 1;
    } else if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) {
      tokens += Math.max(1, Math.ceil(piece.length / 4.5));
    } else if (c >= 48 && c <= 57) {
      tokens += Math.ceil(piece.length / 3);
    } else {
      // Non-ASCII characters cost more than one token each on average in BPE vocabularies.
      tokens += c > 127 ? 2 : 1;
    }
  }
  return tokens;
}
