import { Module } from '@nestjs/common';
import { CreateSheetTemplateController } from './sheet-templates/create-sheet-template/create-sheet-template.controller';
import { ReplaceSheetTemplateController } from './sheet-templates/replace-sheet-template/replace-sheet-template.controller';
import { DeleteSheetTemplateController } from './sheet-templates/delete-sheet-template/delete-sheet-template.controller';
import { CreateTreeTemplateController } from './tree-templates/create-tree-template/create-tree-template.controller';
import { ReplaceTreeTemplateController } from './tree-templates/replace-tree-template/replace-tree-template.controller';
import { DeleteTreeTemplateController } from './tree-templates/delete-tree-template/delete-tree-template.controller';
import { CreateFormTemplateController } from './form-templates/create-form-template/create-form-template.controller';
import { CreateFormTemplateHandler } from './form-templates/create-form-template/create-form-template.handler';
import { CreateReminderTemplateController } from './reminder-templates/create-reminder-template/create-reminder-template.controller';
import { ReplaceReminderTemplateController } from './reminder-templates/replace-reminder-template/replace-reminder-template.controller';
import { DeleteReminderTemplateController } from './reminder-templates/delete-reminder-template/delete-reminder-template.controller';
import { SaveTemplateHandler } from './save-template/save-template.handler';
import { DeleteTemplateHandler } from './delete-template/delete-template.handler';
import { TemplateWriters } from './template-writer';
import { TemplateLookup } from './template-lookup';
import { ConnectorCatalog } from './connector-catalog';

/**
 * Sheet, tree, form and reminder templates: the commands (the sheet, tree and reminder templates
 * share their save and delete handlers). Exports the template lookup and the connector catalog to the client commands
 * (the wizard loads templates and checks connector settings).
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
    CreateReminderTemplateController,
    ReplaceReminderTemplateController,
    DeleteReminderTemplateController,
  ],
  providers: [
    TemplateWriters,
    SaveTemplateHandler,
    DeleteTemplateHandler,
    CreateFormTemplateHandler,
    TemplateLookup,
    ConnectorCatalog,
  ],
  exports: [TemplateLookup, ConnectorCatalog],
})
export class TemplateCommandsModule {}
