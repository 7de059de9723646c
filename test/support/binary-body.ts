import type { StandaloneHarness } from './standalone-app';

/** supertest buffers binary bodies only when told how: `.buffer(true).parse(asBinary)`. */
function binary(res: NodeJS.ReadableStream, done: (err: Error | null, body: Buffer) => void) {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => done(null, Buffer.concat(chunks)));
}
export const asBinary = binary as unknown as Parameters<ReturnType<StandaloneHarness['http']>['parse']>[0];
