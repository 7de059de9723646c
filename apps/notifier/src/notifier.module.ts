import { Module } from '@nestjs/common';
import { NotifierService } from './notifier.service';

/** Sends the emails the events ask for (activation links). Needs InfrastructureModule from its host process. */
@Module({ providers: [NotifierService] })
export class NotifierModule {}
