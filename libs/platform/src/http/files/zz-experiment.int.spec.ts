import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import fastifyMultipart from '@fastify/multipart';
import fastify from 'fastify';
import { multipartOptions } from './multipart-options';
import { receiveSingleFile } from './receive-single-file';
import { multipartBody } from './testing/multipart-body';

it('unconsumed', async () => {
  const app = fastify();
  await app.register(fastifyMultipart, multipartOptions(100 * 1024 * 1024));
  app.post('/upload', async (request, reply) => {
    await receiveSingleFile(request, { maxBytes: 100 * 1024 * 1024 });
    return reply.status(400).send({ refused: true });
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { address, port } = app.server.address() as AddressInfo;
  async function* big() { for (let i = 0; i < 160; i++) yield Buffer.alloc(64 * 1024, 1); }
  const { contentType, body } = multipartBody([{ name: 'file', filename: 'x.bin', content: big() }]);
  const started = Date.now();
  const result = await new Promise<string>((resolve, reject) => {
    const client = httpRequest({ host: address, port, method: 'POST', path: '/upload', headers: { 'content-type': contentType } }, (res) => {
      let text = '';
      res.on('data', (c) => (text += c));
      res.on('end', () => resolve(`${res.statusCode} ${text} ${res.headers.connection}`));
    });
    client.on('error', reject);
    body.pipe(client);
  });
  console.log(result, Date.now() - started, 'ms');
  await app.close();
});
