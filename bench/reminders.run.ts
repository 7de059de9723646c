/**
 * npm run bench:reminders: the reminders burst alone (100,000 occurrences due at once), with the
 * embedded scheduler and with BullMQ on the local Redis (REDIS_URL or 127.0.0.1:6379;
 * BENCH_SCHEDULERS=embedded runs one of them; BENCH_REMINDER_CLIENTS scales it down). Printed to the terminal only. Several minutes; temp files go to the OS temp dir.
 */
import 'reflect-metadata';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { benchReminders } from './reminders';
import { log } from './util';

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'dossiers-bench-'));
  log(`temp dir ${dir}`);
  try {
    const figures = await benchReminders(dir, {
      schedulers: (process.env.BENCH_SCHEDULERS ?? 'embedded,bullmq').split(',') as never,
      clients: Number(process.env.BENCH_REMINDER_CLIENTS ?? 10_000),
    });
    console.table([figures.embedded, figures.bullmq].filter(Boolean));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
