import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command } from 'commander';
import { reportAndExit } from './common.js';

/**
 * Each file in ./commands exports register(program). Command modules keep their top level light and import
 * heavy parts (fastify, the MCP SDK, ts-morph) inside their actions, so `aqe route` starts fast.
 */
export async function buildProgram(): Promise<Command> {
  const program = new Command();
  program
    .name('aqe')
    .description('Agentic QE fleet: quality-engineering agents with multi-model routing and streaming')
    .version('1.0.5')
    .option('-c, --config <file>', 'config file (default: $AQE_CONFIG or config/fleet.yaml)')
    .showHelpAfterError()
    // Usage errors (unknown option, missing argument) exit 2, as every aqe command does; help and version exit 0.
    .exitOverride((err) => process.exit(err.exitCode === 0 ? 0 : 2));
  const dir = join(dirname(fileURLToPath(import.meta.url)), 'commands');
  const files = readdirSync(dir).filter((f) => f.endsWith('.js')).sort();
  for (const f of files) {
    const mod = (await import(new URL(`./commands/${f}`, import.meta.url).href)) as { register?: (p: Command) => void };
    mod.register?.(program);
  }
  return program;
}

const program = await buildProgram();
try {
  await program.parseAsync(process.argv);
} catch (err) {
  reportAndExit(err);
}
