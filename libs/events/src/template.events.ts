import type { FormSection, Language, SheetField, TreeTemplateFolder } from './values';

/**
 * Events of the firm's templates: sheet templates (`sheet-template-<id>`), folder-tree templates
 * (`tree-template-<id>`), form templates (`form-template-<id>`) and reminder templates
 * (`reminder-template-<id>`). A template's later edits never reach the clients it was applied to:
 * clients keep a copy of what they loaded.
 */
export type SheetTemplateCreated = {
  type: 'SheetTemplateCreated';
  data: { templateId: string; name: string; fields: SheetField[] };
};
export type SheetTemplateReplaced = {
  type: 'SheetTemplateReplaced';
  data: { templateId: string; name: string; fields: SheetField[] };
};
export type SheetTemplateDeleted = { type: 'SheetTemplateDeleted'; data: { templateId: string } };
export type SheetTemplateEvent = SheetTemplateCreated | SheetTemplateReplaced | SheetTemplateDeleted;

/** `folders` lists every folder, parents first; parents implied by a path are spelled out. */
export type TreeTemplateCreated = {
  type: 'TreeTemplateCreated';
  data: { templateId: string; name: string; folders: TreeTemplateFolder[] };
};
export type TreeTemplateReplaced = {
  type: 'TreeTemplateReplaced';
  data: { templateId: string; name: string; folders: TreeTemplateFolder[] };
};
export type TreeTemplateDeleted = { type: 'TreeTemplateDeleted'; data: { templateId: string } };
export type TreeTemplateEvent = TreeTemplateCreated | TreeTemplateReplaced | TreeTemplateDeleted;

/** A text per language, `{{placeholders}}` included (e.g. the email that sends a form). */
export type LanguageTexts = Partial<Record<Language, string>>;

/**
 * v2 added `targetFolderPath` (where the submitted form's report is filed, 'Social/Questionnaires';
 * null: the client's root) and `messages` (the email's text per language; v1 events have none).
 */
export type FormTemplateCreated = {
  type: 'FormTemplateCreated';
  data: {
    templateId: string;
    name: string;
    sections: FormSection[];
    targetFolderPath: string | null;
    messages: LanguageTexts;
  };
};
export type FormTemplateEvent = FormTemplateCreated;

/** A reminder's subject and body per language (fr or en among them), `{{placeholders}}` included. */
export type ReminderTemplateTexts = Partial<Record<Language, { subject: string; body: string }>>;

export type ReminderTemplateCreated = {
  type: 'ReminderTemplateCreated';
  data: { templateId: string; name: string; texts: ReminderTemplateTexts };
};
export type ReminderTemplateReplaced = {
  type: 'ReminderTemplateReplaced';
  data: { templateId: string; name: string; texts: ReminderTemplateTexts };
};
export type ReminderTemplateDeleted = { type: 'ReminderTemplateDeleted'; data: { templateId: string } };
export type ReminderTemplateEvent =
  ReminderTemplateCreated | ReminderTemplateReplaced | ReminderTemplateDeleted;
