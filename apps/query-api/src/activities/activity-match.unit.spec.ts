import type { ActivityEntry } from '@dossiers/read-models';
import { clientLog, firmLog, parseActivityRequest, type ActivityParams } from './activity-filters';
import { activityStoreFilter, matchesFilters } from './activity-match';
import { activityEntry as entry, FOLDER, SUB } from './testing/activity-entry';

const CLIENT = '2d8a0e3a-5c7f-4cae-9c77-8e3f4a5b6c72';
const parse = (params: ActivityParams, scope = clientLog(CLIENT)) => parseActivityRequest(params, scope);

describe('matchesFilters', () => {
  const matches = (params: ActivityParams, e: ActivityEntry) => matchesFilters(parse(params).filters)(e);

  it('searches the file name ignoring case and accents', () => {
    expect(matches({ search: 'ETAT' }, entry())).toBe(true);
    expect(matches({ search: 'état bil' }, entry())).toBe(true);
    expect(matches({ search: 'facture' }, entry())).toBe(false);
    expect(matches({ search: 'etat' }, entry({ fileName: null, fileNameKey: null }))).toBe(false);
  });

  it('matches one of the formats', () => {
    expect(matches({ format: 'docx,PDF' }, entry())).toBe(true);
    expect(matches({ format: 'docx' }, entry())).toBe(false);
    expect(matches({ format: 'pdf' }, entry({ format: null }))).toBe(false);
  });

  it('matches the folder itself, or with includeSubfolders everything below it by the trail of the time', () => {
    expect(matches({ folderId: SUB }, entry())).toBe(true);
    expect(matches({ folderId: FOLDER }, entry())).toBe(false);
    expect(matches({ folderId: FOLDER, includeSubfolders: 'true' }, entry())).toBe(true);
    expect(matches({ folderId: FOLDER, includeSubfolders: 'true' }, entry({ folderTrail: `/${SUB}/` }))).toBe(
      false,
    );
  });

  it('includes both ends of the period', () => {
    const at = entry({ occurredAt: '2026-03-01T10:00:00.000Z' });
    expect(matches({ from: '2026-03-01T10:00:00.000Z', to: '2026-03-01T10:00:00.000Z' }, at)).toBe(true);
    expect(matches({ from: '2026-03-01T10:00:00.001Z' }, at)).toBe(false);
    expect(matches({ to: '2026-03-01T09:59:59.999Z' }, at)).toBe(false);
    expect(matches({ to: '2026-03-01' }, entry({ occurredAt: '2026-03-01T23:59:59.999Z' }))).toBe(true);
    expect(matches({ from: '2026-03-02' }, entry({ occurredAt: '2026-03-01T23:59:59.999Z' }))).toBe(false);
  });

  it('matches the types and the actor', () => {
    expect(matches({ type: 'file.renamed,file.uploaded' }, entry())).toBe(true);
    expect(matches({ type: 'file.renamed' }, entry())).toBe(false);
    expect(matches({ actorId: 'collab-1' }, entry())).toBe(true);
    expect(matches({ actorId: 'collab-2' }, entry())).toBe(false);
  });
});

describe('activityStoreFilter', () => {
  const filter = (params: ActivityParams, before: number | null = null) =>
    activityStoreFilter('t', { ...parse(params, firmLog('t')), before });

  it('writes the most selective of client, actor and type as the one equality, and pages by position', () => {
    expect(
      filter(
        { clientId: CLIENT, type: 'file.uploaded', actorId: 'a', format: 'pdf,docx', search: 'Été' },
        99,
      ),
    ).toEqual({
      tenant: 't',
      clientId: CLIENT,
      actorId: { $in: ['a'] },
      type: { $in: ['file.uploaded'] },
      format: { $in: ['docx', 'pdf'] },
      fileNameKey: { $contains: 'ete' },
      position: { $lt: 99 },
    });
    expect(filter({ actorId: 'a', type: 'file.uploaded' })).toEqual({
      tenant: 't',
      actorId: 'a',
      type: { $in: ['file.uploaded'] },
    });
    expect(filter({ type: 'file.uploaded' })).toEqual({ tenant: 't', type: 'file.uploaded' });
    // Several types: no one index serves them in order.
    expect(filter({ type: 'file.moved,file.renamed' })).toEqual({
      tenant: 't',
      type: { $in: ['file.moved', 'file.renamed'] },
    });
  });

  it('matches a folder, or its trail with includeSubfolders, and the period', () => {
    expect(filter({ folderId: FOLDER })).toEqual({ tenant: 't', folderId: FOLDER });
    expect(filter({ folderId: FOLDER, includeSubfolders: 'true' })).toEqual({
      tenant: 't',
      folderTrail: { $contains: `/${FOLDER}/` },
    });
    expect(filter({ from: '2026-03-01', to: '2026-03-01T12:00Z' })).toEqual({
      tenant: 't',
      occurredAt: { $gte: '2026-03-01T00:00:00.000Z', $lte: '2026-03-01T12:00:00.000Z' },
    });
  });
});
