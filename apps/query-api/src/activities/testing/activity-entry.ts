import type { ActivityEntry } from '@dossiers/read-models';

/** A folder and its subfolder, as the entries below name them. */
export const FOLDER = '0b6e8c1e-3a5d-4a8e-9a55-6c1f2d3e4f50';
export const SUB = '1c7f9d2f-4b6e-4b9f-8b66-7d2e3f4a5b61';

/** An entry built by hand, as the activity projection would store it: a file uploaded into FOLDER/SUB. */
export const activityEntry = (fields: Partial<ActivityEntry> = {}): ActivityEntry => ({
  id: 'e1',
  position: 10,
  occurredAt: '2026-03-01T10:00:00.000Z',
  type: 'file.uploaded',
  actorId: 'collab-1',
  actorRole: 'collaborator',
  fileId: 'f1',
  fileName: 'État Bilan.PDF',
  fileNameKey: 'etat bilan.pdf',
  format: 'pdf',
  folderId: SUB,
  folderPath: 'Compta/Factures',
  folderTrail: `/${FOLDER}/${SUB}/`,
  otherFolderIds: [],
  subjectId: null,
  details: {},
  ...fields,
});
