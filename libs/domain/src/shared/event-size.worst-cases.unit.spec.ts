import {
  LANGUAGES,
  type ClientEvent,
  type DomainEvent,
  type SheetField,
  type TreeTemplateFolder,
} from '@dossiers/events';
import { clientDecider, type ClientCommand } from '../client/client.decider';
import { decideClientSetUp } from '../client/client-set-up';
import type { ApplyTreeTemplate } from '../client/client-tree.commands';
import type { ActiveClient } from '../client/client.state';
import { CLIENT_MAX_FOLDERS } from '../folders/folder-tree';
import { checkTreeFolders, TREE_MAX_FOLDERS } from '../folders/template-folders';
import { reminderCampaignDecider, type LaunchReminderCampaign } from '../reminders/reminder-campaign.decider';
import { MAX_RECIPIENTS } from '../reminders/reminder-input';
import { BODY_MAX_LENGTH, SUBJECT_MAX_LENGTH } from '../reminders/reminder-texts';
import { decideReminderTemplate } from '../templates/reminder-template.decider';
import { decideSheetTemplate } from '../templates/sheet-template.decider';
import { decideTreeTemplate } from '../templates/tree-template.decider';
import { ValidationError, type FieldError } from './domain-errors';
import { APPEND_BUDGET_BYTES } from './event-size';

/**
 * The largest commands the domain's limits allow, built with realistic maximal ids and names, and
 * weighed by the event store's rule (the JSON of each event's data and metadata, and its type, in
 * UTF-8): each one either fits in one append with room to spare, or is refused naming its field.
 */

/** The event-store port's MAX_APPEND_BYTES (apps/command-api pins that the two agree). */
const MAX_APPEND_BYTES = 1_048_576;
/** What "with a margin" means: a tenth of the store's limit left over. */
const WITH_MARGIN = MAX_APPEND_BYTES * 0.9;

/** The heaviest metadata a request gives an event: 64-character tenant and actor, 100-character correlation ids. */
const metadata = {
  tenant: 't'.repeat(64),
  actor: 'a'.repeat(64),
  correlationId: 'c'.repeat(100),
  causationId: 'k'.repeat(100),
  occurredAt: '2027-03-01T10:00:00.000Z',
  actorRole: 'collaborator',
};
const bytes = (text: string) => Buffer.byteLength(text, 'utf8');
const storedBytes = (events: DomainEvent<string, object>[]) =>
  events.reduce(
    (total, e) => total + bytes(JSON.stringify(e.data)) + bytes(JSON.stringify(metadata)) + bytes(e.type),
    0,
  );

const uuid = (n: number, kind = 0) =>
  `${n.toString(16).padStart(8, '0')}-${kind.toString(16).padStart(4, '0')}-4000-8000-000000000000`;
const clientId = uuid(0, 0xc);
const admin = { id: uuid(0, 0xa), role: 'admin' as const };

const stateOf = (events: ClientEvent[]) =>
  events.reduce(clientDecider.evolve, clientDecider.initialState()) as ActiveClient;
const created: ClientEvent = {
  type: 'ClientCreated',
  data: { clientId, name: 'Société Générale des Établissements', groupId: null, attributes: {} },
};
/**
 * The client with `count` contacts attached, set at once: folding thousands of ContactAttached
 * copies the contact map each time, which would make this spec slow without changing its sizes.
 */
const withContacts = (state: ActiveClient, count: number): ActiveClient => ({
  ...state,
  contacts: Object.fromEntries(Array.from({ length: count }, (_, i) => [uuid(i, 0xd), 'fr' as const])),
});

/** The one field error a refused decision names. */
function refusal(run: () => unknown): FieldError {
  let thrown: unknown;
  try {
    run();
  } catch (error) {
    thrown = error;
  }
  expect(thrown).toBeInstanceOf(ValidationError);
  const { errors } = thrown as ValidationError;
  expect(errors).toHaveLength(1);
  expect(errors[0].message).toMatch(/too large to record/);
  return errors[0];
}

/** A folder name of `length` characters, unique by `i`, in 3-byte characters (the heaviest a name can hold). */
const heavyName = (i: number, length: number) => String(i).padStart(length, '€');
/** A realistic long name: 36 characters, two accents. */
const longName = (kind: string, i: number) => `${kind} ${String(i).padStart(2, '0')} — Comptabilité générale`;

/** A tree of 20 x 15 x 15 folders (4,820), every name 36 characters: the largest realistic template. */
function bigTemplate(): TreeTemplateFolder[] {
  const paths: string[] = [];
  for (let a = 0; a < 20; a++)
    for (let b = 0; b < 15; b++)
      for (let c = 0; c < 15; c++)
        paths.push([longName('Année', a), longName('Client', b), longName('Pièces', c)].join('/'));
  return checkTreeFolders(
    paths.map((path) => ({ path, contactDefault: 'read' })),
    'folders',
  ).value!;
}

const applyTree = (folders: TreeTemplateFolder[]): ApplyTreeTemplate => ({
  type: 'ApplyTreeTemplate',
  clientId,
  template: { templateId: uuid(1, 0x7), name: 'Arborescence cabinet'.padEnd(200, '€'), folders },
  newFolderIds: Object.fromEntries(folders.map((f, i) => [f.path, uuid(i, 0xf)])),
});

describe('Worst-case appends under the domain limits', () => {
  describe('tree templates', () => {
    it('refuses a template whose folders could not be applied in one write, naming folders', () => {
      // 250 chains 10 deep of 120-character names: a body under 1 MiB that spells out 2,500 folders.
      const raw = Array.from({ length: 250 }, (_, chain) => ({
        path: Array.from({ length: 10 }, (_, level) => heavyName(chain * 10 + level, 120)).join('/'),
      }));
      expect(bytes(JSON.stringify(raw))).toBeLessThan(MAX_APPEND_BYTES);
      const checked = checkTreeFolders(raw, 'folders');
      expect(checked.errors).toEqual([{ field: 'folders', message: expect.stringMatching(/too large/) }]);
    });

    it('takes the largest realistic template: created and applied, each in one write with room to spare', () => {
      const folders = bigTemplate();
      expect(folders.length).toBeGreaterThan(4800);
      expect(folders.length).toBeLessThanOrEqual(TREE_MAX_FOLDERS);
      const templateId = uuid(1, 0x7);
      const createdTemplate = decideTreeTemplate(
        { type: 'CreateTreeTemplate', templateId, name: 'Arborescence'.padEnd(200, '€'), folders },
        { status: 'absent' },
      );
      expect(storedBytes(createdTemplate)).toBeLessThan(WITH_MARGIN);
      const applied = clientDecider.decide(applyTree(folders), stateOf([created]));
      expect(applied).toHaveLength(1);
      expect(storedBytes(applied)).toBeLessThan(WITH_MARGIN);
    });

    it('refuses applying a template stored before the check that is too heavy, naming treeTemplateId', () => {
      const folders = Array.from({ length: TREE_MAX_FOLDERS }, (_, i) => ({
        path: heavyName(i, 120),
        contactDefault: 'none' as const,
      }));
      const error = refusal(() => clientDecider.decide(applyTree(folders), stateOf([created])));
      expect(error.field).toBe('treeTemplateId');
    });
  });

  describe('rights', () => {
    it('cascades over the largest client (10,000 folders, 5,000 principals) in one write', () => {
      const folders = Array.from({ length: CLIENT_MAX_FOLDERS }, (_, i) => ({
        folderId: uuid(i, 0xf),
        parentId: i === 0 ? null : uuid(0, 0xf),
        name: longName('Dossier', i),
        contactDefault: null,
      }));
      const tree: ClientEvent = {
        type: 'TreeTemplateApplied',
        data: { clientId, templateId: uuid(1, 0x7), templateName: 'Big', folders },
      };
      const state = stateOf([created, tree]);
      const events = clientDecider.decide(
        { type: 'CascadePermissions', clientId, folderId: uuid(0, 0xf), actor: admin },
        withContacts(state, 5000),
      );
      expect(events).toHaveLength(1);
      const data = events[0].data as { folderIds: string[]; rights: object };
      expect(data.folderIds).toHaveLength(CLIENT_MAX_FOLDERS - 1);
      expect(Object.keys(data.rights)).toHaveLength(5000);
      expect(storedBytes(events)).toBeLessThan(WITH_MARGIN);
    });
  });

  describe('deleting a folder', () => {
    const withFiles = (count: number) =>
      stateOf([
        created,
        {
          type: 'FolderCreated',
          data: { clientId, folderId: uuid(0, 0xf), parentId: null, name: 'A', contactDefault: null },
        },
        ...Array.from({ length: count }, (_, i): ClientEvent => ({
          type: 'FileUploaded',
          data: {
            clientId,
            fileId: uuid(i, 0xe),
            folderId: uuid(0, 0xf),
            name: `${heavyName(i, 190)}.pdf`,
            format: 'pdf',
            version: 1,
            blobId: uuid(i, 0xb),
            size: 1,
            sha256: '0'.repeat(64),
            contentType: 'application/pdf',
          },
        })),
      ]);
    const deleteIt: ClientCommand = {
      type: 'DeleteFolder',
      clientId,
      folderId: uuid(0, 0xf),
      recursive: true,
      actor: admin,
    };

    it('deletes a folder holding 1,400 files in one write', () => {
      const events = clientDecider.decide(deleteIt, withFiles(1400));
      expect(events).toHaveLength(1401);
      expect(storedBytes(events)).toBeLessThan(WITH_MARGIN);
    });

    it('refuses a recursive delete of more files than one write holds, naming folderId', () => {
      expect(refusal(() => clientDecider.decide(deleteIt, withFiles(2000))).field).toBe('folderId');
    });
  });

  describe('reminder campaigns', () => {
    const launch = (clients: number): LaunchReminderCampaign => {
      const clientIds = Array.from({ length: clients }, (_, i) => uuid(i, 0xc));
      return {
        type: 'LaunchReminderCampaign',
        campaignId: uuid(0, 0x5),
        template: { templateId: uuid(0, 0x7), name: 'Relance'.padEnd(200, '€') },
        target: { groupIds: null, attributeEquals: null },
        schedule: { kind: 'at', at: '2027-03-01T09:00:00.000Z' },
        recipients: 'all',
        clientIds,
        reminderIds: Object.fromEntries(clientIds.map((id, i) => [id, uuid(i, 0x8)])),
        now: '2027-02-01T10:00:00.000Z',
      };
    };

    it('launches on 7,000 clients in one write', () => {
      const events = reminderCampaignDecider.decide(launch(7000), { status: 'absent' });
      expect(storedBytes(events)).toBeLessThan(WITH_MARGIN);
    });

    it('refuses a campaign matching more clients than one write lists, naming target', () => {
      const error = refusal(() => reminderCampaignDecider.decide(launch(10_000), { status: 'absent' }));
      expect(error).toMatchObject({ field: 'target', message: expect.stringMatching(/10000 clients/) });
    });
  });

  describe('the wizard', () => {
    const heavyAttributes = (length: number, char: string) =>
      Object.fromEntries(Array.from({ length: 200 }, (_, i) => [`attribut_${i}`, char.repeat(length)]));
    const create = (attributes: Record<string, string>) => ({
      type: 'CreateClient' as const,
      clientId,
      name: 'Société Générale',
      groupId: null,
      attributes,
    });

    it('refuses 200 attributes of 2,000 heavy characters, naming attributes (the info step)', () => {
      const command = create(heavyAttributes(2000, '€'));
      expect(refusal(() => clientDecider.decide(command, clientDecider.initialState())).field).toBe(
        'attributes',
      );
      const setUp = { type: 'SetUpClient' as const, create: command, steps: [] };
      expect(refusal(() => decideClientSetUp(setUp, clientDecider.initialState())).field).toBe('attributes');
    });

    it('adds up its steps in its one append, naming the heaviest when they do not fit together', () => {
      const tree = bigTemplate();
      const alone = { type: 'SetUpClient' as const, create: create({}), steps: [applyTree(tree)] };
      expect(storedBytes(decideClientSetUp(alone, clientDecider.initialState()))).toBeLessThan(WITH_MARGIN);
      const withAttributes = { ...alone, create: create(heavyAttributes(1500, 'e')) };
      const error = refusal(() => decideClientSetUp(withAttributes, clientDecider.initialState()));
      expect(error.field).toBe('treeTemplateId');
    });
  });

  describe('mails rendered per recipient', () => {
    // A French body at the limit: apostrophes weigh 5 bytes in the HTML copy (&#39;).
    const body = "Bonjour {{contact.firstName}}, merci de déposer l'ensemble des pièces. ".repeat(140).trim();
    const scheduled: ClientEvent = {
      type: 'ReminderScheduled',
      data: {
        clientId,
        reminderId: uuid(0, 0x8),
        templateId: uuid(0, 0x7),
        templateName: 'Relance',
        texts: { fr: { subject: 'Pièces manquantes'.padEnd(200, '.'), body } },
        recipients: 'all',
        schedule: { kind: 'at', at: '2027-03-01T09:00:00.000Z' },
        calendar: { timeZone: 'Europe/Paris', sendHour: '09:00' },
        formId: null,
        firstOfSchedule: 0,
      },
    };
    const reminder = (contacts: number) => withContacts(stateOf([created, scheduled]), contacts);
    const sendNow = (contacts: number): ClientCommand => ({
      type: 'SendReminderNow',
      clientId,
      reminderId: uuid(0, 0x8),
      now: '2027-02-01T10:00:00.000Z',
      people: Object.fromEntries(
        Array.from({ length: contacts }, (_, i) => [
          uuid(i, 0xd),
          { firstName: 'Marie-Françoise', lastName: 'de La Tour' },
        ]),
      ),
      firmName: 'Cabinet',
    });

    it('sends a 10,000-character body to 20 contacts in one write', () => {
      expect(body.length).toBeGreaterThan(9900);
      expect(body.length).toBeLessThanOrEqual(10_000);
      const events = clientDecider.decide(sendNow(20), reminder(20));
      expect(storedBytes(events)).toBeLessThan(WITH_MARGIN);
    });

    it('refuses sending it to more contacts than one write holds, naming body', () => {
      expect(refusal(() => clientDecider.decide(sendNow(100), reminder(100))).field).toBe('body');
    });
  });

  describe('reminder texts', () => {
    const texts = Object.fromEntries(
      LANGUAGES.map((language) => [
        language,
        { subject: '€'.repeat(SUBJECT_MAX_LENGTH), body: '€'.repeat(BODY_MAX_LENGTH) },
      ]),
    );

    it('takes a template at every limit (6 languages, 200-character subjects, 10,000-character bodies) in one write', () => {
      const events = decideReminderTemplate(
        { type: 'CreateReminderTemplate', templateId: uuid(0, 7), name: '€'.repeat(200), texts },
        { status: 'absent' },
      );
      expect(storedBytes(events)).toBeLessThan(WITH_MARGIN);
    });

    it('schedules a reminder with those texts, listing 500 recipients, in one write', () => {
      const contacts = withContacts(stateOf([created]), MAX_RECIPIENTS);
      const events = clientDecider.decide(
        {
          type: 'ScheduleReminder',
          clientId,
          reminderId: uuid(0, 8),
          template: { templateId: uuid(0, 7), name: '€'.repeat(200) },
          texts,
          recipients: Object.keys(contacts.contacts),
          schedule: { kind: 'at', at: '2027-03-01T09:00:00.000Z' },
          calendar: { timeZone: 'Europe/Paris', sendHour: '09:00' },
          formId: null,
          now: '2027-02-01T10:00:00.000Z',
        },
        contacts,
      );
      expect(events).toHaveLength(1);
      expect(storedBytes(events)).toBeLessThan(WITH_MARGIN);
    });
  });

  describe('sheet templates', () => {
    it('refuses 200 select fields of 200 options of 200 characters, naming fields', () => {
      const fields: SheetField[] = Array.from({ length: 200 }, (_, i) => ({
        key: `champ_${i}`,
        label: `Champ ${i}`,
        type: 'select',
        options: Array.from({ length: 200 }, (_, o) => heavyName(o, 200)),
        required: false,
      }));
      const command = { type: 'CreateSheetTemplate' as const, templateId: uuid(0, 7), name: 'Fiche', fields };
      expect(refusal(() => decideSheetTemplate(command, { status: 'absent' })).field).toBe('fields');
    });
  });

  it('keeps the budget under the store limit less the margin', () =>
    expect(APPEND_BUDGET_BYTES).toBeLessThan(WITH_MARGIN));
});
