import { Controller, Get, Param, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import {
  CurrentPrincipal,
  QueryController,
  ResourceIdPipe,
  STAFF_READER_ROLES,
  type Principal,
} from '@dossiers/platform';
import { ClientQueries } from '../client-queries';

@ApiTags('clients')
@QueryController([...STAFF_READER_ROLES, 'contact'])
@Controller('clients')
export class GetClientController {
  constructor(private readonly queries: ClientQueries) {}

  /** The client sheet: info, group and attributes; the ETag is the revision to send back in If-Match. */
  @Get(':id')
  async get(
    @Param('id', new ResourceIdPipe('client')) id: string,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const sheet = await this.queries.get(principal, id);
    void reply.header('etag', `"${sheet.revision}"`);
    return sheet;
  }
}
