import { Module } from '@nestjs/common';
import { FORM_TOKEN_KEY_PURPOSE, FormTokens } from '@dossiers/notifications';
import { SECRET_BOX, type SecretBox } from '@dossiers/platform';
import { DirectoryCommandsModule } from '../directory/directory-commands.module';
import { FolderCommandsModule } from '../folders/folder-commands.module';
import { TemplateCommandsModule } from '../templates/template-commands.module';
import { TenantSettingsLookup } from '../settings/tenant-settings-lookup';
import { ReminderSteps } from '../clients/reminders/reminder-steps';
import { TemplateSteps } from '../clients/steps/template-steps';
import { SendFormController } from '../clients/send-form/send-form.controller';
import { SendFormHandler } from '../clients/send-form/send-form.handler';
import { FormSteps } from './form-steps';
import { FormTokenGuard } from './form-token.guard';
import { OpenFormController } from './open-form/open-form.controller';
import { OpenFormHandler } from './open-form/open-form.handler';
import { SaveFormDraftController } from './save-form-draft/save-form-draft.controller';
import { SaveFormDraftHandler } from './save-form-draft/save-form-draft.handler';
import { AnswerFormController } from './answer-form/answer-form.controller';
import { AnswerFormHandler } from './answer-form/answer-form.handler';
import { SendScheduledFormHandler } from './send-scheduled-form/send-scheduled-form.handler';

/**
 * Forms: the sheet's "Formulaires" tab (POST /clients/:id/forms), the contact's link (GET, draft,
 * answers: the token is the credential), and the command the schedulers run when a scheduled form
 * falls due (SendScheduledForm, on the CommandBus only).
 */
@Module({
  imports: [DirectoryCommandsModule, TemplateCommandsModule, FolderCommandsModule],
  controllers: [SendFormController, OpenFormController, SaveFormDraftController, AnswerFormController],
  providers: [
    {
      provide: FormTokens,
      inject: [SECRET_BOX],
      useFactory: (secretBox: SecretBox) => new FormTokens(secretBox.deriveKey(FORM_TOKEN_KEY_PURPOSE)),
    },
    FormTokenGuard,
    FormSteps,
    ReminderSteps,
    TemplateSteps,
    TenantSettingsLookup,
    SendFormHandler,
    OpenFormHandler,
    SaveFormDraftHandler,
    AnswerFormHandler,
    SendScheduledFormHandler,
  ],
})
export class FormCommandsModule {}
