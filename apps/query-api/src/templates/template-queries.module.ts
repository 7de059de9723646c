import { Module } from '@nestjs/common';
import { TemplateQueries } from './template-queries';
import { ListSheetTemplatesController } from './sheet-templates/list-sheet-templates.controller';
import { GetSheetTemplateController } from './sheet-templates/get-sheet-template.controller';
import { ListTreeTemplatesController } from './tree-templates/list-tree-templates.controller';
import { GetTreeTemplateController } from './tree-templates/get-tree-template.controller';
import { ListFormTemplatesController } from './form-templates/list-form-templates.controller';
import { GetFormTemplateController } from './form-templates/get-form-template.controller';
import { ListConnectorsController } from './connectors/list-connectors.controller';
import { GetConnectorController } from './connectors/get-connector.controller';

/** Sheet, tree and form templates, and the connector catalog: the queries. */
@Module({
  controllers: [
    ListSheetTemplatesController,
    GetSheetTemplateController,
    ListTreeTemplatesController,
    GetTreeTemplateController,
    ListFormTemplatesController,
    GetFormTemplateController,
    ListConnectorsController,
    GetConnectorController,
  ],
  providers: [TemplateQueries],
})
export class TemplateQueriesModule {}
