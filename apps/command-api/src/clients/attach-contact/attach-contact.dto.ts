import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Allow } from 'class-validator';

/** An existing contact `{contactId, language, sendActivationEmail}` or a new one with its details. */
export class AttachContactDto {
  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    description: 'an existing contact; or give the details of a new one (firstName, lastName, email, phone?)',
  })
  @Allow()
  contactId?: unknown;
  @ApiPropertyOptional({ type: String, description: 'a new contact: 1-100 characters' })
  @Allow()
  firstName?: unknown;
  @ApiPropertyOptional({ type: String, description: 'a new contact: 1-100 characters' })
  @Allow()
  lastName?: unknown;
  @ApiPropertyOptional({ type: String, description: 'a new contact: unique in the firm' })
  @Allow()
  email?: unknown;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'a new contact: 6-20 digits' })
  @Allow()
  phone?: unknown;
  @ApiProperty({
    type: String,
    enum: ['fr', 'en', 'de', 'es', 'it', 'nl'],
    description: "this client's emails to the contact",
  })
  @Allow()
  language?: unknown;
  @ApiProperty({
    type: Boolean,
    description: 'send an activation email (again, for a contact already attached)',
  })
  @Allow()
  sendActivationEmail?: unknown;
}
