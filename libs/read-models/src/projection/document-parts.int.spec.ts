import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { normalizeText } from '@dossiers/domain';
import type { DomainEvent } from '@dossiers/events';
import { SqliteReadStore, type Document, type ReadStore } from '@dossiers/read-store';
import { loadDocuments, PART_KEYS } from './document-parts';
import { foldedCollections, foldProjections } from './fold';
import { collectionsOf, defineProjection, idFrom } from './projection';
import { recordingStore } from '../testing/recording-store';
import { toyEvents } from '../testing/toy-events';
import { ProjectionEngine } from './projection-engine';

/** A toy document in parts: a library's shelves, each stored apart, and its title in the head. */
interface LibraryDoc extends Document {
  title: string;
  shelves: Record<string, string[]>;
}

type LibraryEvent =
  | DomainEvent<'Opened' | 'Closed', { key: string }>
  | DomainEvent<'Titled', { key: string; title: string }>
  | DomainEvent<'Shelved', { key: string; shelf: string; book: string }>
  | DomainEvent<'Emptied', { key: string; shelf: string }>;

const libraries = defineProjection<LibraryDoc, LibraryEvent>({
  name: 'libraries',
  collection: 'libraries',
  indexes: [],
  canHandle: ['Opened', 'Closed', 'Titled', 'Shelved', 'Emptied'],
  creates: ['Opened'],
  documentId: idFrom('key'),
  parts: { collection: 'library_shelves', field: 'shelves' },
  evolve: (doc, event) => {
    if (event.type === 'Opened') return { _id: event.data.key, title: '', shelves: {} };
    if (!doc) return null;
    switch (event.type) {
      case 'Closed':
        return null;
      case 'Titled':
        return { ...doc, title: event.data.title };
      case 'Shelved': {
        const { shelf, book } = event.data;
        // Shares the shelves it does not change, as the permission model's FolderMap does.
        return { ...doc, shelves: { ...doc.shelves, [shelf]: [...(doc.shelves[shelf] ?? []), book] } };
      }
      case 'Emptied': {
        const { [event.data.shelf]: _gone, ...shelves } = doc.shelves;
        return { ...doc, shelves };
      }
    }
  },
  derived: {
    collections: [{ name: 'library_books', indexes: [] }],
    derive: (doc) =>
      Object.values(doc.shelves)
        .flat()
        .map((book) => ({
          collection: 'library_books',
          doc: { _id: `${doc._id}:${book}`, title: doc.title },
        })),
  },
});

const toy = toyEvents('library');
const event = (type: LibraryEvent['type'], data: { key: string } & Record<string, string>) => toy(type, data);

/** The writes the engine makes to each collection inside its transactions. */
function recordingWrites(store: ReadStore) {
  const { store: proxy, calls } = recordingStore(store, ['upsertMany', 'deleteMany']);
  return { store: proxy, writes: calls };
}

describe('a document stored in parts', () => {
  let dir: string;
  let store: SqliteReadStore;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'parts-'));
    store = new SqliteReadStore({ filename: join(dir, 'r.db'), normalizeText });
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const all = (name: string) => store.collection(name).find({}, { sort: [['_id', 1]] });
  const story = [
    event('Opened', { key: 'a' }),
    event('Titled', { key: 'a', title: 'Alexandria' }),
    event('Shelved', { key: 'a', shelf: 'poetry', book: 'iliad' }),
    event('Shelved', { key: 'a', shelf: 'history', book: 'herodotus' }),
    event('Shelved', { key: 'a', shelf: 'poetry', book: 'odyssey' }),
  ];

  it('keeps each entry of the field in a document of its own, and loads the whole document back', async () => {
    await new ProjectionEngine(store, [libraries]).applyBatch(story);

    expect(await all('libraries')).toEqual([
      { _id: 'a', title: 'Alexandria', [PART_KEYS]: ['history', 'poetry'] },
    ]);
    expect(await all('library_shelves')).toEqual([
      { _id: 'a:history', value: ['herodotus'] },
      { _id: 'a:poetry', value: ['iliad', 'odyssey'] },
    ]);
    expect(await loadDocuments(store, libraries, ['a', 'nowhere'])).toEqual([
      { _id: 'a', title: 'Alexandria', shelves: { history: ['herodotus'], poetry: ['iliad', 'odyssey'] } },
    ]);
    // evolve got the whole document: the next event changes it from what was loaded.
    await new ProjectionEngine(store, [libraries]).applyBatch([
      event('Shelved', { key: 'a', shelf: 'history', book: 'thucydides' }),
    ]);
    expect((await loadDocuments(store, libraries, ['a']))[0].shelves).toEqual({
      history: ['herodotus', 'thucydides'],
      poetry: ['iliad', 'odyssey'],
    });
    expect((await all('library_books')).map((b) => b._id)).toEqual([
      'a:herodotus',
      'a:iliad',
      'a:odyssey',
      'a:thucydides',
    ]);
  });

  it('writes only the parts whose entry changed, and the head only when the rest of it did', async () => {
    await new ProjectionEngine(store, [libraries]).applyBatch(story);
    const { store: watched, writes } = recordingWrites(store);
    const engine = new ProjectionEngine(watched, [libraries]);

    await engine.applyBatch([event('Shelved', { key: 'a', shelf: 'poetry', book: 'aeneid' })]);
    const upserted = (name: string) =>
      writes.filter(([c, m]) => c === name && m === 'upsertMany').flatMap(([, , docs]) => docs as Document[]);
    expect(upserted('library_shelves').map((d) => d._id)).toEqual(['a:poetry']);
    expect(upserted('libraries')).toEqual([]);

    writes.length = 0;
    await engine.applyBatch([event('Titled', { key: 'a', title: 'Pergamon' })]);
    expect(upserted('library_shelves')).toEqual([]);
    expect(upserted('libraries').map((d) => d.title)).toEqual(['Pergamon']);
  });

  it('deletes the part of an entry gone, and every part of a document deleted', async () => {
    const engine = new ProjectionEngine(store, [libraries]);
    await engine.applyBatch([
      ...story,
      event('Opened', { key: 'b' }),
      event('Shelved', { key: 'b', shelf: 's', book: 'x' }),
    ]);

    await engine.applyBatch([event('Emptied', { key: 'a', shelf: 'poetry' })]);
    expect((await all('library_shelves')).map((p) => p._id)).toEqual(['a:history', 'b:s']);
    expect((await all('libraries')).find((d) => d._id === 'a')![PART_KEYS]).toEqual(['history']);

    await engine.applyBatch([event('Closed', { key: 'a' })]);
    expect((await all('library_shelves')).map((p) => p._id)).toEqual(['b:s']);
    expect((await all('libraries')).map((d) => d._id)).toEqual(['b']);
  });

  it('stores in parts a document stored whole before its projection had parts, at its first change', async () => {
    // As an earlier version wrote it: the field inline, no parts, no PART_KEYS.
    await store
      .collection('libraries')
      .upsert({ _id: 'a', title: 'Alexandria', shelves: { poetry: ['iliad'] } });
    const engine = new ProjectionEngine(store, [libraries]);

    await engine.applyBatch([event('Shelved', { key: 'a', shelf: 'history', book: 'herodotus' })]);
    expect(await all('libraries')).toEqual([
      { _id: 'a', title: 'Alexandria', [PART_KEYS]: ['history', 'poetry'] },
    ]);
    expect(await all('library_shelves')).toEqual([
      { _id: 'a:history', value: ['herodotus'] },
      { _id: 'a:poetry', value: ['iliad'] },
    ]);
    // And from then on like any other: a change of the head alone loads and keeps every part.
    await engine.applyBatch([event('Titled', { key: 'a', title: 'Pergamon' })]);
    expect(await loadDocuments(store, libraries, ['a'])).toEqual([
      { _id: 'a', title: 'Pergamon', shelves: { history: ['herodotus'], poetry: ['iliad'] } },
    ]);
  });

  it('refuses to load a document whose part is missing, rather than hand on less of it', async () => {
    await new ProjectionEngine(store, [libraries]).applyBatch(story);
    await store.collection('library_shelves').delete('a:poetry');
    await expect(loadDocuments(store, libraries, ['a'])).rejects.toThrow(
      'library_shelves: part a:poetry of a is missing',
    );
  });

  it('is listed among the collections a rebuild drops, and folds into what the engine stores', async () => {
    expect(collectionsOf(libraries).map((c) => c.name)).toEqual([
      'libraries',
      'library_shelves',
      'library_books',
    ]);
    const more = [...story, event('Opened', { key: 'b' }), event('Emptied', { key: 'a', shelf: 'history' })];
    await new ProjectionEngine(store, [libraries]).applyBatch(more);

    const folded = foldedCollections([libraries], foldProjections([libraries], more));
    const byId = (a: Document, b: Document) => (a._id < b._id ? -1 : 1);
    for (const { name } of collectionsOf(libraries))
      expect([name, [...folded.get(name)!].sort(byId)]).toEqual([name, await all(name)]);
  });
});
