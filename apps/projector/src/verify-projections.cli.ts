import 'reflect-metadata';
import { SingleBar, Presets } from 'cli-progress';
import {
  formatVerifyReport,
  selectProjections,
  UnknownProjectionError,
  verifyProjections,
  type Projection,
  type VerifyProgress,
} from '@dossiers/read-models';
import { createEventStore, createReadStore, createScratchReadStore, loadConfig } from '@dossiers/platform';

/**
 * npm run verify-projections [-- <projection name>...]: rebuilds the named read models (all when
 * none is named) from position 0 into a scratch store and compares them, document by document,
 * with the live ones. Exits 0 when they are equal, 1 on any difference (or failure), 2 for an
 * unknown name. The live store is only read: it can run beside the projector.
 */
async function main(): Promise<number> {
  let projections: readonly Projection[];
  try {
    projections = selectProjections(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof UnknownProjectionError)) throw error;
    console.error(error.message);
    return 2;
  }
  const config = loadConfig();
  const eventStore = createEventStore(config);
  const live = await createReadStore(config);
  const scratch = createScratchReadStore(config);
  // Interrupted: the scratch store is still removed.
  process.once('SIGINT', () => void scratch.dispose().finally(() => process.exit(130)));
  const progress = progressReporter();
  try {
    console.error(`verify-projections: rebuilding into ${scratch.description}`);
    const report = await verifyProjections({
      eventStore,
      live,
      scratch: scratch.store,
      projections,
      onProgress: progress.update,
    });
    progress.stop();
    console.log(formatVerifyReport(report));
    return report.equal ? 0 : 1;
  } finally {
    progress.stop();
    await Promise.all([eventStore.close(), live.close(), scratch.dispose()]);
  }
}

const LABELS = { rebuild: 'rebuild (position)', compare: 'compare (documents)' };

/** A progress bar on a terminal; elsewhere (a CI log, a pipe) a plain line every few seconds. */
function progressReporter(): { update(progress: VerifyProgress): void; stop(): void } {
  let phase: VerifyProgress['phase'] | undefined;
  if (process.stderr.isTTY) {
    const bar = new SingleBar(
      {
        format: '{label} [{bar}] {percentage}% | {value}/{total} | {eta_formatted} left',
        stream: process.stderr,
      },
      Presets.shades_classic,
    );
    return {
      update({ phase: next, done, total }) {
        if (next !== phase) {
          if (phase) bar.stop();
          bar.start(total, done, { label: LABELS[next] });
          phase = next;
        }
        bar.setTotal(Math.max(total, done));
        bar.update(done);
      },
      stop() {
        if (phase) bar.stop();
        phase = undefined;
      },
    };
  }
  let printedAt = 0;
  let finished: VerifyProgress['phase'] | undefined;
  return {
    update({ phase: next, done, total }) {
      if (finished === next || (next === phase && done < total && Date.now() - printedAt < 2000)) return;
      if (done >= total) finished = next;
      const percent = total > 0 ? Math.min(100, Math.floor((done / total) * 100)) : 100;
      console.error(`${LABELS[next]}: ${done}/${total} (${percent}%)`);
      [phase, printedAt] = [next, Date.now()];
    },
    stop: () => undefined,
  };
}

main().then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  },
);
