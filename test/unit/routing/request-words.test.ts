import { describe, expect, it } from 'vitest';
import { REQUEST_WORD_CHARS, WORD_FEATURE, addWordFeatures, requestWords } from '../../../src/routing/analysis/request-words.js';
import { ComplexityAnalyzer } from '../../../src/routing/ComplexityAnalyzer.js';

describe('request words', () => {
  it('are the distinct lower-cased words of the description and requirements, two characters or more', () => {
    const words = requestWords('The ADC interrupt fires mid-read; the task reads it twice. A p99 of 250ms?', ['No frame lost', 'Über-größe ok']);
    expect([...words]).toEqual(['the', 'adc', 'interrupt', 'fires', 'mid', 'read', 'task', 'reads', 'it', 'twice', 'p99', 'of', '250ms', 'no', 'frame', 'lost', 'über', 'größe', 'ok']);
  });

  it('read a pasted megabyte only up to REQUEST_WORD_CHARS', () => {
    const long = `${'lorem '.repeat(REQUEST_WORD_CHARS / 6)}sentinelword`;
    expect(requestWords(long).has('sentinelword')).toBe(false);
    expect(requestWords('short sentinelword').has('sentinelword')).toBe(true);
  });

  it('become word:<w> = 1 features beside the analysed ones', () => {
    const vec = addWordFeatures({ size: 0.5 }, 'Run the suite', ['twice']);
    expect(vec).toEqual({ size: 0.5, [`${WORD_FEATURE}run`]: 1, [`${WORD_FEATURE}the`]: 1, [`${WORD_FEATURE}suite`]: 1, [`${WORD_FEATURE}twice`]: 1 });
    const analyzer = new ComplexityAnalyzer(undefined, { model: null });
    const f = analyzer.features({ id: 't', type: 'test-execution', description: 'Rerun the flaky spec', payload: { files: [] } });
    expect(f['word:flaky']).toBe(1);
    expect(f['type:test-execution']).toBe(1);
  });
});
