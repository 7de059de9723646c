/**
 * Events of the Client aggregate (stream `client-<clientId>`).
 * The `type` string is what the event store stores; bump the schema version and add an upcaster
 * in upcasters.ts when a payload changes shape.
 */

import type {
  Access,
  ClientFolder,
  ConnectorSettings,
  EncryptedSecret,
  FolderRight,
  Language,
  SheetField,
} from './values';
import type { ReminderEvent } from './client-reminder.events';
import type { FormEvent } from './client-form.events';

/** string, number, boolean, or a date written as an ISO-8601 string (YYYY-MM-DD or a full instant). */
export type AttributeValue = string | number | boolean;
export type Attributes = Record<string, AttributeValue>;

export type ClientCreated = {
  type: 'ClientCreated';
  data: { clientId: string; name: string; groupId: string | null; attributes: Attributes };
};
export type ClientRenamed = { type: 'ClientRenamed'; data: { clientId: string; name: string } };
export type ClientGroupChanged = {
  type: 'ClientGroupChanged';
  data: { clientId: string; groupId: string | null };
};
/** `set` adds or replaces values; `removed` lists keys that are gone. */
export type ClientAttributesChanged = {
  type: 'ClientAttributesChanged';
  data: { clientId: string; set: Attributes; removed: string[] };
};
export type ClientDeleted = { type: 'ClientDeleted'; data: { clientId: string } };

/** The template's fields the client did not have yet (a field already on the sheet keeps its definition and value). */
export type SheetTemplateLoaded = {
  type: 'SheetTemplateLoaded';
  data: { clientId: string; templateId: string; templateName: string; fields: SheetField[] };
};

/** `language`: the language of this client's emails to the contact (activation, forms). */
export type ContactAttached = {
  type: 'ContactAttached';
  data: { clientId: string; contactId: string; language: Language };
};
/** The language of this client's emails to a contact already attached changed. */
export type ContactLanguageChanged = {
  type: 'ContactLanguageChanged';
  data: { clientId: string; contactId: string; language: Language };
};
/** Asks for an activation email; the mail reactor sends one per such event, and its id is the invitation id. */
export type ContactInvited = {
  type: 'ContactInvited';
  data: { clientId: string; contactId: string; language: Language };
};
/** The contact stays in the directory; only its link to this client goes. */
export type ContactDetached = { type: 'ContactDetached'; data: { clientId: string; contactId: string } };

/** `previousAccess`: null when the collaborator had never been assigned (which means none). */
export type CollaboratorAccessSet = {
  type: 'CollaboratorAccessSet';
  data: { clientId: string; collaboratorId: string; access: Access; previousAccess: Access | null };
};

/** Only the folders the client's tree lacked; parents come before their children. */
export type TreeTemplateApplied = {
  type: 'TreeTemplateApplied';
  data: { clientId: string; templateId: string; templateName: string; folders: ClientFolder[] };
};

/**
 * `settings` holds the connector's non-secret settings as they now are; `secrets` holds every
 * secret setting, encrypted, so no read model or history ever shows a clear secret.
 */
export type ConnectorConfigured = {
  type: 'ConnectorConfigured';
  data: {
    clientId: string;
    connectorId: string;
    settings: ConnectorSettings;
    secrets: Record<string, EncryptedSecret>;
  };
};
export type ConnectorRemoved = { type: 'ConnectorRemoved'; data: { clientId: string; connectorId: string } };

/** A folder added by hand under `parentId` (null: at the root). */
export type FolderCreated = { type: 'FolderCreated'; data: { clientId: string } & ClientFolder };
export type FolderRenamed = {
  type: 'FolderRenamed';
  data: { clientId: string; folderId: string; name: string };
};
/** The folder and its subtree now hang under `parentId`; rights set on them stay, inherited ones follow the new parent. */
export type FolderMoved = {
  type: 'FolderMoved';
  data: { clientId: string; folderId: string; parentId: string | null };
};
/** `folderIds`: the folder and every folder below it; their files were deleted by the events just before. */
export type FolderDeleted = { type: 'FolderDeleted'; data: { clientId: string; folderIds: string[] } };

/** SetFolderPermission: `principalId` is a contact of the client or a collaborator of the firm. */
export type FolderPermissionSet = {
  type: 'FolderPermissionSet';
  data: { clientId: string; folderId: string; principalId: string; right: FolderRight };
};
/**
 * CascadePermissions: `rights` (this folder's effective right per principal) was copied onto each
 * of `folderIds`, the descendants whose rights it changed.
 */
export type FolderPermissionsCascaded = {
  type: 'FolderPermissionsCascaded';
  data: { clientId: string; folderId: string; rights: Record<string, Access>; folderIds: string[] };
};

/** A file's content, stored in the blob store under `blobId`; `sha256` in hex. */
export type FileContent = { blobId: string; size: number; sha256: string; contentType: string };
export type FileUploaded = {
  type: 'FileUploaded';
  data: {
    clientId: string;
    fileId: string;
    folderId: string;
    name: string;
    format: string;
    version: 1;
  } & FileContent;
};
export type FileVersionUploaded = {
  type: 'FileVersionUploaded';
  data: { clientId: string; fileId: string; version: number } & FileContent;
};
export type FileRenamed = {
  type: 'FileRenamed';
  data: { clientId: string; fileId: string; name: string; format: string };
};
export type FileMoved = { type: 'FileMoved'; data: { clientId: string; fileId: string; folderId: string } };
export type FileDeleted = { type: 'FileDeleted'; data: { clientId: string; fileId: string } };

export type ClientEvent =
  | ClientCreated
  | ClientRenamed
  | ClientGroupChanged
  | ClientAttributesChanged
  | ClientDeleted
  | SheetTemplateLoaded
  | ContactAttached
  | ContactLanguageChanged
  | ContactInvited
  | ContactDetached
  | CollaboratorAccessSet
  | TreeTemplateApplied
  | ConnectorConfigured
  | ConnectorRemoved
  | FormEvent
  | FolderCreated
  | FolderRenamed
  | FolderMoved
  | FolderDeleted
  | FolderPermissionSet
  | FolderPermissionsCascaded
  | FileUploaded
  | FileVersionUploaded
  | FileRenamed
  | FileMoved
  | FileDeleted
  | ReminderEvent;

/**
 * Downloads of a client's files (stream `client-downloads-<clientId>`). Kept apart from the
 * client's stream: a download decides nothing, so it must not move the client's revision and make
 * a concurrent edit fail its If-Match. Who downloaded is in the metadata (actor); `range` is set
 * when only part of the content was sent.
 */
export type FileDownloaded = {
  type: 'FileDownloaded';
  data: { clientId: string; fileId: string; version: number; range: { start: number; end: number } | null };
};
export type ClientDownloadEvent = FileDownloaded;

/**
 * Events of a client-name reservation (stream `client-name-<hash of tenant and normalised name>`),
 * which keeps client names unique per tenant under concurrency. `holderRevision` is the client's
 * stream revision when it reserved: -1 for a client about to be created.
 */
export type ClientNameReserved = {
  type: 'ClientNameReserved';
  data: { clientId: string; name: string; reservedAt: string; holderRevision: number };
};

export type ClientNameEvent = ClientNameReserved;
