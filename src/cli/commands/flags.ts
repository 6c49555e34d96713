import type { Command } from 'commander';
import type { FleetConfig } from '../../config/schema.js';
import { globalConfigPath, printJson, reportAndExit } from '../common.js';

/** Built-in agent types plus those the config names (agents[].type, featureOverrides.agentType.*); else a usage error. */
async function requireKnownAgentType(type: string, config: FleetConfig): Promise<void> {
  const [{ registerBuiltinAgents }, { registeredAgentTypes }, { AqeError, ErrorCodes }] = await Promise.all([
    import('../../agents/index.js'),
    import('../../fleet/registry.js'),
    import('../../errors.js'),
  ]);
  registerBuiltinAgents();
  const known = new Set([...registeredAgentTypes().map((a) => a.type), ...config.agents.map((a) => a.type), ...Object.keys(config.featureOverrides.agentType)]);
  if (!known.has(type)) {
    throw new AqeError(ErrorCodes.USAGE, `--agent: unknown agent type "${type}"; known: ${[...known].sort().join(', ')} (a custom type counts once the config names it in agents or featureOverrides.agentType)`);
  }
}

/** `aqe flags [--agent TYPE] [--json]`: effective feature flags and the layer each value came from. */
export function register(program: Command): void {
  program
    .command('flags')
    .description('show the effective feature flags and where each value came from (default, config, env, override, agentOverride)')
    .option('--agent <type>', 'evaluate for one agent type (applies featureOverrides.agentType.<type>)')
    .option('--json', 'print { "<flag>": { "value": bool, "source": ... } }')
    .action(async (opts: { agent?: string; json?: boolean }, cmd: Command) => {
      try {
        const [{ loadConfig, displayPath }, { FeatureFlags }] = await Promise.all([import('../../config/load.js'), import('../../flags/FeatureFlags.js')]);
        const loaded = loadConfig({ path: globalConfigPath(cmd) });
        if (opts.agent !== undefined) await requireKnownAgentType(opts.agent, loaded.config);
        const explained = new FeatureFlags(loaded.config, { env: loaded.env }).explain(opts.agent);
        if (opts.json) {
          printJson(explained);
          return;
        }
        const from = loaded.path ? displayPath(loaded.path) : 'embedded defaults (no config/fleet.yaml)';
        process.stdout.write(`config: ${from}${opts.agent ? `; agent type: ${opts.agent}` : ''}\n`);
        const rows = [['flag', 'value', 'source', 'detail'], ...Object.entries(explained).map(([flag, e]) => [flag, e.rollout !== undefined ? `${e.rollout}%` : e.value ? 'on' : 'off', e.source, e.detail ?? ''])];
        const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
        for (const r of rows) process.stdout.write(r.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd() + '\n');
      } catch (err) {
        reportAndExit(err);
      }
    });
}
