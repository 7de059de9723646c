import fastifyMultipart, { type FastifyMultipartBaseOptions } from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';

/**
 * @fastify/multipart's limits: one file of at most `maxUploadBytes`, and a few small fields.
 * receiveSingleFile may lower the file size per request.
 */
export function multipartOptions(maxUploadBytes: number): FastifyMultipartBaseOptions {
  return {
    limits: { fileSize: maxUploadBytes, files: 1, fields: 20, fieldSize: 16 * 1024, parts: 30 },
    // Keep the name exactly as sent: busboy would otherwise cut '../../etc/passwd' down to
    // 'passwd', and checkFileName refuses such names instead.
    preservePath: true,
  };
}

/**
 * Streamed uploads on a Fastify instance: the multipart parser, and what Node does for a body
 * nobody read but cannot do for one piped into the parser: once the response is sent, the rest
 * of an upload that was refused midway (too large, a bad name, no right) is read and dropped.
 * Otherwise the client, still sending, would hold a connection that never serves another request.
 */
export async function registerFileUploads(app: FastifyInstance, maxUploadBytes: number): Promise<void> {
  await app.register(fastifyMultipart, multipartOptions(maxUploadBytes));
  app.addHook('onResponse', async (request) => {
    const body = request.raw;
    if (body.complete || body.destroyed) return;
    body.unpipe();
    body.removeAllListeners('data');
    body.resume();
  });
}
