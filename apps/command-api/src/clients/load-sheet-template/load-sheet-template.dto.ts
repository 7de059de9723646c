import { ApiProperty } from '@nestjs/swagger';
import { Allow } from 'class-validator';

export class LoadSheetTemplateDto {
  @ApiProperty({ type: String, format: 'uuid' })
  @Allow()
  sheetTemplateId!: unknown;
}
