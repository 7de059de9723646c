import type { ReadStore } from '@dossiers/read-store';
import { CHECKPOINTS_COLLECTION, type CheckpointDoc } from './checkpoint';
import type { Projection } from './projection';

/**
 * Lets a query wait until the read models include a given position (read-your-writes for a
 * client that sends back the position its command returned). Reads the checkpoints the projector
 * commits, so it works the same whether the projector runs in this process or elsewhere: a
 * projector in this process calls `poke` after each commit, and the waiters read again at once;
 * one elsewhere is seen by polling every `pollMs`.
 */
export class ProjectionProgress {
  private readonly waiters = new Set<() => void>();
  /** how many times the projector poked: a poke between a read and the wait that follows it is not lost */
  private pokes = 0;
  /** The read of the checkpoints in flight, shared by every waiter woken by the same poke. */
  private reading?: { pokes: number; position: Promise<number> };

  /** `head`: the event store's last position, to tell a position not recorded yet (recorded()) */
  constructor(
    private readonly readStore: ReadStore,
    private readonly projections: readonly Projection[],
    private readonly pollMs = 10,
    private readonly head?: () => Promise<number>,
  ) {}

  /** Whether the event store holds `position` (true when it was given no `head`). */
  async recorded(position: number): Promise<boolean> {
    return !this.head || position <= (await this.head());
  }

  /**
   * The position every projection has reached. Callers since the same poke share one read: a
   * commit of the projector wakes every waiter at once, and they need one read, not one each.
   */
  position(): Promise<number> {
    if (this.reading?.pokes === this.pokes) return this.reading.position;
    const reading = { pokes: this.pokes, position: this.readPosition() };
    this.reading = reading;
    void reading.position
      .finally(() => {
        if (this.reading === reading) this.reading = undefined;
      })
      .catch(() => undefined);
    return reading.position;
  }

  private async readPosition(): Promise<number> {
    const names = this.projections.map((p) => p.name);
    const docs = await this.readStore.collection<CheckpointDoc>(CHECKPOINTS_COLLECTION).findByIds(names);
    // Read every time, never cached: a rebuild can move the checkpoints back.
    return docs.length < names.length ? 0 : Math.min(...docs.map((d) => d.position));
  }

  /** The projector of this process committed a batch: every waiter reads the checkpoints again now. */
  poke(): void {
    this.pokes++;
    for (const wake of [...this.waiters]) wake();
  }

  /** true once the read models include `position`, false if `timeoutMs` passes first. */
  async waitFor(position: number, timeoutMs: number): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const pokes = this.pokes;
      if ((await this.position()) >= position) return true;
      const left = deadline - Date.now();
      if (left <= 0) return false;
      if (this.pokes === pokes) await this.nextPoke(Math.min(this.pollMs, left));
    }
  }

  private nextPoke(timeoutMs: number): Promise<void> {
    return new Promise((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        this.waiters.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, timeoutMs);
      this.waiters.add(wake);
    });
  }
}
