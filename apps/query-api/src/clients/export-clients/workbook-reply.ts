import { PassThrough, type Writable } from 'node:stream';
import type { Logger } from '@nestjs/common';
import type { FastifyReply } from 'fastify';

export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The OpenAPI description of a workbook answer. */
export const XLSX_RESPONSE = {
  description: 'the workbook, streamed (Content-Disposition: attachment)',
  content: { [XLSX_CONTENT_TYPE]: { schema: { type: 'string', format: 'binary' } } },
};

/**
 * Sends a workbook as `<name>-<today>.xlsx` while `write` produces it: the reply streams what is
 * written, so nothing is held whole in memory.
 */
export async function sendWorkbook(
  reply: FastifyReply,
  name: string,
  write: (output: Writable) => Promise<void>,
  logger: Logger,
): Promise<void> {
  const body = new PassThrough();
  void reply
    .header('content-type', XLSX_CONTENT_TYPE)
    .header(
      'content-disposition',
      `attachment; filename="${name}-${new Date().toISOString().slice(0, 10)}.xlsx"`,
    )
    .send(body);
  // Headers are gone by now: a failure can only cut the download short, which the client sees.
  await write(body).catch((error: Error) => {
    logger.error({ message: 'export failed', err: error.message });
    body.destroy(error);
  });
}
