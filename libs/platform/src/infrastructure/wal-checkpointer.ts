import { Logger } from '@nestjs/common';
import { Worker } from 'node:worker_threads';

/** How often the checkpointer copies the write-ahead logs into their databases. */
export const CHECKPOINT_INTERVAL_MS = 250;

/**
 * The worker's code (plain JavaScript: it runs as is, compiled or not): a connection of its own to
 * each file, and a PASSIVE checkpoint of each every `intervalMs`, which never waits for and never
 * blocks a reader or a writer. Errors go back to the main thread.
 */
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const databases = workerData.files.map((file) => new Database(file, { fileMustExist: true }));
const checkpoint = () => {
  for (const db of databases) {
    try {
      db.pragma('wal_checkpoint(PASSIVE)');
    } catch (error) {
      parentPort.postMessage({ file: db.name, error: String(error) });
    }
  }
};
const timer = setInterval(checkpoint, workerData.intervalMs);
parentPort.on('message', () => {
  clearInterval(timer);
  for (const db of databases) db.close();
  parentPort.close();
});
`;

/**
 * SQLite's WAL checkpoints, off the main thread. By default the connection whose commit takes the
 * log past 1,000 pages copies them into the database, inside that COMMIT, with its fsync: on the
 * projector's connection that was ~18 % of the standalone's main thread under a load of commands
 * (BENCHMARKS.md, (i)), every request waiting behind it. The stores are opened with
 * `autoCheckpoint: false` and this worker checkpoints their files instead; a PASSIVE checkpoint
 * lets the next writer start the log afresh once every frame is copied, so the log stays about
 * what one interval writes. On close the stores' own connections, the last ones, checkpoint what
 * is left and remove the logs.
 */
export class WalCheckpointer {
  private readonly logger = new Logger('WalCheckpointer');
  private readonly exited: Promise<unknown> = Promise.resolve();

  private constructor(private readonly worker: Worker | null) {
    if (!worker) return;
    this.exited = new Promise((resolve) => worker.once('exit', resolve));
    worker.on('message', ({ file, error }: { file: string; error: string }) =>
      this.logger.error(`WAL checkpoint of ${file} failed: ${error}`),
    );
    worker.on('error', (error) => this.logger.error(`WAL checkpointer stopped: ${String(error)}`));
    // Never what keeps the process alive.
    worker.unref();
  }

  /** `files`: SQLite databases in WAL mode, created already. */
  static start(files: string[], intervalMs = CHECKPOINT_INTERVAL_MS): WalCheckpointer {
    // Every store on a production engine: nothing to checkpoint, no thread.
    if (files.length === 0) return new WalCheckpointer(null);
    const worker = new Worker(WORKER, {
      eval: true,
      workerData: { files, intervalMs, driver: require.resolve('better-sqlite3') },
    });
    return new WalCheckpointer(worker);
  }

  /** Ends the worker after the checkpoint it may be running; its connections closed. */
  async stop(): Promise<void> {
    // Referenced again: awaiting the exit of an unreferenced worker would let the process end
    // here, the rest of its shutdown (the stores' close) never run, if nothing else kept it alive.
    this.worker?.ref();
    this.worker?.postMessage('stop');
    await this.exited;
  }
}
