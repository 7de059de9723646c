import { Controller, Get, Param } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ForbiddenError } from '@dossiers/domain';
import {
  CurrentPrincipal,
  QueryController,
  ResourceIdPipe,
  STAFF_READER_ROLES,
  type Principal,
} from '@dossiers/platform';
import { ClientAccess } from '../access/client-access';
import { FolderQueries } from './folder-queries';
import { FolderAccess, FolderTree, PermissionMatrix, VisibleFolders } from '../responses/folder.responses';

/** A client's folders and rights. Contacts see their own tree and their own "eye" only. */
@ApiTags('folders')
@QueryController([...STAFF_READER_ROLES, 'contact'])
@Controller('clients')
export class FoldersController {
  constructor(
    private readonly access: ClientAccess,
    private readonly queries: FolderQueries,
  ) {}

  /** The tree (id, name, path, depth, parentId), in reading order: whole for staff, what the caller can see otherwise. */
  @Get(':id/folders')
  @ApiOkResponse({ type: FolderTree })
  async tree(
    @Param('id', new ResourceIdPipe('client')) id: string,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.queries.tree(await this.access.view(principal, id));
  }

  /** The permissions matrix: folders × principals -> {explicit, effective}. */
  @Get(':id/permissions')
  @ApiOkResponse({ type: PermissionMatrix })
  async matrix(
    @Param('id', new ResourceIdPipe('client')) id: string,
    @CurrentPrincipal() principal: Principal,
  ) {
    const view = await this.access.view(principal, id);
    this.refuseContacts(principal);
    return this.queries.matrix(view);
  }

  /** The "eye": what one principal can see, ancestors of deep folders listed path-only (traverseOnly). */
  @Get(':id/permissions/:principalId/visible-folders')
  @ApiOkResponse({ type: VisibleFolders })
  async visibleFolders(
    @Param('id', new ResourceIdPipe('client')) id: string,
    @Param('principalId', new ResourceIdPipe('principal')) principalId: string,
    @CurrentPrincipal() principal: Principal,
  ) {
    const view = await this.access.view(principal, id);
    if (principalId !== principal.sub) this.refuseContacts(principal);
    return this.queries.visibleFolders(view, principalId);
  }

  /** Everyone who can see the folder, their effective right, and where it comes from. */
  @Get(':id/folders/:folderId/access')
  @ApiOkResponse({ type: FolderAccess })
  async folderAccess(
    @Param('id', new ResourceIdPipe('client')) id: string,
    @Param('folderId', new ResourceIdPipe('folder')) folderId: string,
    @CurrentPrincipal() principal: Principal,
  ) {
    const view = await this.access.view(principal, id);
    await this.access.folder(view, folderId);
    this.refuseContacts(principal);
    return this.queries.folderAccess(view, folderId);
  }

  /** Other people's rights are the firm's business: a contact sees only their own. */
  private refuseContacts(principal: Principal) {
    if (principal.role === 'contact')
      throw new ForbiddenError('FORBIDDEN', "Contacts cannot see other people's rights");
  }
}
