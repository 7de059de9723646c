import type { ActivityDoc, ClientActivityDoc } from './activity.document';
import {
  aTree,
  CLIENT,
  fileDownloaded,
  fileUploaded,
  loggedEntries,
  on,
  recorded,
} from './testing/activity.fixtures';
import { clientEntriesFilter, keptEntries, loggedActivity } from './activity-log';
import { clientActivityProjection } from './client-activity.projection';

/** The log's documents of these events, as the projection derives them. */
function logDocs(events: Parameters<typeof recorded>[0]): ActivityDoc[] {
  const docs: ActivityDoc[] = [];
  let doc: ClientActivityDoc | null = null;
  for (const event of recorded(events)) {
    doc = clientActivityProjection.evolve(doc, event as never);
    for (const derived of clientActivityProjection.derived!.derive(doc!))
      docs.push(derived.doc as ActivityDoc);
  }
  return docs;
}

/** A client document keeping these positions, in one chunk. */
const keeping = (positions: number[]): ClientActivityDoc => ({
  _id: CLIENT,
  tenant: 'firm-a',
  name: 'Acme',
  groupId: null,
  folders: {},
  files: {},
  connectors: {},
  contacts: {},
  forms: {},
  reminders: {},
  deleted: false,
  positions: [positions],
});

/** A log document at `position` for event `id`, nothing else said. */
const logged = (position: number, id: string): ActivityDoc => ({
  _id: `${String(position).padStart(16, '0')}:${id}`,
  tenant: 'firm-a',
  clientId: CLIENT,
  position,
  occurredAt: '2026-01-01T00:00:00.000Z',
  type: 'file.downloaded',
  actorId: 'user-1',
});

describe('the firm-wide log: its documents and the cap read back', () => {
  it('stores an entry without its null, [] and {} fields nor its id outside _id, and gives them back', () => {
    const events = [...aTree(), fileUploaded('f1', 'd2', 'Bilan.pdf', 'pdf'), fileDownloaded('f1')];
    const docs = logDocs(events);
    expect(docs[0]).toEqual({
      _id: '0000000000000001:e00001',
      tenant: 'firm-a',
      clientId: CLIENT,
      position: 1,
      occurredAt: '2026-01-01T00:00:00.000Z',
      type: 'client.created',
      actorId: 'user-1',
      details: { name: 'Acme' },
    });
    expect(docs[5]).toEqual({
      _id: '0000000000000006:e00006',
      tenant: 'firm-a',
      clientId: CLIENT,
      position: 6,
      occurredAt: '2026-01-01T00:00:05.000Z',
      type: 'file.downloaded',
      actorId: 'contact:p1',
      fileId: 'f1',
      fileName: 'Bilan.pdf',
      fileNameKey: 'bilan.pdf',
      format: 'pdf',
      folderId: 'd2',
      folderPath: 'Compta/Factures',
      folderTrail: '/d1/d2/',
      details: { version: 1, partial: false },
    });
    // Read back, every field is there again: what the projection described, null where nothing applies.
    expect(docs.map(loggedActivity)).toEqual(loggedEntries(events));
    expect(loggedActivity(docs[0])).toMatchObject({
      id: 'e00001',
      actorRole: null,
      fileId: null,
      format: null,
      otherFolderIds: [],
      subjectId: null,
    });
  });

  it('keeps an empty format (a file without extension), which is not a missing one', () => {
    const [, , , , upload] = logDocs([...aTree(), fileUploaded('f1', 'd1', 'LISEZMOI', '')]);
    expect(upload.format).toBe('');
    expect(loggedActivity(upload).format).toBe('');
  });

  it("finds a client's entries from its oldest kept position to its newest, and none when it keeps none", () => {
    expect(clientEntriesFilter(keeping([4, 7, 9]))).toEqual({
      tenant: 'firm-a',
      clientId: CLIENT,
      position: { $gte: 4, $lte: 9 },
    });
    expect(clientEntriesFilter(keeping([]))).toBeNull();
  });

  it('keeps, newest first, as many entries as the document keeps positions, the oldest by _id where they share one', () => {
    const doc = keeping([7, 7, 9]);
    // One append at 7 of three events (EventStoreDB's commit position), the cap having evicted one.
    const found = [logged(7, 'b'), logged(9, 'z'), logged(7, 'c'), logged(7, 'a')];
    expect(keptEntries(doc, found).map((e) => [e.position, e.id])).toEqual([
      [9, 'z'],
      [7, 'c'],
      [7, 'b'],
    ]);
    expect(keptEntries(keeping([9]), [logged(9, 'z')]).map((e) => e.id)).toEqual(['z']);
  });

  it('holds the entry a document was made with in memory only: stored, the document is its context and positions', () => {
    const [event] = recorded([
      on({ type: 'ClientCreated', data: { clientId: CLIENT, name: 'Acme', groupId: null, attributes: {} } }),
    ]);
    const doc = clientActivityProjection.evolve(null, event as never)!;
    expect(clientActivityProjection.derived!.derive(doc)).toHaveLength(1);
    const stored = JSON.parse(JSON.stringify(doc)) as ClientActivityDoc;
    expect(stored).toEqual(keeping([1]));
    expect(Object.keys(doc)).toEqual(Object.keys(stored));
    expect(clientActivityProjection.derived!.derive(stored)).toEqual([]);
  });
});
