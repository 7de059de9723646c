import type { ClientEvent, TreeTemplateFolder } from '@dossiers/events';
import { foldersToAdd } from '../folders/template-folders';
import { activeOrNotFound, type ClientState } from './client.state';

/** A tree template applied to the client's folders. */
export type ApplyTreeTemplate = {
  type: 'ApplyTreeTemplate';
  clientId: string;
  /** folders normalised and ordered parents first (checkTreeFolders) */
  template: { templateId: string; name: string; folders: TreeTemplateFolder[] };
  /** an id for each template path, used for the folders the client lacks */
  newFolderIds: Record<string, string>;
};

/** Merges: existing folders, their files and rights stay as they are; only missing folders are added. */
export function applyTreeTemplate(command: ApplyTreeTemplate, state: ClientState): ClientEvent[] {
  const client = activeOrNotFound(state, command.clientId);
  const folders = foldersToAdd(client.folders, command.template.folders, command.newFolderIds);
  if (folders.length === 0) return [];
  const { templateId, name: templateName } = command.template;
  return [
    { type: 'TreeTemplateApplied', data: { clientId: command.clientId, templateId, templateName, folders } },
  ];
}
