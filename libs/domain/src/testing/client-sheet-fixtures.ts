import type { ClientEvent, SheetField, TreeTemplateFolder } from '@dossiers/events';
import type { ApplyTreeTemplate } from '../client/client-tree.commands';

/** A client for the specs of the sheet's tabs: Acme, with a SIREN, and a sheet template to load. */
export const clientId = 'c1';
export const acme: ClientEvent = {
  type: 'ClientCreated',
  data: { clientId, name: 'Acme', groupId: null, attributes: { siren: '552120222' } },
};
export const deleted: ClientEvent = { type: 'ClientDeleted', data: { clientId } };
export const attached = (contactId: string): ClientEvent => ({
  type: 'ContactAttached',
  data: { clientId, contactId, language: 'fr' },
});
export const fields: SheetField[] = [
  { key: 'siren', label: 'SIREN', type: 'text', required: true },
  { key: 'employees', label: 'Employees', type: 'number', required: false },
];
export const sheetLoaded: ClientEvent = {
  type: 'SheetTemplateLoaded',
  data: { clientId, templateId: 't1', templateName: 'Company', fields },
};
export const folders = (...paths: [string, 'none' | 'read' | 'full'][]): TreeTemplateFolder[] =>
  paths.map(([path, contactDefault]) => ({ path, contactDefault }));
export const applyTree = (templateId: string, template: TreeTemplateFolder[]): ApplyTreeTemplate => ({
  type: 'ApplyTreeTemplate',
  clientId,
  template: { templateId, name: templateId, folders: template },
  newFolderIds: Object.fromEntries(template.map((f) => [f.path, `${templateId}:${f.path}`])),
});
