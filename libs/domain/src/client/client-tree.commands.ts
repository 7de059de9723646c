import type { ClientEvent, TreeTemplateFolder } from '@dossiers/events';
import { foldersToAdd } from '../folders/template-folders';
import type { Actor } from '../shared/actor';
import { ForbiddenError } from '../shared/domain-errors';
import { folderRightOf } from './client-access';
import { activeOrNotFound, type ClientState } from './client.state';

/** A tree template applied to the client's folders. */
export type ApplyTreeTemplate = {
  type: 'ApplyTreeTemplate';
  clientId: string;
  /** folders normalised and ordered parents first (checkTreeFolders) */
  template: { templateId: string; name: string; folders: TreeTemplateFolder[] };
  /** an id for each template path, used for the folders the client lacks */
  newFolderIds: Record<string, string>;
  /** who applies it: a collaborator adds folders only under folders that are theirs with full */
  actor?: Actor;
};

/** Merges: existing folders, their files and rights stay as they are; only missing folders are added. */
export function applyTreeTemplate(command: ApplyTreeTemplate, state: ClientState): ClientEvent[] {
  const client = activeOrNotFound(state, command.clientId);
  const folders = foldersToAdd(client.folders, command.template.folders, command.newFolderIds);
  if (folders.length === 0) return [];
  // Under an existing folder closed or read-only to a collaborator, adding one would plant folders
  // (and their contacts' defaults) where the firm kept them out.
  const { actor } = command;
  if (actor)
    for (const { parentId } of folders)
      if (
        parentId !== null &&
        Object.hasOwn(client.folders, parentId) &&
        folderRightOf(client, parentId, actor) !== 'full'
      )
        throw new ForbiddenError(
          'FORBIDDEN',
          'Some folders of this tree would go under folders that are not yours',
        );
  const { templateId, name: templateName } = command.template;
  return [
    { type: 'TreeTemplateApplied', data: { clientId: command.clientId, templateId, templateName, folders } },
  ];
}
