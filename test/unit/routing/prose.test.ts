import { describe, expect, it } from 'vitest';
import { analyzeProse, clausesOf } from '../../../src/routing/analysis/prose.js';

describe('analyzeProse: the request read clause by clause', () => {
  it('splits sentences, dashes, colons, semicolons and commas, but not a file name', () => {
    expect(clausesOf('The build broke — rerun cart.spec.ts; then count the failures: all of them, please.')).toEqual([
      'the build broke',
      'rerun cart.spec.ts',
      'then count the failures',
      'all of them',
      'please.',
    ]);
  });

  it('finds a mechanical ask after context, behind a lead-in', () => {
    expect(analyzeProse('The nightly job went red. Could you run it again five times and report each result?').mechanicalClauses).toEqual(['run and report']);
    expect(analyzeProse("Our release notes are due; I'd like you to extract the ticket numbers from this changelog.").mechanicalClauses).toEqual(['look up/count']);
    expect(analyzeProse('From this summary, sort the modules by branch coverage into a table.').mechanicalClauses).toEqual(['convert/reformat']);
    expect(analyzeProse('Gate is 80% coverage and the build has 83%. So does it clear the bar?').mechanicalClauses).toEqual(['threshold question']);
  });

  it('the first clause is intent.ts\'s, unless a lead-in hides the verb', () => {
    expect(analyzeProse('Count the failing tests.').mechanicalClauses).toEqual([]);
    expect(analyzeProse('Could you just count the failing tests?').mechanicalClauses).toEqual(['look up/count']);
  });

  it('does not read judgement as mechanical', () => {
    for (const d of [
      'Here is our retry test. Is it enough, and what would you add?',
      'The p99 doubled after the upgrade; what would you check first?',
      'Two teams disagree about the lint rule. Which would you pick and why?',
    ]) {
      const p = analyzeProse(d);
      expect(p.mechanicalClauses, d).toEqual([]);
      expect(p.minimal + p.outputFormat, d).toBe(0);
    }
  });

  it('counts phrases that bound the job and output formats', () => {
    const p = analyzeProse("No analysis needed, that's all: give me the slow tests as a CSV, one per line.");
    expect(p.minimal).toBe(2);
    expect(p.outputFormat).toBe(2);
  });

  it('reads interleavings told as a story', () => {
    expect(analyzeProse('When two cashiers scan the same gift card at once, both sometimes succeed.').interleaving).toContain('two actors on the same thing');
    expect(analyzeProse('If a refresh starts while the first one is still running, we fetch twice.').interleaving).toContain('while another is in progress');
    expect(analyzeProse('Double-clicking submit files the expense report twice.').interleaving).toEqual(expect.arrayContaining(['repeated action']));
    expect(analyzeProse('The dashboard shows the old balance again after a transfer.').interleaving).toContain('stale read');
    expect(analyzeProse('Write tests for the date formatter.').interleaving).toEqual([]);
  });

  it('reads a state machine told as a story', () => {
    const p = analyzeProse('A parcel is created, labelled, picked up, in transit, delivered or returned; it goes from in transit back to the depot on a failed delivery, and every other move must be rejected.');
    expect(p.longestList).toBeGreaterThanOrEqual(5);
    expect(p.transitions).toBeGreaterThanOrEqual(2);
    expect(analyzeProse('Tests for the price formatter.').transitions).toBe(0);
  });

  it('reads distribution told as a story', () => {
    expect(analyzeProse('Each store keeps its own copy of the stock levels and they drift when a store falls behind.').distributed).toEqual(['copies that sync', 'falls behind / order']);
    expect(analyzeProse('Sum the numbers in this CSV.').distributed).toEqual([]);
  });
});
