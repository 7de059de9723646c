import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, QueryController, ResourceIdPipe, type Principal, ROLES } from '@dossiers/platform';
import { GetFolderTreeQuery } from './get-folder-tree.query';
import { FolderTree } from '../../responses/folder.responses';
import { AsOfDto, historyPointOf } from '../../time-travel/as-of.dto';
import { asOf } from '../../time-travel/time-travel.query';

@ApiTags('folders')
@QueryController([...ROLES])
@Controller('clients')
export class GetFolderTreeController {
  constructor(private readonly queryBus: QueryBus) {}

  /** The tree (id, name, path, depth, parentId), in reading order: whole for staff, what the caller can see otherwise. */
  @Get(':id/folders')
  @ApiOkResponse({ type: FolderTree })
  tree(
    @Param('id', new ResourceIdPipe('client')) id: string,
    @Query() dto: AsOfDto,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.queryBus.execute(asOf(historyPointOf(dto), new GetFolderTreeQuery(principal, id)));
  }
}
