/**
 * Value types shared by several aggregates' events. Plain JSON, like every payload.
 */

/** Languages a contact's activation email can be written in. */
export const LANGUAGES = ['fr', 'en', 'de', 'es', 'it', 'nl'] as const;
export type Language = (typeof LANGUAGES)[number];

/** A collaborator's access to a client: none = cannot see it, read = consult + download, full = also publish + modify. */
export const ACCESS_LEVELS = ['none', 'read', 'full'] as const;
export type Access = (typeof ACCESS_LEVELS)[number];

/** A field of a client sheet (from a sheet template). */
export const SHEET_FIELD_TYPES = ['text', 'number', 'date', 'email', 'phone', 'select'] as const;
export type SheetFieldType = (typeof SHEET_FIELD_TYPES)[number];
export type SheetField = {
  key: string;
  label: string;
  type: SheetFieldType;
  /** the allowed values of a `select` field; absent for other types */
  options?: string[];
  required: boolean;
};

/** A folder of a tree template: its full path ('Comptabilité/Factures') and the right contacts get on it. */
export type TreeTemplateFolder = {
  path: string;
  contactDefault: Access;
};

/** A folder of a client's tree. Its path follows from its parent chain, so a move changes no other event. */
export type ClientFolder = {
  folderId: string;
  parentId: string | null;
  name: string;
  /**
   * The right every contact of the client has on this folder unless one is set for them: from a
   * tree template, or `none` for a subfolder created under the tenant's `locked` policy; null
   * means the contacts inherit the parent's right.
   */
  contactDefault: Access | null;
};

/** A principal's right on a folder: an access level, or `inherit` (the parent folder's effective right). */
export const FOLDER_RIGHTS = ['none', 'read', 'full', 'inherit'] as const;
export type FolderRight = (typeof FOLDER_RIGHTS)[number];

/** Whether new subfolders start open to contacts (inherit) or closed (none for contacts). */
export const NEW_FOLDER_DEFAULTS = ['inherit', 'locked'] as const;
export type NewFolderDefault = (typeof NEW_FOLDER_DEFAULTS)[number];

export const FORM_QUESTION_TYPES = ['text', 'longtext', 'number', 'date', 'yesno', 'select', 'file'] as const;
export type FormQuestionType = (typeof FORM_QUESTION_TYPES)[number];
export type FormQuestion = {
  key: string;
  label: string;
  type: FormQuestionType;
  options?: string[];
  required: boolean;
};
export type FormSection = {
  title: string;
  questions: FormQuestion[];
};

/**
 * A secret kept in an event without its clear value: AES-256-GCM under a key that lives outside
 * the event store (SECRETS_KEY, or a key generated into DATA_DIR). `keyId` names the key, so keys
 * can be rotated; dropping a key shreds every secret written under it.
 */
export type EncryptedSecret = {
  keyId: string;
  iv: string;
  tag: string;
  data: string;
};

export type ConnectorSettingValue = string | number | boolean;
export type ConnectorSettings = Record<string, ConnectorSettingValue>;
