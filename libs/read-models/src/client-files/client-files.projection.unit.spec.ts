import type { FileContent } from '@dossiers/events';
import { projectionSpecification, type SpecEvent } from '../testing/projection-specification';
import type { ClientFileDoc } from './client-file.document';
import { clientFilesProjection } from './client-files.projection';

const minute = (at: number) => new Date(Date.UTC(2026, 0, 1, 10, at)).toISOString();

/** An event of client `clientId`'s stream, at minute `at` by `actor` (revisions follow the stream). */
const ofClient = (clientId: string, event: SpecEvent, at = 0, actor = 'user-1'): SpecEvent => ({
  ...event,
  streamId: `client-${clientId}`,
  metadata: { occurredAt: minute(at), actor },
});

const created = (clientId = 'c1'): SpecEvent =>
  ofClient(clientId, {
    type: 'ClientCreated',
    data: { clientId, name: `Client ${clientId}`, groupId: null, attributes: {} },
  });

const content = (n: number): FileContent => ({
  blobId: `blob-${n}`,
  size: 100 * n,
  sha256: `${n}`.repeat(64),
  contentType: n % 2 ? 'application/pdf' : 'application/octet-stream',
});

const uploaded = (
  { clientId = 'c1', fileId = 'f1', folderId = 'd1', name = '  Bilan  Été 2025.PDF ' } = {},
  at = 1,
  actor = 'user-1',
): SpecEvent =>
  ofClient(
    clientId,
    {
      type: 'FileUploaded',
      data: { clientId, fileId, folderId, name, format: 'pdf', version: 1, ...content(1) },
    },
    at,
    actor,
  );

const versionUploaded = (version: number, at: number, actor = 'user-2', clientId = 'c1', fileId = 'f1') =>
  ofClient(
    clientId,
    { type: 'FileVersionUploaded', data: { clientId, fileId, version, ...content(version) } },
    at,
    actor,
  );

const renamed = (name: string, format: string, at: number, clientId = 'c1', fileId = 'f1') =>
  ofClient(clientId, { type: 'FileRenamed', data: { clientId, fileId, name, format } }, at, 'user-3');

const moved = (folderId: string, at: number, clientId = 'c1', fileId = 'f1') =>
  ofClient(clientId, { type: 'FileMoved', data: { clientId, fileId, folderId } }, at, 'user-3');

const deleted = (at: number, clientId = 'c1', fileId = 'f1') =>
  ofClient(clientId, { type: 'FileDeleted', data: { clientId, fileId } }, at, 'user-3');

/** The document of `uploaded()` on a stream where ClientCreated is revision 0. */
const uploadedDoc: ClientFileDoc = {
  _id: 'c1:f1',
  tenant: 'firm-a',
  clientId: 'c1',
  fileId: 'f1',
  folderId: 'd1',
  name: '  Bilan  Été 2025.PDF ',
  nameSort: 'bilan ete 2025.pdf',
  format: 'pdf',
  version: 1,
  ...content(1),
  createdBy: 'user-1',
  createdAt: minute(1),
  updatedBy: 'user-1',
  updatedAt: minute(1),
  versions: [{ version: 1, ...content(1), uploadedBy: 'user-1', uploadedAt: minute(1) }],
  revision: 1,
};

describe('client-files projection', () => {
  const spec = projectionSpecification(clientFilesProjection);

  it('handles the five file events of the client stream, and nothing else (not ClientDeleted)', () =>
    expect([...clientFilesProjection.canHandle].sort()).toEqual([
      'FileDeleted',
      'FileMoved',
      'FileRenamed',
      'FileUploaded',
      'FileVersionUploaded',
    ]));

  it('makes an uploaded file one document, keyed clientId:fileId, with its first version as the current one', () =>
    spec.given([created()]).when(uploaded()).then([uploadedDoc]));

  it('takes the tenant from the envelope', () =>
    spec
      .given([created()])
      .when({ ...uploaded(), metadata: { occurredAt: minute(1), tenant: 'firm-b' } })
      .thenMatches([{ _id: 'c1:f1', tenant: 'firm-b' }]));

  it('makes a new version the current one and keeps every version, oldest first', () =>
    spec
      .given([created(), uploaded()])
      .when([versionUploaded(2, 5), versionUploaded(3, 9, 'user-4')])
      .then([
        {
          ...uploadedDoc,
          version: 3,
          ...content(3),
          updatedBy: 'user-4',
          updatedAt: minute(9),
          versions: [
            { version: 1, ...content(1), uploadedBy: 'user-1', uploadedAt: minute(1) },
            { version: 2, ...content(2), uploadedBy: 'user-2', uploadedAt: minute(5) },
            { version: 3, ...content(3), uploadedBy: 'user-4', uploadedAt: minute(9) },
          ],
          revision: 3,
        },
      ]));

  it('keeps the current version the last one of the list', () => {
    const [doc] = spec
      .given([created(), uploaded(), versionUploaded(2, 5)])
      .when(versionUploaded(3, 9))
      .documents();
    const { uploadedBy: _by, uploadedAt: _at, ...last } = doc.versions[doc.versions.length - 1];
    expect(last).toEqual({
      version: doc.version,
      size: doc.size,
      sha256: doc.sha256,
      contentType: doc.contentType,
      blobId: doc.blobId,
    });
  });

  it('renames a file: name, its sort key and format change, the content and folder stay', () =>
    spec
      .given([created(), uploaded(), versionUploaded(2, 5)])
      .when(renamed('Ｓｏｃｉéｔé\u200b  Générale.docx', 'docx', 7))
      .then([
        {
          ...uploadedDoc,
          name: 'Ｓｏｃｉéｔé\u200b  Générale.docx',
          nameSort: 'societe generale.docx',
          format: 'docx',
          version: 2,
          ...content(2),
          updatedBy: 'user-3',
          updatedAt: minute(7),
          versions: [
            uploadedDoc.versions[0],
            { version: 2, ...content(2), uploadedBy: 'user-2', uploadedAt: minute(5) },
          ],
          revision: 3,
        },
      ]));

  it('moves a file to another folder and changes nothing else but who touched it, when, and the revision', () =>
    spec
      .given([created(), uploaded()])
      .when(moved('d2', 4))
      .then([{ ...uploadedDoc, folderId: 'd2', updatedBy: 'user-3', updatedAt: minute(4), revision: 2 }]));

  it('deletes the document of a deleted file, and only that one', () =>
    spec
      .given([created(), uploaded(), uploaded({ fileId: 'f2', name: 'Autre.pdf' }, 2)])
      .when(deleted(3))
      .thenMatches([{ _id: 'c1:f2', fileId: 'f2', nameSort: 'autre.pdf' }]));

  it('leaves no document after a delete', () =>
    spec.given([created(), uploaded()]).when(deleted(3)).then([]));

  it('ignores a new version, rename or move of a file that is gone (no document comes back)', () =>
    spec
      .given([created(), uploaded(), deleted(3)])
      .when([versionUploaded(2, 4), renamed('Nouveau.pdf', 'pdf', 5), moved('d2', 6), deleted(7)])
      .then([]));

  it('ignores events of a file it never saw uploaded', () =>
    spec
      .given([created()])
      .when([versionUploaded(2, 4), renamed('Nouveau.pdf', 'pdf', 5), moved('d2', 6)])
      .then([]));

  it('keeps files of the same id in two clients apart', () =>
    spec
      .given([created('c1'), created('c2'), uploaded({ clientId: 'c1' }), uploaded({ clientId: 'c2' }, 2)])
      .when(moved('d9', 3, 'c2'))
      .thenMatches([
        { _id: 'c1:f1', clientId: 'c1', folderId: 'd1' },
        { _id: 'c2:f1', clientId: 'c2', folderId: 'd9' },
      ]));

  it("keeps a deleted client's file documents (ClientDeleted is not handled)", () =>
    spec
      .given([created(), uploaded()])
      .when(ofClient('c1', { type: 'ClientDeleted', data: { clientId: 'c1' } }, 8))
      .then([uploadedDoc]));
});
