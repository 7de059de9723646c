import { ApiPropertyOptional } from '@nestjs/swagger';
import { Optional } from '@dossiers/platform';
import { IsIn } from 'class-validator';
import { MAIL_DELIVERY_STATUSES, type MailDeliveryStatus } from '@dossiers/notifications';
import { PageQuery } from '../../paging/page.query';

/** `?status=&page=&pageSize=`, paged like GET /clients. */
export class ListOutboxQuery extends PageQuery {
  @ApiPropertyOptional({ enum: MAIL_DELIVERY_STATUSES })
  @Optional()
  @IsIn(MAIL_DELIVERY_STATUSES)
  status?: MailDeliveryStatus;
}
