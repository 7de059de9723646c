import { Module } from '@nestjs/common';
import { ClientFolds } from './client-folds';
import { TimeTravelHandler } from './time-travel.handler';

/** `?asOf=` and `?asOfRevision=` of the client and folder routes: their answers as they were. */
@Module({ providers: [ClientFolds, TimeTravelHandler] })
export class TimeTravelModule {}
