import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { configCommand, register } from '../../../src/cli/commands/config.js';
import { validateConfigFile } from '../../../src/config/summary.js';

describe('configCommand (get-or-create the `config` group)', () => {
  it('returns the same group however often and in whichever order it is called', () => {
    const program = new Command();
    const early = configCommand(program);
    early.command('migrate');
    register(program);
    expect(configCommand(program)).toBe(early);
    expect(program.commands.filter((c) => c.name() === 'config')).toHaveLength(1);
    expect(early.commands.map((c) => c.name()).sort()).toEqual(['migrate', 'validate']);
  });

  it('validate first, then another file attaches its subcommand to the same group', () => {
    const program = new Command();
    register(program);
    configCommand(program).command('migrate');
    expect(configCommand(program).commands.map((c) => c.name())).toEqual(['validate', 'migrate']);
  });
});

describe('validateConfigFile on a path that is not a readable file', () => {
  it('reports a directory as a problem naming it instead of throwing EISDIR', () => {
    const cwd = mkdtempSync(join(tmpdir(), 'aqe-validate-dir-'));
    mkdirSync(join(cwd, 'fleet.yaml'));
    const report = validateConfigFile({ file: 'fleet.yaml', cwd, env: {} });
    expect(report.valid).toBe(false);
    expect(report.missing).toBeUndefined();
    expect(report.problems).toEqual(['fleet.yaml: expected a config file, found a directory']);
  });
});
