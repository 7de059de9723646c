import { Injectable } from '@nestjs/common';
import {
  assertMayChangeClient,
  ValidationError,
  type Actor,
  type ClientCommand,
  type ClientState,
  type FieldError,
} from '@dossiers/domain';
import {
  Aggregates,
  type CommandContext,
  type CommandOf,
  type CommandResult,
  type HandleOptions,
} from '@dossiers/application';

/** Who runs the command, as the domain's access rules see them. */
export const actorOf = (context: CommandContext): Actor => ({ id: context.actor, role: context.role });

/** Every command on a client's stream goes through here. */
@Injectable()
export class ClientCommandRunner {
  constructor(private readonly aggregates: Aggregates) {}

  /**
   * A client-level command (its info, contacts, collaborators, tree, connectors, forms, deletion):
   * the actor must be staff with full access to the client — checked on the state the command is
   * decided on, so an access revoked meanwhile is honoured.
   */
  run<Inputs = undefined>(
    clientId: string,
    command: CommandOf<ClientState, ClientCommand, Inputs>,
    context: CommandContext,
    options?: HandleOptions<ClientState, Inputs>,
  ): Promise<CommandResult> {
    return this.aggregates.clients.handle(
      clientId,
      (state: ClientState, inputs: Inputs) => {
        assertMayChangeClient(state, clientId, actorOf(context));
        return typeof command === 'function' ? command(state, inputs) : command;
      },
      context,
      options,
    );
  }

  /** A folder or file command, which carries its actor and whose decider checks their rights itself. */
  runChecked(clientId: string, command: ClientCommand, context: CommandContext): Promise<CommandResult> {
    return this.aggregates.clients.handle(clientId, command, context);
  }
}

/** A step's value once its errors are known to be none. */
export function orThrow<T>(step: { value: T | null; errors: FieldError[] }): T {
  if (step.errors.length > 0 || step.value === null) throw new ValidationError(step.errors);
  return step.value;
}
