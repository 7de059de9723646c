import { Controller, Get, Param, Res } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentPrincipal, QueryController, ResourceIdPipe, type Principal } from '@dossiers/platform';
import { TemplateQueries } from '../template-queries';
import { SheetTemplateDetails } from '../../responses/template.responses';

@ApiTags('templates')
@QueryController()
@Controller('sheet-templates')
export class GetSheetTemplateController {
  constructor(private readonly queries: TemplateQueries) {}

  /** The ETag is the revision to send back in If-Match. */
  @Get(':id')
  @ApiOkResponse({ type: SheetTemplateDetails })
  async get(
    @Param('id', new ResourceIdPipe('sheet template')) id: string,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const template = await this.queries.sheetTemplate(principal.tenant, id);
    void reply.header('etag', `"${template.revision}"`);
    return template;
  }
}
