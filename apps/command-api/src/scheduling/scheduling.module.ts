import { Module } from '@nestjs/common';
import { DueWorkRunner } from './due-work-runner';
import { EmbeddedScheduler } from './embedded-scheduler';

/**
 * The embedded scheduler, in the command API's process (it runs the commands through the global
 * CommandBus, whose handlers the command API registers). Idle when REDIS_URL is set.
 */
@Module({ providers: [DueWorkRunner, EmbeddedScheduler], exports: [DueWorkRunner] })
export class SchedulingModule {}
