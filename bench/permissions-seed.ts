import { randomUUID } from 'node:crypto';
import {
  checkTreeFolders,
  clientDecider,
  membersOf,
  type ActiveClient,
  type Actor,
  type ClientCommand,
  type ClientState,
  type Member,
} from '@dossiers/domain';
import type { Access, FolderRight, RecordedEvent, TreeTemplateFolder } from '@dossiers/events';
import { newEvent } from './util';

export const ADMIN: Actor = { id: 'bench-admin', role: 'admin' };

/** Numbers events as the event store would: one global position, a revision per stream. */
export class EventLog {
  private position = 0;
  private clock = Date.UTC(2025, 0, 1);

  record(streamId: string, revision: number, event: { type: string; data: object }): RecordedEvent {
    const recorded = newEvent(event.type, event.data, new Date((this.clock += 1000)).toISOString());
    return {
      ...recorded,
      streamId,
      revision,
      position: ++this.position,
      recordedAt: recorded.metadata.occurredAt,
    };
  }
}

/** One client's stream, every command decided by the real client decider against the state so far. */
export class ClientStream {
  private state: ClientState = clientDecider.initialState();
  private revision = 0;

  constructor(
    readonly clientId: string,
    private readonly log: EventLog,
  ) {}

  get client(): ActiveClient {
    if (this.state.status !== 'active') throw new Error(`client ${this.clientId} is not active`);
    return this.state;
  }

  get principals(): Member[] {
    return membersOf(this.client);
  }

  decide(command: ClientCommand): RecordedEvent[] {
    const events = clientDecider.decide(command, this.state);
    this.state = events.reduce(clientDecider.evolve, this.state);
    return events.map((event) => this.log.record(`client-${this.clientId}`, this.revision++, event));
  }
}

const SECTIONS = [
  'Comptabilité',
  'Fiscal',
  'Juridique',
  'Social',
  'Paie',
  'Banque',
  'Factures',
  'Contrats',
  'Correspondance',
  'Archives',
];
const WORDS = [
  'Exercice',
  'Dossier',
  'Pièces',
  'Relevés',
  'Déclarations',
  'Fournisseurs',
  'Clients',
  'Divers',
];
/** Sections contacts do not see by default (the firm's own work). */
const INTERNAL = new Set(['Social', 'Paie']);

export interface TreeShape {
  folders: TreeTemplateFolder[];
  /** folders per level, the root's level first */
  levels: number[];
}

/**
 * A tree template of `size` folders under one root: ten sections, then folders grown under a
 * random folder that still has room (2 to 8 subfolders each), at most `maxLevels` deep, so the
 * tree is bushy near the top and thins out down to the deepest levels. Contacts see a folder by
 * default as its parent does, except the internal sections and one folder in twenty, closed lower down.
 */
export function treeTemplate(size: number, maxLevels: number, rnd: () => number): TreeShape {
  type Node = { path: string; level: number; children: number; room: number; contactDefault: Access };
  const root: Node = { path: 'Client', level: 0, children: 0, room: 0, contactDefault: 'read' };
  const nodes = [root];
  const open: Node[] = [];
  const add = (parent: Node, name: string, contactDefault: Access) => {
    const node: Node = {
      path: `${parent.path}/${name}`,
      level: parent.level + 1,
      children: 0,
      room: 2 + Math.floor(rnd() * 7),
      contactDefault,
    };
    parent.children++;
    nodes.push(node);
    if (node.level < maxLevels - 1) open.push(node);
  };
  for (const section of SECTIONS) add(root, section, INTERNAL.has(section) ? 'none' : 'read');
  while (nodes.length < size) {
    if (open.length === 0) throw new Error(`${size} folders do not fit in ${maxLevels} levels`);
    const at = Math.floor(rnd() * open.length);
    const parent = open[at];
    const name = `${WORDS[Math.floor(rnd() * WORDS.length)]} ${parent.children + 1}`;
    add(parent, name, rnd() < 0.05 ? 'none' : parent.contactDefault);
    if (parent.children >= parent.room) open.splice(at, 1);
  }
  const checked = checkTreeFolders(
    nodes.map(({ path, contactDefault }) => ({ path, contactDefault })),
    'folders',
  );
  if (!checked.value) throw new Error(`bad bench template: ${JSON.stringify(checked.errors.slice(0, 3))}`);
  const levels: number[] = [];
  for (const node of nodes) levels[node.level] = (levels[node.level] ?? 0) + 1;
  return { folders: checked.value, levels };
}

export interface SeededClient {
  stream: ClientStream;
  events: RecordedEvent[];
  /** SetFolderPermission events that changed something */
  explicitRights: number;
}

/**
 * A client with `contacts` contacts, `collaborators` collaborators (a third full, half read, the
 * rest none: shut out), the tree applied as a template, then `rights` explicit rights on random
 * folders for random principals, mostly lower ones (none, read), as users set them deep down.
 */
export function seedClient(
  log: EventLog,
  name: string,
  people: { contacts: number; collaborators: number },
  tree: TreeTemplateFolder[],
  rights: number,
  rnd: () => number,
): SeededClient {
  const clientId = randomUUID();
  const stream = new ClientStream(clientId, log);
  const events = stream.decide({ type: 'CreateClient', clientId, name, groupId: null, attributes: {} });
  for (let i = 0; i < people.contacts; i++)
    events.push(
      ...stream.decide({
        type: 'AttachContact',
        clientId,
        contactId: randomUUID(),
        language: 'fr',
        sendActivationEmail: false,
      }),
    );
  for (let i = 0; i < people.collaborators; i++) {
    const share = i / people.collaborators;
    const access: Access = share < 1 / 3 ? 'full' : share < 5 / 6 ? 'read' : 'none';
    events.push(
      ...stream.decide({ type: 'AssignCollaborator', clientId, collaboratorId: randomUUID(), access }),
    );
  }
  const newFolderIds = Object.fromEntries(tree.map((f) => [f.path, randomUUID()]));
  events.push(
    ...stream.decide({
      type: 'ApplyTreeTemplate',
      clientId,
      template: { templateId: randomUUID(), name: 'Bench tree', folders: tree },
      newFolderIds,
    }),
  );
  const folderIds = Object.keys(stream.client.folders);
  const principals = stream.principals;
  let explicitRights = 0;
  for (let i = 0; i < rights; i++) {
    const draw = rnd();
    const right: FolderRight = draw < 0.45 ? 'none' : draw < 0.75 ? 'read' : draw < 0.9 ? 'full' : 'inherit';
    const set = stream.decide({
      type: 'SetFolderPermission',
      clientId,
      folderId: folderIds[Math.floor(rnd() * folderIds.length)],
      principalId: principals[Math.floor(rnd() * principals.length)].id,
      right,
      actor: ADMIN,
    });
    explicitRights += set.length;
    events.push(...set);
  }
  return { stream, events, explicitRights };
}
