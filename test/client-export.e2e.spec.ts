import ExcelJS from 'exceljs';
import { asBinary } from './support/binary-body';
import { useStandalone } from './support/standalone-app';

const load = (workbook: ExcelJS.Workbook, body: unknown) => workbook.xlsx.load(body as ArrayBuffer);

describe('GET /clients/export.xlsx', () => {
  const suite = useStandalone();

  it('streams the client base as a workbook: styled frozen header, autofilter, a column per attribute, dates as dates', async () => {
    const group = (await suite.h.http().post('/groups').set(suite.auth).send({ name: 'Artisans' })).body;
    await suite.h
      .http()
      .post('/clients')
      .set(suite.auth)
      .send({
        name: 'Menuiserie Roux',
        groupId: group.id,
        attributes: { siren: '123', closing: '2026-12-31', staff: 4 },
      });
    const last = await suite.h
      .http()
      .post('/clients')
      .set(suite.auth)
      .send({ name: 'Atelier Blanc', attributes: { vat: true } });
    await suite.h.http().get('/clients').set(suite.auth).set('X-Min-Position', String(last.body.position));

    const res = await suite.h.http().get('/clients/export.xlsx').set(suite.auth).buffer(true).parse(asBinary);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['content-disposition']).toMatch(
      /attachment; filename="clients-\d{4}-\d{2}-\d{2}\.xlsx"/,
    );

    const workbook = new ExcelJS.Workbook();
    await load(workbook, res.body);
    const sheet = workbook.getWorksheet('Clients')!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual([
      'Name',
      'Group',
      'Members',
      'Directories',
      'Created',
      'Updated',
      'closing',
      'siren',
      'staff',
      'vat',
    ]);
    expect(sheet.getRow(1).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.autoFilter).toBe('A1:J1');
    expect(sheet.rowCount).toBe(3);

    const atelier = (sheet.getRow(2).values as unknown[]).slice(1);
    expect(atelier[0]).toBe('Atelier Blanc');
    expect(atelier[9]).toBe(true);
    const roux = sheet.getRow(3);
    expect(roux.getCell(1).value).toBe('Menuiserie Roux');
    expect(roux.getCell(2).value).toBe('Artisans');
    expect(roux.getCell(5).value).toBeInstanceOf(Date);
    expect(roux.getCell(7).value).toEqual(new Date('2026-12-31'));
    expect(roux.getCell(8).value).toBe('123');
    expect(roux.getCell(9).value).toBe(4);
  });

  it('formats a date attribute as it was written: a day, or an instant (even at midnight UTC)', async () => {
    const c = await suite.h
      .http()
      .post('/clients')
      .set(suite.auth)
      .send({ name: 'Instant Co', attributes: { day: '2026-01-15', at: '2026-01-15T00:00:00Z' } });
    await suite.h.http().get('/clients').set(suite.auth).set('X-Min-Position', String(c.body.position));
    const res = await suite.h
      .http()
      .get('/clients/export.xlsx?search=instant')
      .set(suite.auth)
      .buffer(true)
      .parse(asBinary);
    const workbook = new ExcelJS.Workbook();
    await load(workbook, res.body);
    const sheet = workbook.getWorksheet('Clients')!;
    expect((sheet.getRow(1).values as unknown[]).slice(7)).toEqual(['at', 'day']);
    expect(sheet.getRow(2).getCell(7).numFmt).toBe('yyyy-mm-dd hh:mm');
    expect(sheet.getRow(2).getCell(8).numFmt).toBe('yyyy-mm-dd');
    expect(sheet.getRow(2).getCell(5).numFmt).toBe('yyyy-mm-dd hh:mm');
  });

  it('exports only the caller’s firm', async () => {
    const stranger = { Authorization: `Bearer ${await suite.h.token('admin', 'other-firm')}` };
    const res = await suite.h.http().get('/clients/export.xlsx').set(stranger).buffer(true).parse(asBinary);
    const workbook = new ExcelJS.Workbook();
    await load(workbook, res.body);
    expect(workbook.getWorksheet('Clients')!.rowCount).toBe(1);
  });
});
