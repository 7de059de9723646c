import { Inject, Injectable } from '@nestjs/common';
import {
  contactDecider,
  contactStreamId,
  emailClaimedBy,
  NotFoundError,
  type ConfirmContactEmail,
} from '@dossiers/domain';
import { handleCommand, type CommandContext, type CommandResult } from '@dossiers/application';
import { EVENT_STORE, type EventStore } from '@dossiers/event-store';
import type { EmailVerificationClaims } from '@dossiers/notifications';
import { ContactEmailRegistry } from '../../directory/contact-email-registry';

@Injectable()
export class ConfirmEmailHandler {
  constructor(
    @Inject(EVENT_STORE) private readonly eventStore: EventStore,
    private readonly emails: ContactEmailRegistry,
  ) {}

  /**
   * The new address was reserved when the change was requested, and has stayed held by the
   * pending request since; it is reserved again here, from the revision the confirmation decides
   * on, so that it also holds while the confirmation is in flight (a request about to expire could
   * otherwise let another contact take it between the check and the append). Only a confirmation
   * the decider accepts reserves anything.
   */
  execute(claims: EmailVerificationClaims, context: CommandContext): Promise<CommandResult> {
    const command: ConfirmContactEmail = {
      type: 'ConfirmContactEmail',
      contactId: claims.contactId,
      requestId: claims.requestId,
      now: context.now,
    };
    return handleCommand(
      this.eventStore,
      contactDecider,
      contactStreamId(claims.contactId),
      async (state, revision) => {
        const email = emailClaimedBy(contactDecider.decide(command, state), state);
        if (email !== null) await this.emails.reserve(claims.contactId, email, revision, context);
        return command;
      },
      context,
      () => new NotFoundError('contact', claims.contactId),
    );
  }
}
