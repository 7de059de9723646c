import { applyDecorators } from '@nestjs/common';
import { RouteConfig } from '@nestjs/platform-fastify';
import { ApiBody, ApiConsumes } from '@nestjs/swagger';

const FILE_UPLOAD = 'acceptsFileUpload';

/**
 * Marks a route that takes one file as multipart/form-data (field `file`, read with
 * receiveSingleFile). Every other route keeps refusing non-JSON bodies with 415, and this one
 * refuses anything but multipart.
 */
export function FileUpload(): MethodDecorator {
  return applyDecorators(
    RouteConfig({ [FILE_UPLOAD]: true }),
    ApiConsumes('multipart/form-data'),
    ApiBody({
      schema: {
        type: 'object',
        required: ['file'],
        properties: { file: { type: 'string', format: 'binary', description: 'the file, one per request' } },
      },
    }),
  );
}

/** Whether the request's route is marked with @FileUpload() (typed loosely: Nest's Fastify is another copy). */
export function acceptsFileUpload(request: { routeOptions?: { config?: unknown } }): boolean {
  const config = request.routeOptions?.config as Record<string, unknown> | undefined;
  return config?.[FILE_UPLOAD] === true;
}
