import { ApiProperty } from '@nestjs/swagger';
import { ReminderScheduleItem } from './reminder.responses';

export class ReminderCampaignTargetItem {
  @ApiProperty({ type: [String], nullable: true, description: 'any of these groups; null: any group' })
  groupIds!: string[] | null;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    nullable: true,
    description: 'every attribute equal to its value; null: no condition',
  })
  attributeEquals!: Record<string, unknown> | null;
}

export class ReminderCampaignSummary {
  @ApiProperty({ format: 'uuid' })
  id!: string;
  @ApiProperty({ format: 'uuid' })
  templateId!: string;
  @ApiProperty()
  templateName!: string;
  @ApiProperty({ type: ReminderCampaignTargetItem })
  target!: ReminderCampaignTargetItem;
  @ApiProperty({ type: ReminderScheduleItem })
  schedule!: ReminderScheduleItem;
  @ApiProperty({
    oneOf: [
      { type: 'string', enum: ['all'] },
      { type: 'array', items: { type: 'string', format: 'uuid' } },
    ],
  })
  recipients!: 'all' | string[];
  @ApiProperty({ type: 'integer', description: 'the clients the target matched when launched' })
  clientsCount!: number;
  @ApiProperty({ format: 'date-time' })
  launchedAt!: string;
  @ApiProperty()
  launchedBy!: string;
}

export class ReminderCampaignList {
  @ApiProperty({ type: [ReminderCampaignSummary], description: 'the latest first, at most 100' })
  items!: ReminderCampaignSummary[];
  @ApiProperty({ type: 'integer' })
  total!: number;
}

export class ReminderCampaignClientItem {
  @ApiProperty({ format: 'uuid' })
  clientId!: string;
  @ApiProperty({ format: 'uuid', description: "the campaign's reminder on that client" })
  reminderId!: string;
}

export class ReminderCampaignDetails extends ReminderCampaignSummary {
  @ApiProperty({ type: [ReminderCampaignClientItem] })
  clients!: ReminderCampaignClientItem[];
}
