import { Module } from '@nestjs/common';
import { ClientAccess } from './client-access';

/** The read side's authorisation, one instance shared by every feature module. */
@Module({ providers: [ClientAccess], exports: [ClientAccess] })
export class AccessModule {}
