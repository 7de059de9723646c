import type { Aggregates } from '@dossiers/application';
import { NotFoundError, type ContactState } from '@dossiers/domain';

export interface ActivationRecipient {
  email: string;
  /** how many times the contact's email changed (emailHashOf) */
  emailVersion: number;
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
  constructor(private readonly aggregates: Pick<Aggregates, 'contacts' | 'clients'>) {}

  /** The contact as its stream shows it now; null when it does not exist in this tenant. */
  async contact(
    tenant: string,
    contactId: string,
  ): Promise<Extract<ContactState, { status: 'active' }> | null> {
    const contact = await orNull(this.aggregates.contacts.load(contactId, tenant));
    return contact?.state.status === 'active' ? contact.state : null;
  }

  /** null when the contact or the client does not exist in this tenant: the mail can never be sent. */
  async find(tenant: string, contactId: string, clientId: string): Promise<ActivationRecipient | null> {
    const [contact, client] = await Promise.all([
      orNull(this.aggregates.contacts.load(contactId, tenant)),
      orNull(this.aggregates.clients.load(clientId, tenant)),
    ]);
    if (contact?.state.status !== 'active' || !client || client.state.status === 'absent') return null;
    const { email, firstName, lastName } = contact.state.details;
    // A client deleted since the invitation keeps its last name: the link still works.
    return {
      email,
      firstName,
      lastName,
      clientName: client.state.name,
      activated: contact.state.activated,
      emailVersion: contact.state.emailVersion,
    };
  }
}

/** A stream of another tenant does not exist for this one. */
async function orNull<T>(loading: Promise<T>): Promise<T | null> {
  try {
    return await loading;
  } catch (error) {
    if (error instanceof NotFoundError) return null;
    throw error;
  }
}
