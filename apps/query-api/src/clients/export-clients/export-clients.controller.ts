import { Controller, Get, Logger, Query, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentPrincipal, QueryController, type Principal } from '@dossiers/platform';
import { writeClientWorkbook } from './client-workbook';
import { ExportClientsDto } from './export-clients.dto';
import { ExportClientsQuery } from './export-clients.query';
import { sendWorkbook, XLSX_RESPONSE } from './workbook-reply';

@ApiTags('clients')
@QueryController()
@Controller('clients')
export class ExportClientsController {
  private readonly logger = new Logger('export');

  constructor(private readonly queryBus: QueryBus) {}

  /** The firm's client base as an Excel workbook, streamed straight to the response. */
  @Get('export.xlsx')
  @ApiOkResponse(XLSX_RESPONSE)
  async export(
    @Query() dto: ExportClientsDto,
    @CurrentPrincipal() principal: Principal,
    @Res() reply: FastifyReply,
  ) {
    const input = await this.queryBus.execute(new ExportClientsQuery(principal, dto));
    await sendWorkbook(reply, 'clients', (output) => writeClientWorkbook(output, input), this.logger);
  }
}
