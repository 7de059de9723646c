import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ConflictError, validOrThrow } from '@dossiers/domain';
import { ContactCreation } from '../../directory/contact-creation';
import { actorOf, ClientCommandRunner } from '../client-command-runner';
import { ContactSteps } from '../steps/contact-steps';
import { AttachContactCommand, type ContactAttached } from './attach-contact.command';

/**
 * The contacts tab: attaches an existing contact, or creates one in the directory and attaches it.
 * A new contact is created in `prepare`, once the client is known to exist and to accept the
 * actor's change, so a refused attach never leaves a new contact behind; the attach itself is a
 * plain command.
 */
@CommandHandler(AttachContactCommand)
export class AttachContactHandler implements ICommandHandler<AttachContactCommand> {
  constructor(
    private readonly runner: ClientCommandRunner,
    private readonly contacts: ContactSteps,
    private readonly contactCreation: ContactCreation,
  ) {}

  async execute({ clientId, contact, context }: AttachContactCommand): Promise<ContactAttached> {
    const { details, ...attach } = validOrThrow(await this.contacts.contact(contact, '', context));
    const { contactId } = attach;
    if (details) {
      const taken = await this.contacts.takenEmails([{ contactId, details, field: '' }], context);
      if (taken.length > 0) throw new ConflictError('CONTACT_EMAIL_TAKEN', taken[0].message, taken);
    }
    const result = await this.runner.run(
      clientId,
      { type: 'AttachContact', clientId, ...attach, actor: actorOf(context) },
      context,
      {
        // Reserves the email, then creates the contact. After a concurrent write on the client it runs
        // again, and changes nothing: the same id with the same details is the same contact.
        prepare: details
          ? async () => {
              await this.contactCreation.create(contactId, details, context);
            }
          : undefined,
      },
    );
    return { ...result, contactId };
  }
}
