import { PassThrough } from 'node:stream';
import { Controller, Get, Logger, Query, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentPrincipal, QueryController, type Principal } from '@dossiers/platform';
import { writeClientWorkbook } from './client-workbook';
import { ExportClientsDto } from './export-clients.dto';
import { ExportClientsQuery } from './export-clients.query';

@ApiTags('clients')
@QueryController()
@Controller('clients')
export class ExportClientsController {
  private readonly logger = new Logger('export');

  constructor(private readonly queryBus: QueryBus) {}

  /** The firm's client base as an Excel workbook, streamed straight to the response. */
  @Get('export.xlsx')
  @ApiOkResponse({
    description: 'the workbook, streamed (Content-Disposition: attachment)',
    content: {
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {
        schema: { type: 'string', format: 'binary' },
      },
    },
  })
  async export(
    @Query() dto: ExportClientsDto,
    @CurrentPrincipal() principal: Principal,
    @Res() reply: FastifyReply,
  ) {
    const body = new PassThrough();
    const input = await this.queryBus.execute(new ExportClientsQuery(principal, dto));
    void reply
      .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header(
        'content-disposition',
        `attachment; filename="clients-${new Date().toISOString().slice(0, 10)}.xlsx"`,
      )
      .send(body);
    // Headers are gone by now: a failure can only cut the download short, which the client sees.
    await writeClientWorkbook(body, input).catch((error: Error) => {
      this.logger.error({ message: 'export failed', err: error.message });
      body.destroy(error);
    });
  }
}
