import ExcelJS from 'exceljs';
import { multipartBody } from '../libs/platform/src/http/files/testing/multipart-body';
import { asBinary } from './support/binary-body';
import { useStandalone } from './support/standalone-app';

type Auth = { Authorization: string };
interface Item {
  id: string;
  position: number;
  occurredAt: string;
  type: string;
  actor: { id: string; kind: string; name: string | null };
  fileId: string | null;
  fileName: string | null;
  format: string | null;
  folderId: string | null;
  folderPath: string | null;
  summary: { fr: string; en: string };
  clientId?: string;
}

/**
 * The activity log end to end: a client's last activities filtered and paged by cursor, what
 * members see of it through their rights now, and the firm-wide log and its export.
 */
describe('activities over HTTP', () => {
  const suite = useStandalone();
  const http = () => suite.h.http();
  let last = 0;
  const send = async (auth: Auth, method: 'post' | 'patch' | 'put', path: string, body: object) => {
    const res = await http()[method](path).set(auth).send(body);
    if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(res.body)}`);
    last = Math.max(last, res.body.position ?? 0);
    return res.body;
  };
  const admin = (method: 'post' | 'patch' | 'put', path: string, body: object) =>
    send(suite.auth, method, path, body);
  const upload = async (auth: Auth, folderId: string, filename: string) => {
    const { contentType, body } = multipartBody([{ name: 'file', filename, content: Buffer.from(filename) }]);
    const chunks: Buffer[] = [];
    for await (const chunk of body) chunks.push(chunk as Buffer);
    const res = await http()
      .post(`/clients/${clientId}/folders/${folderId}/files`)
      .set(auth)
      .set('content-type', contentType)
      .send(Buffer.concat(chunks));
    if (res.status !== 201) throw new Error(`upload ${filename}: ${res.status} ${JSON.stringify(res.body)}`);
    last = Math.max(last, res.body.position);
    return res.body.id as string;
  };
  const get = (auth: Auth, path: string) => http().get(path).set(auth).set('X-Min-Position', String(last));
  const list = async (auth: Auth, query = '', path = `/clients/${clientId}/activities`) => {
    const res = await get(auth, `${path}?limit=200${query}`);
    expect([res.status, res.body.code]).toEqual([200, undefined]);
    return res.body as { items: Item[]; total?: number; nextCursor: string | null };
  };
  /** Every page, following the cursors; the pages' own filters only on the first. */
  const walk = async (auth: Auth, query: string, limit: number, path = `/clients/${clientId}/activities`) => {
    const pages: { items: Item[]; total?: number; nextCursor: string | null }[] = [];
    let cursor: string | null = null;
    do {
      const res = await get(auth, `${path}?limit=${limit}${cursor ? `&cursor=${cursor}` : query}`);
      expect(res.status).toBe(200);
      pages.push(res.body);
      cursor = res.body.nextCursor;
    } while (cursor);
    return pages;
  };
  const names = (items: Item[]) => items.map((i) => i.fileName);

  let clientId: string;
  let ids: Record<'contact' | 'collaborator', string>;
  let contact: Auth;
  let collaborator: Auth;
  /** compta and its subfolder factures; archives moved under compta later; prive hidden from members */
  const folders = {} as Record<'compta' | 'factures' | 'archives' | 'prive', string>;

  beforeAll(async () => {
    const person = await admin('post', '/contacts', {
      firstName: 'Zoé',
      lastName: 'Client',
      email: 'zoe@activities.fr',
      language: 'fr',
    });
    const staff = await admin('post', '/collaborators', {
      firstName: 'Paul',
      lastName: 'Staff',
      email: 'paul@activities.fr',
    });
    ids = { contact: person.id, collaborator: staff.id };
    clientId = (
      await admin('post', '/clients', {
        name: 'Activités SA',
        contacts: [{ contactId: person.id, language: 'fr', sendActivationEmail: false }],
        collaborators: [{ collaboratorId: staff.id, access: 'full' }],
      })
    ).id;
    contact = { Authorization: `Bearer ${await suite.h.token('contact', undefined, person.id)}` };
    collaborator = { Authorization: `Bearer ${await suite.h.token('collaborator', undefined, staff.id)}` };
    const folder = async (name: string, parentId?: string) =>
      (await admin('post', `/clients/${clientId}/folders`, { name, parentId })).folderId as string;
    folders.compta = await folder('Comptabilité');
    folders.factures = await folder('Factures', folders.compta);
    folders.archives = await folder('Archives');
    folders.prive = await folder('Privé');
    const right = (folderId: string, principalId: string, value: string) =>
      admin('put', `/clients/${clientId}/folders/${folderId}/permissions/${principalId}`, { right: value });
    await right(folders.compta, ids.contact, 'read');
    await right(folders.prive, ids.collaborator, 'none');

    await upload(suite.auth, folders.factures, 'État financier.PDF');
    await upload(suite.auth, folders.compta, 'notes.docx');
    await upload(suite.auth, folders.prive, 'secret-plan.pdf');
    await upload(suite.auth, folders.archives, 'Relevé 2025.xlsx');
    await admin('patch', `/clients/${clientId}/folders/${folders.archives}`, { parentId: folders.compta });
    await upload(suite.auth, folders.archives, 'après déplacement.pdf');
    // Rights: the contact's own, and the collaborator's on a folder the contact sees, then a cascade.
    await right(folders.factures, ids.contact, 'full');
    await right(folders.factures, ids.collaborator, 'read');
    await admin('post', `/clients/${clientId}/folders/${folders.compta}/permissions/cascade`, {
      principalIds: [ids.contact],
    });
    await upload(collaborator, folders.compta, 'rapport.pdf');
    const privateFile = (await list(suite.auth, '&search=secret')).items[0]?.fileId;
    // A download is a source like any other; the rename after it is what X-Min-Position waits for.
    expect((await get(suite.auth, `/clients/${clientId}/files/${privateFile}/content`)).status).toBe(200);
    await admin('patch', `/clients/${clientId}/folders/${folders.prive}`, { name: 'Privé 2026' });
  });

  it('lists the activities newest first, each with its actor as it was and a summary', async () => {
    const { items, total, nextCursor } = await list(suite.auth);
    expect(total).toBe(items.length);
    expect(nextCursor).toBeNull();
    expect(items.map((i) => i.position)).toEqual([...items.map((i) => i.position)].sort((a, b) => b - a));
    expect(items[0]).toMatchObject({ type: 'folder.renamed', folderId: folders.prive, fileId: null });
    const byPaul = items.find((i) => i.fileName === 'rapport.pdf')!;
    expect(byPaul).toMatchObject({
      type: 'file.uploaded',
      actor: { id: ids.collaborator, kind: 'collaborator', name: 'Paul Staff' },
      format: 'pdf',
      folderId: folders.compta,
      folderPath: 'Comptabilité',
    });
    expect(byPaul.summary.fr).toContain('rapport.pdf');
    expect(items.find((i) => i.type === 'file.downloaded')).toMatchObject({ fileName: 'secret-plan.pdf' });
    expect(items.find((i) => i.type === 'client.created')).toMatchObject({ fileId: null, folderId: null });
  });

  it('searches the file name ignoring case and accents, and filters by format', async () => {
    expect(names((await list(suite.auth, '&search=ETAT&type=file.uploaded')).items)).toEqual([
      'État financier.PDF',
    ]);
    expect(names((await list(suite.auth, '&search=relevé')).items)).toEqual(['Relevé 2025.xlsx']);
    const pdf = await list(suite.auth, '&format=PDF&type=file.uploaded');
    expect(names(pdf.items).sort()).toEqual(
      ['après déplacement.pdf', 'rapport.pdf', 'secret-plan.pdf', 'État financier.PDF'].sort(),
    );
    const office = await list(suite.auth, '&format=.docx&format=XLSX');
    expect(names(office.items).sort()).toEqual(['Relevé 2025.xlsx', 'notes.docx']);
    expect((await list(suite.auth, '&format=docx,xlsx')).total).toBe(2);
  });

  it('matches a folder, or with includeSubfolders everything below it by the path at the time', async () => {
    const own = await list(suite.auth, `&folderId=${folders.compta}&type=file.uploaded`);
    expect(names(own.items).sort()).toEqual(['notes.docx', 'rapport.pdf']);
    const below = await list(
      suite.auth,
      `&folderId=${folders.compta}&includeSubfolders=true&type=file.uploaded`,
    );
    // Archives was moved under Comptabilité after Relevé was uploaded: only the later upload was below it.
    expect(names(below.items).sort()).toEqual(
      ['après déplacement.pdf', 'notes.docx', 'rapport.pdf', 'État financier.PDF'].sort(),
    );
    expect(below.items.find((i) => i.fileName === 'après déplacement.pdf')!.folderPath).toBe(
      'Comptabilité/Archives',
    );
    const archives = await list(suite.auth, `&folderId=${folders.archives}&type=file.uploaded`);
    expect(archives.items.map((i) => i.folderPath)).toEqual(['Comptabilité/Archives', 'Archives']);
  });

  it('includes both ends of a period, a date-only `to` taking in the whole day', async () => {
    const { items } = await list(suite.auth, '&type=file.uploaded');
    const at = items[2].occurredAt;
    const instant = (ms: number) => encodeURIComponent(new Date(Date.parse(at) + ms).toISOString());
    const between = await list(
      suite.auth,
      `&type=file.uploaded&from=${encodeURIComponent(at)}&to=${encodeURIComponent(at)}`,
    );
    expect(between.items.map((i) => i.id)).toEqual(items.filter((i) => i.occurredAt === at).map((i) => i.id));
    const after = await list(suite.auth, `&type=file.uploaded&from=${instant(1)}`);
    expect(after.items.every((i) => i.occurredAt > at)).toBe(true);
    const before = await list(suite.auth, `&type=file.uploaded&to=${instant(-1)}`);
    expect(before.items.every((i) => i.occurredAt < at)).toBe(true);
    expect(after.total! + before.total! + between.total!).toBe(items.length);
    const day = at.slice(0, 10);
    const onDay = (d: string) => items.filter((i) => i.occurredAt.startsWith(d)).length;
    expect((await list(suite.auth, `&type=file.uploaded&from=${day}&to=${day}`)).total).toBe(onDay(day));
    const nextDay = new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    expect((await list(suite.auth, `&type=file.uploaded&to=${day}`)).total).toBe(
      items.length - onDay(nextDay),
    );
  });

  it('filters by one or more types and by actor', async () => {
    const moves = await list(suite.auth, '&type=folder.moved');
    expect(moves.items.map((i) => [i.type, i.folderId])).toEqual([['folder.moved', folders.archives]]);
    const two = await list(suite.auth, '&type=file.downloaded,folder.moved');
    expect(two.items.map((i) => i.type).sort()).toEqual(['file.downloaded', 'folder.moved']);
    const paul = await list(suite.auth, `&actorId=${ids.collaborator}`);
    expect(paul.items.map((i) => [i.type, i.fileName])).toEqual([['file.uploaded', 'rapport.pdf']]);
  });

  it('pages by cursor with no duplicate and no gap, the filters carried in the cursor', async () => {
    const whole = await list(suite.auth);
    const pages = await walk(suite.auth, '', 3);
    expect(pages.flatMap((p) => p.items).map((i) => i.id)).toEqual(whole.items.map((i) => i.id));
    expect(pages.every((p) => p.total === whole.total)).toBe(true);
    expect(pages.slice(0, -1).every((p) => p.items.length === 3)).toBe(true);

    const uploads = await list(suite.auth, '&type=file.uploaded');
    const filtered = await walk(suite.auth, '&type=file.uploaded', 2);
    expect(filtered.flatMap((p) => p.items).map((i) => i.id)).toEqual(uploads.items.map((i) => i.id));

    const cursor = filtered[0].nextCursor!;
    const same = await get(
      suite.auth,
      `/clients/${clientId}/activities?limit=2&cursor=${cursor}&type=file.uploaded`,
    );
    expect(same.body.items).toEqual(filtered[1].items);
    for (const other of ['&type=folder.moved', '&format=pdf', `&folderId=${folders.compta}`]) {
      const res = await get(suite.auth, `/clients/${clientId}/activities?cursor=${cursor}${other}`);
      expect([other, res.status, res.body.errors?.[0]?.field]).toEqual([other, 400, 'cursor']);
    }
  });

  describe('what members see', () => {
    const hiddenWords = () => [folders.prive, 'Privé', 'secret-plan'];

    it.each(['contact', 'collaborator'] as const)(
      'a %s never sees an entry about a folder hidden from them, in items, total or cursors',
      async (who) => {
        const auth = who === 'contact' ? contact : collaborator;
        const seen = await list(auth);
        expect(seen.total).toBe(seen.items.length);
        expect(seen.items.length).toBeGreaterThan(0);
        for (const word of hiddenWords()) expect(JSON.stringify(seen)).not.toContain(word);
        const pages = await walk(auth, '', 1);
        expect(pages.flatMap((p) => p.items).map((i) => i.id)).toEqual(seen.items.map((i) => i.id));
        expect(pages.every((p) => p.total === seen.total)).toBe(true);
        const positions = new Set(seen.items.map((i) => i.position));
        for (const { nextCursor } of pages.slice(0, -1)) {
          const decoded = JSON.parse(Buffer.from(nextCursor!, 'base64url').toString()) as { p: number };
          expect(positions.has(decoded.p)).toBe(true);
        }
        const hidden = await list(auth, `&folderId=${folders.prive}`);
        expect([hidden.items, hidden.total]).toEqual([[], 0]);
        expect((await list(auth, '&search=secret')).total).toBe(0);
        expect((await list(suite.auth)).total).toBeGreaterThan(seen.total!);
      },
    );

    it('a contact sees the folders they can read now, not the rights of others nor the sheet’s tabs', async () => {
      const seen = await list(contact);
      const allowed = [folders.compta, folders.factures, folders.archives, null];
      expect(seen.items.every((i) => allowed.includes(i.folderId))).toBe(true);
      // Archives inherits from Comptabilité since the move: its earlier upload is visible now.
      expect(names(seen.items)).toContain('Relevé 2025.xlsx');
      const types = new Set(seen.items.map((i) => i.type));
      expect(types.has('client.created')).toBe(true);
      const staffTypes = new Set((await list(collaborator)).items.map((i) => i.type));
      for (const tab of ['collaborator.access_set', 'folder.rights_cascaded']) {
        expect([tab, types.has(tab), staffTypes.has(tab)]).toEqual([tab, false, true]);
      }
      // Rights set on Comptabilité and Factures: the contact sees their own, not the collaborator's.
      const rightsSet = (items: Item[]) => items.filter((i) => i.type === 'folder.right_set');
      expect(
        rightsSet(seen.items)
          .map((i) => i.folderId)
          .sort(),
      ).toEqual([folders.compta, folders.factures].sort());
      expect(JSON.stringify(rightsSet(seen.items))).not.toContain('Paul');
      expect(rightsSet((await list(collaborator)).items)).toHaveLength(3);
    });

    it('answers 404 for a client the caller may not see, as for one that does not exist', async () => {
      const stranger = {
        Authorization: `Bearer ${await suite.h.token('collaborator', undefined, 'nobody')}`,
      };
      expect((await get(stranger, `/clients/${clientId}/activities`)).status).toBe(404);
      const otherFirm = { Authorization: `Bearer ${await suite.h.token('admin', 'another-firm')}` };
      expect((await get(otherFirm, `/clients/${clientId}/activities`)).status).toBe(404);
      expect((await get(suite.auth, `/clients/${folders.compta}/activities`)).status).toBe(404);
    });
  });

  it('refuses an invalid filter with 400 naming the parameter', async () => {
    const cases: [string, string][] = [
      [`search=${'x'.repeat(201)}`, 'search'],
      ['format=.', 'format'],
      ['folderId=nope', 'folderId'],
      [`folderId=${folders.compta}&includeSubfolders=maybe`, 'includeSubfolders'],
      ['from=yesterday', 'from'],
      ['to=2026-02-30', 'to'],
      ['from=2026-03-02&to=2026-03-01', 'from'],
      ['type=file.exploded', 'type'],
      ['actorId=', 'actorId'],
      ['cursor=garbage', 'cursor'],
      ['limit=0', 'limit'],
      ['limit=201', 'limit'],
      ['limit=ten', 'limit'],
      ['sort=name', 'sort'],
    ];
    for (const [query, field] of cases) {
      const res = await get(suite.auth, `/clients/${clientId}/activities?${query}`);
      expect([
        query,
        res.status,
        res.body.code,
        res.body.errors?.map((e: { field: string }) => e.field),
      ]).toEqual([query, 400, 'VALIDATION', [field]]);
    }
    const firm = await get(suite.auth, '/activities?clientId=42');
    expect([firm.status, firm.body.errors?.[0]?.field]).toEqual([400, 'clientId']);
    const clientCursor = (await get(suite.auth, `/clients/${clientId}/activities?limit=1`)).body.nextCursor;
    const crossed = await get(suite.auth, `/activities?cursor=${clientCursor}`);
    expect([crossed.status, crossed.body.errors?.[0]?.field]).toEqual([400, 'cursor']);
  });

  describe('the firm-wide log', () => {
    let otherClient: string;
    beforeAll(async () => {
      otherClient = (await admin('post', '/clients', { name: 'Autre Client' })).id;
      const otherFirm = { Authorization: `Bearer ${await suite.h.token('admin', 'firm-elsewhere')}` };
      await send(otherFirm, 'post', '/clients', { name: 'Ailleurs' });
    });

    it('lists every activity of the firm, newest first, by client and filters, paged by cursor', async () => {
      const firm = await list(suite.auth, '', '/activities');
      expect(firm).not.toHaveProperty('total');
      expect(new Set(firm.items.map((i) => i.clientId))).toEqual(new Set([clientId, otherClient]));
      expect(firm.items[0]).toMatchObject({ type: 'client.created', clientId: otherClient });
      const mine = await list(suite.auth, `&clientId=${clientId}`, '/activities');
      expect(mine.items.map((i) => i.id)).toEqual((await list(suite.auth)).items.map((i) => i.id));
      const pdfs = await list(suite.auth, '&format=pdf&type=file.uploaded', '/activities');
      expect(pdfs.items).toHaveLength(4);
      const pages = await walk(suite.auth, '&type=file.uploaded', 2, '/activities');
      const uploads = await list(suite.auth, '&type=file.uploaded', '/activities');
      expect(pages.flatMap((p) => p.items).map((i) => i.id)).toEqual(uploads.items.map((i) => i.id));
      expect(pages.length).toBe(Math.ceil(uploads.items.length / 2));
      const below = await list(
        suite.auth,
        `&folderId=${folders.compta}&includeSubfolders=true&search=DEPLACEMENT`,
        '/activities',
      );
      expect(names(below.items)).toEqual(['après déplacement.pdf']);
    });

    it('is for admins and auditors only', async () => {
      const auditor = { Authorization: `Bearer ${await suite.h.token('auditor')}` };
      expect((await get(auditor, '/activities')).status).toBe(200);
      expect((await get(auditor, `/clients/${clientId}/activities`)).status).toBe(200);
      const service = { Authorization: `Bearer ${await suite.h.token('service')}` };
      for (const auth of [collaborator, contact, service]) {
        expect((await get(auth, '/activities')).status).toBe(403);
        expect((await get(auth, '/activities/export.xlsx')).status).toBe(403);
      }
    });

    it('exports the matching activities as a workbook, one row each', async () => {
      const uploads = (await list(suite.auth, '&type=file.uploaded', '/activities')).items;
      const res = await get(suite.auth, '/activities/export.xlsx?type=file.uploaded')
        .buffer(true)
        .parse(asBinary);
      expect(res.status).toBe(200);
      expect(res.headers['content-disposition']).toMatch(
        /attachment; filename="activities-\d{4}-\d{2}-\d{2}\.xlsx"/,
      );
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(res.body as ArrayBuffer);
      const sheet = workbook.getWorksheet('Activities')!;
      const rows = sheet
        .getSheetValues()
        .slice(1)
        .map((row) => (row as unknown[]).slice(1));
      expect(rows[0]).toEqual(['Date', 'Type', 'Actor', 'Client', 'File', 'Format', 'Folder', 'Summary']);
      expect(rows.slice(1)).toHaveLength(uploads.length);
      const paul = uploads.findIndex((i) => i.fileName === 'rapport.pdf');
      // Excel keeps dates as fractions of days: to the second.
      expect(
        Math.abs((rows[1 + paul][0] as Date).getTime() - Date.parse(uploads[paul].occurredAt)),
      ).toBeLessThan(1000);
      expect(rows[1 + paul].slice(1)).toEqual([
        'file.uploaded',
        'Paul Staff',
        'Activités SA',
        'rapport.pdf',
        'pdf',
        'Comptabilité',
        uploads[paul].summary.fr,
      ]);
      const bad = await get(suite.auth, '/activities/export.xlsx?from=tomorrow');
      expect([bad.status, bad.body.errors?.[0]?.field]).toEqual([400, 'from']);
    });
  });
});
