import { Injectable } from '@nestjs/common';
import type { ContactDetails } from '@dossiers/events';
import { Aggregates, type CommandContext, type CommandResult } from '@dossiers/application';
import { ContactEmailRegistry } from './contact-email-registry';

/**
 * Creates a contact: POST /contacts and the client wizard share it. The caller's If-Match is never
 * applied here: a new contact's stream cannot have a revision, and in the wizard it names the client.
 */
@Injectable()
export class ContactCreation {
  constructor(
    private readonly aggregates: Aggregates,
    private readonly emails: ContactEmailRegistry,
  ) {}

  /**
   * Reserves the email (409 CONTACT_EMAIL_TAKEN), then appends ContactCreated on a new stream.
   * `details` must be checked (checkContactDetails). A retry with the same id and details changes
   * nothing; the same id with other details is 422 CONTACT_ALREADY_EXISTS.
   */
  async create(contactId: string, details: ContactDetails, context: CommandContext): Promise<CommandResult> {
    // A crash after reserving leaves an in-flight reservation that frees itself (no release needed).
    await this.emails.reserve(contactId, details.email, -1, context);
    return this.aggregates.contacts.handle(
      contactId,
      { type: 'CreateContact', contactId, details },
      { ...context, expectedRevision: undefined },
    );
  }
}
