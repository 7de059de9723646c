import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandResult } from '@dossiers/application';
import { actorOf, ClientCommandRunner } from '../client-command-runner';
import { DeleteClientCommand } from './delete-client.command';

/** Deleting a client frees its name (a deleted holder holds nothing) and never deletes its contacts. */
@CommandHandler(DeleteClientCommand)
export class DeleteClientHandler implements ICommandHandler<DeleteClientCommand> {
  constructor(private readonly runner: ClientCommandRunner) {}

  execute({ clientId, context }: DeleteClientCommand): Promise<CommandResult> {
    return this.runner.run(clientId, { type: 'DeleteClient', clientId, actor: actorOf(context) }, context);
  }
}
