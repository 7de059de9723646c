import type { ActivityEntry, ActivityFolder, ClientActivityDoc } from './activity.document';
import { getIn } from './chunked';

/** Where an entry happened: the fields of ActivityEntry that name a folder or a file. */
export type Place = Pick<
  ActivityEntry,
  'fileId' | 'fileName' | 'fileNameKey' | 'format' | 'folderId' | 'folderPath' | 'folderTrail'
>;

const place = (
  fileId: string | null,
  fileName: string | null,
  fileNameKey: string | null,
  format: string | null,
  folder: FolderPlace | null,
): Place => ({
  fileId,
  fileName,
  fileNameKey,
  format,
  folderId: folder?.folderId ?? null,
  folderPath: folder?.folderPath ?? null,
  folderTrail: folder?.folderTrail ?? null,
});

/** No command makes a parent chain loop, nor a tree this deep: the walk up stops there regardless. */
const MAX_DEPTH = 1000;

/**
 * The folder and its ancestors, root first, as the document knows them; empty when the folder is
 * unknown.
 */
export function ancestry(doc: ClientActivityDoc, folderId: string): ActivityFolder[] {
  const chain: ActivityFolder[] = [];
  let folder = getIn(doc.folders, folderId);
  while (folder && chain.length < MAX_DEPTH) {
    chain.push(folder);
    folder = folder.parentId === null ? undefined : getIn(doc.folders, folder.parentId);
  }
  return chain.reverse();
}

type FolderPlace = Pick<Place, 'folderId' | 'folderPath' | 'folderTrail'>;

function folderFields(doc: ClientActivityDoc, folderId: string): FolderPlace {
  const chain = ancestry(doc, folderId);
  if (chain.length === 0) return { folderId, folderPath: null, folderTrail: null };
  let folderPath = chain[0].name;
  let folderTrail = `/${chain[0].id}/`;
  for (let i = 1; i < chain.length; i++) {
    folderPath += `/${chain[i].name}`;
    folderTrail += `${chain[i].id}/`;
  }
  return { folderId, folderPath, folderTrail };
}

/** A folder's path ('A/B/C') and trail ('/idA/idB/idC/') in this document; null ones for an unknown folder. */
export function folderPlace(doc: ClientActivityDoc, folderId: string): Place {
  return place(null, null, null, null, folderFields(doc, folderId));
}

/** A file with its name, format and folder in this document (only its id when unknown). */
export function filePlace(doc: ClientActivityDoc, fileId: string): Place {
  const file = getIn(doc.files, fileId);
  if (!file) return place(fileId, null, null, null, null);
  return place(fileId, file.name, file.nameKey, file.format, folderFields(doc, file.folderId));
}

/** The ids of a folder's ancestors, root first, without the folder itself. */
export function ancestorIds(doc: ClientActivityDoc, folderId: string): string[] {
  return ancestry(doc, folderId)
    .slice(0, -1)
    .map((folder) => folder.id);
}
