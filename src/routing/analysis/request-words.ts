/**
 * The request's own words as features: `word:<w>` = 1 for each distinct word of the description and
 * requirements. The hand-made features name what the rubric names; writers tell the same things in words no
 * list anticipates ("the ADC interrupt fires mid-read", "the client says"), and the fitted model learns which
 * words move a task between tiers across many writers. Only words seen in enough training tasks get a weight
 * (tierModel.ts, WORD_MIN_TASKS); any other word is ignored at prediction time.
 */
export const WORD_FEATURE = 'word:';

/** Letters, digits and underscores, two or more (one-letter words carry nothing). */
const WORD = /[\p{L}\p{N}_]{2,}/gu;
/** A request is a few sentences; a hostile or pasted megabyte is read up to here (the words stay bounded). */
export const REQUEST_WORD_CHARS = 20_000;

/** The distinct lower-cased words of a task's description and requirements, in first-seen order. */
export function requestWords(description: string, requirements: readonly string[] = []): Set<string> {
  const text = requirements.length ? `${description}\n${requirements.join('\n')}` : description;
  const words = new Set<string>();
  for (const m of text.slice(0, REQUEST_WORD_CHARS).toLowerCase().matchAll(WORD)) words.add(m[0]);
  return words;
}

/** Adds `word:<w>` = 1 to `vec` for each request word; returns `vec`. */
export function addWordFeatures(vec: Record<string, number>, description: string, requirements: readonly string[] = []): Record<string, number> {
  for (const w of requestWords(description, requirements)) vec[WORD_FEATURE + w] = 1;
  return vec;
}
