import { NotFoundError } from '@dossiers/domain';
import type { BlobStore } from '@dossiers/blob-store';
import type { ClientFileDoc } from '@dossiers/read-models';
import type { Principal } from '@dossiers/platform';
import type { ClientAccess } from '../../access/client-access';
import { DownloadFileHandler } from './download-file.handler';
import { DownloadFileQuery } from './download-file.query';

const version = (n: number, size: number) => ({
  version: n,
  size,
  sha256: `sha-${n}`,
  contentType: 'application/pdf',
  blobId: `blob-${n}`,
  uploadedBy: 'admin-1',
  uploadedAt: '2026-01-01T00:00:00.000Z',
});
const FILE = {
  fileId: 'file-1',
  folderId: 'folder-1',
  name: 'Bilan.pdf',
  version: 2,
  versions: [version(1, 500), version(2, 1000)],
} as unknown as ClientFileDoc;
const principal: Principal = { tenant: 'firm-a', sub: 'contact-1', role: 'contact' };

describe('DownloadFileHandler', () => {
  const reads: { blobId: string; range?: { start: number; end: number } }[] = [];
  const access = {
    view: async (_: Principal, clientId: string) => ({ kind: 'firm-wide', clientId }),
    file: async (_: unknown, fileId: string) => {
      if (fileId !== FILE.fileId) throw new NotFoundError('file', fileId);
      return FILE;
    },
  } as unknown as ClientAccess;
  const blobStore = {
    read: async (blobId: string, range?: { start: number; end: number }) => {
      reads.push({ blobId, range });
      return null;
    },
  } as unknown as BlobStore;
  const handler = new DownloadFileHandler(access, blobStore);
  const download = (
    options: { version?: number; range?: string; ifRange?: string; headersOnly?: boolean } = {},
  ) =>
    handler.execute(
      new DownloadFileQuery(
        principal,
        'client-1',
        'file-1',
        options.version,
        { range: options.range, 'if-range': options.ifRange },
        options.headersOnly ?? false,
      ),
    );

  it('sends the current version and records a whole download of it', async () => {
    const content = await download();
    expect(content).toMatchObject({ fileName: 'Bilan.pdf', sha256: 'sha-2', size: 1000 });
    expect(content.download).toEqual({ clientId: 'client-1', fileId: 'file-1', version: 2, range: null });
    await content.open({ start: 0, end: 9 });
    expect(reads.at(-1)).toEqual({ blobId: 'blob-2', range: { start: 0, end: 9 } });
  });

  it('sends an earlier version when asked, and records the range it sends', async () => {
    const content = await download({ version: 1, range: 'bytes=-100' });
    expect(content.sha256).toBe('sha-1');
    expect(content.download).toEqual({
      clientId: 'client-1',
      fileId: 'file-1',
      version: 1,
      range: { start: 400, end: 499 },
    });
  });

  it('records nothing for a response without content: HEAD, or a range past the end (416)', async () => {
    expect((await download({ headersOnly: true })).download).toBeNull();
    expect((await download({ range: 'bytes=5000-' })).download).toBeNull();
    // A range it cannot parse is ignored: the whole file goes out, and is recorded so.
    expect((await download({ range: 'lines=1-2' })).download?.range).toBeNull();
  });

  it('decides the range with If-Range, so that what it records is what it sends', async () => {
    // If-Range names another version: the Range does not apply, the whole file goes out.
    const stale = await download({ range: 'bytes=5000-', ifRange: '"sha-old"' });
    expect(stale.range).toEqual({ kind: 'whole' });
    expect(stale.download?.range).toBeNull();
    const other = await download({ range: 'bytes=0-9', ifRange: '"sha-old"' });
    expect(other.download?.range).toBeNull();
    // If-Range names this version: the Range applies.
    const current = await download({ range: 'bytes=0-9', ifRange: '"sha-2"' });
    expect(current.download?.range).toEqual({ start: 0, end: 9 });
    expect(current.range).toMatchObject({ kind: 'partial', start: 0, end: 9 });
  });

  it('answers 404 for a version the file does not have, and for a file the caller cannot see', async () => {
    await expect(download({ version: 3 })).rejects.toThrow(NotFoundError);
    await expect(
      handler.execute(new DownloadFileQuery(principal, 'client-1', 'file-2', undefined, {}, false)),
    ).rejects.toThrow(NotFoundError);
  });
});
