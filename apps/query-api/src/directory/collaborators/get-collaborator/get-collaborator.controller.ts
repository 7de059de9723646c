import { Controller, Get, Param, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentPrincipal, QueryController, ResourceIdPipe, type Principal } from '@dossiers/platform';
import { GetCollaboratorQuery } from './get-collaborator.query';
import { CollaboratorDetails } from '../../../responses/directory.responses';

@ApiTags('collaborators')
@QueryController()
@Controller('collaborators')
export class GetCollaboratorController {
  constructor(private readonly queryBus: QueryBus) {}

  /** The collaborator; the ETag is the revision to send back in If-Match. */
  @Get(':id')
  @ApiOkResponse({ type: CollaboratorDetails })
  async get(
    @Param('id', new ResourceIdPipe('collaborator')) id: string,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const collaborator = await this.queryBus.execute(new GetCollaboratorQuery(principal, id));
    void reply.header('etag', `"${collaborator.revision}"`);
    return collaborator;
  }
}
