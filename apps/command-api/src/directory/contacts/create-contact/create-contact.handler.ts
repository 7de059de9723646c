import { Injectable } from '@nestjs/common';
import { checkContactDetails, contactStreamId, validOrThrow } from '@dossiers/domain';
import type { CommandContext, CommandResult } from '@dossiers/application';
import { WrongExpectedVersionError } from '@dossiers/event-store';
import { ContactCreation } from '../../contact-creation';
import type { CreateContactDto } from './create-contact.dto';

@Injectable()
export class CreateContactHandler {
  constructor(private readonly creation: ContactCreation) {}

  execute(contactId: string, dto: CreateContactDto, context: CommandContext): Promise<CommandResult> {
    const details = validOrThrow(checkContactDetails(dto, ''));
    // If-Match on a creation names a revision of a contact that cannot exist yet: refused before any reservation.
    if (context.expectedRevision !== undefined) {
      throw new WrongExpectedVersionError(contactStreamId(contactId), context.expectedRevision, -1);
    }
    return this.creation.create(contactId, details, context);
  }
}
