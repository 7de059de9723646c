import type { FastifyMultipartBaseOptions } from '@fastify/multipart';

/**
 * @fastify/multipart's limits: one file of at most `maxUploadBytes`, and a few small fields.
 * receiveSingleFile may lower the file size per request.
 */
export function multipartOptions(maxUploadBytes: number): FastifyMultipartBaseOptions {
  return {
    limits: { fileSize: maxUploadBytes, files: 1, fields: 20, fieldSize: 16 * 1024, parts: 30 },
    // Keep the name exactly as sent: busboy would otherwise cut '../../etc/passwd' down to
    // 'passwd', and sanitizeFileName refuses such names instead.
    preservePath: true,
  };
}
