import 'reflect-metadata';
import { runHttpApp } from '@dossiers/platform';
import { QueryApiModule } from './query-api.module';

runHttpApp('dossiers query API', QueryApiModule, (config) => config.queryApiPort);
