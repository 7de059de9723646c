import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { contactDecider, emailClaimedBy, type ConfirmContactEmail } from '@dossiers/domain';
import { Aggregates, type CommandResult } from '@dossiers/application';
import { ContactEmailRegistry } from '../../directory/contact-email-registry';
import { ConfirmEmailCommand } from './confirm-email.command';

/**
 * The new address was reserved when the change was requested, and has stayed held by the pending
 * request since; it is reserved again here, from the revision the confirmation decides on, so that
 * it also holds while the confirmation is in flight (a request about to expire could otherwise let
 * another contact take it between the check and the append). Only a confirmation the decider
 * accepts reserves anything.
 */
@CommandHandler(ConfirmEmailCommand)
export class ConfirmEmailHandler implements ICommandHandler<ConfirmEmailCommand> {
  constructor(
    private readonly aggregates: Aggregates,
    private readonly emails: ContactEmailRegistry,
  ) {}

  async execute({ link: { contactId, requestId }, context }: ConfirmEmailCommand): Promise<CommandResult> {
    const command: ConfirmContactEmail = {
      type: 'ConfirmContactEmail',
      contactId,
      requestId,
      now: context.now,
    };
    return this.aggregates.contacts.handle(contactId, command, context, {
      prepare: async (state, revision) => {
        const email = emailClaimedBy(contactDecider.decide(command, state), state);
        if (email !== null) await this.emails.reserve(contactId, email, revision, context);
      },
    });
  }
}
