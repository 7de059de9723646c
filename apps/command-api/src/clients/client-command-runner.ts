import { Inject, Injectable } from '@nestjs/common';
import {
  clientDecider,
  clientStreamId,
  NotFoundError,
  ValidationError,
  assertMayChangeClient,
  type Actor,
  type ClientCommand,
  type ClientState,
  type FieldError,
} from '@dossiers/domain';
import { handleCommand, type CommandContext, type CommandResult } from '@dossiers/application';
import { EVENT_STORE, type EventStore } from '@dossiers/event-store';

type CommandBuilder = (state: ClientState, revision: number) => ClientCommand | Promise<ClientCommand>;

/** Who runs the command, as the domain's access rules see them. */
export const actorOf = (context: CommandContext): Actor => ({ id: context.actor, role: context.role });

/** Every command on a client's stream goes through here. */
@Injectable()
export class ClientCommandRunner {
  constructor(@Inject(EVENT_STORE) private readonly eventStore: EventStore) {}

  /**
   * A client-level command (its info, contacts, collaborators, tree, connectors, forms, deletion):
   * the actor must be staff with full access to the client — checked on the state the command is
   * decided on, so an access revoked meanwhile is honoured.
   */
  run(
    clientId: string,
    command: ClientCommand | CommandBuilder,
    context: CommandContext,
  ): Promise<CommandResult> {
    return this.decide(
      clientId,
      async (state, revision) => {
        assertMayChangeClient(state, clientId, actorOf(context));
        return typeof command === 'function' ? command(state, revision) : command;
      },
      context,
    );
  }

  /** A folder or file command, which carries its actor and whose decider checks their rights itself. */
  runChecked(
    clientId: string,
    command: ClientCommand | CommandBuilder,
    context: CommandContext,
  ): Promise<CommandResult> {
    return this.decide(clientId, command, context);
  }

  private decide(clientId: string, command: ClientCommand | CommandBuilder, context: CommandContext) {
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
