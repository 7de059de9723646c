import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import {
  checkAttributes,
  checkClientName,
  clientNameKey,
  decideClient,
  validOrThrow,
  type UpdateClient,
} from '@dossiers/domain';
import type { CommandResult } from '@dossiers/application';
import { GroupLookup } from '../../groups/group-lookup';
import { ClientNameRegistry } from '../client-name-registry';
import { ClientCommandRunner } from '../client-command-runner';
import { UpdateClientCommand } from './update-client.command';

@CommandHandler(UpdateClientCommand)
export class UpdateClientHandler implements ICommandHandler<UpdateClientCommand> {
  constructor(
    private readonly runner: ClientCommandRunner,
    private readonly names: ClientNameRegistry,
    private readonly groups: GroupLookup,
  ) {}

  async execute({ clientId, changes, context }: UpdateClientCommand): Promise<CommandResult> {
    const command: UpdateClient = {
      type: 'UpdateClient',
      clientId,
      name: changes.name === undefined ? undefined : validOrThrow(checkClientName(changes.name)),
      groupId: changes.groupId,
      attributes:
        changes.attributes === undefined
          ? undefined
          : validOrThrow(checkAttributes(changes.attributes, { allowRemoval: true })),
    };
    if (command.groupId) await this.groups.assertExists(command.groupId, context.tenant);
    return this.runner.run(clientId, command, context, {
      // A rename reserves the new name from the revision it is decided on; a decision retried after a
      // concurrent write reserves again from the newer one.
      prepare: async (state, revision) => {
        const renaming =
          command.name !== undefined &&
          state.status === 'active' &&
          clientNameKey(command.name) !== clientNameKey(state.name);
        if (!renaming) return;
        // Decided first, purely: a change refused by the sheet's rules reserves no name.
        decideClient(command, state);
        await this.names.reserve(clientId, command.name!, revision, context);
      },
    });
  }
}
