import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { MAIL_DELIVERY_STATUSES, type MailDeliveryStatus } from '@dossiers/notifications';

/** `?status=&page=&pageSize=`, paged like GET /clients. */
export class ListOutboxQuery {
  @ApiPropertyOptional({ enum: MAIL_DELIVERY_STATUSES })
  @IsOptional()
  @IsIn(MAIL_DELIVERY_STATUSES)
  status?: MailDeliveryStatus;

  @ApiPropertyOptional({ minimum: 1, default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100_000)
  page: number = 1;

  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  pageSize: number = 50;
}
