import { Module } from '@nestjs/common';
import { ClientAccess } from '../access/client-access';
import { CollaboratorQueries } from './collaborators/collaborator-queries';
import { GetCollaboratorController } from './collaborators/get-collaborator.controller';
import { ListCollaboratorsController } from './collaborators/list-collaborators.controller';
import { ContactQueries } from './contacts/contact-queries';
import { GetContactController } from './contacts/get-contact.controller';
import { ListContactsController } from './contacts/list-contacts.controller';

/** Collaborators and contacts of the firm: the queries. */
@Module({
  controllers: [
    ListCollaboratorsController,
    GetCollaboratorController,
    ListContactsController,
    GetContactController,
  ],
  providers: [ClientAccess, CollaboratorQueries, ContactQueries],
})
export class DirectoryQueriesModule {}
