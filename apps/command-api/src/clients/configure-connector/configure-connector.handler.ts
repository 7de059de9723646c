import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { validOrThrow, type ConfigureConnector } from '@dossiers/domain';
import type { CommandResult } from '@dossiers/application';
import { ClientCommandRunner } from '../client-command-runner';
import { ConnectorSteps, storedSecretKeys } from '../steps/connector-steps';
import { ConfigureConnectorCommand } from './configure-connector.command';

/**
 * Enables a connector for the client, or changes its settings. A secret the client already keeps
 * for it may be left out (it stays), so the settings are checked against the state the command is
 * decided on, and their secrets encrypted then, in `prepare`.
 */
@CommandHandler(ConfigureConnectorCommand)
export class ConfigureConnectorHandler implements ICommandHandler<ConfigureConnectorCommand> {
  constructor(
    private readonly connectors: ConnectorSteps,
    private readonly runner: ClientCommandRunner,
  ) {}

  execute({ clientId, connectorId, settings, context }: ConfigureConnectorCommand): Promise<CommandResult> {
    return this.runner.run(clientId, (_, configured: ConfigureConnector) => configured, context, {
      prepare: async (state) => {
        const stored = storedSecretKeys(state, connectorId);
        return validOrThrow(this.connectors.connector(clientId, connectorId, settings ?? {}, '', stored));
      },
    });
  }
}
