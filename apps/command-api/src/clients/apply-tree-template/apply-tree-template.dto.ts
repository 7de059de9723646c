import { ApiProperty } from '@nestjs/swagger';
import { Allow } from 'class-validator';

export class ApplyTreeTemplateDto {
  @ApiProperty({ type: String, format: 'uuid' })
  @Allow()
  treeTemplateId!: unknown;
}
