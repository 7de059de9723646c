import type { FormSection, SheetField, TreeTemplateFolder } from './values';

/**
 * Events of the firm's templates: sheet templates (`sheet-template-<id>`), folder-tree templates
 * (`tree-template-<id>`) and form templates (`form-template-<id>`). A template's later edits never
 * reach the clients it was applied to: clients keep a copy of what they loaded.
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

export type FormTemplateCreated = {
  type: 'FormTemplateCreated';
  data: { templateId: string; name: string; sections: FormSection[] };
};
export type FormTemplateEvent = FormTemplateCreated;
