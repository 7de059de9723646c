import { randomUUID } from 'node:crypto';
import { toNewEvents } from '@dossiers/application';
import type { ClientEvent } from '@dossiers/events';
import { APPEND_BUDGET_BYTES, appendBytes, checkTreeFolders, ValidationError } from '@dossiers/domain';
import { appendSize, MAX_APPEND_BYTES } from '@dossiers/event-store';
import {
  openEmbeddedStreams,
  testCommandContext,
  type EmbeddedStreams,
} from '../shared/testing/embedded-streams';
import { TemplateWriters } from './template-writer';

/**
 * The domain's event budget against the store's own limit: what the domain lets through, with the
 * heaviest metadata a request gives, is always under MAX_APPEND_BYTES, so the store's 413 is a
 * safety net no request of the API reaches; and a tree template too heavy to apply answers 400.
 */
const heaviestContext = (role: 'admin' | 'collaborator' = 'collaborator') =>
  testCommandContext({
    tenant: 't'.repeat(64),
    actor: 'a'.repeat(64),
    role,
    correlationId: 'c'.repeat(100),
    causationId: 'k'.repeat(100),
  });

const name = (kind: string, i: number) => `${kind} ${String(i).padStart(2, '0')} — Comptabilité générale`;
/** 20 x 15 x 15 folders (4,820), every name 36 characters. */
const bigTree = () =>
  Array.from({ length: 20 * 15 * 15 }, (_, i) => ({
    path: [
      name('Année', Math.floor(i / 225)),
      name('Client', Math.floor(i / 15) % 15),
      name('Pièces', i % 15),
    ].join('/'),
  }));

describe('Event sizes: the domain budget and the event store limit', () => {
  it('keeps the budget under the store limit, with room for EventStoreDB framing', () => {
    expect(APPEND_BUDGET_BYTES).toBeLessThan(MAX_APPEND_BYTES * 0.9);
  });

  it('weighs events at least as heavily as the store does, under the heaviest metadata', () => {
    const events: ClientEvent[] = [
      { type: 'FolderRenamed', data: { clientId: randomUUID(), folderId: randomUUID(), name: 'Reçus €' } },
      { type: 'FileDeleted', data: { clientId: randomUUID(), fileId: randomUUID() } },
    ];
    const stored = appendSize(toNewEvents('client-x', events, heaviestContext()));
    expect(appendBytes(events)).toBeGreaterThanOrEqual(stored);
  });

  describe('tree templates through the template writer', () => {
    let db: EmbeddedStreams;
    let writers: TemplateWriters;
    beforeEach(() => {
      db = openEmbeddedStreams();
      writers = new TemplateWriters(db.aggregates);
    });
    afterEach(() => db.close());

    it('stores the largest realistic template in one append under the store limit', async () => {
      const templateId = randomUUID();
      await writers.tree.save(
        'create',
        templateId,
        { name: 'Cabinet', content: bigTree() },
        heaviestContext('admin'),
      );
      const [created] = await db.store.readStream(`tree-template-${templateId}`);
      expect((created.data as { folders: unknown[] }).folders).toHaveLength(4820);
      expect(appendSize([created])).toBeLessThan(MAX_APPEND_BYTES * 0.9);
    });

    it('refuses a template too heavy to apply with a 400 naming folders, and stores nothing', async () => {
      const templateId = randomUUID();
      const heavy = Array.from({ length: 5000 }, (_, i) => ({ path: String(i).padStart(120, '€') }));
      expect(checkTreeFolders(heavy, 'folders').errors).toHaveLength(1);
      const refusal = await writers.tree
        .save('create', templateId, { name: 'Lourd', content: heavy }, heaviestContext('admin'))
        .catch((error: unknown) => error);
      expect(refusal).toBeInstanceOf(ValidationError);
      expect((refusal as ValidationError).errors).toEqual([
        { field: 'folders', message: expect.stringMatching(/too large to record/) },
      ]);
      expect(await db.store.readStream(`tree-template-${templateId}`)).toEqual([]);
    });
  });
});
