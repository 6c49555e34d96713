import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { planConfigMigration } from '../../../src/config/migrate-plan.js';
import { validateConfigText } from '../../../src/config/validate.js';
import { decideAuth } from '../../../src/server/auth.js';

const V104_SECURITY = readFileSync(new URL('../../fixtures/migration/fleet.v1.0.4-security.yaml', import.meta.url), 'utf8');
const NO_ENV = { env: {} };
const ORIGINS = ['https://qa-dashboard.example.com', 'http://localhost:5173'];

describe('v1.0.4 security settings: security.allowedOrigins and security.enableAuth', () => {
  it('a v1.0.4 config without an ai section validates with them', () => {
    const noAi = V104_SECURITY.replace(/^ai:\n(?: {2}.*\n)+/m, '');
    expect(noAi).not.toMatch(/^ai:/m);
    const r = validateConfigText(noAi, NO_ENV);
    expect(r.problems).toEqual([]);
    expect(r.config!.security).toMatchObject({ enableAuth: true, allowedOrigins: ORIGINS });
  });

  it('aqe config migrate keeps them, and the migrated config validates', () => {
    const plan = planConfigMigration(V104_SECURITY);
    expect(plan.newText).toContain('enableAuth: true # clients must send the API token');
    expect(plan.newText).toContain("- 'https://qa-dashboard.example.com'");
    const r = validateConfigText(plan.newText, NO_ENV);
    expect(r.problems).toEqual([]);
    expect(r.config!.security).toMatchObject({ enableAuth: true, allowedOrigins: ORIGINS });
  });

  it('an origin with a path, or a bad enableAuth, is an error naming the field', () => {
    const r = validateConfigText('security:\n  allowedOrigins: ["https://a.example.com/"]\n  enableAuth: "yes"\n', NO_ENV);
    expect(r.ok).toBe(false);
    expect(r.problems.join('\n')).toMatch(/security\.allowedOrigins/);
    expect(r.problems.join('\n')).toMatch(/security\.enableAuth/);
    const one = validateConfigText('security:\n  allowedOrigins: "*"\n', NO_ENV);
    expect(one.config!.security.allowedOrigins).toEqual(['*']);
    expect(validateConfigText('', NO_ENV).config!.security.allowedOrigins).toEqual([]);
  });
});

describe('decideAuth', () => {
  it('enableAuth true needs a token: start-up refuses clearly without one', () => {
    expect(() => decideAuth({ enableAuth: true }, undefined)).toThrow(/security\.enableAuth is true but no API token is configured/);
    expect(() => decideAuth({ enableAuth: true }, '')).toThrow(/no API token/);
    expect(decideAuth({ enableAuth: true }, 'tok-123456')).toEqual({ token: 'tok-123456' });
  });

  it('unset: the token decides; false: auth off even with a token, said once', () => {
    expect(decideAuth({}, 'tok-123456')).toEqual({ token: 'tok-123456' });
    expect(decideAuth({}, undefined)).toEqual({ token: undefined });
    const off = decideAuth({ enableAuth: false }, 'tok-123456');
    expect(off.token).toBeUndefined();
    expect(off.notice).toMatch(/loopback/);
    expect(off.notice).not.toContain('tok-123456');
  });
});
