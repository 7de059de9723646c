import { Module } from '@nestjs/common';
import { CollaboratorLookup } from './collaborator-lookup';
import { RegisterCollaboratorController } from './collaborators/register-collaborator/register-collaborator.controller';
import { RegisterCollaboratorHandler } from './collaborators/register-collaborator/register-collaborator.handler';
import { UpdateCollaboratorController } from './collaborators/update-collaborator/update-collaborator.controller';
import { UpdateCollaboratorHandler } from './collaborators/update-collaborator/update-collaborator.handler';
import { ContactCreation } from './contact-creation';
import { ContactEmailRegistry } from './contact-email-registry';
import { ContactLookup } from './contact-lookup';
import { CreateContactController } from './contacts/create-contact/create-contact.controller';
import { CreateContactHandler } from './contacts/create-contact/create-contact.handler';
import { UpdateContactController } from './contacts/update-contact/update-contact.controller';
import { UpdateContactHandler } from './contacts/update-contact/update-contact.handler';

/**
 * Collaborators and contacts of the firm: the commands (handlers on the command bus). Exports what
 * the client commands reuse (the wizard creates contacts and checks collaborators).
 */
@Module({
  controllers: [
    RegisterCollaboratorController,
    UpdateCollaboratorController,
    CreateContactController,
    UpdateContactController,
  ],
  providers: [
    RegisterCollaboratorHandler,
    UpdateCollaboratorHandler,
    CreateContactHandler,
    UpdateContactHandler,
    CollaboratorLookup,
    ContactLookup,
    ContactEmailRegistry,
    ContactCreation,
  ],
  exports: [ContactCreation, ContactLookup, CollaboratorLookup, ContactEmailRegistry],
})
export class DirectoryCommandsModule {}
