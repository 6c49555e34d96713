import { describe, expect, it } from 'vitest';
import { installedSqliteDriverVersion, sqliteDriverProblem } from '../../../src/memory/sqlite-node-compat.js';

describe('sqliteDriverProblem: better-sqlite3 12 on Node 24.19+', () => {
  it.each(['v20.19.0', 'v22.13.0', 'v22.23.3', 'v24.18.0'])('accepts better-sqlite3 12 on %s', (node) => {
    expect(sqliteDriverProblem(node, '12.11.1')).toBeUndefined();
  });

  it.each(['v24.19.0', 'v24.21.0', 'v25.0.0'])('refuses better-sqlite3 12 on %s, naming the fix', (node) => {
    const problem = sqliteDriverProblem(node, '12.11.1');
    expect(problem).toContain(`Node ${node}`);
    expect(problem).toContain('better-sqlite3 12.11.1');
    expect(problem).toContain('database.type "postgres"');
  });

  it('accepts better-sqlite3 13 on any Node', () => {
    expect(sqliteDriverProblem('v24.21.0', '13.2.0')).toBeUndefined();
  });

  it('reads the installed driver version from its package.json', () => {
    expect(installedSqliteDriverVersion()).toMatch(/^\d+\.\d+\.\d+/);
  });
});
