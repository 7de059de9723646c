import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { checkGroupName, validOrThrow } from '@dossiers/domain';
import { Aggregates, type CommandResult } from '@dossiers/application';
import { CreateGroupCommand } from './create-group.command';

@CommandHandler(CreateGroupCommand)
export class CreateGroupHandler implements ICommandHandler<CreateGroupCommand> {
  constructor(private readonly aggregates: Aggregates) {}

  async execute({ groupId, name, context }: CreateGroupCommand): Promise<CommandResult> {
    return this.aggregates.groups.handle(
      groupId,
      { type: 'CreateGroup', groupId, name: validOrThrow(checkGroupName(name)) },
      context,
    );
  }
}
