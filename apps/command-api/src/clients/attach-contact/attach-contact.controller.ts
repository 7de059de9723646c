import { Body, Controller, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiTags } from '@nestjs/swagger';
import type { CommandContext } from '@dossiers/application';
import { Ctx, CommandController, commandResponse, ResourceIdPipe } from '@dossiers/platform';
import { ContactAttachedResponse } from '../../command-responses';
import { AttachContactDto } from './attach-contact.dto';
import { AttachContactCommand } from './attach-contact.command';

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
