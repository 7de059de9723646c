import type { ReadStore } from '@dossiers/read-store';
import { CHECKPOINTS_COLLECTION, type CheckpointDoc } from './checkpoint';
import type { Projection } from './projection';

/**
 * Lets a query wait until the read models include a given position (read-your-writes for a
 * client that sends back the position its command returned). Reads the checkpoints the projector
 * commits, so it works the same whether the projector runs in this process or elsewhere.
 */
export class ProjectionProgress {
  constructor(
    private readonly readStore: ReadStore,
    private readonly projections: readonly Projection[],
    private readonly pollMs = 10,
  ) {}

  /** The position every projection has reached. */
  async position(): Promise<number> {
    const names = this.projections.map((p) => p.name);
    const docs = await this.readStore.collection<CheckpointDoc>(CHECKPOINTS_COLLECTION).findByIds(names);
    // Read every time, never cached: a rebuild can move the checkpoints back.
    return docs.length < names.length ? 0 : Math.min(...docs.map((d) => d.position));
  }

  /** true once the read models include `position`, false if `timeoutMs` passes first. */
  async waitFor(position: number, timeoutMs: number): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if ((await this.position()) >= position) return true;
      if (Date.now() >= deadline) return false;
      await new Promise((resolve) => setTimeout(resolve, this.pollMs));
    }
  }
}
