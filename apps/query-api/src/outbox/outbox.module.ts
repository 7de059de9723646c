import { Module } from '@nestjs/common';
import { ListOutboxController } from './list-outbox/list-outbox.controller';
import { ListOutboxHandler } from './list-outbox/list-outbox.handler';

/** GET /outbox: what the mail reactor sent or still has to send. */
@Module({ controllers: [ListOutboxController], providers: [ListOutboxHandler] })
export class OutboxModule {}
