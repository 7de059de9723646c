import { Inject, Injectable } from '@nestjs/common';
import { contactDecider, contactStreamId, NotFoundError, type ContactState } from '@dossiers/domain';
import { loadStream } from '@dossiers/application';
import { EVENT_STORE, type EventStore } from '@dossiers/event-store';

/** A contact as its own stream shows it now, with the stream's revision (-1: no stream). */
export interface ContactNow {
  state: ContactState;
  revision: number;
}

/** Commands that name a contact read it from the event store (the source of truth), never a read model. */
@Injectable()
export class ContactLookup {
  constructor(@Inject(EVENT_STORE) private readonly eventStore: EventStore) {}

  /** The contact's state; `absent` for an unknown id and for another tenant's contact alike. */
  async find(contactId: string, tenant: string): Promise<ContactState> {
    return (await this.load(contactId, tenant)).state;
  }

  async load(contactId: string, tenant: string): Promise<ContactNow> {
    try {
      const { state, revision } = await loadStream(
        this.eventStore,
        contactDecider,
        contactStreamId(contactId),
        tenant,
        () => new NotFoundError('contact', contactId),
      );
      return { state, revision };
    } catch (error) {
      if (error instanceof NotFoundError) return { state: { status: 'absent' }, revision: -1 };
      throw error;
    }
  }
}
