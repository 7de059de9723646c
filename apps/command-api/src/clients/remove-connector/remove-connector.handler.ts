import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandResult } from '@dossiers/application';
import { ClientCommandRunner } from '../client-command-runner';
import { RemoveConnectorCommand } from './remove-connector.command';

/** Disables a connector for the client; its stored secrets go with it. */
@CommandHandler(RemoveConnectorCommand)
export class RemoveConnectorHandler implements ICommandHandler<RemoveConnectorCommand> {
  constructor(private readonly runner: ClientCommandRunner) {}

  execute({ clientId, connectorId, context }: RemoveConnectorCommand): Promise<CommandResult> {
    return this.runner.run(clientId, { type: 'RemoveConnector', clientId, connectorId }, context);
  }
}
