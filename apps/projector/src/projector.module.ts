import { Module } from '@nestjs/common';
import { ProjectionLagModule } from '@dossiers/platform';
import { ProjectorService } from './projector.service';

/**
 * Follows the event store and keeps the read models, and exports their lag (ProjectionLagModule's
 * gauges). Needs InfrastructureModule from its host process.
 */
@Module({ imports: [ProjectionLagModule], providers: [ProjectorService] })
export class ProjectorModule {}
