import { Inject, Injectable } from '@nestjs/common';
import { clientDecider, clientStreamId, NotFoundError } from '@dossiers/domain';
import { handleCommand, loadStream, type CommandContext, type CommandResult } from '@dossiers/application';
import { EVENT_STORE, type EventStore } from '@dossiers/event-store';
import { ClientNameRegistry } from '../client-name-registry';

/** Deleting a client frees its name; its contacts (a later issue) are never deleted with it. */
@Injectable()
export class DeleteClientHandler {
  constructor(
    @Inject(EVENT_STORE) private readonly eventStore: EventStore,
    private readonly names: ClientNameRegistry,
  ) {}

  async execute(clientId: string, context: CommandContext): Promise<CommandResult> {
    const notFound = () => new NotFoundError('client', clientId);
    const streamId = clientStreamId(clientId);
    const { state } = await loadStream(this.eventStore, clientDecider, streamId, context.tenant, notFound);
    const result = await handleCommand(
      this.eventStore,
      clientDecider,
      streamId,
      { type: 'DeleteClient', clientId },
      context,
      notFound,
    );
    if (state.status === 'active') await this.names.release(clientId, state.name, context);
    return result;
  }
}
