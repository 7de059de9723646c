import { Inject, Injectable, Logger } from '@nestjs/common';
import { Gauge, type Registry } from 'prom-client';
import { READ_STORE, type ReadStore } from '@dossiers/read-store';
import { METRICS_REGISTRY } from '@dossiers/platform';
import { MAIL_DELIVERIES_COLLECTION, type MailDeliveryStatus } from '@dossiers/notifications';

/** Only these two call for attention: pending ones pile up when mail cannot go out, failed ones never will. */
const WATCHED: MailDeliveryStatus[] = ['pending', 'failed'];

/** The outbox's deliveries waiting or given up, counted when scraped (the `due` index covers both). */
@Injectable()
export class OutboxMetrics {
  private readonly logger = new Logger('metrics');

  constructor(@Inject(METRICS_REGISTRY) registry: Registry, @Inject(READ_STORE) readStore: ReadStore) {
    const deliveries = readStore.collection(MAIL_DELIVERIES_COLLECTION);
    const logger = this.logger;
    new Gauge({
      name: 'dossiers_outbox_deliveries',
      help: 'Mail deliveries in the outbox by status: pending (to send, or to retry) and failed (never sent)',
      labelNames: ['status'],
      registers: [registry],
      async collect() {
        this.reset();
        try {
          const counts = await Promise.all(WATCHED.map((status) => deliveries.count({ status })));
          WATCHED.forEach((status, i) => this.set({ status }, counts[i]));
        } catch (error) {
          logger.warn({ message: 'outbox not counted', err: String(error) });
        }
      },
    });
  }
}
