import { Module } from '@nestjs/common';
import { CreateSheetTemplateController } from './sheet-templates/create-sheet-template/create-sheet-template.controller';
import { ReplaceSheetTemplateController } from './sheet-templates/replace-sheet-template/replace-sheet-template.controller';
import { DeleteSheetTemplateController } from './sheet-templates/delete-sheet-template/delete-sheet-template.controller';
import { DeleteSheetTemplateHandler } from './sheet-templates/delete-sheet-template/delete-sheet-template.handler';
import { CreateTreeTemplateController } from './tree-templates/create-tree-template/create-tree-template.controller';
import { ReplaceTreeTemplateController } from './tree-templates/replace-tree-template/replace-tree-template.controller';
import { DeleteTreeTemplateController } from './tree-templates/delete-tree-template/delete-tree-template.controller';
import { DeleteTreeTemplateHandler } from './tree-templates/delete-tree-template/delete-tree-template.handler';
import { CreateFormTemplateController } from './form-templates/create-form-template/create-form-template.controller';
import { CreateFormTemplateHandler } from './form-templates/create-form-template/create-form-template.handler';
import { SheetTemplateWriter } from './sheet-templates/sheet-template-writer';
import { TreeTemplateWriter } from './tree-templates/tree-template-writer';
import { TemplateLookup } from './template-lookup';
import { ConnectorCatalog } from './connector-catalog';

/**
 * Sheet, tree and form templates: the commands. Exports the template lookup and the connector
 * catalog to the client commands (the wizard loads templates and checks connector settings).
 */
@Module({
  controllers: [
    CreateSheetTemplateController,
    ReplaceSheetTemplateController,
    DeleteSheetTemplateController,
    CreateTreeTemplateController,
    ReplaceTreeTemplateController,
    DeleteTreeTemplateController,
    CreateFormTemplateController,
  ],
  providers: [
    SheetTemplateWriter,
    TreeTemplateWriter,
    DeleteSheetTemplateHandler,
    DeleteTreeTemplateHandler,
    CreateFormTemplateHandler,
    TemplateLookup,
    ConnectorCatalog,
  ],
  exports: [TemplateLookup, ConnectorCatalog],
})
export class TemplateCommandsModule {}
