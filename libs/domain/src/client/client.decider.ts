import type { ClientEvent } from '@dossiers/events';
import { assertNever, type Decider } from '../shared/decider';
import { evolveClient, type ClientState } from './client.state';
import { decideClientInfo, type ClientInfoCommand } from './client-info.commands';
import { decideClientMember, type ClientMemberCommand } from './client-member.commands';
import { applyTreeTemplate, type ApplyTreeTemplate } from './client-tree.commands';
import { decideClientConnector, type ClientConnectorCommand } from './client-connector.commands';
import { decideFormCommand, type FormCommand } from './client-form.commands';
import { decideFolderCommand, type FolderCommand } from './client-folder.commands';
import { decideFileCommand, type FileCommand } from './client-file.commands';
import { decideReminder, type ReminderCommand } from './client-reminder.commands';
import { assertEventsFit, type SizeAdvice } from '../shared/event-size';
import { CLIENT_SIZE_ADVICE } from './client-event-size';

/**
 * The Client aggregate (stream clientStreamId): its state and evolve in client.state.ts, its
 * commands and their decisions one file per concept (client-*.commands.ts), gathered here.
 */
export type ClientCommand =
  | ClientInfoCommand
  | ClientMemberCommand
  | ApplyTreeTemplate
  | ClientConnectorCommand
  | FormCommand
  | FolderCommand
  | FileCommand
  | ReminderCommand;

const SIZE_ADVICE: Record<ClientCommand['type'], SizeAdvice> = CLIENT_SIZE_ADVICE;

/** The field a command's events grow with, and how to shrink them (client-event-size.ts). */
export const clientSizeAdvice = (command: Pick<ClientCommand, 'type'>): SizeAdvice =>
  SIZE_ADVICE[command.type];

/** Every decision must fit in one write to the event store: refused here, naming the field, if not. */
export function decideClient(command: ClientCommand, state: ClientState): ClientEvent[] {
  return assertEventsFit(decideClientUnchecked(command, state), clientSizeAdvice(command));
}

/** The decision without its size check: for the wizard, which checks its steps' events together. */
export function decideClientUnchecked(command: ClientCommand, state: ClientState): ClientEvent[] {
  switch (command.type) {
    case 'CreateClient':
    case 'UpdateClient':
    case 'DeleteClient':
    case 'LoadSheetTemplate':
      return decideClientInfo(command, state);
    case 'AttachContact':
    case 'DetachContact':
    case 'AssignCollaborator':
      return decideClientMember(command, state);
    case 'ApplyTreeTemplate':
      return applyTreeTemplate(command, state);
    case 'ConfigureConnector':
    case 'RemoveConnector':
      return decideClientConnector(command, state);
    case 'SendForm':
    case 'SendScheduledForm':
    case 'OpenForm':
    case 'SaveFormDraft':
    case 'AnswerForm':
      return decideFormCommand(command, state);
    case 'CreateFolder':
    case 'UpdateFolder':
    case 'DeleteFolder':
    case 'SetFolderPermission':
    case 'CascadePermissions':
      return decideFolderCommand(command, state);
    case 'UploadFile':
    case 'UploadFileVersion':
    case 'UpdateFile':
    case 'DeleteFile':
      return decideFileCommand(command, state);
    case 'ScheduleReminder':
    case 'ChangeReminder':
    case 'CancelReminder':
    case 'SendReminderNow':
    case 'SendReminderOccurrence':
      return decideReminder(command, state);
    default:
      return assertNever(command);
  }
}

export const clientDecider: Decider<ClientState, ClientCommand, ClientEvent> = {
  initialState: () => ({ status: 'absent' }),
  evolve: evolveClient,
  decide: decideClient,
};
