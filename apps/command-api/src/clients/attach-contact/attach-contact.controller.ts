import { Body, Controller, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Allow } from 'class-validator';
import type { CommandContext } from '@dossiers/application';
import { Ctx, CommandController, commandResponse, ResourceIdPipe } from '@dossiers/platform';
import { ContactAttachedResponse } from '../../command-responses';
import { AttachContactCommand } from './attach-contact.command';

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

@ApiTags('client sheet')
@CommandController()
@Controller('clients')
export class AttachContactController {
  constructor(private readonly commandBus: CommandBus) {}

  /** Answers the client's revision; `contactId` names the contact attached (new or existing). */
  @Post(':id/contacts')
  @ApiCreatedResponse({ type: ContactAttachedResponse })
  async attach(
    @Param('id', new ResourceIdPipe('client')) id: string,
    @Body() dto: AttachContactDto,
    @Ctx() context: CommandContext,
  ) {
    const contact = {
      contactId: dto.contactId,
      firstName: dto.firstName,
      lastName: dto.lastName,
      email: dto.email,
      phone: dto.phone,
      language: dto.language,
      sendActivationEmail: dto.sendActivationEmail,
    };
    const { contactId, ...result } = await this.commandBus.execute(
      new AttachContactCommand(id, contact, context),
    );
    return { ...commandResponse(id, result), contactId };
  }
}
