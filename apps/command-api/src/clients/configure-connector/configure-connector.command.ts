import { Command } from '@nestjs/cqrs';
import type { CommandContext, CommandResult } from '@dossiers/application';

/** PUT /clients/:id/connectors/:connectorId: enables a connector for the client, or changes its settings. */
export class ConfigureConnectorCommand extends Command<CommandResult> {
  constructor(
    readonly clientId: string,
    readonly connectorId: string,
    readonly settings: unknown,
    readonly context: CommandContext,
  ) {
    super();
  }
}
