import { ApiProperty } from '@nestjs/swagger';
import { Allow } from 'class-validator';

export class SendFormDto {
  @ApiProperty({ type: String, format: 'uuid' })
  @Allow()
  formTemplateId!: unknown;
}
