import { Module } from '@nestjs/common';
import { ProjectorService } from './projector.service';

/** Follows the event store and keeps the read models. Needs InfrastructureModule from its host process. */
@Module({ providers: [ProjectorService] })
export class ProjectorModule {}
