import { Controller, Get, Param, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentPrincipal, QueryController, ResourceIdPipe, type Principal } from '@dossiers/platform';
import { GetTreeTemplateQuery } from './get-tree-template.query';
import { TreeTemplateDetails } from '../../../responses/template.responses';

@ApiTags('templates')
@QueryController()
@Controller('tree-templates')
export class GetTreeTemplateController {
  constructor(private readonly queryBus: QueryBus) {}

  /** With `folders` flat and `tree` nested (the preview); the ETag is the revision to send back in If-Match. */
  @Get(':id')
  @ApiOkResponse({ type: TreeTemplateDetails })
  async get(
    @Param('id', new ResourceIdPipe('tree template')) id: string,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const template = await this.queryBus.execute(new GetTreeTemplateQuery(principal, id));
    void reply.header('etag', `"${template.revision}"`);
    return template;
  }
}
