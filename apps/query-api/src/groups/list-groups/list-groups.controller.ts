import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { READ_STORE, type ReadStore } from '@dossiers/read-store';
import { GROUPS_COLLECTION, type GroupDoc } from '@dossiers/read-models';
import { CurrentPrincipal, QueryController, type Principal } from '@dossiers/platform';
import { GroupList } from '../../responses/client.responses';

@ApiTags('groups')
@QueryController()
@Controller('groups')
export class ListGroupsController {
  constructor(@Inject(READ_STORE) private readonly readStore: ReadStore) {}

  @Get()
  @ApiOkResponse({ type: GroupList })
  async list(@CurrentPrincipal() principal: Principal) {
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
