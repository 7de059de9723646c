import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentPrincipal, QueryController, ResourceIdPipe, type Principal, ROLES } from '@dossiers/platform';
import { GetClientQuery } from './get-client.query';
import { ClientDetails } from '../../responses/client.responses';
import { AsOfDto, historyPointOf } from '../../time-travel/as-of.dto';
import { asOf } from '../../time-travel/time-travel.query';

@ApiTags('clients')
@QueryController([...ROLES])
@Controller('clients')
export class GetClientController {
  constructor(private readonly queryBus: QueryBus) {}

  /**
   * The client sheet: info, group and attributes. For staff the ETag is the revision to send back
   * in If-Match; collaborators and contacts get neither, and `updatedAt` moves only with the sheet.
   * As of a past point (auditors): the sheet as it was, `revision` the one it was at, no ETag.
   */
  @Get(':id')
  @ApiOkResponse({
    type: ClientDetails,
    description: 'the ETag header is `revision`, except with asOf or asOfRevision',
  })
  async get(
    @Param('id', new ResourceIdPipe('client')) id: string,
    @Query() dto: AsOfDto,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const point = historyPointOf(dto);
    const sheet = await this.queryBus.execute(asOf(point, new GetClientQuery(principal, id)));
    // Members get no version (see ClientAccess.revisionFor); a past one is nothing to send back.
    if (sheet.revision !== null && !point) void reply.header('etag', `"${sheet.revision}"`);
    return sheet;
  }
}
