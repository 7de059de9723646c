import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import type { Response } from 'supertest';
import { EVENT_STORE, type EventStore } from '@dossiers/event-store';
import type { NewEvent } from '@dossiers/events';
import { EmailVerificationTokens } from '@dossiers/notifications';
import { multipartBody } from '../libs/platform/src/http/files/testing/multipart-body';
import { asBinary } from './support/binary-body';
import { useStandalone } from './support/standalone-app';

/**
 * Authorization on every client-scoped route, for every kind of caller, with the exact status;
 * then what each caller's lists, counts, export, matrix, "eye" and folder listings may contain.
 *
 * One firm holds the client under test ("Acme": a 3-level tree F1/F2/F3 with a file in each
 * level, plus a root folder "Privé"), a second client ("Other Co") and, in a second firm,
 * "Foreign Co". The callers (personas):
 * - admin, service: the whole firm; auditor: the whole firm, read-only;
 * - collaborators of Acme with client access none, read and full, and one never assigned;
 *   on Privé, the read one has none and the full one read;
 * - contacts of Acme with full and with read on F2 (so on F3, not on F1 or Privé), one with no
 *   right anywhere, and one attached to Other Co only;
 * - the admin of another firm.
 */

const PERSONAS = [
  'admin',
  'service',
  'auditor',
  'collabNone',
  'collabUnassigned',
  'collabRead',
  'collabFull',
  'contactFull',
  'contactRead',
  'contactNone',
  'contactOther',
  'otherTenant',
] as const;
type Persona = (typeof PERSONAS)[number];

/** The same firm-scoped references, in the caller's own firm (so a foreign caller's body is valid there). */
interface FirmRefs {
  sheetTemplate: string;
  treeTemplate: string;
  formTemplate: string;
  spareContact: string;
  spareCollaborator: string;
}

type Ids = Record<
  | Exclude<Persona, 'admin' | 'service' | 'auditor' | 'otherTenant'>
  | 'acme'
  | 'other'
  | 'foreign'
  | 'f1'
  | 'f2'
  | 'f3'
  | 'prive'
  | 'otherFolder'
  | 'fileF1'
  | 'fileF3'
  | 'filePrive',
  string
>;

interface Caller {
  persona: Persona;
  auth: { Authorization: string };
  refs: FirmRefs;
  /** unique per call, for names that must not collide */
  tag: string;
}

interface Row {
  route: string;
  /** statuses in PERSONAS order */
  expected: string;
  send: (caller: Caller) => Promise<Response>;
}

describe('authorization on every client route', () => {
  const suite = useStandalone();
  const http = () => suite.h.http();
  let last = 0;
  let counter = 0;
  const track = (res: Response) => {
    if (typeof res.body?.position === 'number') last = Math.max(last, res.body.position);
    return res;
  };

  type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
  const call = async (auth: { Authorization: string }, method: Method, path: string, body?: object) =>
    track(await http()[method](path).set(auth).set('X-Min-Position', String(last)).send(body));
  const binary = (auth: { Authorization: string }, path: string, headers: Record<string, string> = {}) =>
    http().get(path).set(auth).set('X-Min-Position', String(last)).set(headers).buffer(true).parse(asBinary);
  const upload = async (auth: { Authorization: string }, method: 'post' | 'put', path: string) => {
    const { contentType, body } = multipartBody([
      { name: 'file', filename: `doc-${++counter}.pdf`, content: Buffer.from('%PDF-1.7 test') },
    ]);
    const chunks: Buffer[] = [];
    for await (const chunk of body) chunks.push(chunk as Buffer);
    return track(
      await http()[method](path).set(auth).set('content-type', contentType).send(Buffer.concat(chunks)),
    );
  };
  /** A set-up step as the firm's admin (or another firm's): must succeed. */
  const ok = async (auth: { Authorization: string }, method: Method, path: string, body?: object) => {
    const res = await call(auth, method, path, body);
    if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };
  const admin = (method: Method, path: string, body?: object) => ok(suite.auth, method, path, body);

  const auth: Partial<Record<Persona, { Authorization: string }>> = {};
  const refs: { own: FirmRefs; foreign: FirmRefs } = {} as never;
  const ids = {} as Ids;
  let foreignAuth: { Authorization: string };

  const firmRefs = async (as: { Authorization: string }, suffix: string): Promise<FirmRefs> => ({
    sheetTemplate: (
      await ok(as, 'post', '/sheet-templates', {
        name: `Sheet ${suffix}`,
        fields: [{ key: 'regime', label: 'Regime', type: 'text' }],
      })
    ).id,
    treeTemplate: (
      await ok(as, 'post', '/tree-templates', {
        name: `Tree ${suffix}`,
        folders: [{ path: 'Modèle/Sous-dossier', contactDefault: 'none' }],
      })
    ).id,
    formTemplate: (
      await ok(as, 'post', '/form-templates', {
        name: `Form ${suffix}`,
        sections: [{ title: 'S', questions: [{ key: 'q', label: 'Q', type: 'text' }] }],
      })
    ).id,
    spareContact: (
      await ok(as, 'post', '/contacts', {
        firstName: 'Spare',
        lastName: suffix,
        email: `spare-${suffix}@x.fr`,
        language: 'fr',
      })
    ).id,
    spareCollaborator: (
      await ok(as, 'post', '/collaborators', {
        firstName: 'Spare',
        lastName: suffix,
        email: `spare-${suffix}@firm.fr`,
      })
    ).id,
  });

  const members = () => ({
    contacts: [ids.contactFull, ids.contactRead, ids.contactNone].map((contactId) => ({
      contactId,
      language: 'fr',
      sendActivationEmail: false,
    })),
    collaborators: [
      { collaboratorId: ids.collabNone, access: 'none' },
      { collaboratorId: ids.collabRead, access: 'read' },
      { collaboratorId: ids.collabFull, access: 'full' },
    ],
  });

  beforeAll(async () => {
    const person = async (kind: 'contacts' | 'collaborators', name: string) =>
      (
        await admin('post', `/${kind}`, {
          firstName: name,
          lastName: 'Test',
          email: `${name.toLowerCase()}@${kind}.fr`,
          ...(kind === 'contacts' ? { language: 'fr' } : {}),
        })
      ).id as string;
    ids.collabNone = await person('collaborators', 'CollabNone');
    ids.collabUnassigned = await person('collaborators', 'CollabUnassigned');
    ids.collabRead = await person('collaborators', 'CollabRead');
    ids.collabFull = await person('collaborators', 'CollabFull');
    ids.contactFull = await person('contacts', 'ContactFull');
    ids.contactRead = await person('contacts', 'ContactRead');
    ids.contactNone = await person('contacts', 'ContactNone');
    ids.contactOther = await person('contacts', 'ContactOther');
    refs.own = await firmRefs(suite.auth, 'own');

    ids.acme = (
      await admin('post', '/clients', { name: 'Acme', attributes: { siren: '1' }, ...members() })
    ).id;
    ids.other = (
      await admin('post', '/clients', {
        name: 'Other Co',
        attributes: { secretKey: 'hidden' },
        contacts: [{ contactId: ids.contactOther, language: 'fr', sendActivationEmail: false }],
      })
    ).id;
    const folder = async (name: string, parentId: string | null) =>
      (await admin('post', `/clients/${ids.acme}/folders`, { name, parentId })).folderId as string;
    ids.f1 = await folder('F1', null);
    ids.f2 = await folder('F2', ids.f1);
    ids.f3 = await folder('F3', ids.f2);
    ids.prive = await folder('Privé', null);
    const right = (folderId: string, principalId: string, value: string) =>
      admin('put', `/clients/${ids.acme}/folders/${folderId}/permissions/${principalId}`, { right: value });
    await right(ids.f2, ids.contactFull, 'full');
    await right(ids.f2, ids.contactRead, 'read');
    await right(ids.prive, ids.collabRead, 'none');
    await right(ids.prive, ids.collabFull, 'read');
    // a right on a folder never opens a client whose access is none
    await right(ids.f3, ids.collabNone, 'full');
    ids.otherFolder = (await admin('post', `/clients/${ids.other}/folders`, { name: 'Ailleurs' })).folderId;
    const file = async (folderId: string) => {
      const res = await upload(suite.auth, 'post', `/clients/${ids.acme}/folders/${folderId}/files`);
      if (res.status !== 201) throw new Error(`upload: ${res.status} ${JSON.stringify(res.body)}`);
      return res.body.id as string;
    };
    ids.fileF1 = await file(ids.f1);
    ids.fileF3 = await file(ids.f3);
    ids.filePrive = await file(ids.prive);

    foreignAuth = { Authorization: `Bearer ${await suite.h.token('admin', 'another-firm')}` };
    refs.foreign = await firmRefs(foreignAuth, 'foreign');
    ids.foreign = (await ok(foreignAuth, 'post', '/clients', { name: 'Foreign Co' })).id;

    const bearer = async (...args: Parameters<typeof suite.h.token>) => ({
      Authorization: `Bearer ${await suite.h.token(...args)}`,
    });
    auth.admin = suite.auth;
    auth.service = await bearer('service');
    auth.auditor = await bearer('auditor');
    for (const p of ['collabNone', 'collabUnassigned', 'collabRead', 'collabFull'] as const)
      auth[p] = await bearer('collaborator', undefined, ids[p]);
    for (const p of ['contactFull', 'contactRead', 'contactNone', 'contactOther'] as const)
      auth[p] = await bearer('contact', undefined, ids[p]);
    auth.otherTenant = foreignAuth;
  });

  const callerOf = (persona: Persona): Caller => ({
    persona,
    auth: auth[persona]!,
    refs: persona === 'otherTenant' ? refs.foreign : refs.own,
    tag: `${persona}-${++counter}`,
  });

  /** Fresh fixtures for one caller, so that a change made by an allowed caller never shapes the next row. */
  const fresh = {
    folder: async (parentId: string = ids.f3) =>
      (await admin('post', `/clients/${ids.acme}/folders`, { name: `tmp-${++counter}`, parentId }))
        .folderId as string,
    file: async (folderId: string = ids.f3) =>
      (await upload(suite.auth, 'post', `/clients/${ids.acme}/folders/${folderId}/files`)).body.id as string,
    client: async () =>
      (await admin('post', '/clients', { name: `Member ${++counter}`, ...members() })).id as string,
    /**
     * The token of the verification link an email change of an activated contact mails, signed
     * the way the notifier signs it (the contact's activation is appended straight to its stream).
     */
    verificationToken: async () => {
      const n = ++counter;
      const contactId = (
        await admin('post', '/contacts', {
          firstName: 'Verify',
          lastName: `N${n}`,
          email: `verify-${n}@x.fr`,
          language: 'fr',
        })
      ).id as string;
      const store = suite.h.app.get<EventStore>(EVENT_STORE);
      const [createdEvent] = await store.readStream(`contact-${contactId}`);
      const { tenant } = createdEvent.metadata;
      const activated: NewEvent = {
        id: randomUUID(),
        type: 'ContactActivated',
        schemaVersion: 1,
        data: {
          contactId,
          invitationId: randomUUID(),
          credential: { keyId: 'k', iv: 'iv', tag: 'tag', data: 'd' },
        },
        metadata: {
          ...createdEvent.metadata,
          correlationId: randomUUID(),
          occurredAt: new Date().toISOString(),
        },
      };
      await store.append(`contact-${contactId}`, [activated], 0);
      await admin('patch', `/contacts/${contactId}`, { email: `verified-${n}@x.fr` });
      const requested = (await store.readStream(`contact-${contactId}`)).find(
        (e) => e.type === 'ContactEmailChangeRequested',
      )!;
      const { requestId, expiresAt } = requested.data as { requestId: string; expiresAt: string };
      const tokens = suite.h.app.get(EmailVerificationTokens, { strict: false });
      return tokens.sign({ tenant, contactId, requestId, exp: Math.floor(Date.parse(expiresAt) / 1000) });
    },
  };
  /** One client with Acme's members, for the client-level commands that reshape a client. */
  let scratchId: string | undefined;
  const scratch = async () => (scratchId ??= await fresh.client());

  const a = () => ids.acme;
  const get =
    (path: () => string) =>
    (c: Caller): Promise<Response> =>
      call(c.auth, 'get', path());
  const download =
    (fileId: () => string, headers: Record<string, string> = {}) =>
    (c: Caller) =>
      binary(c.auth, `/clients/${a()}/files/${fileId()}/content`, headers);

  // Statuses in PERSONAS order: admin service auditor | collaborators none unassigned read full |
  // contacts full read none other-client | another firm's admin.
  const MEMBER_READ = '200 200 200 404 404 200 200 200 200 200 404 404';
  const STAFF_READ = '200 200 200 404 404 200 200 403 403 403 403 404';
  /** the history names every folder and file: the firm's administrators, services and auditors only */
  const AUDIT_READ = '200 200 200 403 403 403 403 403 403 403 403 404';
  const ROLE_READ = '200 200 200 200 200 200 200 403 403 403 403 200';
  const F3_READ = '200 200 200 404 404 200 200 200 200 404 404 404';
  const F1_READ = '200 200 200 404 404 200 200 404 404 404 404 404';
  const PRIVE_READ = '200 200 200 404 404 404 200 404 404 404 404 404';

  const queries: Row[] = [
    {
      route: 'GET /clients',
      expected: '200 200 200 200 200 200 200 200 200 200 200 200',
      send: get(() => '/clients'),
    },
    {
      route: 'GET /clients/export.xlsx',
      expected: '200 200 200 200 200 200 200 403 403 403 403 200',
      send: (c) => binary(c.auth, '/clients/export.xlsx'),
    },
    { route: 'GET /clients/:id', expected: MEMBER_READ, send: get(() => `/clients/${a()}`) },
    { route: 'GET /clients/:id/history', expected: AUDIT_READ, send: get(() => `/clients/${a()}/history`) },
    {
      route: 'GET /clients/:id?asOf= (time travel)',
      expected: AUDIT_READ,
      send: get(() => `/clients/${a()}?asOf=${encodeURIComponent(new Date().toISOString())}`),
    },
    {
      route: 'GET /clients/:id/folders?asOfRevision= (time travel)',
      expected: AUDIT_READ,
      send: get(() => `/clients/${a()}/folders?asOfRevision=3`),
    },
    {
      route: 'GET /clients/:id/activities',
      expected: MEMBER_READ,
      send: get(() => `/clients/${a()}/activities`),
    },
    {
      route: 'GET /activities',
      expected: '200 403 200 403 403 403 403 403 403 403 403 200',
      send: get(() => '/activities'),
    },
    {
      route: 'GET /activities/export.xlsx',
      expected: '200 403 200 403 403 403 403 403 403 403 403 200',
      send: (c) => binary(c.auth, '/activities/export.xlsx'),
    },
    {
      route: 'GET /clients/:id/downloads',
      expected: AUDIT_READ,
      send: get(() => `/clients/${a()}/downloads`),
    },
    { route: 'GET /clients/:id/contacts', expected: STAFF_READ, send: get(() => `/clients/${a()}/contacts`) },
    {
      route: 'GET /clients/:id/collaborators',
      expected: STAFF_READ,
      send: get(() => `/clients/${a()}/collaborators`),
    },
    {
      route: 'GET /clients/:id/connectors',
      expected: STAFF_READ,
      send: get(() => `/clients/${a()}/connectors`),
    },
    { route: 'GET /clients/:id/forms', expected: STAFF_READ, send: get(() => `/clients/${a()}/forms`) },
    { route: 'GET /clients/:id/folders', expected: MEMBER_READ, send: get(() => `/clients/${a()}/folders`) },
    {
      route: 'GET /clients/:id/permissions (matrix)',
      expected: '200 200 200 404 404 200 200 403 403 403 404 404',
      send: get(() => `/clients/${a()}/permissions`),
    },
    {
      route: 'GET eye of contactFull',
      expected: '200 200 200 404 404 200 200 200 403 403 404 404',
      send: get(() => `/clients/${a()}/permissions/${ids.contactFull}/visible-folders`),
    },
    {
      route: 'GET eye of contactRead',
      expected: '200 200 200 404 404 200 200 403 200 403 404 404',
      send: get(() => `/clients/${a()}/permissions/${ids.contactRead}/visible-folders`),
    },
    {
      route: 'GET eye of contactNone',
      expected: '200 200 200 404 404 200 200 403 403 200 404 404',
      send: get(() => `/clients/${a()}/permissions/${ids.contactNone}/visible-folders`),
    },
    {
      route: 'GET eye of collabRead',
      expected: '200 200 200 404 404 200 200 403 403 403 404 404',
      send: get(() => `/clients/${a()}/permissions/${ids.collabRead}/visible-folders`),
    },
    {
      route: 'GET folder access of F3',
      expected: '200 200 200 404 404 200 200 403 403 404 404 404',
      send: get(() => `/clients/${a()}/folders/${ids.f3}/access`),
    },
    {
      route: 'GET folder access of F1',
      expected: F1_READ,
      send: get(() => `/clients/${a()}/folders/${ids.f1}/access`),
    },
    {
      route: 'GET folder access of Privé',
      expected: PRIVE_READ,
      send: get(() => `/clients/${a()}/folders/${ids.prive}/access`),
    },
    {
      route: 'GET files of F3',
      expected: F3_READ,
      send: get(() => `/clients/${a()}/folders/${ids.f3}/files`),
    },
    {
      route: 'GET files of F1',
      expected: F1_READ,
      send: get(() => `/clients/${a()}/folders/${ids.f1}/files`),
    },
    {
      route: 'GET files of Privé',
      expected: PRIVE_READ,
      send: get(() => `/clients/${a()}/folders/${ids.prive}/files`),
    },
    { route: 'GET file in F3', expected: F3_READ, send: get(() => `/clients/${a()}/files/${ids.fileF3}`) },
    { route: 'GET file in F1', expected: F1_READ, send: get(() => `/clients/${a()}/files/${ids.fileF1}`) },
    {
      route: 'GET file in Privé',
      expected: PRIVE_READ,
      send: get(() => `/clients/${a()}/files/${ids.filePrive}`),
    },
    { route: 'GET content of file in F3', expected: F3_READ, send: download(() => ids.fileF3) },
    {
      route: 'GET content of file in F3, version 1, a Range',
      expected: '206 206 206 404 404 206 206 206 206 404 404 404',
      send: (c) =>
        binary(c.auth, `/clients/${a()}/files/${ids.fileF3}/content?version=1`, { Range: 'bytes=0-3' }),
    },
    { route: 'GET content of file in F1', expected: F1_READ, send: download(() => ids.fileF1) },
    { route: 'GET content of file in Privé', expected: PRIVE_READ, send: download(() => ids.filePrive) },
    {
      route: 'GET a file of Acme through Other Co',
      expected: '404 404 404 404 404 404 404 404 404 404 404 404',
      send: get(() => `/clients/${ids.other}/files/${ids.fileF3}`),
    },
    {
      route: 'GET the files of an Acme folder through Other Co',
      expected: '404 404 404 404 404 404 404 404 404 404 404 404',
      send: get(() => `/clients/${ids.other}/folders/${ids.f3}/files`),
    },
    { route: 'GET /contacts', expected: ROLE_READ, send: get(() => '/contacts') },
    {
      route: 'GET /contacts/:id',
      expected: '200 200 200 200 200 200 200 403 403 403 403 404',
      send: get(() => `/contacts/${ids.contactFull}`),
    },
    {
      route: 'GET /contacts/:id (a contact of Other Co only)',
      expected: '200 200 200 200 200 200 200 403 403 403 403 404',
      send: get(() => `/contacts/${ids.contactOther}`),
    },
    { route: 'GET /collaborators', expected: ROLE_READ, send: get(() => '/collaborators') },
    { route: 'GET /groups', expected: ROLE_READ, send: get(() => '/groups') },
    { route: 'GET /sheet-templates', expected: ROLE_READ, send: get(() => '/sheet-templates') },
    { route: 'GET /tree-templates', expected: ROLE_READ, send: get(() => '/tree-templates') },
    { route: 'GET /form-templates', expected: ROLE_READ, send: get(() => '/form-templates') },
    { route: 'GET /reminder-templates', expected: ROLE_READ, send: get(() => '/reminder-templates') },
    { route: 'GET /settings', expected: ROLE_READ, send: get(() => '/settings') },
    { route: 'GET /connectors', expected: ROLE_READ, send: get(() => '/connectors') },
    {
      route: 'GET /outbox',
      expected: '200 403 403 403 403 403 403 403 403 403 403 200',
      send: get(() => '/outbox'),
    },
  ];

  const CLIENT_CHANGE = '200 200 403 404 404 403 200 403 403 403 403 404';
  const CLIENT_CREATE = '201 201 403 404 404 403 201 403 403 403 403 404';
  const FOLDER_CHANGE = CLIENT_CHANGE;
  const FILE_CHANGE = '200 200 403 404 404 403 200 200 403 404 404 404';
  const FILE_CREATE = '201 201 403 404 404 403 201 201 403 404 404 404';

  const selfOf = (c: Caller) => (c.persona === 'otherTenant' ? c.refs.spareCollaborator : ids.collabRead);

  const commands: Row[] = [
    {
      route: 'PUT /settings',
      expected: '200 403 403 403 403 403 403 403 403 403 403 200',
      send: (c) => call(c.auth, 'put', '/settings', { newFolderDefault: 'inherit' }),
    },
    {
      route: 'POST /clients',
      expected: '201 201 403 201 201 201 201 403 403 403 403 201',
      send: (c) => call(c.auth, 'post', '/clients', { name: `New ${c.tag}` }),
    },
    {
      route: 'PATCH /clients/:id',
      expected: CLIENT_CHANGE,
      send: (c) => call(c.auth, 'patch', `/clients/${a()}`, { attributes: { note: c.tag } }),
    },
    {
      route: 'DELETE /clients/:id',
      expected: CLIENT_CHANGE,
      send: async (c) => call(c.auth, 'delete', `/clients/${await fresh.client()}`),
    },
    {
      route: 'POST /clients/:id/sheet-template',
      expected: CLIENT_CHANGE,
      send: async (c) =>
        call(c.auth, 'post', `/clients/${await scratch()}/sheet-template`, {
          sheetTemplateId: c.refs.sheetTemplate,
        }),
    },
    {
      route: 'POST /clients/:id/contacts',
      expected: CLIENT_CREATE,
      send: async (c) =>
        call(c.auth, 'post', `/clients/${await scratch()}/contacts`, {
          contactId: c.refs.spareContact,
          language: 'fr',
          sendActivationEmail: false,
        }),
    },
    {
      route: 'DELETE /clients/:id/contacts/:contactId',
      expected: CLIENT_CHANGE,
      send: async (c) => {
        const id = await scratch();
        const contactId = refs.own.spareContact;
        await admin('post', `/clients/${id}/contacts`, {
          contactId,
          language: 'fr',
          sendActivationEmail: false,
        });
        return call(c.auth, 'delete', `/clients/${id}/contacts/${contactId}`);
      },
    },
    {
      route: 'PUT /clients/:id/collaborators/:collaboratorId',
      expected: CLIENT_CHANGE,
      send: async (c) =>
        call(c.auth, 'put', `/clients/${await scratch()}/collaborators/${c.refs.spareCollaborator}`, {
          access: 'read',
        }),
    },
    {
      // a foreign caller names a collaborator of their own firm (one of ours would be a 400 there)
      route: 'PUT /clients/:id/collaborators/:self (raising their own access)',
      expected: '200 200 403 404 404 403 200 403 403 403 403 404',
      send: async (c) =>
        call(c.auth, 'put', `/clients/${await fresh.client()}/collaborators/${selfOf(c)}`, {
          access: 'full',
        }),
    },
    {
      route: 'POST /clients/:id/tree',
      expected: CLIENT_CHANGE,
      send: async (c) =>
        call(c.auth, 'post', `/clients/${await scratch()}/tree`, { treeTemplateId: c.refs.treeTemplate }),
    },
    {
      route: 'PUT /clients/:id/connectors/:connectorId',
      expected: CLIENT_CHANGE,
      send: async (c) =>
        call(c.auth, 'put', `/clients/${await scratch()}/connectors/pennylane`, {
          settings: { companyId: c.tag, apiToken: 'secret' },
        }),
    },
    {
      route: 'DELETE /clients/:id/connectors/:connectorId',
      expected: CLIENT_CHANGE,
      send: async (c) => {
        const id = await scratch();
        await admin('put', `/clients/${id}/connectors/pennylane`, {
          settings: { companyId: 'x', apiToken: 'secret' },
        });
        return call(c.auth, 'delete', `/clients/${id}/connectors/pennylane`);
      },
    },
    {
      route: 'POST /clients/:id/forms',
      expected: CLIENT_CREATE,
      send: async (c) =>
        call(c.auth, 'post', `/clients/${await scratch()}/forms`, { formTemplateId: c.refs.formTemplate }),
    },
    {
      route: 'POST /clients/:id/folders under F3',
      expected: CLIENT_CREATE,
      send: (c) => call(c.auth, 'post', `/clients/${a()}/folders`, { parentId: ids.f3, name: c.tag }),
    },
    {
      route: 'POST /clients/:id/folders at the root',
      expected: CLIENT_CREATE,
      send: (c) => call(c.auth, 'post', `/clients/${a()}/folders`, { name: c.tag }),
    },
    {
      route: 'POST /clients/:id/folders under Privé',
      expected: '201 201 403 404 404 404 403 403 403 403 403 404',
      send: (c) => call(c.auth, 'post', `/clients/${a()}/folders`, { parentId: ids.prive, name: c.tag }),
    },
    {
      route: 'PATCH /clients/:id/folders/:folderId (rename)',
      expected: FOLDER_CHANGE,
      send: async (c) =>
        call(c.auth, 'patch', `/clients/${a()}/folders/${await fresh.folder()}`, { name: c.tag }),
    },
    {
      route: 'PATCH /clients/:id/folders/:folderId (move under F1)',
      expected: FOLDER_CHANGE,
      send: async (c) =>
        call(c.auth, 'patch', `/clients/${a()}/folders/${await fresh.folder()}`, { parentId: ids.f1 }),
    },
    {
      route: 'PATCH /clients/:id/folders/:folderId (move into Privé)',
      expected: '200 200 403 404 404 403 403 403 403 403 403 404',
      send: async (c) =>
        call(c.auth, 'patch', `/clients/${a()}/folders/${await fresh.folder()}`, { parentId: ids.prive }),
    },
    {
      route: 'DELETE /clients/:id/folders/:folderId',
      expected: FOLDER_CHANGE,
      send: async (c) => call(c.auth, 'delete', `/clients/${a()}/folders/${await fresh.folder()}`),
    },
    {
      route: 'DELETE /clients/:id/folders/:folderId (Privé child)',
      expected: '200 200 403 404 404 404 403 403 403 403 403 404',
      send: async (c) => call(c.auth, 'delete', `/clients/${a()}/folders/${await fresh.folder(ids.prive)}`),
    },
    {
      route: 'PUT /clients/:id/folders/:folderId/permissions/:principalId',
      expected: FOLDER_CHANGE,
      send: async (c) =>
        call(
          c.auth,
          'put',
          `/clients/${a()}/folders/${await fresh.folder()}/permissions/${ids.contactRead}`,
          {
            right: 'full',
          },
        ),
    },
    {
      route: 'PUT /clients/:id/folders/:folderId/permissions/:principalId (Privé)',
      expected: '200 200 403 404 404 404 403 403 403 403 403 404',
      send: (c) =>
        call(c.auth, 'put', `/clients/${a()}/folders/${ids.prive}/permissions/${ids.contactFull}`, {
          right: 'none',
        }),
    },
    {
      route: 'POST /clients/:id/folders/:folderId/permissions/cascade',
      expected: FOLDER_CHANGE,
      send: async (c) => {
        const parent = await fresh.folder();
        await fresh.folder(parent);
        await admin('put', `/clients/${a()}/folders/${parent}/permissions/${ids.contactRead}`, {
          right: 'none',
        });
        return call(c.auth, 'post', `/clients/${a()}/folders/${parent}/permissions/cascade`, {});
      },
    },
    {
      route: 'POST /clients/:id/folders/:folderId/files (F3)',
      expected: FILE_CREATE,
      send: (c) => upload(c.auth, 'post', `/clients/${a()}/folders/${ids.f3}/files`),
    },
    {
      route: 'POST /clients/:id/folders/:folderId/files (F1)',
      expected: '201 201 403 404 404 403 201 404 404 404 404 404',
      send: (c) => upload(c.auth, 'post', `/clients/${a()}/folders/${ids.f1}/files`),
    },
    {
      route: 'POST /clients/:id/folders/:folderId/files (Privé)',
      expected: '201 201 403 404 404 404 403 404 404 404 404 404',
      send: (c) => upload(c.auth, 'post', `/clients/${a()}/folders/${ids.prive}/files`),
    },
    {
      route: 'PUT /clients/:id/files/:fileId/content (new version)',
      expected: FILE_CHANGE,
      send: async (c) => upload(c.auth, 'put', `/clients/${a()}/files/${await fresh.file()}/content`),
    },
    {
      route: 'PATCH /clients/:id/files/:fileId (rename)',
      expected: FILE_CHANGE,
      send: async (c) =>
        call(c.auth, 'patch', `/clients/${a()}/files/${await fresh.file()}`, { name: `${c.tag}.pdf` }),
    },
    {
      route: 'PATCH /clients/:id/files/:fileId (move F3 -> F2)',
      expected: FILE_CHANGE,
      send: async (c) =>
        call(c.auth, 'patch', `/clients/${a()}/files/${await fresh.file()}`, { folderId: ids.f2 }),
    },
    {
      route: 'PATCH /clients/:id/files/:fileId (move F3 -> Privé)',
      expected: '200 200 403 404 404 403 403 404 403 404 404 404',
      send: async (c) =>
        call(c.auth, 'patch', `/clients/${a()}/files/${await fresh.file()}`, { folderId: ids.prive }),
    },
    {
      route: 'DELETE /clients/:id/files/:fileId',
      expected: FILE_CHANGE,
      send: async (c) => call(c.auth, 'delete', `/clients/${a()}/files/${await fresh.file()}`),
    },
    {
      route: 'DELETE /clients/:id/files/:fileId (in Privé)',
      expected: '200 200 403 404 404 404 403 404 404 404 404 404',
      send: async (c) => call(c.auth, 'delete', `/clients/${a()}/files/${await fresh.file(ids.prive)}`),
    },
    {
      route: 'PATCH a file of Acme through Other Co',
      expected: '404 404 403 404 404 404 404 404 404 404 404 404',
      send: (c) =>
        call(c.auth, 'patch', `/clients/${ids.other}/files/${ids.fileF3}`, { name: `${c.tag}.pdf` }),
    },
    {
      route: 'PATCH a folder of Acme through Other Co',
      expected: '404 404 403 404 404 404 404 403 403 403 403 404',
      send: (c) => call(c.auth, 'patch', `/clients/${ids.other}/folders/${ids.f3}`, { name: c.tag }),
    },
    {
      route: 'PATCH /clients/:id/files/:fileId (move into a folder of Other Co)',
      expected: '404 404 403 404 404 403 404 404 403 404 404 404',
      send: async (c) =>
        call(c.auth, 'patch', `/clients/${a()}/files/${await fresh.file()}`, { folderId: ids.otherFolder }),
    },
    {
      route: 'PATCH /clients/:id/folders/:folderId (move under a folder of Other Co)',
      expected: '404 404 403 404 404 403 404 403 403 403 403 404',
      send: async (c) =>
        call(c.auth, 'patch', `/clients/${a()}/folders/${await fresh.folder()}`, {
          parentId: ids.otherFolder,
        }),
    },
    {
      route: 'PATCH /contacts/:id (identity: email)',
      expected: '200 200 403 403 403 403 403 403 403 403 403 404',
      send: (c) =>
        call(c.auth, 'patch', `/contacts/${refs.own.spareContact}`, { email: `${c.tag}@spare.fr` }),
    },
    {
      route: 'PATCH /contacts/:id (identity: names, with the phone)',
      expected: '200 200 403 403 403 403 403 403 403 403 403 404',
      send: (c) =>
        call(c.auth, 'patch', `/contacts/${refs.own.spareContact}`, { lastName: c.tag, phone: '0102030405' }),
    },
    {
      route: 'PATCH /contacts/:id (phone only)',
      expected: '200 200 403 200 200 200 200 403 403 403 403 404',
      send: (c) =>
        call(c.auth, 'patch', `/contacts/${refs.own.spareContact}`, {
          phone: `01 02 03 ${String(++counter % 100).padStart(2, '0')}`,
        }),
    },
    {
      route: 'POST /collaborators',
      expected: '201 201 403 403 403 403 403 403 403 403 403 201',
      send: (c) =>
        call(c.auth, 'post', '/collaborators', {
          firstName: 'New',
          lastName: c.tag,
          email: `${c.tag}@firm.fr`,
        }),
    },
    {
      route: 'PATCH /collaborators/:id',
      expected: '200 200 403 403 403 403 403 403 403 403 403 404',
      send: (c) => call(c.auth, 'patch', `/collaborators/${refs.own.spareCollaborator}`, { lastName: c.tag }),
    },
    {
      route: 'POST /email-verifications/:token (a valid link: public, whoever calls)',
      expected: '200 200 200 200 200 200 200 200 200 200 200 200',
      send: async (c) => call(c.auth, 'post', `/email-verifications/${await fresh.verificationToken()}`),
    },
    {
      route: 'POST /email-verifications/:token (a forged link)',
      expected: '404 404 404 404 404 404 404 404 404 404 404 404',
      send: (c) => call(c.auth, 'post', '/email-verifications/not-a-token'),
    },
  ];

  const expectedOf = (row: Row) => {
    const statuses = row.expected.split(' ').map(Number);
    expect(statuses).toHaveLength(PERSONAS.length);
    return Object.fromEntries(PERSONAS.map((p, i) => [p, statuses[i]]));
  };
  const run = async (row: Row) => {
    const actual: Record<string, number | string> = {};
    for (const persona of PERSONAS) {
      const res = await row.send(callerOf(persona));
      const code = res.status >= 400 && typeof res.body?.code === 'string' ? ` ${res.body.code}` : '';
      // the status alone when it is the expected one; with the error code otherwise, to explain it
      actual[persona] = res.status === expectedOf(row)[persona] ? res.status : `${res.status}${code}`;
    }
    expect(actual).toEqual(expectedOf(row));
  };

  describe('what each caller sees', () => {
    const as = (persona: Persona) => auth[persona]!;
    const names = (items: { name: string }[]) => items.map((i) => i.name);

    it.each<[Persona, string[]]>([
      ['admin', ['Acme', 'Other Co']],
      ['service', ['Acme', 'Other Co']],
      ['auditor', ['Acme', 'Other Co']],
      ['collabNone', []],
      ['collabUnassigned', []],
      ['collabRead', ['Acme']],
      ['collabFull', ['Acme']],
      ['contactFull', ['Acme']],
      ['contactRead', ['Acme']],
      ['contactNone', ['Acme']],
      ['contactOther', ['Other Co']],
      ['otherTenant', ['Foreign Co']],
    ])('GET /clients as %s lists %j, and counts them', async (persona, expected) => {
      const list = await call(as(persona), 'get', '/clients');
      expect({ names: names(list.body.items), total: list.body.total }).toEqual({
        names: expected,
        total: expected.length,
      });
      // a full first page makes the total a count, not the page's length
      const firstPage = await call(as(persona), 'get', '/clients?pageSize=1');
      expect(firstPage.body.total).toBe(expected.length);
      const searched = await call(as(persona), 'get', '/clients?search=co');
      expect(names(searched.body.items)).toEqual(expected.filter((n) => n.endsWith('Co')));
    });

    it.each<[Persona, string[]]>([
      ['admin', ['Acme', 'Other Co']],
      ['auditor', ['Acme', 'Other Co']],
      ['collabNone', []],
      ['collabUnassigned', []],
      ['collabRead', ['Acme']],
      ['collabFull', ['Acme']],
      ['otherTenant', ['Foreign Co']],
    ])('the export as %s has exactly the rows %j', async (persona, expected) => {
      const res = await binary(as(persona), '/clients/export.xlsx');
      expect(res.status).toBe(200);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(res.body as ArrayBuffer);
      const sheet = workbook.getWorksheet('Clients')!;
      expect(sheet.rowCount).toBe(1 + expected.length);
      const rows: unknown[] = [];
      sheet.eachRow((row, n) => n > 1 && rows.push(row.getCell(1).value));
      expect(rows).toEqual(expected);
      // an attribute of a client the caller cannot see does not even name a column
      const header = (sheet.getRow(1).values as unknown[]).slice(1);
      expect(header.includes('secretKey')).toBe(expected.includes('Other Co'));
    });

    const folderNames = (items: { id: string }[]) => {
      const byId: Record<string, string> = {
        [ids.f1]: 'F1',
        [ids.f2]: 'F2',
        [ids.f3]: 'F3',
        [ids.prive]: 'Privé',
      };
      return items.map((i) => byId[i.id] ?? `unexpected ${i.id}`);
    };

    it.each<[Persona, string[], string[]]>([
      ['admin', ['F1', 'F2', 'F3', 'Privé'], []],
      ['auditor', ['F1', 'F2', 'F3', 'Privé'], []],
      ['collabRead', ['F1', 'F2', 'F3'], []],
      ['collabFull', ['F1', 'F2', 'F3', 'Privé'], []],
      ['contactFull', ['F2', 'F3'], ['F1']],
      ['contactRead', ['F2', 'F3'], ['F1']],
      ['contactNone', [], []],
    ])('GET /clients/:id/folders as %s: visible %j, path-only %j', async (persona, visible, pathOnly) => {
      const res = await call(as(persona), 'get', `/clients/${ids.acme}/folders`);
      expect(res.status).toBe(200);
      const items = res.body.items as { id: string; traverseOnly?: boolean }[];
      expect(folderNames(items.filter((i) => !i.traverseOnly))).toEqual(visible);
      expect(folderNames(items.filter((i) => i.traverseOnly))).toEqual(pathOnly);
      expect(res.body.total).toBe(visible.length + pathOnly.length);
    });

    it.each<[Persona, string[]]>([
      ['admin', ['F1', 'F2', 'F3', 'Privé']],
      ['auditor', ['F1', 'F2', 'F3', 'Privé']],
      ['collabRead', ['F1', 'F2', 'F3']],
      ['collabFull', ['F1', 'F2', 'F3', 'Privé']],
    ])('the matrix as %s has the folders %j and only Acme’s principals', async (persona, folders) => {
      const res = await call(as(persona), 'get', `/clients/${ids.acme}/permissions`);
      expect(res.status).toBe(200);
      expect(folderNames(res.body.folders)).toEqual(folders);
      const principals = (res.body.principals as { id: string }[]).map((p) => p.id).sort();
      expect(principals).toEqual(
        [
          ids.contactFull,
          ids.contactRead,
          ids.contactNone,
          ids.collabNone,
          ids.collabRead,
          ids.collabFull,
        ].sort(),
      );
    });

    it.each<[Persona, keyof Ids, string[]]>([
      ['contactFull', 'contactFull', ['F1', 'F2', 'F3']],
      ['contactRead', 'contactRead', ['F1', 'F2', 'F3']],
      ['contactNone', 'contactNone', []],
      ['admin', 'collabFull', ['F1', 'F2', 'F3', 'Privé']],
      ['collabFull', 'collabFull', ['F1', 'F2', 'F3', 'Privé']],
      ['collabRead', 'collabFull', ['F1', 'F2', 'F3']],
      ['collabRead', 'collabRead', ['F1', 'F2', 'F3']],
    ])('the eye as %s of %s lists %j', async (persona, of, folders) => {
      const res = await call(
        as(persona),
        'get',
        `/clients/${ids.acme}/permissions/${ids[of]}/visible-folders`,
      );
      expect(res.status).toBe(200);
      expect(folderNames(res.body.items)).toEqual(folders);
      expect(res.body.total).toBe(folders.length);
    });

    it('the eye of a contact shows their rights, and the ancestors path-only', async () => {
      const res = await call(
        as('contactRead'),
        'get',
        `/clients/${ids.acme}/permissions/${ids.contactRead}/visible-folders`,
      );
      expect(res.body.items).toEqual([
        expect.objectContaining({ id: ids.f1, traverseOnly: true }),
        expect.objectContaining({ id: ids.f2, right: 'read', traverseOnly: false }),
        expect.objectContaining({ id: ids.f3, right: 'read', traverseOnly: false }),
      ]);
      expect(res.body.items[0]).not.toHaveProperty('right');
    });

    it.each<[Persona, keyof Ids, (keyof Ids)[]]>([
      ['contactFull', 'f3', ['fileF3']],
      ['contactRead', 'f3', ['fileF3']],
      ['collabRead', 'f1', ['fileF1']],
      ['collabFull', 'prive', ['filePrive']],
    ])('GET files as %s of %s lists %j', async (persona, folder, files) => {
      const res = await call(as(persona), 'get', `/clients/${ids.acme}/folders/${ids[folder]}/files`);
      expect(res.status).toBe(200);
      expect(res.body.items.map((f: { id: string }) => f.id)).toEqual(files.map((f) => ids[f]));
    });

    it('who can see F3, as a collaborator: only those with a right, never the shut-out ones', async () => {
      const res = await call(as('collabRead'), 'get', `/clients/${ids.acme}/folders/${ids.f3}/access`);
      expect(res.status).toBe(200);
      const who = (res.body.items as { principalId: string; right: string }[])
        .map((i) => `${i.principalId}:${i.right}`)
        .sort();
      expect(who).toEqual(
        [
          `${ids.contactFull}:full`,
          `${ids.contactRead}:read`,
          `${ids.collabRead}:read`,
          `${ids.collabFull}:full`,
        ].sort(),
      );
    });

    it.each<[Persona, keyof Ids, string[]]>([
      ['admin', 'contactOther', ['Other Co']],
      ['auditor', 'contactOther', ['Other Co']],
      ['collabNone', 'contactOther', []],
      ['collabUnassigned', 'contactOther', []],
      ['collabRead', 'contactOther', []],
      ['collabFull', 'contactOther', []],
      ['collabNone', 'contactFull', []],
      ['collabRead', 'contactFull', ['Acme']],
    ])(
      'GET /contacts/:id as %s of %s lists the clients %j, and GET /contacts counts them',
      async (persona, of, names) => {
        const one = await call(as(persona), 'get', `/contacts/${ids[of]}`);
        expect(one.body.clients.map((c: { name: string }) => c.name)).toEqual(names);
        const list = await call(as(persona), 'get', '/contacts?pageSize=100');
        expect(list.body.items.find((i: { id: string }) => i.id === ids[of]).clientsCount).toBe(names.length);
      },
    );

    it('a contact detached, or a collaborator lowered to none, loses the client at once', async () => {
      const id = await fresh.client();
      const folderId = (await admin('post', `/clients/${id}/folders`, { name: 'Docs' })).folderId as string;
      await admin('put', `/clients/${id}/folders/${folderId}/permissions/${ids.contactRead}`, {
        right: 'full',
      });
      expect((await call(as('contactRead'), 'get', `/clients/${id}/folders/${folderId}/files`)).status).toBe(
        200,
      );
      expect((await call(as('collabRead'), 'get', `/clients/${id}`)).status).toBe(200);

      await admin('delete', `/clients/${id}/contacts/${ids.contactRead}`);
      await admin('put', `/clients/${id}/collaborators/${ids.collabRead}`, { access: 'none' });
      for (const persona of ['contactRead', 'collabRead'] as const) {
        expect((await call(as(persona), 'get', `/clients/${id}`)).status).toBe(404);
        expect((await call(as(persona), 'get', `/clients/${id}/folders/${folderId}/files`)).status).toBe(404);
        const list = await call(as(persona), 'get', '/clients');
        expect(list.body.items.map((c: { id: string }) => c.id)).not.toContain(id);
      }
      expect(
        (await upload(as('contactRead'), 'post', `/clients/${id}/folders/${folderId}/files`)).status,
      ).toBe(404);
      expect((await call(as('collabRead'), 'post', `/clients/${id}/folders`, { name: 'x' })).status).toBe(
        404,
      );
    });
  });

  describe('queries: route × caller → status', () => {
    it.each(queries)('$route', (row) => run(row));
  });

  describe('commands: route × caller → status (refused calls change nothing)', () => {
    it.each(commands)('$route', (row) => run(row));

    it('the refused calls left Acme as it was; the allowed ones show', async () => {
      const matrix = await call(suite.auth, 'get', `/clients/${ids.acme}/permissions`);
      const privé = matrix.body.folders.find((f: { id: string }) => f.id === ids.prive);
      expect(privé.rights[ids.contactFull]).toEqual({ explicit: 'none', effective: 'none' });
      expect(privé.rights[ids.collabRead]).toEqual({ explicit: 'none', effective: 'none' });
      const sheet = await call(suite.auth, 'get', `/clients/${ids.acme}`);
      expect(sheet.body.name).toBe('Acme');
      // the last caller allowed to patch was collabFull
      expect(sheet.body.attributes.note).toMatch(/^collabFull-/);
    });
  });
});
