import { Module } from '@nestjs/common';
import { ProjectionLagModule } from '@dossiers/platform';
import { AccessModule } from './access/access.module';
import { FolderQueriesModule } from './folders/folder-queries.module';
import { FileQueriesModule } from './files/file-queries.module';
import { DirectoryQueriesModule } from './directory/directory-queries.module';
import { TemplateQueriesModule } from './templates/template-queries.module';
import { OutboxModule } from './outbox/outbox.module';
import { SettingsQueriesModule } from './settings/settings-queries.module';
import { TimeTravelModule } from './time-travel/time-travel.module';
import { ActivitiesModule } from './activities/activities.module';
import { ReminderCampaignQueriesModule } from './reminder-campaigns/reminder-campaign-queries.module';
import { ExportClientsController } from './clients/export-clients/export-clients.controller';
import { ExportClientsHandler } from './clients/export-clients/export-clients.handler';
import { ListClientsController } from './clients/list-clients/list-clients.controller';
import { ListClientsHandler } from './clients/list-clients/list-clients.handler';
import { GetClientController } from './clients/get-client/get-client.controller';
import { GetClientHandler } from './clients/get-client/get-client.handler';
import { ClientHistoryController } from './clients/client-history/client-history.controller';
import { ClientHistoryHandler } from './clients/client-history/client-history.handler';
import { ListDownloadsController } from './clients/list-downloads/list-downloads.controller';
import { ListDownloadsHandler } from './clients/list-downloads/list-downloads.handler';
import { ListClientContactsController } from './clients/client-sheet/list-client-contacts/list-client-contacts.controller';
import { ListClientContactsHandler } from './clients/client-sheet/list-client-contacts/list-client-contacts.handler';
import { ListClientCollaboratorsController } from './clients/client-sheet/list-client-collaborators/list-client-collaborators.controller';
import { ListClientCollaboratorsHandler } from './clients/client-sheet/list-client-collaborators/list-client-collaborators.handler';
import { ListClientConnectorsController } from './clients/client-sheet/list-client-connectors/list-client-connectors.controller';
import { ListClientConnectorsHandler } from './clients/client-sheet/list-client-connectors/list-client-connectors.handler';
import { ListClientFormsController } from './clients/client-sheet/list-client-forms/list-client-forms.controller';
import { ListClientFormsHandler } from './clients/client-sheet/list-client-forms/list-client-forms.handler';
import { ListClientRemindersController } from './clients/client-sheet/list-client-reminders/list-client-reminders.controller';
import { ListClientRemindersHandler } from './clients/client-sheet/list-client-reminders/list-client-reminders.handler';
import { ListGroupsController } from './groups/list-groups/list-groups.controller';
import { ListGroupsHandler } from './groups/list-groups/list-groups.handler';

/**
 * The read side: read models only (plus the event streams, for auditors). Controllers are listed
 * with the export first so that `/clients/export.xlsx` is never taken for a client id. It exports
 * ProjectionLagModule: the /ready of a process serving reads tells how far the read models lag.
 */
@Module({
  imports: [
    ProjectionLagModule,
    AccessModule,
    FolderQueriesModule,
    FileQueriesModule,
    DirectoryQueriesModule,
    TemplateQueriesModule,
    OutboxModule,
    SettingsQueriesModule,
    TimeTravelModule,
    ActivitiesModule,
    ReminderCampaignQueriesModule,
  ],
  controllers: [
    ExportClientsController,
    ListClientsController,
    GetClientController,
    ClientHistoryController,
    ListDownloadsController,
    ListClientContactsController,
    ListClientCollaboratorsController,
    ListClientConnectorsController,
    ListClientFormsController,
    ListClientRemindersController,
    ListGroupsController,
  ],
  providers: [
    ExportClientsHandler,
    ListClientsHandler,
    GetClientHandler,
    ClientHistoryHandler,
    ListDownloadsHandler,
    ListClientContactsHandler,
    ListClientCollaboratorsHandler,
    ListClientConnectorsHandler,
    ListClientFormsHandler,
    ListClientRemindersHandler,
    ListGroupsHandler,
  ],
  exports: [ProjectionLagModule],
})
export class QueryApiModule {}
