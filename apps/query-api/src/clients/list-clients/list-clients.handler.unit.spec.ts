import type { FindOptions, Filter, ReadStore } from '@dossiers/read-store';
import {
  CLIENT_COUNTS_COLLECTION,
  CLIENT_MEMBERS_COLLECTION,
  CLIENTS_COLLECTION,
  GROUPS_COLLECTION,
  type ClientListDoc,
} from '@dossiers/read-models';
import type { Principal } from '@dossiers/platform';
import { ClientAccess } from '../../access/client-access';
import { ListClientsHandler } from './list-clients.handler';
import { ListClientsQuery } from './list-clients.query';

const admin: Principal = { tenant: 'firm-a', sub: 'admin-1', role: 'admin' };
const collaborator: Principal = { tenant: 'firm-a', sub: 'collab-1', role: 'collaborator' };

const client = (id: string): ClientListDoc => ({
  _id: id,
  tenant: 'firm-a',
  name: id,
  nameSort: id,
  searchText: id,
  groupId: null,
  attributes: {},
  membersCount: 2,
  directoriesCount: 3,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-03-01T00:00:00.000Z',
  sheetUpdatedAt: '2026-02-01T00:00:00.000Z',
  revision: 4,
});

/**
 * A read store whose client list answers `page` to any find and `matching` to any count, and
 * notes which reads the handler made: what the total costs is the point of these tests.
 */
interface StoreContents {
  page: ClientListDoc[];
  /** what a count over the index answers */
  matching?: number;
  /** the client-count projection's figure for the firm */
  firmCount?: number;
  /** the clients the caller is a visible member of */
  visible?: string[];
}

function fakeStore({ page, matching = 0, firmCount = 0, visible = [] }: StoreContents) {
  const reads = { finds: [] as { filter: Filter; options?: FindOptions }[], counts: 0, firmCounts: 0 };
  const collections: Record<string, object> = {
    [CLIENTS_COLLECTION]: {
      find: async (filter: Filter, options?: FindOptions) => {
        reads.finds.push({ filter, options });
        return page;
      },
      count: async () => {
        reads.counts++;
        return matching;
      },
    },
    [CLIENT_COUNTS_COLLECTION]: {
      findById: async (tenant: string) => {
        reads.firmCounts++;
        return { _id: tenant, clients: firmCount };
      },
    },
    [GROUPS_COLLECTION]: { findByIds: async () => [] },
    [CLIENT_MEMBERS_COLLECTION]: { find: async () => visible.map((clientId) => ({ clientId })) },
  };
  const store = { collection: (name: string) => collections[name] } as unknown as ReadStore;
  return { handler: new ListClientsHandler(store, new ClientAccess(store)), reads };
}

const list = (
  handler: ListClientsHandler,
  principal: Principal,
  params: Partial<ListClientsQuery['params']> = {},
) => handler.execute(new ListClientsQuery(principal, { sort: 'name', page: 1, pageSize: 2, ...params }));

describe('ListClientsHandler', () => {
  it('counts nothing when the page is partly filled: the list ends there', async () => {
    const { handler, reads } = fakeStore({ page: [client('a')], matching: 99, firmCount: 99 });
    expect((await list(handler, admin, { search: 'rare', page: 3 })).total).toBe(5);
    expect(reads).toMatchObject({ counts: 0, firmCounts: 0 });
  });

  it("takes the whole firm's total from the projection's count, not from the index", async () => {
    const { handler, reads } = fakeStore({ page: [client('a'), client('b')], matching: 99, firmCount: 7 });
    expect((await list(handler, admin)).total).toBe(7);
    expect(reads).toMatchObject({ counts: 0, firmCounts: 1 });
  });

  it('counts over the index a full page of a search, a group or a member, and an empty page past the end', async () => {
    const full = [client('a'), client('b')];
    const cases: [Principal, Partial<ListClientsQuery['params']>, ClientListDoc[]][] = [
      [admin, { search: 'acme' }, full],
      [admin, { groupId: 'group-1' }, full],
      [collaborator, {}, full],
      [admin, { search: 'acme', page: 9 }, []],
    ];
    for (const [principal, params, page] of cases) {
      const { handler, reads } = fakeStore({ page, matching: 12, firmCount: 7, visible: ['a', 'b', 'c'] });
      expect((await list(handler, principal, params)).total).toBe(12);
      expect(reads).toMatchObject({ counts: 1, firmCounts: 0 });
    }
  });

  it("reads a member's clients only, without counts and with the sheet's last change", async () => {
    const { handler, reads } = fakeStore({ page: [client('a')], visible: ['a', 'c'] });
    const { items } = await list(handler, collaborator, { search: 'a', sort: '-createdAt', page: 2 });
    expect(reads.finds[0]).toEqual({
      filter: { tenant: 'firm-a', _id: { $in: ['a', 'c'] }, searchText: { $contains: 'a' } },
      options: {
        sort: [
          ['createdAt', -1],
          ['_id', -1],
        ],
        skip: 2,
        limit: 2,
      },
    });
    expect(items[0]).toMatchObject({
      membersCount: null,
      directoriesCount: null,
      updatedAt: '2026-02-01T00:00:00.000Z',
    });
  });

  it('answers an empty list to a member who sees no client, without reading the list', async () => {
    const { handler, reads } = fakeStore({ page: [client('a')], visible: [] });
    expect(await list(handler, collaborator)).toEqual({ items: [], total: 0 });
    expect(reads.finds).toEqual([]);
  });
});
