import { ApiPropertyOptional } from '@nestjs/swagger';
import { Optional } from '@dossiers/platform';
import { IsIn } from 'class-validator';
import { MAIL_DELIVERY_STATUSES, type MailDeliveryStatus } from '@dossiers/notifications';
import { PageDto } from '../../paging/page.dto';

/** `?status=&page=&pageSize=`, paged like GET /clients. */
export class ListOutboxDto extends PageDto {
  @ApiPropertyOptional({ enum: MAIL_DELIVERY_STATUSES })
  @Optional()
  @IsIn(MAIL_DELIVERY_STATUSES)
  status?: MailDeliveryStatus;
}
