import { Inject, Injectable } from '@nestjs/common';
import { clientDecider, clientStreamId, NotFoundError } from '@dossiers/domain';
import { handleCommand, type CommandContext, type CommandResult } from '@dossiers/application';
import { EVENT_STORE, type EventStore } from '@dossiers/event-store';

/** Deleting a client frees its name (a deleted holder holds nothing) and never deletes its contacts. */
@Injectable()
export class DeleteClientHandler {
  constructor(@Inject(EVENT_STORE) private readonly eventStore: EventStore) {}

  execute(clientId: string, context: CommandContext): Promise<CommandResult> {
    return handleCommand(
      this.eventStore,
      clientDecider,
      clientStreamId(clientId),
      { type: 'DeleteClient', clientId },
      context,
      () => new NotFoundError('client', clientId),
    );
  }
}
