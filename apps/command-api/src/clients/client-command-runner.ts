import { Injectable } from '@nestjs/common';
import {
  assertMayChangeClient,
  isFirmWide,
  ValidationError,
  visibleClient,
  type Actor,
  type ClientCommand,
  type ClientState,
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

/**
 * Every command on a client's stream goes through here. Access is checked first, on the state each
 * attempt decides on (an access revoked meanwhile is honoured): before the If-Match check, so a
 * precondition never answers for a client the caller may not see, and before the command's own
 * `prepare`, so a refused actor reserves or creates nothing.
 *
 * Members of the client (collaborators, contacts) go through folder rights, and the client's
 * revision moves with work in folders hidden from them: they are never told it (the answer's
 * revision is null, so no ETag), and may not state one in If-Match (400; `If-Match: *` is fine), which would otherwise
 * answer whether a guess is right.
 */
@Injectable()
export class ClientCommandRunner {
  constructor(private readonly aggregates: Aggregates) {}

  /** A client-level command (its info, contacts, collaborators, tree, connectors, forms, deletion): full access. */
  async run<Inputs = undefined>(
    clientId: string,
    command: CommandOf<ClientState, ClientCommand, Inputs>,
    context: CommandContext,
    { prepare }: HandleOptions<ClientState, Inputs> = {},
  ): Promise<CommandResult> {
    refuseMemberRevision(context);
    const result = await this.aggregates.clients.handle(clientId, command, context, {
      authorize: (state) => assertMayChangeClient(state, clientId, actorOf(context)),
      prepare,
    });
    return asSeenBy(context, result);
  }

  /** A folder or file command, which carries its actor and whose decider checks their folder rights itself. */
  async runChecked(
    clientId: string,
    command: ClientCommand,
    context: CommandContext,
  ): Promise<CommandResult> {
    refuseMemberRevision(context);
    const result = await this.aggregates.clients.handle(clientId, command, context, {
      authorize: (state) => visibleClient(state, clientId, actorOf(context)),
    });
    return asSeenBy(context, result);
  }
}

const isMember = (context: CommandContext) => !isFirmWide(context.role);

function refuseMemberRevision(context: CommandContext): void {
  if (isMember(context) && typeof context.expectedRevision === 'number')
    throw new ValidationError([
      {
        field: 'If-Match',
        message: "collaborators and contacts are not given a client's revision: send none, or If-Match: *",
      },
    ]);
}

/**
 * A member is not told the revision, nor, for a command that changed nothing, the stream's last
 * position (it would move with work hidden from them): position 0, nothing to wait for.
 */
const asSeenBy = (context: CommandContext, result: CommandResult): CommandResult =>
  isMember(context)
    ? { ...result, revisionHidden: true, position: result.unchanged ? 0 : result.position }
    : result;
