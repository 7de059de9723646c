import { Inject, Injectable } from '@nestjs/common';
import {
  clientDecider,
  clientNameKey,
  clientStreamId,
  NotFoundError,
  parseAttributes,
  parseClientName,
  type UpdateClient,
} from '@dossiers/domain';
import { handleCommand, loadStream, type CommandContext, type CommandResult } from '@dossiers/application';
import { EVENT_STORE, type EventStore } from '@dossiers/event-store';
import { GroupLookup } from '../../groups/group-lookup';
import { ClientNameRegistry } from '../client-name-registry';
import type { UpdateClientDto } from './update-client.dto';

@Injectable()
export class UpdateClientHandler {
  constructor(
    @Inject(EVENT_STORE) private readonly eventStore: EventStore,
    private readonly names: ClientNameRegistry,
    private readonly groups: GroupLookup,
  ) {}

  async execute(clientId: string, dto: UpdateClientDto, context: CommandContext): Promise<CommandResult> {
    const command: UpdateClient = {
      type: 'UpdateClient',
      clientId,
      name: dto.name === undefined ? undefined : parseClientName(dto.name),
      groupId: dto.groupId,
      attributes:
        dto.attributes === undefined ? undefined : parseAttributes(dto.attributes, { allowRemoval: true }),
    };
    const notFound = () => new NotFoundError('client', clientId);
    const streamId = clientStreamId(clientId);
    if (command.groupId) await this.groups.assertExists(command.groupId, context.tenant);

    // A new name is reserved before the rename and the old one released after, so that at no
    // moment can two clients hold the same name; a crash in between leaves a stale reservation
    // that the next reserver takes over.
    const before = await loadStream(this.eventStore, clientDecider, streamId, context.tenant, notFound);
    const oldName = before.state.status === 'active' ? before.state.name : undefined;
    const renaming =
      command.name !== undefined &&
      oldName !== undefined &&
      clientNameKey(command.name) !== clientNameKey(oldName);
    if (renaming) await this.names.reserve(clientId, command.name!, context);
    try {
      const result = await handleCommand(
        this.eventStore,
        clientDecider,
        streamId,
        command,
        context,
        notFound,
      );
      if (renaming) await this.names.release(clientId, oldName!, context);
      return result;
    } catch (error) {
      if (renaming) await this.names.release(clientId, command.name!, context).catch(() => undefined);
      throw error;
    }
  }
}
