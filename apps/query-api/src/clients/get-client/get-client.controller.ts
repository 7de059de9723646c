import { Controller, Get, Param, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentPrincipal, QueryController, ResourceIdPipe, type Principal, ROLES } from '@dossiers/platform';
import { GetClientQuery } from './get-client.query';
import { ClientDetails } from '../../responses/client.responses';

@ApiTags('clients')
@QueryController([...ROLES])
@Controller('clients')
export class GetClientController {
  constructor(private readonly queryBus: QueryBus) {}

  /**
   * The client sheet: info, group and attributes. For staff the ETag is the revision to send back
   * in If-Match; collaborators and contacts get neither, and `updatedAt` moves only with the sheet.
   */
  @Get(':id')
  @ApiOkResponse({ type: ClientDetails, description: 'the ETag header is `revision`' })
  async get(
    @Param('id', new ResourceIdPipe('client')) id: string,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const sheet = await this.queryBus.execute(new GetClientQuery(principal, id));
    // Members get no version: see ClientAccess.revisionFor.
    if (sheet.revision !== null) void reply.header('etag', `"${sheet.revision}"`);
    return sheet;
  }
}
