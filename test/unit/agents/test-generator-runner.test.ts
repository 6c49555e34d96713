import { describe, expect, it } from 'vitest';
import { fromJestLikeReport } from '../../../src/agents/test-generator/runner.js';

describe('fromJestLikeReport (vitest/jest JSON counts)', () => {
  it('counts passed and failed assertions as the framework reports them', () => {
    const r = fromJestLikeReport({
      numTotalTests: 2, numPassedTests: 1, numFailedTests: 1,
      testResults: [{ status: 'failed', assertionResults: [{ status: 'passed', title: 'a' }, { status: 'failed', fullName: 'm b', failureMessages: ['expected 1\nmore'] }] }],
    });
    expect(r).toEqual({ tests: 2, passed: 1, failed: 1, failures: ['m b: expected 1'], failedTests: ['m b'] });
  });

  it('a test file that fails before any test runs (its import throws) is a failure, not "0 failed"', () => {
    const r = fromJestLikeReport({
      numTotalTests: 0, numPassedTests: 0, numFailedTests: 0,
      testResults: [{ status: 'failed', message: 'Error: module fails on load\n at x', assertionResults: [] }],
    });
    expect(r.failed).toBe(1);
    expect(r.tests).toBe(1);
    expect(r.failures[0]).toContain('module fails on load');
  });
});
