import 'reflect-metadata';
import { runHttpApp } from '@dossiers/platform';
import { CommandApiModule } from './command-api.module';

runHttpApp('dossiers command API', CommandApiModule, (config) => config.commandApiPort);
