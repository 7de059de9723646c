import { Module } from '@nestjs/common';
import { FolderQueriesModule } from './folders/folder-queries.module';
import { DirectoryQueriesModule } from './directory/directory-queries.module';
import { TemplateQueriesModule } from './templates/template-queries.module';
import { OutboxModule } from './outbox/outbox.module';
import { ClientQueries } from './clients/client-queries';
import { ListClientsController } from './clients/list-clients/list-clients.controller';
import { ExportClientsController } from './clients/export-clients/export-clients.controller';
import { ClientExport } from './clients/export-clients/client-export';
import { GetClientController } from './clients/get-client/get-client.controller';
import { GetClientHandler } from './clients/get-client/get-client.handler';
import { ClientHistoryController } from './clients/client-history/client-history.controller';
import { ClientSheetController } from './clients/client-sheet/client-sheet.controller';
import { ClientSheetQueries } from './clients/client-sheet/client-sheet-queries';
import { ListGroupsController } from './groups/list-groups/list-groups.controller';

/**
 * The read side: read models only (plus the event streams, for auditors). Controllers are listed
 * with the export first so that `/clients/export.xlsx` is never taken for a client id.
 */
@Module({
  imports: [FolderQueriesModule, DirectoryQueriesModule, TemplateQueriesModule, OutboxModule],
  controllers: [
    ExportClientsController,
    ListClientsController,
    GetClientController,
    ClientHistoryController,
    ClientSheetController,
    ListGroupsController,
  ],
  providers: [ClientQueries, ClientExport, ClientSheetQueries, GetClientHandler],
})
export class QueryApiModule {}
