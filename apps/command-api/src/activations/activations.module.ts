import { Module } from '@nestjs/common';
import { ACTIVATION_TOKEN_KEY_PURPOSE, ActivationTokens } from '@dossiers/notifications';
import { SECRET_BOX, type SecretBox } from '@dossiers/platform';
import { ActivateContactController } from './activate-contact/activate-contact.controller';
import { ActivateContactHandler } from './activate-contact/activate-contact.handler';
import { ActivationTokenGuard } from './activation-token.guard';

/** POST /activations/:token: a contact activates its access through the link of its activation email. */
@Module({
  controllers: [ActivateContactController],
  providers: [
    {
      provide: ActivationTokens,
      inject: [SECRET_BOX],
      useFactory: (secretBox: SecretBox) =>
        new ActivationTokens(secretBox.deriveKey(ACTIVATION_TOKEN_KEY_PURPOSE)),
    },
    ActivationTokenGuard,
    ActivateContactHandler,
  ],
})
export class ActivationsModule {}
