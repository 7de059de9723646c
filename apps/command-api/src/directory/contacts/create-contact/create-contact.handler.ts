import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { checkContactDetails, contactStreamId, validOrThrow } from '@dossiers/domain';
import { refuseIfMatchOnCreation, type CommandResult } from '@dossiers/application';
import { ContactCreation } from '../../contact-creation';
import { CreateContactCommand } from './create-contact.command';

/** Every bad field at once (400), and any If-Match refused (412), before the email is reserved. */
@CommandHandler(CreateContactCommand)
export class CreateContactHandler implements ICommandHandler<CreateContactCommand> {
  constructor(private readonly creation: ContactCreation) {}

  async execute({ contactId, details, context }: CreateContactCommand): Promise<CommandResult> {
    const checked = validOrThrow(checkContactDetails(details, ''));
    refuseIfMatchOnCreation(contactStreamId(contactId), context);
    return this.creation.create(contactId, checked, context);
  }
}
