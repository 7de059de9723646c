import 'reflect-metadata';
import { SingleBar, Presets } from 'cli-progress';
import {
  rebuildProjections,
  resetHistorySnapshots,
  selectProjections,
  TIME_TRAVEL_PROJECTIONS,
  UnknownProjectionError,
  type Projection,
} from '@dossiers/read-models';
import { createEventStore, createReadStore, loadConfig } from '@dossiers/platform';

/**
 * npm run rebuild [-- <projection name>...]: replays every event from position 0 into the named
 * read models (all when none is named), with a progress bar. Rebuilding one that the time travel
 * folds also drops the snapshots of the clients' histories: the projector's snapshotter makes
 * them again with the code of now.
 */
async function main() {
  let projections: readonly Projection[];
  try {
    projections = selectProjections(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof UnknownProjectionError)) throw error;
    console.error(error.message);
    process.exit(2);
  }
  const config = loadConfig();
  const eventStore = createEventStore(config);
  const readStore = await createReadStore(config);
  const bar = new SingleBar(
    { format: 'rebuild [{bar}] {percentage}% | position {value}/{total} | {eta_formatted} left' },
    Presets.shades_classic,
  );
  const started = Date.now();
  bar.start(await eventStore.headPosition(), 0);
  const { events } = await rebuildProjections(eventStore, readStore, projections, (position, head) => {
    bar.setTotal(head);
    bar.update(position);
  });
  bar.stop();
  if (projections.some((p) => TIME_TRAVEL_PROJECTIONS.includes(p))) {
    await resetHistorySnapshots(readStore);
    console.log('Dropped the history snapshots: the projector makes them again from the start');
  }
  const seconds = (Date.now() - started) / 1000;
  console.log(
    `Rebuilt ${projections.map((p) => p.name).join(', ')}: ${events} events in ${seconds.toFixed(1)} s`,
  );
  await Promise.all([eventStore.close(), readStore.close()]);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
