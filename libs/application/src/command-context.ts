import type { Role } from '@dossiers/domain';

/** Everything a command needs from the request that the domain must not fetch itself. */
export interface CommandContext {
  tenant: string;
  actor: string;
  /** the actor's role, from their token: the domain checks what each role may do */
  role: Role;
  correlationId: string;
  causationId: string | null;
  /** ISO-8601 instant of the request: the domain has no clock */
  now: string;
  /**
   * From If-Match: the stream revision the caller last saw. A mismatch is reported to the caller
   * (412), never retried, since the caller decided on a state that is gone. `exists` (If-Match: *)
   * only asks that the stream exist: 412 where it does not (a creation), otherwise like no If-Match.
   */
  expectedRevision?: number | 'exists';
  /**
   * Event ids for the stream's new events. Derived from the Idempotency-Key when there is one, so
   * that a retried command produces the same ids and the store drops the duplicates.
   */
  eventId(streamId: string, index: number): string;
  /**
   * An id for a new resource the command creates (a contact, a folder), named by `kind`, which must
   * be unique within the command. Derived from the Idempotency-Key when there is one, like eventId.
   */
  newId(kind: string): string;
}

export interface CommandResult {
  /** revision of the stream's last event after the command (-1: the stream does not exist) */
  revision: number;
  /** global position of the stream's last event; reads with X-Min-Position >= this see the command */
  position: number;
  /** the caller is not to be told the revision (a client's members: see ClientCommandRunner) */
  revisionHidden?: boolean;
  /** the command decided nothing: revision and position are the stream's as it was */
  unchanged?: true;
}
