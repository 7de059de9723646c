import { Controller, Get, Param, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentPrincipal, QueryController, ResourceIdPipe, type Principal } from '@dossiers/platform';
import { GetReminderTemplateQuery } from './get-reminder-template.query';
import { ReminderTemplateDetails } from '../../../responses/template.responses';

@ApiTags('templates')
@QueryController()
@Controller('reminder-templates')
export class GetReminderTemplateController {
  constructor(private readonly queryBus: QueryBus) {}

  /** The ETag is the revision of the template, for PUT's If-Match. */
  @Get(':id')
  @ApiOkResponse({ type: ReminderTemplateDetails })
  async get(
    @Param('id', new ResourceIdPipe('reminder template')) id: string,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const template = await this.queryBus.execute(new GetReminderTemplateQuery(principal, id));
    void reply.header('etag', `"${template.revision}"`);
    return template;
  }
}
