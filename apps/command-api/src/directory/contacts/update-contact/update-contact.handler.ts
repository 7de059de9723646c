import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import {
  checkContactChanges,
  contactDecider,
  emailClaimedBy,
  validOrThrow,
  type ChangeContactDetails,
} from '@dossiers/domain';
import { Aggregates, type CommandResult } from '@dossiers/application';
import { APP_CONFIG, type AppConfig } from '@dossiers/platform';
import { ContactEmailRegistry } from '../../contact-email-registry';
import { UpdateContactCommand } from './update-contact.command';

/**
 * The contact decider decides who may change what (names and email: admin and service only) and
 * whether a new email applies at once or waits for confirmation (an activated contact). Its
 * verification link lasts as long as an activation link (ACTIVATION_TTL_HOURS).
 */
@CommandHandler(UpdateContactCommand)
export class UpdateContactHandler implements ICommandHandler<UpdateContactCommand> {
  constructor(
    private readonly aggregates: Aggregates,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly emails: ContactEmailRegistry,
  ) {}

  async execute({ contactId, changes, context }: UpdateContactCommand): Promise<CommandResult> {
    const ttlMs = this.config.mail.activationTtlHours * 3_600_000;
    const command: ChangeContactDetails = {
      type: 'ChangeContactDetails',
      contactId,
      changes: validOrThrow(checkContactChanges(changes, '')),
      actorRole: context.role,
      emailRequest: {
        requestId: context.newId('email-change'),
        expiresAt: new Date(Date.parse(context.now) + ttlMs).toISOString(),
      },
    };
    return this.aggregates.contacts.handle(contactId, command, context, {
      // Decided on the attempt's state before anything is written, so a refused change reserves
      // nothing; the address the decision takes on (now, or pending) is reserved from the revision
      // it is decided on, and again from the newer one when a concurrent write makes it decide again.
      prepare: async (state, revision) => {
        const email = emailClaimedBy(contactDecider.decide(command, state), state);
        if (email !== null) await this.emails.reserve(contactId, email, revision, context);
      },
    });
  }
}
