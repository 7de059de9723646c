import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, QueryController, ResourceIdPipe, type Principal, ROLES } from '@dossiers/platform';
import { GetFolderAccessQuery } from './get-folder-access.query';
import { FolderAccess } from '../../responses/folder.responses';
import { AsOfDto, historyPointOf } from '../../time-travel/as-of.dto';
import { asOf } from '../../time-travel/time-travel.query';

/** Contacts may ask (and get 403 once the folder is known to exist for them): see ClientAccess. */
@ApiTags('folders')
@QueryController([...ROLES])
@Controller('clients')
export class GetFolderAccessController {
  constructor(private readonly queryBus: QueryBus) {}

  /** Everyone who can see the folder, their effective right, and where it comes from (then, with asOf). */
  @Get(':id/folders/:folderId/access')
  @ApiOkResponse({ type: FolderAccess })
  folderAccess(
    @Param('id', new ResourceIdPipe('client')) id: string,
    @Param('folderId', new ResourceIdPipe('folder')) folderId: string,
    @Query() dto: AsOfDto,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.queryBus.execute(
      asOf(historyPointOf(dto), new GetFolderAccessQuery(principal, id, folderId)),
    );
  }
}
