import { Inject, Injectable } from '@nestjs/common';
import { contactDecider, contactStreamId, NotFoundError, type ActivateContact } from '@dossiers/domain';
import { handleCommand, type CommandContext, type CommandResult } from '@dossiers/application';
import { EVENT_STORE, type EventStore } from '@dossiers/event-store';
import { emailHashOf, type ActivationClaims } from '@dossiers/notifications';
import { hashPassword, SECRET_BOX, type SecretBox } from '@dossiers/platform';

@Injectable()
export class ActivateContactHandler {
  constructor(
    @Inject(EVENT_STORE) private readonly eventStore: EventStore,
    @Inject(SECRET_BOX) private readonly secretBox: SecretBox,
  ) {}

  /**
   * The password's scrypt hash, encrypted: the event (and so the history) holds neither the
   * password nor a hash that could be attacked offline without the secrets key. The contact's
   * current email is hashed like the link's (on each attempt's state), for the decider to refuse a
   * link mailed to another address.
   */
  async execute(claims: ActivationClaims, password: string, context: CommandContext): Promise<CommandResult> {
    const command: Omit<ActivateContact, 'emailHash'> = {
      type: 'ActivateContact',
      contactId: claims.contactId,
      invitationId: claims.invitationId,
      expiresAt: new Date(claims.exp * 1000).toISOString(),
      now: context.now,
      credential: this.secretBox.encrypt(await hashPassword(password)),
    };
    return handleCommand(
      this.eventStore,
      contactDecider,
      contactStreamId(claims.contactId),
      (state): ActivateContact => ({
        ...command,
        emailHash: {
          link: claims.emailHash,
          current: state.status === 'active' ? emailHashOf(state.details.email) : '',
        },
      }),
      context,
      () => new NotFoundError('contact', claims.contactId),
    );
  }
}
