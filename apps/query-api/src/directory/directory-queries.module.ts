import { Module } from '@nestjs/common';
import { AccessModule } from '../access/access.module';
import { ListCollaboratorsController } from './collaborators/list-collaborators/list-collaborators.controller';
import { ListCollaboratorsHandler } from './collaborators/list-collaborators/list-collaborators.handler';
import { GetCollaboratorController } from './collaborators/get-collaborator/get-collaborator.controller';
import { GetCollaboratorHandler } from './collaborators/get-collaborator/get-collaborator.handler';
import { ListContactsController } from './contacts/list-contacts/list-contacts.controller';
import { ListContactsHandler } from './contacts/list-contacts/list-contacts.handler';
import { GetContactController } from './contacts/get-contact/get-contact.controller';
import { GetContactHandler } from './contacts/get-contact/get-contact.handler';

/** Collaborators and contacts of the firm: the queries. */
@Module({
  imports: [AccessModule],
  controllers: [
    ListCollaboratorsController,
    GetCollaboratorController,
    ListContactsController,
    GetContactController,
  ],
  providers: [ListCollaboratorsHandler, GetCollaboratorHandler, ListContactsHandler, GetContactHandler],
})
export class DirectoryQueriesModule {}
