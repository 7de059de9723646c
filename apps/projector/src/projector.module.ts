import { Module } from '@nestjs/common';
import { ProjectionLagModule } from '@dossiers/platform';
import { HistorySnapshotService } from './history-snapshot.service';
import { ProjectorService } from './projector.service';

/**
 * Follows the event store and keeps the read models, and exports their lag (ProjectionLagModule's
 * gauges); keeps the snapshots of the clients' histories (HistorySnapshotService). Needs
 * InfrastructureModule from its host process.
 */
@Module({ imports: [ProjectionLagModule], providers: [ProjectorService, HistorySnapshotService] })
export class ProjectorModule {}
