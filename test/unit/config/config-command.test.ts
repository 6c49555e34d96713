import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { configCommand, register } from '../../../src/cli/commands/config.js';

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
