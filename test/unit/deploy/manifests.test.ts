import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, parseAllDocuments } from 'yaml';
import { ENV_VARS } from '../../../src/config/env.js';
import { FleetConfigSchema } from '../../../src/config/schema.js';

// The deployment files, parsed and checked against the code and the config reference: probes on the routes the
// server has, one port everywhere, env names aqe reads, and a termination budget that covers the drain.

const DEPLOY = resolve(__dirname, '../../../deploy');
const CONFIG_DOC = readFileSync(resolve(__dirname, '../../../docs/config.md'), 'utf8');
const read = (...p: string[]) => readFileSync(join(DEPLOY, ...p), 'utf8');

/** Env names aqe reads: the ENV_VARS table plus AQE_CONFIG (documented in docs/config.md), and nothing else. */
const KNOWN_ENV = new Set([...ENV_VARS.map((v) => v.name), 'AQE_CONFIG', 'NODE_ENV']);

type K8s = { kind: string; metadata: { name: string; labels?: Record<string, string> }; spec: any; data?: Record<string, string> };
const manifests: K8s[] = readdirSync(join(DEPLOY, 'k8s'))
  .filter((f) => f.endsWith('.yaml'))
  .flatMap((f) => parseAllDocuments(read('k8s', f)).map((d) => d.toJS() as K8s));
const byKind = (kind: string) => manifests.filter((m) => m.kind === kind);
const deployment = (name: string) => {
  const d = byKind('Deployment').find((m) => m.metadata.name === name);
  if (!d) throw new Error(`no Deployment ${name}`);
  return d;
};

const fleetConfig = FleetConfigSchema.parse(parse(byKind('ConfigMap').find((m) => m.metadata.name === 'aqe-fleet-config')!.data!['fleet.yaml']));

describe('Kubernetes manifests', () => {
  it('has the seed names: aqe-fleet (8 pods), aqe-fleet-canary (~10%), one Service, a PodDisruptionBudget', () => {
    expect(deployment('aqe-fleet').spec.replicas).toBe(8);
    expect(deployment('aqe-fleet-canary').spec.replicas).toBe(1);
    expect(byKind('Service').map((s) => s.metadata.name)).toEqual(['aqe-fleet']);
    expect(byKind('PodDisruptionBudget')).toHaveLength(1);
  });

  for (const name of ['aqe-fleet', 'aqe-fleet-canary']) {
    describe(name, () => {
      const d = deployment(name);
      const pod = d.spec.template.spec;
      const c = pod.containers[0];

      it('selects its own pods', () => {
        for (const [k, v] of Object.entries(d.spec.selector.matchLabels)) expect(d.spec.template.metadata.labels[k]).toBe(v);
      });

      it('probes readiness on /ready and liveness on /health, on the port the config listens on', () => {
        expect(c.readinessProbe.httpGet.path).toBe('/ready');
        expect(c.livenessProbe.httpGet.path).toBe('/health');
        const port = c.ports.find((p: { name: string }) => p.name === c.readinessProbe.httpGet.port);
        expect(port.containerPort).toBe(fleetConfig.api.port);
        expect(c.livenessProbe.httpGet.port).toBe(c.readinessProbe.httpGet.port);
        expect(fleetConfig.api.host).toBe('0.0.0.0');
      });

      it('gives the drain time: grace period >= preStop sleep + fleet.shutdownGraceMs', () => {
        const preStop = c.lifecycle.preStop.exec.command;
        expect(preStop[0]).toBe('sleep');
        const total = Number(preStop[1]) + fleetConfig.fleet.shutdownGraceMs / 1000;
        expect(pod.terminationGracePeriodSeconds).toBeGreaterThanOrEqual(total);
        expect(pod.terminationGracePeriodSeconds).toBeLessThanOrEqual(total + 15);
      });

      it('runs as non-root, reads its config from the ConfigMap, and only sets env vars aqe knows', () => {
        expect(pod.securityContext.runAsNonRoot).toBe(true);
        expect(pod.securityContext.runAsUser).not.toBe(0);
        const names: string[] = c.env.map((e: { name: string }) => e.name);
        for (const n of names) {
          expect(KNOWN_ENV, `env ${n}`).toContain(n);
          expect(CONFIG_DOC, `env ${n} in docs/config.md`).toContain(`\`${n}\``);
        }
        expect(names).toContain('DATABASE_URL');
        // secrets come from a Secret, never inline
        for (const secret of ENV_VARS.filter((v) => v.secret).map((v) => v.name)) {
          const e = c.env.find((x: { name: string }) => x.name === secret);
          if (e) expect(e.valueFrom?.secretKeyRef, `${secret} from a Secret`).toBeDefined();
        }
        const mount = c.volumeMounts.find((m: { name: string }) => m.name === 'config');
        expect(c.env.find((e: { name: string }) => e.name === 'AQE_CONFIG').value).toBe(`${mount.mountPath}/fleet.yaml`);
        expect(pod.volumes.find((v: { name: string }) => v.name === 'config').configMap.name).toBe('aqe-fleet-config');
      });
    });
  }

  it('the canary turns both features on by env; the stable fleet keeps them off', () => {
    const env = (name: string) =>
      Object.fromEntries(deployment(name).spec.template.spec.containers[0].env.filter((e: { value?: string }) => e.value !== undefined).map((e: { name: string; value: string }) => [e.name, e.value]));
    expect(env('aqe-fleet-canary')).toMatchObject({ FEATURE_MULTI_MODEL_ROUTER: 'true', FEATURE_STREAMING: 'true' });
    expect(env('aqe-fleet')).toMatchObject({ FEATURE_MULTI_MODEL_ROUTER: 'false', FEATURE_STREAMING: 'false' });
  });

  it('the Service reaches stable and canary pods on the named port; the PDB covers the stable pods', () => {
    const svc = byKind('Service')[0];
    for (const name of ['aqe-fleet', 'aqe-fleet-canary']) {
      const labels = deployment(name).spec.template.metadata.labels;
      for (const [k, v] of Object.entries(svc.spec.selector)) expect(labels[k]).toBe(v);
      expect(deployment(name).spec.template.spec.containers[0].ports.map((p: { name: string }) => p.name)).toContain(svc.spec.ports[0].targetPort);
    }
    const pdb = byKind('PodDisruptionBudget')[0];
    expect(pdb.spec.selector.matchLabels).toEqual(deployment('aqe-fleet').spec.selector.matchLabels);
  });

  it('the ConfigMap holds a valid fleet config on PostgreSQL', () => {
    expect(fleetConfig.database.type).toBe('postgres');
    expect(fleetConfig.features).toMatchObject({ multiModelRouter: false, streaming: false });
  });
});

describe('Dockerfile', () => {
  const text = read('Dockerfile');
  const lines = text.split('\n').filter((l) => l.trim() && !l.trim().startsWith('#'));

  it('is multi-stage, runs as a non-root user, and execs node bin/aqe.js serve (PID 1 gets SIGTERM)', () => {
    expect(lines.filter((l) => /^FROM /.test(l)).length).toBeGreaterThanOrEqual(2);
    const user = lines.filter((l) => /^USER /.test(l)).at(-1);
    expect(user).toBeDefined();
    expect(user).not.toMatch(/^USER (root|0)\b/);
    const entry = lines.find((l) => /^ENTRYPOINT /.test(l))!;
    expect(JSON.parse(entry.replace(/^ENTRYPOINT /, ''))).toEqual(['node', 'bin/aqe.js', 'serve']);
    expect(lines.some((l) => /^STOPSIGNAL SIGTERM/.test(l))).toBe(true);
    expect(text).not.toMatch(/\bnpx\b/);
    expect(lines.some((l) => /^EXPOSE 3000\b/.test(l))).toBe(true);
  });

  it('bakes a valid config that listens on all interfaces (port 3000) and names the env it sets', () => {
    const baked = FleetConfigSchema.parse(parse(read('fleet.container.yaml')));
    expect(baked.api).toMatchObject({ host: '0.0.0.0', port: 3000 });
    for (const m of text.matchAll(/^ENV ([\s\S]*?)(?:\n(?!\s)|$)/gm)) {
      for (const [, name] of m[1].matchAll(/([A-Z_]+)=/g)) expect(KNOWN_ENV).toContain(name);
    }
  });
});

describe('docker-compose.yml', () => {
  const compose = parse(read('docker-compose.yml'), { merge: true }) as { services: Record<string, any> };

  it('runs PostgreSQL and three aqe replicas on it, each waiting for the database to be healthy', () => {
    const aqe = Object.entries(compose.services).filter(([n]) => n.startsWith('aqe-'));
    expect(aqe).toHaveLength(3);
    expect(compose.services.postgres.healthcheck).toBeDefined();
    const replicas = new Set<string>();
    for (const [, s] of aqe) {
      expect(s.build.dockerfile).toBe('deploy/Dockerfile');
      expect(s.depends_on.postgres.condition).toBe('service_healthy');
      expect(new URL(s.environment.DATABASE_URL).hostname).toBe('postgres');
      replicas.add(s.environment.AQE_REPLICA);
      for (const name of Object.keys(s.environment)) expect(KNOWN_ENV).toContain(name);
      expect(s.ports[0]).toMatch(/:3000$/);
    }
    expect(replicas.size).toBe(3);
  });
});
