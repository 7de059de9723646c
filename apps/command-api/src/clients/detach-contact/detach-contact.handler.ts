import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandResult } from '@dossiers/application';
import { ClientCommandRunner } from '../client-command-runner';
import { DetachContactCommand } from './detach-contact.command';

/** Unlinks a contact from the client; the contact stays in the directory. */
@CommandHandler(DetachContactCommand)
export class DetachContactHandler implements ICommandHandler<DetachContactCommand> {
  constructor(private readonly runner: ClientCommandRunner) {}

  execute({ clientId, contactId, context }: DetachContactCommand): Promise<CommandResult> {
    return this.runner.run(clientId, { type: 'DetachContact', clientId, contactId }, context);
  }
}
