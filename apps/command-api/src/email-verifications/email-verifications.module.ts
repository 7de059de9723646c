import { Module } from '@nestjs/common';
import { EMAIL_VERIFICATION_TOKEN_KEY_PURPOSE, EmailVerificationTokens } from '@dossiers/notifications';
import { SECRET_BOX, type SecretBox } from '@dossiers/platform';
import { DirectoryCommandsModule } from '../directory/directory-commands.module';
import { ConfirmEmailController } from './confirm-email/confirm-email.controller';
import { ConfirmEmailHandler } from './confirm-email/confirm-email.handler';
import { EmailVerificationTokenGuard } from './email-verification-token.guard';

/** POST /email-verifications/:token: the owner of a contact's new address confirms the change. */
@Module({
  imports: [DirectoryCommandsModule],
  controllers: [ConfirmEmailController],
  providers: [
    {
      provide: EmailVerificationTokens,
      inject: [SECRET_BOX],
      useFactory: (secretBox: SecretBox) =>
        new EmailVerificationTokens(secretBox.deriveKey(EMAIL_VERIFICATION_TOKEN_KEY_PURPOSE)),
    },
    EmailVerificationTokenGuard,
    ConfirmEmailHandler,
  ],
})
export class EmailVerificationsModule {}
