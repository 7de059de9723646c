import { Module } from '@nestjs/common';
import { ListOutboxController } from './list-outbox/list-outbox.controller';

/** GET /outbox: what the mail reactor sent or still has to send. */
@Module({ controllers: [ListOutboxController] })
export class OutboxModule {}
