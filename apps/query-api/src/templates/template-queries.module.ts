import { Module } from '@nestjs/common';
import { ListSheetTemplatesController } from './sheet-templates/list-sheet-templates/list-sheet-templates.controller';
import { ListSheetTemplatesHandler } from './sheet-templates/list-sheet-templates/list-sheet-templates.handler';
import { GetSheetTemplateController } from './sheet-templates/get-sheet-template/get-sheet-template.controller';
import { GetSheetTemplateHandler } from './sheet-templates/get-sheet-template/get-sheet-template.handler';
import { ListTreeTemplatesController } from './tree-templates/list-tree-templates/list-tree-templates.controller';
import { ListTreeTemplatesHandler } from './tree-templates/list-tree-templates/list-tree-templates.handler';
import { GetTreeTemplateController } from './tree-templates/get-tree-template/get-tree-template.controller';
import { GetTreeTemplateHandler } from './tree-templates/get-tree-template/get-tree-template.handler';
import { ListFormTemplatesController } from './form-templates/list-form-templates/list-form-templates.controller';
import { ListFormTemplatesHandler } from './form-templates/list-form-templates/list-form-templates.handler';
import { GetFormTemplateController } from './form-templates/get-form-template/get-form-template.controller';
import { GetFormTemplateHandler } from './form-templates/get-form-template/get-form-template.handler';
import { ListReminderTemplatesController } from './reminder-templates/list-reminder-templates/list-reminder-templates.controller';
import { ListReminderTemplatesHandler } from './reminder-templates/list-reminder-templates/list-reminder-templates.handler';
import { GetReminderTemplateController } from './reminder-templates/get-reminder-template/get-reminder-template.controller';
import { GetReminderTemplateHandler } from './reminder-templates/get-reminder-template/get-reminder-template.handler';
import { ListConnectorsController } from './connectors/list-connectors/list-connectors.controller';
import { ListConnectorsHandler } from './connectors/list-connectors/list-connectors.handler';
import { GetConnectorController } from './connectors/get-connector/get-connector.controller';
import { GetConnectorHandler } from './connectors/get-connector/get-connector.handler';

/** Sheet, tree, form and reminder templates, and the connector catalog: the queries. */
@Module({
  controllers: [
    ListSheetTemplatesController,
    GetSheetTemplateController,
    ListTreeTemplatesController,
    GetTreeTemplateController,
    ListFormTemplatesController,
    GetFormTemplateController,
    ListReminderTemplatesController,
    GetReminderTemplateController,
    ListConnectorsController,
    GetConnectorController,
  ],
  providers: [
    ListSheetTemplatesHandler,
    GetSheetTemplateHandler,
    ListTreeTemplatesHandler,
    GetTreeTemplateHandler,
    ListFormTemplatesHandler,
    GetFormTemplateHandler,
    ListReminderTemplatesHandler,
    GetReminderTemplateHandler,
    ListConnectorsHandler,
    GetConnectorHandler,
  ],
})
export class TemplateQueriesModule {}
