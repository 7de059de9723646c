import { ApiProperty } from '@nestjs/swagger';

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

export class ReadyResponse {
  @ApiProperty({ enum: ['ready'] })
  status!: string;
  @ApiProperty({ type: StoreStates })
  stores!: StoreStates;
}

/** 503 from GET /ready: the error shape, with each store's state. */
export class NotReadyResponse {
  @ApiProperty({ enum: ['NOT_READY'] })
  code!: string;
  @ApiProperty()
  message!: string;
  @ApiProperty({ type: StoreStates })
  stores!: StoreStates;
}
