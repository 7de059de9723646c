import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class HealthResponse {
  @ApiProperty({ enum: ['ok'] })
  status!: string;
}

const STORE_STATE = { description: '`up`, or `down: <why>`', example: 'up' };

/** Each store the process uses, and whether it answers. */
export class StoreStates {
  @ApiProperty(STORE_STATE)
  eventStore!: string;
  @ApiProperty(STORE_STATE)
  readStore!: string;
  @ApiProperty(STORE_STATE)
  idempotency!: string;
}

/** Where the process serves reads: how far its read models are behind the event store. */
export class ProjectorLag {
  @ApiProperty({ description: 'the projection furthest behind', example: 'client-list' })
  projection!: string;
  @ApiProperty({ description: 'events stored after its checkpoint, counted up to `countedUpTo`', example: 0 })
  eventsBehind!: number;
  @ApiProperty({
    description: 'age of the oldest event not in the read models yet (0: caught up)',
    example: 0,
  })
  secondsBehind!: number;
  @ApiProperty({ description: 'READY_MAX_LAG_EVENTS', example: 1000 })
  maxLagEvents!: number;
  @ApiProperty({ description: 'READY_MAX_LAG_SECONDS', example: 60 })
  maxLagSeconds!: number;
  @ApiProperty({ example: 10000 })
  countedUpTo!: number;
}

export class ReadyResponse {
  @ApiProperty({ enum: ['ready'] })
  status!: string;
  @ApiProperty({ type: StoreStates })
  stores!: StoreStates;
  @ApiPropertyOptional({ type: ProjectorLag, description: 'absent from the command API' })
  projector?: ProjectorLag;
}

/** 503 from GET /ready: the error shape, with each store's state. */
export class NotReadyResponse {
  @ApiProperty({ enum: ['NOT_READY'] })
  code!: string;
  @ApiProperty()
  message!: string;
  @ApiProperty({ type: StoreStates })
  stores!: StoreStates;
  @ApiPropertyOptional({
    type: ProjectorLag,
    description: 'absent when a store is down, or from the command API',
  })
  projector?: ProjectorLag;
}
