import { Module } from '@nestjs/common';
import { FolderCommandsModule } from './folders/folder-commands.module';
import { DirectoryCommandsModule } from './directory/directory-commands.module';
import { TemplateCommandsModule } from './templates/template-commands.module';
import { ActivationsModule } from './activations/activations.module';
import { EmailVerificationsModule } from './email-verifications/email-verifications.module';
import { CreateClientController } from './clients/create-client/create-client.controller';
import { CreateClientHandler } from './clients/create-client/create-client.handler';
import { UpdateClientController } from './clients/update-client/update-client.controller';
import { UpdateClientHandler } from './clients/update-client/update-client.handler';
import { DeleteClientController } from './clients/delete-client/delete-client.controller';
import { DeleteClientHandler } from './clients/delete-client/delete-client.handler';
import { ClientNameRegistry } from './clients/client-name-registry';
import { LoadSheetTemplateController } from './clients/load-sheet-template/load-sheet-template.controller';
import { AttachContactController } from './clients/attach-contact/attach-contact.controller';
import { DetachContactController } from './clients/detach-contact/detach-contact.controller';
import { AssignCollaboratorController } from './clients/assign-collaborator/assign-collaborator.controller';
import { ApplyTreeTemplateController } from './clients/apply-tree-template/apply-tree-template.controller';
import { ConfigureConnectorController } from './clients/configure-connector/configure-connector.controller';
import { RemoveConnectorController } from './clients/remove-connector/remove-connector.controller';
import { SendFormController } from './clients/send-form/send-form.controller';
import { AttachContactHandler } from './clients/attach-contact/attach-contact.handler';
import { ClientSteps } from './clients/client-steps';
import { CreateGroupController } from './groups/create-group/create-group.controller';
import { CreateGroupHandler } from './groups/create-group/create-group.handler';
import { GroupLookup } from './groups/group-lookup';

/** The write side: commands -> events. Needs InfrastructureModule (the stores) from the process that hosts it. */
@Module({
  imports: [
    DirectoryCommandsModule,
    TemplateCommandsModule,
    FolderCommandsModule,
    ActivationsModule,
    EmailVerificationsModule,
  ],
  controllers: [
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
    SendFormController,
    CreateGroupController,
  ],
  providers: [
    CreateClientHandler,
    UpdateClientHandler,
    DeleteClientHandler,
    CreateGroupHandler,
    ClientNameRegistry,
    ClientSteps,
    AttachContactHandler,
    GroupLookup,
  ],
})
export class CommandApiModule {}
