import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { ActivateContact, ContactState } from '@dossiers/domain';
import { Aggregates, type CommandResult } from '@dossiers/application';
import { emailHashOf } from '@dossiers/notifications';
import { hashPassword, SECRET_BOX, type SecretBox } from '@dossiers/platform';
import { ActivateContactCommand } from './activate-contact.command';

@CommandHandler(ActivateContactCommand)
export class ActivateContactHandler implements ICommandHandler<ActivateContactCommand> {
  constructor(
    private readonly aggregates: Aggregates,
    @Inject(SECRET_BOX) private readonly secretBox: SecretBox,
  ) {}

  /**
   * The password's scrypt hash, encrypted: the event (and so the history) holds neither the
   * password nor a hash that could be attacked offline without the secrets key. The contact's
   * current email is hashed like the link's (on each attempt's state), for the decider to refuse a
   * link mailed to another address.
   */
  async execute({ link, password, context }: ActivateContactCommand): Promise<CommandResult> {
    const command: Omit<ActivateContact, 'emailHash'> = {
      type: 'ActivateContact',
      contactId: link.contactId,
      invitationId: link.invitationId,
      clientId: link.clientId,
      expiresAt: new Date(link.exp * 1000).toISOString(),
      now: context.now,
      credential: this.secretBox.encrypt(await hashPassword(password)),
    };
    return this.aggregates.contacts.handle(
      link.contactId,
      (state: ContactState): ActivateContact => ({
        ...command,
        emailHash: {
          link: link.emailHash,
          current: state.status === 'active' ? emailHashOf(state.details.email, state.emailVersion) : '',
        },
      }),
      context,
    );
  }
}
