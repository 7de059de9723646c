import { Injectable } from '@nestjs/common';
import type { CommandContext, CommandResult } from '@dossiers/application';
import { ClientCommandRunner } from '../client-command-runner';

/** Deleting a client frees its name (a deleted holder holds nothing) and never deletes its contacts. */
@Injectable()
export class DeleteClientHandler {
  constructor(private readonly runner: ClientCommandRunner) {}

  execute(clientId: string, context: CommandContext): Promise<CommandResult> {
    return this.runner.run(clientId, { type: 'DeleteClient', clientId }, context);
  }
}
