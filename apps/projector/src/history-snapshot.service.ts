import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { EVENT_STORE, type EventStore } from '@dossiers/event-store';
import { READ_STORE, type ReadStore } from '@dossiers/read-store';
import { HistorySnapshotter } from '@dossiers/read-models';

/**
 * Keeps the snapshots of the clients' histories that the time travel folds from, beside the
 * projector (HistorySnapshotter: a cache, whose failures are logged and never stop it).
 */
@Injectable()
export class HistorySnapshotService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly snapshotter: HistorySnapshotter;

  constructor(@Inject(EVENT_STORE) eventStore: EventStore, @Inject(READ_STORE) readStore: ReadStore) {
    this.snapshotter = new HistorySnapshotter(eventStore, readStore, {
      logger: new Logger('history-snapshots'),
    });
  }

  onApplicationBootstrap(): Promise<void> {
    return this.snapshotter.start();
  }

  onApplicationShutdown(): Promise<void> {
    return this.snapshotter.stop();
  }
}
