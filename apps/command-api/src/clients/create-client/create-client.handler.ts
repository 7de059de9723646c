import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ConflictError } from '@dossiers/domain';
import {
  Aggregates,
  refuseIfMatchOnCreation,
  type CommandContext,
  type CommandResult,
} from '@dossiers/application';
import { ContactCreation } from '../../directory/contact-creation';
import { ContactEmailRegistry } from '../../directory/contact-email-registry';
import { ClientNameRegistry } from '../client-name-registry';
import { ContactSteps, type NewContact } from '../steps/contact-steps';
import { ClientWizard, withStep } from './client-wizard';
import { CreateClientCommand } from './create-client.command';

/**
 * The creation wizard: one atomic command. Every step is checked and the whole outcome decided in
 * memory first (ClientWizard), so an invalid part stores nothing. Then, in order: the client name is
 * reserved, the new contacts' emails are reserved and the contacts created (they belong to the
 * firm's directory, outside the client), and all the client's events are appended in one append,
 * sharing the request's correlation id.
 *
 * The contacts come before the client so the client never names a contact that does not exist.
 * Should the process die between the two, the contacts exist unattached; the same request
 * retried with its Idempotency-Key derives the same ids and completes it.
 */
@CommandHandler(CreateClientCommand)
export class CreateClientHandler implements ICommandHandler<CreateClientCommand> {
  constructor(
    private readonly aggregates: Aggregates,
    private readonly wizard: ClientWizard,
    private readonly contacts: ContactSteps,
    private readonly names: ClientNameRegistry,
    private readonly emails: ContactEmailRegistry,
    private readonly contactCreation: ContactCreation,
  ) {}

  async execute({ clientId, input, context }: CreateClientCommand): Promise<CommandResult> {
    const { setUp, newContacts } = await this.wizard.plan(clientId, input, context);
    const taken = await this.contacts.takenEmails(newContacts, context);
    if (taken.length > 0)
      throw new ConflictError(
        'CONTACT_EMAIL_TAKEN',
        'A contact with this email already exists',
        withStep(taken),
      );

    refuseIfMatchOnCreation(this.aggregates.clientSetUps.streamId(clientId), context);
    // Reservations left by a crash free themselves (see shared/reservation.ts): no release needed.
    await this.names.reserve(clientId, setUp.create.name, -1, context);
    for (const contact of newContacts) await this.reserveEmail(contact, context);
    for (const contact of newContacts)
      await this.contactCreation.create(contact.contactId, contact.details, context);
    return this.aggregates.clientSetUps.handle(clientId, setUp, context);
  }

  /** Taken since the pre-check (a concurrent request): named like the pre-check names it. */
  private async reserveEmail(contact: NewContact, context: CommandContext): Promise<void> {
    try {
      await this.emails.reserve(contact.contactId, contact.details.email, -1, context);
    } catch (error) {
      if (!(error instanceof ConflictError) || error.code !== 'CONTACT_EMAIL_TAKEN') throw error;
      throw new ConflictError(
        error.code,
        error.message,
        withStep([{ field: `${contact.field}.email`, message: error.message }]),
      );
    }
  }
}
