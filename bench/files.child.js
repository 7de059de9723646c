/**
 * Forked by bench/files.ts: the standalone app as `npm start` runs it (compiled, from dist/; `npm
 * run bench` builds first), configured by the environment the parent gives it, listening on an
 * ephemeral port. The requests come from the parent, so this process's memory is the server's
 * alone. It watches its own RSS between the parent's `begin` and `end` messages: a sample every
 * 50 ms, and the kernel's high-water mark (VmHWM, reset at `begin`), which no spike escapes.
 * Plain JavaScript: no TypeScript compiler in the process to inflate its memory.
 * Usage: fork('bench/files.child.js', [], { env: { DATA_DIR, AUTH_SECRET, MAX_UPLOAD_MB, ... } })
 */
require('reflect-metadata');
const { readFileSync, writeFileSync } = require('node:fs');
const { createHttpApp, loadConfig } = require('../dist/libs/platform/src');
const { StandaloneModule } = require('../dist/apps/standalone/src/standalone.module');

const SAMPLE_MS = 50;
const MB = 1024 * 1024;

/** The peak RSS since the last reset (or the start), in bytes; undefined off Linux. */
function highWaterMark() {
  try {
    const kb = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync('/proc/self/status', 'utf8'));
    return kb ? Number(kb[1]) * 1024 : undefined;
  } catch {
    return undefined;
  }
}

/** Linux ≥ 4.0: writing 5 to clear_refs resets VmHWM to the current RSS. */
function resetHighWaterMark() {
  try {
    writeFileSync('/proc/self/clear_refs', '5');
    return true;
  } catch {
    return false;
  }
}

async function main() {
  const config = loadConfig();
  const app = await createHttpApp(StandaloneModule.forRoot(config), config, { title: 'bench' });
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address();

  let phase;
  const sample = () => {
    if (!phase) return;
    const memory = process.memoryUsage();
    phase.samples++;
    if (memory.rss > phase.sampledPeak) {
      phase.sampledPeak = memory.rss;
      phase.atPeak = {
        heapUsed: memory.heapUsed,
        external: memory.external,
        arrayBuffers: memory.arrayBuffers,
      };
    }
  };
  const sampler = setInterval(sample, SAMPLE_MS);

  process.on('message', async (message) => {
    if (message.type === 'begin') {
      const hwmReset = resetHighWaterMark();
      const before = process.memoryUsage().rss;
      phase = { name: message.phase, before, sampledPeak: before, samples: 0, atPeak: undefined, hwmReset };
      process.send({ type: 'begun', phase: message.phase });
    } else if (message.type === 'end') {
      sample();
      const { name, before, sampledPeak, samples, atPeak, hwmReset } = phase;
      phase = undefined;
      const hwm = hwmReset ? highWaterMark() : undefined;
      process.send({
        type: 'phase',
        phase: name,
        beforeMb: before / MB,
        afterMb: process.memoryUsage().rss / MB,
        sampledPeakMb: sampledPeak / MB,
        highWaterMarkMb: hwm === undefined ? undefined : hwm / MB,
        samples,
        atPeakMb: atPeak && {
          heapUsed: atPeak.heapUsed / MB,
          external: atPeak.external / MB,
          arrayBuffers: atPeak.arrayBuffers / MB,
        },
      });
    } else if (message.type === 'stop') {
      clearInterval(sampler);
      await app.close();
      process.disconnect();
    }
  });
  process.send({ type: 'ready', port, rssMb: process.memoryUsage().rss / MB });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
