/**
 * Secret values known to the process (API keys, tokens). Anything we print, log or write passes through
 * redactSecrets so a key that leaks into an error message (an SDK echoing a header, say) never leaves.
 */
const secrets = new Set<string>();
const SECRET_ENV_VARS = ['ANTHROPIC_API_KEY', 'OPENAI_API_KEY', 'AQE_API_TOKEN'];

export function registerSecret(value: string | undefined | null): void {
  if (value && value.length >= 6) secrets.add(value);
}

export function registerEnvSecrets(env: NodeJS.ProcessEnv = process.env): void {
  for (const name of SECRET_ENV_VARS) registerSecret(env[name]);
}

export function redactSecrets(text: string): string {
  let out = text;
  for (const s of secrets) if (out.includes(s)) out = out.split(s).join('[REDACTED]');
  // Shapes of well-known keys even when we were not told about them.
  return out.replace(/sk-ant-[A-Za-z0-9_-]{8,}/g, '[REDACTED]').replace(/\bsk-[A-Za-z0-9]{20,}/g, '[REDACTED]');
}
