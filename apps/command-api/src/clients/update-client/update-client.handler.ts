import { Injectable } from '@nestjs/common';
import { clientNameKey, parseAttributes, parseClientName, type UpdateClient } from '@dossiers/domain';
import type { CommandContext, CommandResult } from '@dossiers/application';
import { GroupLookup } from '../../groups/group-lookup';
import { ClientNameRegistry } from '../client-name-registry';
import { ClientCommandRunner } from '../client-command-runner';
import type { UpdateClientDto } from './update-client.dto';

@Injectable()
export class UpdateClientHandler {
  constructor(
    private readonly runner: ClientCommandRunner,
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
    if (command.groupId) await this.groups.assertExists(command.groupId, context.tenant);

    // The new name is reserved on every attempt, from the state and revision that attempt decides
    // on: a rename retried after a concurrent write re-reserves from the newer revision.
    return this.runner.run(
      clientId,
      async (state, revision) => {
        const renaming =
          command.name !== undefined &&
          state.status === 'active' &&
          clientNameKey(command.name) !== clientNameKey(state.name);
        if (renaming) await this.names.reserve(clientId, command.name!, revision, context);
        return command;
      },
      context,
    );
  }
}
