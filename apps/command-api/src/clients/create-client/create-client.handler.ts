import { Inject, Injectable } from '@nestjs/common';
import {
  clientDecider,
  clientStreamId,
  NotFoundError,
  parseAttributes,
  parseClientName,
} from '@dossiers/domain';
import { handleCommand, type CommandContext, type CommandResult } from '@dossiers/application';
import { EVENT_STORE, WrongExpectedVersionError, type EventStore } from '@dossiers/event-store';
import { GroupLookup } from '../../groups/group-lookup';
import { ClientNameRegistry } from '../client-name-registry';
import type { CreateClientDto } from './create-client.dto';

@Injectable()
export class CreateClientHandler {
  constructor(
    @Inject(EVENT_STORE) private readonly eventStore: EventStore,
    private readonly names: ClientNameRegistry,
    private readonly groups: GroupLookup,
  ) {}

  async execute(clientId: string, dto: CreateClientDto, context: CommandContext): Promise<CommandResult> {
    const name = parseClientName(dto.name);
    const attributes =
      dto.attributes === undefined ? {} : parseAttributes(dto.attributes, { allowRemoval: false }).set;
    const groupId = dto.groupId ?? null;
    if (groupId) await this.groups.assertExists(groupId, context.tenant);

    // If-Match on a creation names a revision of a client that cannot exist yet: refused before any reservation.
    if (context.expectedRevision !== undefined) {
      throw new WrongExpectedVersionError(clientStreamId(clientId), context.expectedRevision, -1);
    }
    // A crash after reserving leaves an in-flight reservation that frees itself (no release needed).
    await this.names.reserve(clientId, name, -1, context);
    return handleCommand(
      this.eventStore,
      clientDecider,
      clientStreamId(clientId),
      { type: 'CreateClient', clientId, name, groupId, attributes },
      context,
      () => new NotFoundError('client', clientId),
    );
  }
}
