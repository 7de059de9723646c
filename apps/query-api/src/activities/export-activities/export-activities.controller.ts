import { Controller, Get, Logger, Query, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentPrincipal, QueryController, type Principal } from '@dossiers/platform';
import { sendWorkbook, XLSX_RESPONSE } from '../../clients/export-clients/workbook-reply';
import { writeActivityWorkbook } from './activity-workbook';
import { ExportActivitiesDto } from './export-activities.dto';
import { ExportActivitiesQuery } from './export-activities.query';

@ApiTags('activities')
@QueryController(['admin', 'auditor'])
@Controller('activities')
export class ExportActivitiesController {
  private readonly logger = new Logger('export');

  constructor(private readonly queryBus: QueryBus) {}

  @Get('export.xlsx')
  @ApiOperation({
    summary: 'The firm-wide activity log as an Excel workbook',
    description:
      'Every activity matching the filters of `GET /activities`, newest first, one row each: date, type, ' +
      'actor, client, file, format, folder path and summary (French), streamed straight to the response.',
  })
  @ApiOkResponse(XLSX_RESPONSE)
  async export(
    @Query() dto: ExportActivitiesDto,
    @CurrentPrincipal() principal: Principal,
    @Res() reply: FastifyReply,
  ) {
    const input = await this.queryBus.execute(new ExportActivitiesQuery(principal, dto));
    await sendWorkbook(reply, 'activities', (output) => writeActivityWorkbook(output, input), this.logger);
  }
}
