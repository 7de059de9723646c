import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { Aggregates } from '@dossiers/application';
import { EVENT_STORE, type EventStore } from '@dossiers/event-store';
import { READ_STORE, type ReadStore } from '@dossiers/read-store';
import { APP_CONFIG, SECRET_BOX, type AppConfig, type SecretBox } from '@dossiers/platform';
import {
  ACTIVATION_TOKEN_KEY_PURPOSE,
  ActivationTokens,
  createMailTransport,
  EMAIL_VERIFICATION_TOKEN_KEY_PURPOSE,
  EmailVerificationTokens,
  FORM_TOKEN_KEY_PURPOSE,
  FormTokens,
  MailReactor,
  type MailTransport,
} from '@dossiers/notifications';

/** Runs the mail reactor for the life of the process: activation and email-change mails, from the stored events. */
@Injectable()
export class NotifierService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('notifier');
  private readonly transport: MailTransport;
  private readonly reactor: MailReactor;

  constructor(
    @Inject(EVENT_STORE) eventStore: EventStore,
    @Inject(READ_STORE) readStore: ReadStore,
    aggregates: Aggregates,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(SECRET_BOX) secretBox: SecretBox,
  ) {
    this.transport = createMailTransport(config.mail);
    this.reactor = new MailReactor(eventStore, readStore, aggregates, {
      mail: config.mail,
      transport: this.transport,
      tokens: new ActivationTokens(secretBox.deriveKey(ACTIVATION_TOKEN_KEY_PURPOSE)),
      verificationTokens: new EmailVerificationTokens(
        secretBox.deriveKey(EMAIL_VERIFICATION_TOKEN_KEY_PURPOSE),
      ),
      formTokens: new FormTokens(secretBox.deriveKey(FORM_TOKEN_KEY_PURPOSE)),
      logger: this.logger,
    });
  }

  async onApplicationBootstrap() {
    await this.reactor.start();
    this.logger.log({
      message: 'mail reactor started',
      transport: this.transport.kind === 'smtp' ? 'SMTP' : 'embedded outbox (GET /outbox)',
    });
  }

  async onApplicationShutdown() {
    await this.reactor.stop();
    this.transport.close();
  }
}
