import { Injectable } from '@nestjs/common';
import { checkContactDetails, contactStreamId, validOrThrow } from '@dossiers/domain';
import { refuseIfMatchOnCreation, type CommandContext, type CommandResult } from '@dossiers/application';
import { ContactCreation } from '../../contact-creation';
import type { CreateContactDto } from './create-contact.dto';

@Injectable()
export class CreateContactHandler {
  constructor(private readonly creation: ContactCreation) {}

  execute(contactId: string, dto: CreateContactDto, context: CommandContext): Promise<CommandResult> {
    const details = validOrThrow(checkContactDetails(dto, ''));
    refuseIfMatchOnCreation(contactStreamId(contactId), context);
    return this.creation.create(contactId, details, context);
  }
}
