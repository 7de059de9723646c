import type { Checkpoint } from '@dossiers/event-store';
import type { Document } from '@dossiers/read-store';

/** Stored in the read store beside the read models, in the same transaction as their writes. */
export const CHECKPOINTS_COLLECTION = 'projection_checkpoints';

export interface CheckpointDoc extends Document, Checkpoint {
  /** the projection's name */
  _id: string;
  position: number;
  prepare?: number;
}

export const START: Checkpoint = { position: 0 };
