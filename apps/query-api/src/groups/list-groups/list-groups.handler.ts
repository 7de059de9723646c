import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { READ_STORE, type ReadStore } from '@dossiers/read-store';
import { GROUPS_COLLECTION, type GroupDoc } from '@dossiers/read-models';
import { ListGroupsQuery, type GroupListView } from './list-groups.query';

/** A firm keeps a handful of groups: the list is whole. */
@QueryHandler(ListGroupsQuery)
export class ListGroupsHandler implements IQueryHandler<ListGroupsQuery> {
  constructor(@Inject(READ_STORE) private readonly readStore: ReadStore) {}

  async execute({ principal }: ListGroupsQuery): Promise<GroupListView> {
    const groups = await this.readStore.collection<GroupDoc>(GROUPS_COLLECTION).find(
      { tenant: principal.tenant },
      {
        sort: [
          ['nameSort', 1],
          ['_id', 1],
        ],
      },
    );
    return {
      items: groups.map((g) => ({ id: g._id, name: g.name, createdAt: g.createdAt })),
      total: groups.length,
    };
  }
}
