import 'reflect-metadata';
import { createHttpApp, describeEngines, loadConfig } from '@dossiers/platform';
import { StandaloneModule } from './standalone.module';

async function main() {
  const config = loadConfig();
  const app = await createHttpApp(StandaloneModule.forRoot(config) as never, config, {
    title: 'dossiers (standalone)',
  });
  await app.listen(config.port, '0.0.0.0');
  console.log(
    JSON.stringify({
      message: `dossiers listening on http://localhost:${config.port} (API docs: /docs)`,
      engines: describeEngines(config),
      token: 'npm run token -- --tenant <firm> --role admin --sub <you>',
    }),
  );
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
