import { Module } from '@nestjs/common';
import { NotifierService } from './notifier.service';
import { OutboxMetrics } from './outbox.metrics';

/**
 * Sends the emails the events ask for (activation links), and counts the outbox's pending and
 * failed deliveries for /metrics. Needs InfrastructureModule from its host process.
 */
@Module({ providers: [NotifierService, OutboxMetrics] })
export class NotifierModule {}
