import type { SpecEvent } from '../testing/projection-specification';
import type { ActivityEntry } from './activity.document';
import {
  aTree,
  CLIENT,
  fileDownloaded,
  fileMoved,
  fileRenamed,
  fileUploaded,
  folderCreated,
  folderMoved,
  folderRenamed,
  loggedEntries,
  on,
  treeApplied,
} from './testing/activity.fixtures';

const clientId = CLIENT;

const entriesAfter = (history: SpecEvent[], events: SpecEvent | SpecEvent[]): ActivityEntry[] =>
  loggedEntries([...history, ...(Array.isArray(events) ? events : [events])]);
/** The entries the events made (not the history's) */
const newEntries = (history: SpecEvent[], events: SpecEvent[]) =>
  entriesAfter(history, events).slice(history.length);
const placeOf = ({ type, folderId, folderPath, folderTrail, otherFolderIds }: ActivityEntry) => ({
  type,
  folderId,
  folderPath,
  folderTrail,
  otherFolderIds,
});
const fileOf = ({ type, fileId, fileName, fileNameKey, format, folderId, folderPath }: ActivityEntry) => ({
  type,
  fileId,
  fileName,
  fileNameKey,
  format,
  folderId,
  folderPath,
});

describe('client-activity projection: folders and files, named as they were', () => {
  it('records folders created with their path and trail at that moment', () =>
    expect(newEntries([aTree()[0]], aTree().slice(1)).map(placeOf)).toEqual([
      {
        type: 'folder.created',
        folderId: 'd1',
        folderPath: 'Compta',
        folderTrail: '/d1/',
        otherFolderIds: [],
      },
      {
        type: 'folder.created',
        folderId: 'd2',
        folderPath: 'Compta/Factures',
        folderTrail: '/d1/d2/',
        otherFolderIds: [],
      },
      {
        type: 'folder.created',
        folderId: 'd3',
        folderPath: 'Archives',
        folderTrail: '/d3/',
        otherFolderIds: [],
      },
    ]));

  it('records a tree template with its name, count and folders, and knows its folders afterwards', () => {
    const entries = newEntries(
      [aTree()[0]],
      [
        treeApplied([
          { folderId: 't1', parentId: null, name: 'Social', contactDefault: 'read' },
          { folderId: 't2', parentId: 't1', name: 'Paie', contactDefault: 'none' },
        ]),
        folderCreated('t3', 't2', '2026'),
      ],
    );
    expect(entries[0]).toMatchObject({
      type: 'tree_template.applied',
      folderId: null,
      otherFolderIds: ['t1', 't2'],
      details: { templateId: 't1', templateName: 'Standard', folderCount: 2 },
    });
    expect(entries[1]).toMatchObject({ folderPath: 'Social/Paie/2026', folderTrail: '/t1/t2/t3/' });
  });

  it('names a renamed folder by its new path, and keeps the old path in the entries before', () => {
    const entries = newEntries(aTree(), [
      fileUploaded('f1', 'd2', 'a.pdf', 'pdf'),
      folderRenamed('d1', 'Comptabilité'),
      fileDownloaded('f1'),
    ]);
    expect(entries.map((e) => [e.type, e.folderPath, e.details])).toEqual([
      ['file.uploaded', 'Compta/Factures', { version: 1, size: 1234 }],
      ['folder.renamed', 'Comptabilité', { previousName: 'Compta', name: 'Comptabilité' }],
      ['file.downloaded', 'Comptabilité/Factures', { version: 1, partial: false }],
    ]);
  });

  it('moves a folder: its entry names both paths and the former trail; later entries show the new path, earlier ones keep the old', () => {
    const entries = newEntries(aTree(), [
      fileUploaded('f1', 'd2', 'a.pdf', 'pdf'),
      folderMoved('d2', 'd3'),
      fileDownloaded('f1'),
    ]);
    expect(entries.map(placeOf)).toEqual([
      {
        type: 'file.uploaded',
        folderId: 'd2',
        folderPath: 'Compta/Factures',
        folderTrail: '/d1/d2/',
        otherFolderIds: [],
      },
      {
        type: 'folder.moved',
        folderId: 'd2',
        folderPath: 'Archives/Factures',
        folderTrail: '/d3/d2/',
        otherFolderIds: ['d1'],
      },
      {
        type: 'file.downloaded',
        folderId: 'd2',
        folderPath: 'Archives/Factures',
        folderTrail: '/d3/d2/',
        otherFolderIds: [],
      },
    ]);
    expect(entries[1].details).toEqual({ previousPath: 'Compta/Factures' });
  });

  it('records a folder deleted by the path it had, the top of the subtree, and how many went', () => {
    const deleted = on({ type: 'FolderDeleted', data: { clientId, folderIds: ['d1', 'd2'] } });
    const [entry] = newEntries(aTree(), [deleted]);
    expect(entry).toMatchObject({
      type: 'folder.deleted',
      folderId: 'd1',
      folderPath: 'Compta',
      folderTrail: '/d1/',
      details: { folderCount: 2 },
    });
    // Gone from the context: a folder made again under the same id starts a new path.
    const [, again] = newEntries(aTree(), [deleted, folderCreated('d2', 'd3', 'Neuf')]);
    expect(again.folderPath).toBe('Archives/Neuf');
  });

  it('records a right set with its principal as subject, and a cascade by its folder alone', () => {
    const entries = newEntries(aTree(), [
      on({
        type: 'FolderPermissionSet',
        data: { clientId, folderId: 'd2', principalId: 'p1', right: 'none' },
      }),
      on({
        type: 'FolderPermissionsCascaded',
        data: { clientId, folderId: 'd1', rights: { p1: 'read', k1: 'full' }, folderIds: ['d2'] },
      }),
    ]);
    expect(entries.map((e) => [e.type, e.folderPath, e.subjectId, e.otherFolderIds, e.details])).toEqual([
      ['folder.right_set', 'Compta/Factures', 'p1', [], { right: 'none' }],
      ['folder.rights_cascaded', 'Compta', null, [], { folderCount: 1, principalCount: 2 }],
    ]);
  });

  it('records a file uploaded, a new version, a rename and a download, each with the name it had then', () => {
    const entries = newEntries(aTree(), [
      fileUploaded('f1', 'd2', 'Bilan Été.PDF', 'pdf'),
      on({
        type: 'FileVersionUploaded',
        data: {
          clientId,
          fileId: 'f1',
          version: 2,
          blobId: 'b2',
          size: 99,
          sha256: 'b'.repeat(64),
          contentType: 'x',
        },
      }),
      fileRenamed('f1', 'bilan.docx', 'docx'),
      fileDownloaded('f1', { start: 0, end: 9 }),
    ]);
    const file = ({ type, fileId, fileName, fileNameKey, format, folderId, folderPath }: ActivityEntry) => [
      [type, fileId, fileName, fileNameKey, format, folderId, folderPath],
    ];
    expect(entries.flatMap(file)).toEqual([
      ['file.uploaded', 'f1', 'Bilan Été.PDF', 'bilan ete.pdf', 'pdf', 'd2', 'Compta/Factures'],
      ['file.version_uploaded', 'f1', 'Bilan Été.PDF', 'bilan ete.pdf', 'pdf', 'd2', 'Compta/Factures'],
      ['file.renamed', 'f1', 'bilan.docx', 'bilan.docx', 'docx', 'd2', 'Compta/Factures'],
      ['file.downloaded', 'f1', 'bilan.docx', 'bilan.docx', 'docx', 'd2', 'Compta/Factures'],
    ]);
    expect(entries.map((e) => e.details)).toEqual([
      { version: 1, size: 1234 },
      { version: 2, size: 99 },
      { previousName: 'Bilan Été.PDF' },
      { version: 1, partial: true },
    ]);
    expect(entries[3]).toMatchObject({ actorId: 'contact:p1', folderTrail: '/d1/d2/' });
  });

  it('records a file moved with its new place, the former folder and its trail', () => {
    const [, moved, downloaded] = newEntries(aTree(), [
      fileUploaded('f1', 'd2', 'a.pdf', 'pdf'),
      fileMoved('f1', 'd3'),
      fileDownloaded('f1'),
    ]);
    expect(moved).toMatchObject({
      type: 'file.moved',
      folderId: 'd3',
      folderPath: 'Archives',
      folderTrail: '/d3/',
      otherFolderIds: ['d1', 'd2'],
      details: { previousFolderId: 'd2', previousPath: 'Compta/Factures' },
    });
    expect(downloaded).toMatchObject({ folderId: 'd3', folderPath: 'Archives' });
  });

  it('records a file deleted by the name and place it had; a later download of it names only its id', () => {
    const [, deleted, downloaded] = newEntries(aTree(), [
      fileUploaded('f1', 'd1', 'a.pdf', 'pdf'),
      on({ type: 'FileDeleted', data: { clientId, fileId: 'f1' } }),
      fileDownloaded('f1'),
    ]);
    expect(fileOf(deleted)).toEqual({
      type: 'file.deleted',
      fileId: 'f1',
      fileName: 'a.pdf',
      fileNameKey: 'a.pdf',
      format: 'pdf',
      folderId: 'd1',
      folderPath: 'Compta',
    });
    expect(fileOf(downloaded)).toEqual({
      type: 'file.downloaded',
      fileId: 'f1',
      fileName: null,
      fileNameKey: null,
      format: null,
      folderId: null,
      folderPath: null,
    });
  });

  it('takes downloads from their own stream, in the order of the log', () => {
    const entries = newEntries(aTree(), [
      fileUploaded('f1', 'd1', 'a.pdf', 'pdf'),
      fileDownloaded('f1'),
      fileRenamed('f1', 'b.pdf', 'pdf'),
      fileDownloaded('f1'),
    ]);
    expect(entries.filter((e) => e.type === 'file.downloaded').map((e) => e.fileName)).toEqual([
      'a.pdf',
      'b.pdf',
    ]);
    expect(entries.map((e) => e.position)).toEqual([5, 6, 7, 8]);
  });
});
