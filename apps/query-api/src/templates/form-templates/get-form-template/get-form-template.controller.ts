import { Controller, Get, Param, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentPrincipal, QueryController, ResourceIdPipe, type Principal } from '@dossiers/platform';
import { GetFormTemplateQuery } from './get-form-template.query';
import { FormTemplateDetails } from '../../../responses/template.responses';

@ApiTags('templates')
@QueryController()
@Controller('form-templates')
export class GetFormTemplateController {
  constructor(private readonly queryBus: QueryBus) {}

  /** The ETag is the revision of the template. */
  @Get(':id')
  @ApiOkResponse({ type: FormTemplateDetails })
  async get(
    @Param('id', new ResourceIdPipe('form template')) id: string,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const template = await this.queryBus.execute(new GetFormTemplateQuery(principal, id));
    void reply.header('etag', `"${template.revision}"`);
    return template;
  }
}
