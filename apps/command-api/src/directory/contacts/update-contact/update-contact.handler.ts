import { Inject, Injectable } from '@nestjs/common';
import {
  checkContactChanges,
  contactDecider,
  contactStreamId,
  NotFoundError,
  validOrThrow,
  type ChangeContactDetails,
} from '@dossiers/domain';
import { handleCommand, type CommandContext, type CommandResult } from '@dossiers/application';
import { EVENT_STORE, type EventStore } from '@dossiers/event-store';
import { ContactEmailRegistry } from '../../contact-email-registry';
import type { UpdateContactDto } from './update-contact.dto';

@Injectable()
export class UpdateContactHandler {
  constructor(
    @Inject(EVENT_STORE) private readonly eventStore: EventStore,
    private readonly emails: ContactEmailRegistry,
  ) {}

  execute(contactId: string, dto: UpdateContactDto, context: CommandContext): Promise<CommandResult> {
    const command: ChangeContactDetails = {
      type: 'ChangeContactDetails',
      contactId,
      changes: validOrThrow(checkContactChanges(dto, '')),
    };
    const { email } = command.changes;
    // The new email is reserved on every attempt, from the state and revision that attempt decides
    // on: a change retried after a concurrent write re-reserves from the newer revision.
    return handleCommand(
      this.eventStore,
      contactDecider,
      contactStreamId(contactId),
      async (state, revision) => {
        if (email !== undefined && state.status === 'active' && email !== state.details.email)
          await this.emails.reserve(contactId, email, revision, context);
        return command;
      },
      context,
      () => new NotFoundError('contact', contactId),
    );
  }
}
