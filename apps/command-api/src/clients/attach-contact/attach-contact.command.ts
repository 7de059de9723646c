import { Command } from '@nestjs/cqrs';
import type { CommandContext, CommandResult } from '@dossiers/application';

/** The client's revision, and the contact attached: the one given, or the one created. */
export type ContactAttached = CommandResult & { contactId: string };

/** An existing contact `{contactId, language, sendActivationEmail}`, or a new one with its details. */
export interface ContactToAttach {
  contactId?: unknown;
  firstName?: unknown;
  lastName?: unknown;
  email?: unknown;
  phone?: unknown;
  language?: unknown;
  sendActivationEmail?: unknown;
}

/** POST /clients/:id/contacts: the contacts tab. */
export class AttachContactCommand extends Command<ContactAttached> {
  constructor(
    readonly clientId: string,
    readonly contact: ContactToAttach,
    readonly context: CommandContext,
  ) {
    super();
  }
}
