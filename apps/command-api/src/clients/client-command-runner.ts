import { Inject, Injectable } from '@nestjs/common';
import {
  clientDecider,
  clientStreamId,
  NotFoundError,
  ValidationError,
  type ClientCommand,
  type ClientState,
  type FieldError,
} from '@dossiers/domain';
import { handleCommand, type CommandContext, type CommandResult } from '@dossiers/application';
import { EVENT_STORE, type EventStore } from '@dossiers/event-store';

/** The client sheet's tabs all run one client command on the client's stream. */
@Injectable()
export class ClientCommandRunner {
  constructor(@Inject(EVENT_STORE) private readonly eventStore: EventStore) {}

  run(
    clientId: string,
    command:
      ClientCommand | ((state: ClientState, revision: number) => ClientCommand | Promise<ClientCommand>),
    context: CommandContext,
  ): Promise<CommandResult> {
    return handleCommand(
      this.eventStore,
      clientDecider,
      clientStreamId(clientId),
      command,
      context,
      () => new NotFoundError('client', clientId),
    );
  }
}

/** A step's value once its errors are known to be none. */
export function orThrow<T>(step: { value: T | null; errors: FieldError[] }): T {
  if (step.errors.length > 0 || step.value === null) throw new ValidationError(step.errors);
  return step.value;
}
