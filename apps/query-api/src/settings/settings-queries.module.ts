import { Module } from '@nestjs/common';
import { GetSettingsController } from './get-settings/get-settings.controller';
import { GetSettingsHandler } from './get-settings/get-settings.handler';

/** GET /settings: the firm's settings (PUT /settings is the command API's). */
@Module({ controllers: [GetSettingsController], providers: [GetSettingsHandler] })
export class SettingsQueriesModule {}
