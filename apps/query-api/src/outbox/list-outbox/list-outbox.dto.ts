import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { MAIL_DELIVERY_STATUSES, type MailDeliveryStatus } from '@dossiers/notifications';

export class ListOutboxQuery {
  @ApiPropertyOptional({ enum: MAIL_DELIVERY_STATUSES })
  @IsOptional()
  @IsIn(MAIL_DELIVERY_STATUSES)
  status?: MailDeliveryStatus;

  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit: number = 50;

  @ApiPropertyOptional({ minimum: 0, default: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  offset: number = 0;
}
