import type { Aggregates } from '@dossiers/application';
import type { EventStore, Subscription } from '@dossiers/event-store';
import { ProjectionEngine } from '@dossiers/read-models';
import type { ReadStore } from '@dossiers/read-store';
import type { ActivationTokens } from '../activation-token/activation-token';
import type { EmailVerificationTokens } from '../email-verification/email-verification-token';
import type { FormTokens } from '../form-email/form-token';
import { DEFAULT_RETRY_SCHEDULE, type RetrySchedule } from '../deliveries/retry-schedule';
import type { MailTransport } from '../mail-transport.port';
import { mailDeliveryProjections, REACTOR_CHECKPOINTS_COLLECTION } from './mail-delivery.projections';
import { MailSender } from './mail-sender';
import { RecipientLookup } from './recipient-lookup';

/** Nest's Logger fits; tests may pass a silent one. */
export interface ReactorLogger {
  log(entry: object): void;
  error(entry: object): void;
}

export interface MailReactorOptions {
  mail: { from: string; publicUrl: string; activationTtlHours: number };
  transport: MailTransport;
  /** signs the activation links */
  tokens: ActivationTokens;
  /** signs the links that confirm a contact's new email */
  verificationTokens: EmailVerificationTokens;
  /** signs the forms' links */
  formTokens?: FormTokens;
  retry?: RetrySchedule;
  /** the longest the sender sleeps when nothing wakes it (default 10 s) */
  idlePollMs?: number;
  /** events read per batch of the subscription */
  batchSize?: number;
  logger?: ReactorLogger;
}

const MAX_RESTART_BACKOFF_MS = 30_000;

/**
 * Sends the emails the stored events ask for (activations, email changes), driven by the event
 * stream, not by the command handlers: a catch-up subscription from the reactor's own checkpoints
 * records a delivery per ContactInvited and two per ContactEmailChangeRequested (the projection
 * engine running mailDeliveryProjections), and a sender loop sends the due ones (MailSender).
 * Run one reactor per deployment: two would both send the same pending deliveries.
 */
export class MailReactor {
  private readonly recorder: ProjectionEngine;
  private readonly sender: MailSender;
  private readonly logger: ReactorLogger;
  private subscription?: Subscription;
  private pass: Promise<void> | null = null;
  private passAgain = false;
  private senderTimer?: NodeJS.Timeout;
  private restartTimer?: NodeJS.Timeout;
  private restarting: Promise<void> = Promise.resolve();
  private restartBackoffMs = 500;
  private running = false;

  constructor(
    private readonly eventStore: EventStore,
    readStore: ReadStore,
    /** where the sender reads the recipients, from their streams */
    aggregates: Pick<Aggregates, 'contacts' | 'clients'>,
    private readonly options: MailReactorOptions,
  ) {
    this.recorder = new ProjectionEngine(
      readStore,
      mailDeliveryProjections({ activationTtlHours: options.mail.activationTtlHours }),
      { checkpoints: REACTOR_CHECKPOINTS_COLLECTION },
    );
    this.sender = new MailSender(
      readStore,
      new RecipientLookup(aggregates),
      options.transport,
      {
        activation: options.tokens,
        emailVerification: options.verificationTokens,
        form: options.formTokens,
      },
      {
        from: options.mail.from,
        publicUrl: options.mail.publicUrl,
        retry: options.retry ?? DEFAULT_RETRY_SCHEDULE,
      },
    );
    this.logger = options.logger ?? { log: () => {}, error: () => {} };
  }

  async start(): Promise<void> {
    await this.recorder.ensureIndexes();
    this.running = true;
    await this.subscribe();
    // Deliveries left pending by the previous run go out now.
    this.wakeSender();
  }

  async stop(): Promise<void> {
    this.running = false;
    clearTimeout(this.restartTimer);
    clearTimeout(this.senderTimer);
    // A restart under way would subscribe after this stop: let it finish (it sees running = false).
    await this.restarting;
    await this.subscription?.stop();
    this.subscription = undefined;
    await this.pass;
  }

  private async subscribe(): Promise<void> {
    const after = await this.recorder.resumeCheckpoint();
    this.subscription = this.eventStore.subscribe({
      after,
      batchSize: this.options.batchSize ?? 500,
      handler: async (events) => {
        // Deliveries are only ever created here: anything written is a new one to send.
        if ((await this.recorder.applyBatch(events)) > 0) this.wakeSender();
      },
      onError: (error) => this.restartLater(error),
    });
  }

  /** A failed batch rolled back, checkpoint included: subscribe again from the checkpoint, after a growing pause. */
  private restartLater(error: unknown): void {
    this.logger.error({
      message: 'mail reactor batch failed; resuming from the checkpoint',
      err: String(error),
      retryInMs: this.restartBackoffMs,
    });
    if (!this.running) return;
    this.restartTimer = setTimeout(() => {
      this.restarting = (this.subscription?.stop() ?? Promise.resolve())
        .then(() => (this.running ? this.subscribe() : undefined))
        .then(() => void (this.restartBackoffMs = 500))
        .catch((e) => this.restartLater(e));
    }, this.restartBackoffMs);
    this.restartBackoffMs = Math.min(this.restartBackoffMs * 2, MAX_RESTART_BACKOFF_MS);
  }

  /** Runs a sending pass now, or right after the one in progress: never two at once. */
  private wakeSender(): void {
    if (!this.running) return;
    if (this.pass) {
      this.passAgain = true;
      return;
    }
    clearTimeout(this.senderTimer);
    this.pass = this.sendingPass().finally(() => {
      this.pass = null;
      if (this.passAgain) {
        this.passAgain = false;
        this.wakeSender();
      }
    });
  }

  private async sendingPass(): Promise<void> {
    const idlePollMs = this.options.idlePollMs ?? 10_000;
    let delay = idlePollMs;
    try {
      const nextDue = await this.sender.sendDue();
      if (nextDue !== null) delay = Math.min(Math.max(nextDue - Date.now(), 0), idlePollMs);
    } catch (error) {
      this.logger.error({ message: 'mail sending pass failed; trying again later', err: String(error) });
    }
    if (this.running) this.senderTimer = setTimeout(() => this.wakeSender(), delay);
  }
}
