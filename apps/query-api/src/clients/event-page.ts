import { NotFoundError } from '@dossiers/domain';
import { upcast, type EventMetadata, type JsonObject } from '@dossiers/events';
import type { EventStore } from '@dossiers/event-store';

/** Which events of a stream: from a revision, at most `limit`. */
export interface EventPageParams {
  fromRevision: number;
  limit: number;
}

export interface StreamEventView {
  id: string;
  type: string;
  schemaVersion: number;
  revision: number;
  position: number;
  data: JsonObject;
  metadata: EventMetadata;
}

export interface EventPage {
  clientId: string;
  /** oldest first, upcast to the current schema */
  events: StreamEventView[];
  /** pass as fromRevision for the next page; null at the end of the stream */
  nextRevision: number | null;
}

/**
 * One page of a client's stream, read from the event store itself (not a read model); `empty`
 * when the stream has no event at all. A stream of another firm answers 404, as if absent.
 */
export async function readEventPage(
  eventStore: EventStore,
  tenant: string,
  clientId: string,
  streamId: string,
  params: EventPageParams,
): Promise<{ page: EventPage; empty: boolean }> {
  // One event more than the page: whether it exists tells if there is a next page.
  const read = await eventStore.readStream(streamId, {
    fromRevision: params.fromRevision,
    maxCount: params.limit + 1,
  });
  const events = read.slice(0, params.limit);
  const owner =
    params.fromRevision === 0 ? events[0] : (await eventStore.readStream(streamId, { maxCount: 1 }))[0];
  if (owner && owner.metadata.tenant !== tenant) throw new NotFoundError('client', clientId);
  const last = events[events.length - 1];
  const page = {
    clientId,
    events: events.map(upcast).map((e) => ({
      id: e.id,
      type: e.type,
      schemaVersion: e.schemaVersion,
      revision: e.revision,
      position: e.position,
      data: e.data,
      metadata: e.metadata,
    })),
    nextRevision: read.length > params.limit ? last.revision + 1 : null,
  };
  return { page, empty: !owner };
}
