/**
 * Forked by bench/http.ts: the baseline, a bare Fastify server (the one this system runs on, no
 * Nest, no auth, no store) with a GET returning a small JSON body and a POST parsing one. What the
 * platform carries on this machine; the system's routes are measured as fractions of it.
 * Plain JavaScript, like files.child.js.
 */
const Fastify = require('fastify');

const SHEET = {
  id: '00000000-0000-4000-8000-000000000000',
  name: 'Boulangerie Martin SARL',
  groupId: null,
  attributes: { siren: '123456789' },
  revision: 3,
};

async function main() {
  const app = Fastify({ logger: false });
  app.get('/clients/:id', async (request) => ({ ...SHEET, id: request.params.id }));
  app.post('/clients', async (request, reply) => {
    const { name } = request.body;
    reply.code(201);
    return { id: SHEET.id, name, revision: 0, position: 1 };
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  process.on('message', async (message) => {
    if (message.type === 'stop') {
      await app.close();
      process.disconnect();
    }
  });
  process.send({
    type: 'ready',
    port: app.server.address().port,
    rssMb: process.memoryUsage().rss / 2 ** 20,
  });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
