import { ValidationError } from '@dossiers/domain';
import {
  clientLog,
  encodeCursor,
  firmLog,
  parseActivityRequest,
  type ActivityParams,
} from './activity-filters';
import { FOLDER } from './testing/activity-entry';

const CLIENT = '2d8a0e3a-5c7f-4cae-9c77-8e3f4a5b6c72';
const LOG = clientLog(CLIENT);

const parse = (params: ActivityParams, scope = LOG) => parseActivityRequest(params, scope);

/** The parameters a refusal names. */
function refused(params: ActivityParams, scope = LOG): string[] {
  try {
    parse(params, scope);
  } catch (error) {
    if (error instanceof ValidationError) return error.errors.map((e) => e.field);
    throw error;
  }
  throw new Error(`accepted ${JSON.stringify(params)}`);
}

describe('parseActivityRequest', () => {
  it('reads no parameter as no filter, from the newest', () => {
    expect(parse({})).toEqual({ filters: {}, before: null });
  });

  it('takes formats comma-separated and repeated, any case, with or without the dot', () => {
    expect(parse({ format: ['PDF,.docx', ' .Pdf ', 'xlsx'] }).filters.formats).toEqual([
      'docx',
      'pdf',
      'xlsx',
    ]);
    expect(parse({ format: '.PDF' }).filters.formats).toEqual(['pdf']);
    expect(refused({ format: '' })).toEqual(['format']);
    expect(refused({ format: 'pdf,,docx' })).toEqual(['format']);
    expect(refused({ format: 'tar.gz' })).toEqual(['format']);
    expect(refused({ format: 'pd\u0000f' })).toEqual(['format']);
    expect(refused({ format: 'p d f' })).toEqual(['format']);
    expect(refused({ actorId: '\u0000' })).toEqual(['actorId']);
    expect(refused({ actorId: 'a b' })).toEqual(['actorId']);
  });

  it('keeps the search as the text key, and an empty one as none', () => {
    expect(parse({ search: '  ÉTAT  Bilan ' }).filters.search).toBe('etat bilan');
    expect(parse({ search: '   ' }).filters).toEqual({});
  });

  it('reads dates as UTC days, from the first to the last millisecond, and instants at their offset', () => {
    expect(parse({ from: '2026-03-01', to: '2026-03-31' }).filters).toEqual({
      from: '2026-03-01T00:00:00.000Z',
      to: '2026-03-31T23:59:59.999Z',
    });
    expect(parse({ from: '2026-03-01T10:00+02:00', to: '2026-03-01T10:00:00.5Z' }).filters).toEqual({
      from: '2026-03-01T08:00:00.000Z',
      to: '2026-03-01T10:00:00.500Z',
    });
    expect(parse({ from: '2026-03-01', to: '2026-03-01' }).filters.to).toBe('2026-03-01T23:59:59.999Z');
  });

  it('refuses what is not an instant or a date, naming the parameter', () => {
    for (const bad of [
      'yesterday',
      '2026-02-30',
      '2026-13-01',
      '2026-03-01T10:00',
      '2026-02-30T10:00Z',
      '1709287200',
    ])
      expect([bad, refused({ from: bad })]).toEqual([bad, ['from']]);
    expect(refused({ to: '31/03/2026' })).toEqual(['to']);
    expect(refused({ from: '2026-03-02', to: '2026-03-01' })).toEqual(['from']);
  });

  it('takes one or more type codes and refuses an unknown one', () => {
    expect(parse({ type: ['folder.moved,file.uploaded', 'file.uploaded'] }).filters.types).toEqual([
      'file.uploaded',
      'folder.moved',
    ]);
    expect(refused({ type: 'file.uploaded,file.exploded' })).toEqual(['type']);
    expect(refused({ type: '' })).toEqual(['type']);
  });

  it('checks the folder, the subfolder flag and the client', () => {
    expect(parse({ folderId: FOLDER.toUpperCase(), includeSubfolders: 'true' }).filters).toEqual({
      folderId: FOLDER,
      includeSubfolders: true,
    });
    expect(parse({ folderId: FOLDER, includeSubfolders: 'false' }).filters).toEqual({ folderId: FOLDER });
    expect(refused({ folderId: 'not-a-uuid' })).toEqual(['folderId']);
    expect(refused({ folderId: FOLDER, includeSubfolders: 'yes' })).toEqual(['includeSubfolders']);
    expect(refused({ includeSubfolders: 'true' })).toEqual(['includeSubfolders']);
    expect(refused({ clientId: '42' }, firmLog('t'))).toEqual(['clientId']);
    expect(refused({ actorId: '' })).toEqual(['actorId']);
  });

  it('names every refused parameter at once', () => {
    expect(refused({ from: 'x', type: 'y', format: '.' })).toEqual(['format', 'from', 'type']);
  });
});

describe('the cursor', () => {
  const filters = { format: 'pdf', type: 'file.uploaded', from: '2026-03-01' };
  const first = parse(filters);
  const cursor = encodeCursor(LOG, first.filters, 42);

  it('carries the filters and the position: left out, they come back from it', () => {
    expect(parse({ cursor })).toEqual({ filters: first.filters, before: 42 });
  });

  it('takes the same filters sent again, however they are spelled', () => {
    expect(parse({ cursor, format: '.PDF', type: ['file.uploaded'], from: '2026-03-01T00:00:00Z' })).toEqual({
      filters: first.filters,
      before: 42,
    });
  });

  it('refuses other filters, or one the cursor was made without, naming the cursor', () => {
    expect(refused({ cursor, format: 'docx' })).toEqual(['cursor']);
    expect(refused({ cursor, search: 'bilan' })).toEqual(['cursor']);
    expect(refused({ cursor, to: '2026-04-01' })).toEqual(['cursor']);
  });

  it("refuses garbage, another log's cursor and a cursor whose filters were tampered with", () => {
    expect(refused({ cursor: 'nonsense' })).toEqual(['cursor']);
    expect(refused({ cursor: Buffer.from('[1,2]').toString('base64url') })).toEqual(['cursor']);
    expect(refused({ cursor }, clientLog(FOLDER))).toEqual(['cursor']);
    expect(refused({ cursor }, firmLog('t'))).toEqual(['cursor']);
    const firmCursor = encodeCursor(firmLog('firm-a'), {}, 42);
    expect(parse({ cursor: firmCursor }, firmLog('firm-a'))).toEqual({ filters: {}, before: 42 });
    expect(refused({ cursor: firmCursor }, firmLog('firm-b'))).toEqual(['cursor']);
    const forged = (f: unknown, p: unknown = 42) =>
      Buffer.from(JSON.stringify({ s: LOG, f, p })).toString('base64url');
    expect(refused({ cursor: forged({ types: ['file.exploded'] }) })).toEqual(['cursor']);
    expect(refused({ cursor: forged({ search: { $ne: null } }) })).toEqual(['cursor']);
    expect(refused({ cursor: forged({}, '42') })).toEqual(['cursor']);
    expect(parse({ cursor: forged({}) })).toEqual({ filters: {}, before: 42 });
  });
});
