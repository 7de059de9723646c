import type { SizeAdvice } from '../shared/event-size';

/**
 * For each client command, the request field whose size its events grow with, named as its route
 * (and the wizard) calls it, and what to do when they would not fit in one write. Keyed by command
 * type; client.decider.ts checks that every command has its entry.
 */
export const CLIENT_SIZE_ADVICE = {
  CreateClient: { field: 'attributes', advice: 'use fewer or shorter attributes' },
  UpdateClient: { field: 'attributes', advice: 'change the attributes in several requests' },
  DeleteClient: { field: 'clientId', advice: 'detach some of its contacts first' },
  LoadSheetTemplate: { field: 'sheetTemplateId', advice: 'load a template with fewer fields' },
  AttachContact: { field: 'contactId', advice: 'ask an admin to attach this contact' },
  DetachContact: { field: 'contactId', advice: 'this request cannot be shortened' },
  AssignCollaborator: { field: 'collaborators', advice: 'assign fewer collaborators at once' },
  ApplyTreeTemplate: { field: 'treeTemplateId', advice: 'apply a template with fewer folders' },
  ConfigureConnector: { field: 'settings', advice: 'use shorter setting values' },
  RemoveConnector: { field: 'connectorId', advice: 'this request cannot be shortened' },
  SendForm: { field: 'message', advice: 'shorten the message or send the form to fewer recipients' },
  SendScheduledForm: { field: 'formId', advice: 'send the form to fewer recipients' },
  OpenForm: { field: 'formId', advice: 'this request cannot be shortened' },
  SaveFormDraft: { field: 'answers', advice: 'shorten the answers' },
  AnswerForm: { field: 'answers', advice: 'shorten the answers' },
  CreateFolder: { field: 'name', advice: 'this request cannot be shortened' },
  UpdateFolder: { field: 'name', advice: 'this request cannot be shortened' },
  DeleteFolder: { field: 'folderId', advice: 'delete some of its subfolders or files first' },
  SetFolderPermission: { field: 'principalId', advice: 'this request cannot be shortened' },
  CascadePermissions: {
    field: 'principalIds',
    advice: 'cascade the rights of fewer principals, or from lower folders',
  },
  UploadFile: { field: 'name', advice: 'this request cannot be shortened' },
  UploadFileVersion: { field: 'fileId', advice: 'this request cannot be shortened' },
  UpdateFile: { field: 'name', advice: 'this request cannot be shortened' },
  DeleteFile: { field: 'fileId', advice: 'this request cannot be shortened' },
  ScheduleReminder: { field: 'body', advice: 'shorten the texts' },
  ChangeReminder: { field: 'body', advice: 'shorten the texts' },
  CancelReminder: { field: 'reminderId', advice: 'this request cannot be shortened' },
  SendReminderNow: { field: 'body', advice: 'shorten the texts or send to fewer recipients' },
  SendReminderOccurrence: { field: 'body', advice: 'shorten the texts or send to fewer recipients' },
} satisfies Record<string, SizeAdvice>;
