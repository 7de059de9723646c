import { Injectable } from '@nestjs/common';
import { ConflictError, NotFoundError } from '@dossiers/domain';
import type { CommandContext, CommandResult } from '@dossiers/application';
import { ContactCreation } from '../../directory/contact-creation';
import { ContactEmailRegistry } from '../../directory/contact-email-registry';
import { ClientCommandRunner, orThrow } from '../client-command-runner';
import { ClientSteps } from '../client-steps';

/**
 * The contacts tab: attaches an existing contact, or creates one in the directory and attaches it.
 * The client is checked first, so a missing client never leaves a new contact behind.
 */
@Injectable()
export class AttachContactHandler {
  constructor(
    private readonly steps: ClientSteps,
    private readonly runner: ClientCommandRunner,
    private readonly emails: ContactEmailRegistry,
    private readonly contactCreation: ContactCreation,
  ) {}

  async execute(
    clientId: string,
    body: object,
    context: CommandContext,
  ): Promise<{ contactId: string; result: CommandResult }> {
    const contact = orThrow(await this.steps.contact(body, '', context));
    const { details, ...attach } = contact;
    if (details) {
      const newContact = { contactId: attach.contactId, details, field: '' };
      const taken = await this.steps.takenEmails([newContact], context);
      if (taken.length > 0) throw new ConflictError('CONTACT_EMAIL_TAKEN', taken[0].message, taken);
    }
    const result = await this.runner.run(
      clientId,
      async (state) => {
        if (state.status !== 'active') throw new NotFoundError('client', clientId);
        if (details) {
          await this.emails.reserve(attach.contactId, details.email, -1, context);
          await this.contactCreation.create(attach.contactId, details, context);
        }
        return { type: 'AttachContact', clientId, ...attach };
      },
      context,
    );
    return { contactId: attach.contactId, result };
  }
}
