import { randomUUID } from 'node:crypto';
import { ScheduleReminderHandler } from '../apps/command-api/src/clients/reminders/schedule-reminder/schedule-reminder.handler';
import { useStandalone } from './support/standalone-app';

/**
 * Issue 11 §2, campaigns: the same reminder scheduled on every client a target matches (by group,
 * by attribute), one reminder per client whose id derives from the campaign, listed on its own;
 * re-running the campaign (same Idempotency-Key, or a retry after a failure half way) schedules
 * each client once and keeps the clients first matched.
 */
describe('reminder campaigns (standalone)', () => {
  const suite = useStandalone();
  const http = () => suite.h.http();
  let last = 0;
  const admin = async (path: string, body: object, headers: Record<string, string> = {}) => {
    const res = await http().post(path).set(suite.auth).set(headers).send(body);
    if (res.status >= 300) throw new Error(`POST ${path}: ${res.status} ${JSON.stringify(res.body)}`);
    last = Math.max(last, res.body.position ?? 0);
    return res;
  };
  const get = (path: string) => http().get(path).set(suite.auth).set('X-Min-Position', String(last));
  const remindersOf = async (clientId: string) =>
    (await get(`/clients/${clientId}/reminders`)).body.items.map((r: { reminderId: string }) => r.reminderId);
  const client = async (groupId: string | null, attributes: object = {}) =>
    (await admin('/clients', { name: `Client ${randomUUID()}`, groupId, attributes })).body.id as string;
  const group = async () => (await admin('/groups', { name: `Groupe ${randomUUID()}` })).body.id as string;

  let templateId: string;
  const at = () => new Date(Date.now() + 5 * 86_400_000).toISOString();
  beforeAll(async () => {
    templateId = (
      await admin('/reminder-templates', {
        name: 'Liasse',
        texts: { fr: { subject: 'Liasse {{client.name}}', body: 'Bonjour {{contact.firstName}}' } },
      })
    ).body.id;
  });
  afterEach(() => jest.restoreAllMocks());

  it('targets a group: every client of it, one reminder each, listed with the campaign', async () => {
    const [artisans, others] = [await group(), await group()];
    const inGroup = [await client(artisans), await client(artisans, { regime: 'BIC' })].sort();
    const outside = [await client(others), await client(null)];
    const schedule = { at: at() };
    const launched = await admin('/reminder-campaigns', {
      templateId,
      target: { groupIds: [artisans] },
      schedule,
    });
    expect(launched.status).toBe(201);
    expect(launched.body).toMatchObject({ clients: 2, scheduled: 2, skipped: [] });
    const campaignId = launched.body.id;

    const detail = await get(`/reminder-campaigns/${campaignId}`);
    expect(detail.status).toBe(200);
    expect(detail.body).toMatchObject({
      id: campaignId,
      templateId,
      templateName: 'Liasse',
      target: { groupIds: [artisans], attributeEquals: null },
      schedule: { kind: 'at', at: schedule.at },
      recipients: 'all',
      clientsCount: 2,
      launchedBy: 'admin-1',
    });
    expect(detail.body.clients.map((c: { clientId: string }) => c.clientId)).toEqual(inGroup);
    for (const { clientId, reminderId } of detail.body.clients)
      expect(await remindersOf(clientId)).toEqual([reminderId]);
    for (const clientId of outside) expect(await remindersOf(clientId)).toEqual([]);

    const list = await get('/reminder-campaigns');
    expect(list.body.items.map((c: { id: string }) => c.id)).toContain(campaignId);
    expect(list.body.items.find((c: { id: string }) => c.id === campaignId)).not.toHaveProperty('clients');
  });

  it('targets attributes (all must equal), within groups when both are given', async () => {
    const tag = randomUUID();
    const g = await group();
    const bic = [await client(null, { tag, regime: 'BIC' }), await client(g, { tag, regime: 'BIC' })];
    await client(null, { tag, regime: 'BNC' });
    await client(g, { regime: 'BIC' });
    const byAttribute = await admin('/reminder-campaigns', {
      templateId,
      target: { attributeEquals: { tag, regime: 'BIC' } },
      schedule: { at: at() },
    });
    expect(byAttribute.body).toMatchObject({ clients: 2, scheduled: 2 });
    const detail = await get(`/reminder-campaigns/${byAttribute.body.id}`);
    expect(detail.body.clients.map((c: { clientId: string }) => c.clientId)).toEqual(bic.sort());

    const both = await admin('/reminder-campaigns', {
      templateId,
      target: { groupIds: [g], attributeEquals: { tag } },
      schedule: { at: at() },
    });
    expect(both.body).toMatchObject({ clients: 1, scheduled: 1 });
  });

  it('a re-run schedules each client once: same Idempotency-Key, and a retry after a failure half way', async () => {
    const g = await group();
    const clients = [await client(g), await client(g), await client(g)].sort();
    const body = { templateId, target: { groupIds: [g] }, schedule: { at: at() } };
    const key = `campaign-${randomUUID()}`;

    // The second client's scheduling fails: the request fails, the others are scheduled already.
    const handler = suite.h.app.get(ScheduleReminderHandler, { strict: false });
    const original = handler.execute.bind(handler);
    jest.spyOn(handler, 'execute').mockImplementation((command) => {
      if (command.clientId === clients[1]) return Promise.reject(new Error('crash'));
      return original(command);
    });
    const failed = await suite.h.app.inject({
      method: 'POST',
      url: '/reminder-campaigns',
      headers: { authorization: suite.auth.Authorization, 'idempotency-key': key },
      payload: body,
    });
    expect(failed.statusCode).toBe(500);
    jest.restoreAllMocks();
    // A client joining the group meanwhile is not part of the campaign launched already.
    const late = await client(g);

    const retried = await admin('/reminder-campaigns', body, { 'Idempotency-Key': key });
    expect(retried.body).toMatchObject({ clients: 3, scheduled: 3, skipped: [] });
    const again = await admin('/reminder-campaigns', body, { 'Idempotency-Key': key });
    expect(again.body).toEqual(retried.body);

    const detail = await get(`/reminder-campaigns/${retried.body.id}`);
    expect(detail.body.clients.map((c: { clientId: string }) => c.clientId)).toEqual(clients);
    for (const { clientId, reminderId } of detail.body.clients)
      expect(await remindersOf(clientId)).toEqual([reminderId]);
    expect(await remindersOf(late)).toEqual([]);
    const list = await get('/reminder-campaigns');
    expect(list.body.items.filter((c: { id: string }) => c.id === retried.body.id)).toHaveLength(1);
  });

  it('names each bad field (400), is for admins and services only, and 404s an unknown campaign', async () => {
    const bad = await http()
      .post('/reminder-campaigns')
      .set(suite.auth)
      .send({ templateId, target: { groupIds: ['nope'] }, schedule: { at: 'soon' } });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'schedule.at',
      'target.groupIds[0]',
    ]);
    const collaborator = `Bearer ${await suite.h.token('collaborator')}`;
    const refused = await http()
      .post('/reminder-campaigns')
      .set({ Authorization: collaborator })
      .send({ templateId, target: {}, schedule: { at: at() } });
    expect(refused.status).toBe(403);
    expect((await http().get('/reminder-campaigns').set({ Authorization: collaborator })).status).toBe(403);
    expect((await get(`/reminder-campaigns/${randomUUID()}`)).status).toBe(404);
  });
});
