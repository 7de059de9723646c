import { Body, Controller, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Allow } from 'class-validator';
import type { CommandContext } from '@dossiers/application';
import {
  Command,
  CommandController,
  commandResponse,
  CommandResponse,
  ResourceIdPipe,
} from '@dossiers/platform';
import { AttachContactHandler } from './attach-contact.handler';

/** An existing contact `{contactId, language, sendActivationEmail}` or a new one with its details. */
export class AttachContactDto {
  @ApiPropertyOptional({
    format: 'uuid',
    description: 'an existing contact; or give the details of a new one',
  })
  @Allow()
  contactId?: unknown;
  @ApiPropertyOptional() @Allow() firstName?: unknown;
  @ApiPropertyOptional() @Allow() lastName?: unknown;
  @ApiPropertyOptional() @Allow() email?: unknown;
  @ApiPropertyOptional() @Allow() phone?: unknown;
  @ApiPropertyOptional({
    enum: ['fr', 'en', 'de', 'es', 'it', 'nl'],
    description: "this client's emails to the contact",
  })
  @Allow()
  language?: unknown;
  @ApiPropertyOptional({ description: 'send an activation email (again, for a contact already attached)' })
  @Allow()
  sendActivationEmail?: unknown;
}

@ApiTags('client sheet')
@CommandController()
@Controller('clients')
export class AttachContactController {
  constructor(private readonly handler: AttachContactHandler) {}

  /** Answers the client's revision; `contactId` names the contact attached (new or existing). */
  @Post(':id/contacts')
  @ApiCreatedResponse({ type: CommandResponse })
  async attach(
    @Param('id', new ResourceIdPipe('client')) id: string,
    @Body() dto: AttachContactDto,
    @Command() context: CommandContext,
  ) {
    const { contactId, result } = await this.handler.execute(id, dto, context);
    return { ...commandResponse(id, result), contactId };
  }
}
