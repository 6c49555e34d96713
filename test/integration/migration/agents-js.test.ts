import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateAgents, type AgentMigrationResult } from '../../../src/migrate/agents.js';

// JavaScript agents (ESM and CommonJS): the same rename and selection parameter, with no TypeScript syntax.
const FILES: Record<string, string> = {
  'agents/esm.mjs': `import { BaseAgent } from 'agentic-qe-fleet';

export class EsmAgent extends BaseAgent {
  async performTask(task) {
    return { ok: task.id };
  }
}
`,
  'agents/cjs.cjs': `const { BaseAgent } = require('agentic-qe-fleet');

class CjsAgent extends BaseAgent {
  async performTask(task) {
    return this.helper(task);
  }
  helper(task) {
    return { ok: task.id };
  }
}
module.exports = { CjsAgent };
`,
  'agents/namespace.js': `const aqe = require('agentic-qe-fleet');

class NsAgent extends aqe.BaseAgent {
  performTask() {
    return { ok: true };
  }
}
module.exports = { NsAgent };
`,
  'agents/other.js': `class NotAnAgent {
  performTask(task) {
    return task;
  }
}
module.exports = { NotAnAgent };
`,
};

describe('migrate-agents on JavaScript agents', () => {
  let dir: string;
  let result: AgentMigrationResult;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'aqe-agents-js-'));
    mkdirSync(join(dir, 'agents'));
    for (const [name, text] of Object.entries(FILES)) writeFileSync(join(dir, name), text);
    result = migrateAgents(dir);
  }, 60_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('scans .js, .mjs and .cjs files and migrates every BaseAgent subclass, nothing else', () => {
    expect(result.filesScanned).toBe(4);
    expect(result.unparsable).toEqual([]);
    expect(Object.fromEntries(result.classes.map((c) => [c.className, c.status]))).toEqual({ EsmAgent: 'migrated', CjsAgent: 'migrated', NsAgent: 'migrated' });
    expect(result.changed.map((c) => c.file).sort()).toEqual(['agents/cjs.cjs', 'agents/esm.mjs', 'agents/namespace.js']);
    expect(readFileSync(join(dir, 'agents/other.js'), 'utf8')).toBe(FILES['agents/other.js']);
  });

  it('writes plain JavaScript: no type annotation, no override keyword, no type import', () => {
    const esm = readFileSync(join(dir, 'agents/esm.mjs'), 'utf8');
    expect(esm).toContain('  async performTaskImpl(task, selection) {');
    expect(esm).not.toMatch(/import type|ModelSelection|override/);
    expect(readFileSync(join(dir, 'agents/cjs.cjs'), 'utf8')).toContain('  async performTaskImpl(task, selection) {');
    expect(readFileSync(join(dir, 'agents/namespace.js'), 'utf8')).toContain('  performTaskImpl(_task, selection) {');
    for (const f of ['agents/esm.mjs', 'agents/cjs.cjs', 'agents/namespace.js']) {
      // node --check parses without running: throws on any syntax error
      execFileSync(process.execPath, ['--check', join(dir, f)]);
    }
  });
});
