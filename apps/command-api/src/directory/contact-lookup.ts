import { Injectable } from '@nestjs/common';
import { NotFoundError, type ContactState } from '@dossiers/domain';
import { Aggregates } from '@dossiers/application';

/** A contact as its own stream shows it now, with the stream's revision (-1: no stream). */
export interface ContactNow {
  state: ContactState;
  revision: number;
}

/** Commands that name a contact read it from the event store (the source of truth), never a read model. */
@Injectable()
export class ContactLookup {
  constructor(private readonly aggregates: Aggregates) {}

  /** The contact's state; `absent` for an unknown id and for another tenant's contact alike. */
  async find(contactId: string, tenant: string): Promise<ContactState> {
    return (await this.load(contactId, tenant)).state;
  }

  async load(contactId: string, tenant: string): Promise<ContactNow> {
    try {
      const { state, revision } = await this.aggregates.contacts.load(contactId, tenant);
      return { state, revision };
    } catch (error) {
      if (error instanceof NotFoundError) return { state: { status: 'absent' }, revision: -1 };
      throw error;
    }
  }
}
