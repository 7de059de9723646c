import { fork } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { signToken } from '@dossiers/platform';
const SECRET = 'bench-secret-long-enough-for-hs256-signatures';
async function main() {
  const child = fork(join(__dirname, 'files.child.js'), [], { env: { ...process.env, DATA_DIR: mkdtempSync(join(tmpdir(), 'ld-')), AUTH_SECRET: SECRET, LOG_LEVEL: 'warn' }, execArgv: (process.env.ARGS || '').split(' ').filter(Boolean), stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const ready: any = await new Promise((r) => child.once('message', r));
  const token = await signToken(SECRET, { tenant: 't', role: 'admin', sub: 'b' });
  const base = `http://127.0.0.1:${ready.port}`;
  const h = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  const run = async (n: number, conc: number, f: (i: number) => Promise<unknown>) => { let i = 0; const t = performance.now(); await Promise.all(Array.from({ length: conc }, async () => { while (i < n) await f(i++); })); return performance.now() - t; };
  const post = await run(1000, 8, async (i) => { const r = await fetch(`${base}/clients`, { method: 'POST', headers: h, body: JSON.stringify({ name: `Client ${i}`, attributes: { siren: '552120222' } }) }); await r.text(); });
  const get = await run(4000, 8, async () => { const r = await fetch(`${base}/clients?pageSize=50`, { headers: h }); await r.text(); });
  child.send({ type: 'begin', phase: 'x' }); await new Promise((r) => child.once('message', r));
  child.send({ type: 'end', phase: 'x' }); const m: any = await new Promise((r) => child.once('message', r));
  console.log(process.env.ARGS || 'default', `POST 1000: ${post.toFixed(0)} ms, GET 4000: ${get.toFixed(0)} ms, rss ${m.afterMb.toFixed(0)} MB`);
  child.send({ type: 'stop' });
}
main();
