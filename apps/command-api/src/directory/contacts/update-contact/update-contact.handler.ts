import { Inject, Injectable } from '@nestjs/common';
import {
  checkContactChanges,
  contactDecider,
  contactStreamId,
  emailClaimedBy,
  NotFoundError,
  validOrThrow,
  type ChangeContactDetails,
} from '@dossiers/domain';
import { handleCommand, type CommandContext, type CommandResult } from '@dossiers/application';
import { EVENT_STORE, type EventStore } from '@dossiers/event-store';
import { APP_CONFIG, type AppConfig } from '@dossiers/platform';
import { ContactEmailRegistry } from '../../contact-email-registry';
import type { UpdateContactDto } from './update-contact.dto';

@Injectable()
export class UpdateContactHandler {
  constructor(
    @Inject(EVENT_STORE) private readonly eventStore: EventStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly emails: ContactEmailRegistry,
  ) {}

  /**
   * The contact decider decides who may change what (names and email: admin and service only) and
   * whether a new email applies at once or waits for confirmation (an activated contact). Its
   * verification link lasts as long as an activation link (ACTIVATION_TTL_HOURS).
   */
  execute(contactId: string, dto: UpdateContactDto, context: CommandContext): Promise<CommandResult> {
    const ttlMs = this.config.mail.activationTtlHours * 3_600_000;
    const command: ChangeContactDetails = {
      type: 'ChangeContactDetails',
      contactId,
      changes: validOrThrow(checkContactChanges(dto, '')),
      actorRole: context.role,
      emailRequest: {
        requestId: context.newId('email-change'),
        expiresAt: new Date(Date.parse(context.now) + ttlMs).toISOString(),
      },
    };
    // Decided once before anything is written, so that a refused change reserves nothing; the
    // address the decision takes on (now, or pending) is then reserved on every attempt, from the
    // state and revision that attempt decides on: a change retried after a concurrent write
    // re-reserves from the newer revision.
    return handleCommand(
      this.eventStore,
      contactDecider,
      contactStreamId(contactId),
      async (state, revision) => {
        const email = emailClaimedBy(contactDecider.decide(command, state), state);
        if (email !== null) await this.emails.reserve(contactId, email, revision, context);
        return command;
      },
      context,
      () => new NotFoundError('contact', contactId),
    );
  }
}
