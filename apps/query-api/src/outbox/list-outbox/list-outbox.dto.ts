import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { MAIL_DELIVERY_STATUSES, type MailDeliveryStatus } from '@dossiers/notifications';
import { PageQuery } from '../../paging/page.query';

/** `?status=&page=&pageSize=`, paged like GET /clients. */
export class ListOutboxQuery extends PageQuery {
  @ApiPropertyOptional({ enum: MAIL_DELIVERY_STATUSES })
  @IsOptional()
  @IsIn(MAIL_DELIVERY_STATUSES)
  status?: MailDeliveryStatus;
}
