import { loadStream } from '@dossiers/application';
import {
  clientDecider,
  clientStreamId,
  contactDecider,
  contactStreamId,
  NotFoundError,
  type ContactState,
} from '@dossiers/domain';
import type { EventStore } from '@dossiers/event-store';

export interface ActivationRecipient {
  email: string;
  firstName: string;
  lastName: string;
  clientName: string;
  /** the contact activated its account already (by another invitation): a link could only answer 410 */
  activated: boolean;
}

/**
 * Who the activation mail goes to, read from the EVENT STORE when the mail is sent, not when it
 * was asked for: a contact whose email was corrected meanwhile gets it at the new address, and
 * nothing depends on a read model being current.
 */
export class RecipientLookup {
  constructor(private readonly eventStore: EventStore) {}

  /** The contact as its stream shows it now; null when it does not exist in this tenant. */
  async contact(
    tenant: string,
    contactId: string,
  ): Promise<Extract<ContactState, { status: 'active' }> | null> {
    try {
      const { state } = await loadStream(
        this.eventStore,
        contactDecider,
        contactStreamId(contactId),
        tenant,
        () => new NotFoundError('contact', contactId),
      );
      return state.status === 'active' ? state : null;
    } catch (error) {
      if (error instanceof NotFoundError) return null;
      throw error;
    }
  }

  /** null when the contact or the client does not exist in this tenant: the mail can never be sent. */
  async find(tenant: string, contactId: string, clientId: string): Promise<ActivationRecipient | null> {
    const notFound = () => new NotFoundError('stream', `${contactId}/${clientId}`);
    try {
      const [contact, client] = await Promise.all([
        loadStream(this.eventStore, contactDecider, contactStreamId(contactId), tenant, notFound),
        loadStream(this.eventStore, clientDecider, clientStreamId(clientId), tenant, notFound),
      ]);
      if (contact.state.status !== 'active' || client.state.status === 'absent') return null;
      const { email, firstName, lastName } = contact.state.details;
      // A client deleted since the invitation keeps its last name: the link still works.
      return {
        email,
        firstName,
        lastName,
        clientName: client.state.name,
        activated: contact.state.activated,
      };
    } catch (error) {
      if (error instanceof NotFoundError) return null;
      throw error;
    }
  }
}
