import { Module } from '@nestjs/common';
import { FolderCommandsModule } from './folders/folder-commands.module';
import { DirectoryCommandsModule } from './directory/directory-commands.module';
import { TemplateCommandsModule } from './templates/template-commands.module';
import { ActivationsModule } from './activations/activations.module';
import { EmailVerificationsModule } from './email-verifications/email-verifications.module';
import { ReminderCommandsModule } from './clients/reminders/reminder-commands.module';
import { SchedulingModule } from './scheduling/scheduling.module';
import { ClientNameRegistry } from './clients/client-name-registry';
import { ContactSteps } from './clients/steps/contact-steps';
import { CollaboratorSteps } from './clients/steps/collaborator-steps';
import { ConnectorSteps } from './clients/steps/connector-steps';
import { TemplateSteps } from './clients/steps/template-steps';
import { ClientWizard } from './clients/create-client/client-wizard';
import { CreateClientController } from './clients/create-client/create-client.controller';
import { CreateClientHandler } from './clients/create-client/create-client.handler';
import { UpdateClientController } from './clients/update-client/update-client.controller';
import { UpdateClientHandler } from './clients/update-client/update-client.handler';
import { DeleteClientController } from './clients/delete-client/delete-client.controller';
import { DeleteClientHandler } from './clients/delete-client/delete-client.handler';
import { LoadSheetTemplateController } from './clients/load-sheet-template/load-sheet-template.controller';
import { LoadSheetTemplateHandler } from './clients/load-sheet-template/load-sheet-template.handler';
import { AttachContactController } from './clients/attach-contact/attach-contact.controller';
import { AttachContactHandler } from './clients/attach-contact/attach-contact.handler';
import { DetachContactController } from './clients/detach-contact/detach-contact.controller';
import { DetachContactHandler } from './clients/detach-contact/detach-contact.handler';
import { AssignCollaboratorController } from './clients/assign-collaborator/assign-collaborator.controller';
import { AssignCollaboratorHandler } from './clients/assign-collaborator/assign-collaborator.handler';
import { ApplyTreeTemplateController } from './clients/apply-tree-template/apply-tree-template.controller';
import { ApplyTreeTemplateHandler } from './clients/apply-tree-template/apply-tree-template.handler';
import { ConfigureConnectorController } from './clients/configure-connector/configure-connector.controller';
import { ConfigureConnectorHandler } from './clients/configure-connector/configure-connector.handler';
import { RemoveConnectorController } from './clients/remove-connector/remove-connector.controller';
import { RemoveConnectorHandler } from './clients/remove-connector/remove-connector.handler';
import { FormCommandsModule } from './forms/form-commands.module';
import { CreateGroupController } from './groups/create-group/create-group.controller';
import { CreateGroupHandler } from './groups/create-group/create-group.handler';
import { GroupLookup } from './groups/group-lookup';
import { ChangeSettingsHandler } from './settings/change-settings/change-settings.handler';
import { ChangeSettingsController } from './settings/change-settings/change-settings.controller';

/** The write side: commands -> events. Needs InfrastructureModule (the stores) from the process that hosts it. */
@Module({
  imports: [
    DirectoryCommandsModule,
    TemplateCommandsModule,
    FolderCommandsModule,
    ActivationsModule,
    EmailVerificationsModule,
    ReminderCommandsModule,
    FormCommandsModule,
    SchedulingModule,
  ],
  controllers: [
    ChangeSettingsController,
    CreateClientController,
    UpdateClientController,
    DeleteClientController,
    LoadSheetTemplateController,
    AttachContactController,
    DetachContactController,
    AssignCollaboratorController,
    ApplyTreeTemplateController,
    ConfigureConnectorController,
    RemoveConnectorController,
    CreateGroupController,
  ],
  providers: [
    CreateClientHandler,
    UpdateClientHandler,
    DeleteClientHandler,
    LoadSheetTemplateHandler,
    AttachContactHandler,
    DetachContactHandler,
    AssignCollaboratorHandler,
    ApplyTreeTemplateHandler,
    ConfigureConnectorHandler,
    RemoveConnectorHandler,
    CreateGroupHandler,
    // The settings' controller sits in FolderCommandsModule, beside the folders its settings shape.
    ChangeSettingsHandler,
    ClientWizard,
    ContactSteps,
    CollaboratorSteps,
    ConnectorSteps,
    TemplateSteps,
    ClientNameRegistry,
    GroupLookup,
  ],
})
export class CommandApiModule {}
