import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import type { NewEvent } from '@dossiers/events';

/** The one tenant every generated client belongs to. */
export const TENANT = 'bench-firm';

export interface Machine {
  nproc: number;
  node: string;
  cpu: string;
  memoryGb: number;
}

export function machine(): Machine {
  let cpu = cpus()[0]?.model ?? 'unknown';
  try {
    const line = readFileSync('/proc/cpuinfo', 'utf8')
      .split('\n')
      .find((l) => l.startsWith('model name'));
    if (line) cpu = line.split(':')[1].trim();
  } catch {
    // not Linux: keep os.cpus()'s model
  }
  const memoryGb = Math.round(Number(readMemTotalKb()) / 1024 / 1024);
  return { nproc: cpus().length, node: process.version, cpu, memoryGb };
}

function readMemTotalKb(): number {
  try {
    const line = readFileSync('/proc/meminfo', 'utf8')
      .split('\n')
      .find((l) => l.startsWith('MemTotal'));
    return line ? Number(line.replace(/\D+/g, '')) : 0;
  } catch {
    return 0;
  }
}

/** An event ready to append, with the envelope the command side would give it. */
export function newEvent(type: string, data: object, occurredAt: string, tenant = TENANT): NewEvent {
  const correlationId = randomUUID();
  return {
    id: randomUUID(),
    type,
    schemaVersion: 1,
    data: data as NewEvent['data'],
    metadata: { tenant, actor: 'bench-user', correlationId, causationId: null, occurredAt },
  };
}

export const nowMs = (): number => performance.now();

/** Nearest-rank percentile of already sorted values. */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

export function median(values: number[]): number {
  return percentile(
    [...values].sort((a, b) => a - b),
    50,
  );
}

/** 12345.6 -> "12,346" */
export const fmtInt = (n: number): string => Math.round(n).toLocaleString('en-US');
export const fmt = (n: number, digits = 1): string =>
  n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

export function log(message: string): void {
  process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}\n`);
}

/**
 * The node flags an npm script gives the compiled app it starts (`node [--flags] <entry>`),
 * read from package.json: a child measured with them runs as production does.
 */
export function npmScriptNodeFlags(script: string, entry: string): string[] {
  const packageJson = JSON.parse(readFileSync(join(__dirname, '..', 'package.json'), 'utf8')) as {
    scripts: Record<string, string>;
  };
  const command = packageJson.scripts[script] ?? '';
  const escaped = entry.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const flags = new RegExp(`^node((?:\\s+--\\S+)*)\\s+${escaped}$`).exec(command);
  if (!flags) throw new Error(`npm run ${script} runs "${command}": expected node [--flags] ${entry}`);
  return flags[1].split(/\s+/).filter(Boolean);
}
