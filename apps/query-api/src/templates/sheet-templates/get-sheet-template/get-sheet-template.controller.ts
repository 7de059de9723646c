import { Controller, Get, Param, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentPrincipal, QueryController, ResourceIdPipe, type Principal } from '@dossiers/platform';
import { GetSheetTemplateQuery } from './get-sheet-template.query';
import { SheetTemplateDetails } from '../../../responses/template.responses';

@ApiTags('templates')
@QueryController()
@Controller('sheet-templates')
export class GetSheetTemplateController {
  constructor(private readonly queryBus: QueryBus) {}

  /** The ETag is the revision to send back in If-Match. */
  @Get(':id')
  @ApiOkResponse({ type: SheetTemplateDetails })
  async get(
    @Param('id', new ResourceIdPipe('sheet template')) id: string,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const template = await this.queryBus.execute(new GetSheetTemplateQuery(principal, id));
    void reply.header('etag', `"${template.revision}"`);
    return template;
  }
}
