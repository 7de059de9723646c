import { Readable } from 'node:stream';
import { Inject, Logger } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import {
  checkFileName,
  checkFormAnswers,
  clientStreamId,
  formOfLink,
  reportFolderPaths,
  validOrThrow,
  type AnswerForm,
  type ClientState,
} from '@dossiers/domain';
import { Aggregates, type CommandContext } from '@dossiers/application';
import { BLOB_STORE, type BlobStore } from '@dossiers/blob-store';
import { EVENT_STORE, type EventStore } from '@dossiers/event-store';
import { APP_CONFIG, deterministicUuid, type AppConfig } from '@dossiers/platform';
import type { FormClaims } from '@dossiers/notifications';
import { ContactLookup } from '../../directory/contact-lookup';
import { assertLinkLive, FormSteps } from '../form-steps';
import type { FormLinkResult } from '../form-link.responses';
import { buildFormReport, REPORT_CONTENT_TYPE, reportFileName } from './form-report';
import { AnswerFormCommand } from './answer-form.command';

/** What `prepare` adds to the command: all but the link and the answers as sent. */
type Prepared = Omit<AnswerForm, 'type' | 'clientId' | 'formId' | 'contactId' | 'answers'>;
type Report = Prepared['report'];

/**
 * A submission. `prepare` (on the state it decides on) checks the link and every answer, makes the
 * report and stores it in the blob store, pending (once: an attempt again after a concurrent write
 * reuses it); then one decision appends FormAnswered, the folders the report's folder lacks and
 * the report's FileUploaded. The blob is promoted once that is stored and deleted if refused; a
 * crash in between leaves it pending, for the orphan-blob sweeper to settle from the stream.
 */
@CommandHandler(AnswerFormCommand)
export class AnswerFormHandler implements ICommandHandler<AnswerFormCommand> {
  private readonly logger = new Logger('forms');

  constructor(
    private readonly aggregates: Aggregates,
    private readonly steps: FormSteps,
    private readonly contacts: ContactLookup,
    @Inject(BLOB_STORE) private readonly blobStore: BlobStore,
    @Inject(EVENT_STORE) private readonly eventStore: EventStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async execute({ link, answers, context }: AnswerFormCommand): Promise<FormLinkResult> {
    assertLinkLive(link, context.now);
    const { clientId, formId, contactId, tenant } = link;
    // Derived from the form: a form has one report, whichever attempt files it.
    const idOf = (what: string) => deterministicUuid(`${tenant}/${clientId}/form/${formId}/${what}`);
    let report: Report | undefined;
    try {
      const result = await this.aggregates.clients.handle<Prepared>(
        clientId,
        (_state, prepared) => ({ type: 'AnswerForm', clientId, formId, contactId, answers, ...prepared }),
        context,
        {
          prepare: async (state) => {
            const { bytes, name, ...prepared } = await this.prepare(state, link, answers, context, idOf);
            report ??= await this.store(bytes, name, clientId, tenant);
            return { ...prepared, report, fileId: idOf('report') };
          },
        },
      );
      if (report) await this.settle(clientId, result.revision, report.blobId);
      return { formId, fileId: idOf('report') };
    } catch (error) {
      if (report) await this.blobStore.discardPending(report.blobId).catch(() => false);
      throw error;
    }
  }

  /** Everything but the stored report: refused here, nothing is written. */
  private async prepare(
    state: ClientState,
    link: FormClaims,
    answers: unknown,
    context: CommandContext,
    idOf: (what: string) => string,
  ): Promise<Omit<Prepared, 'report' | 'fileId'> & { bytes: Buffer; name: string }> {
    const { client, form } = formOfLink(state, link);
    const { sections, targetFolderPath } = await this.steps.template(form.templateId, context.tenant);
    const checked = validOrThrow(checkFormAnswers(answers, sections, { complete: true }));
    const contact = await this.contacts.find(link.contactId, context.tenant);
    const { firstName = '', lastName = '', email = '' } = contact.status === 'active' ? contact.details : {};
    const bytes = await buildFormReport({
      title: form.title,
      clientName: client.name,
      contact: { firstName, lastName, email: email ?? '' },
      answeredAt: context.now,
      sections,
      answers: checked,
    });
    const paths = reportFolderPaths(targetFolderPath);
    return {
      sections,
      targetFolderPath,
      newFolderIds: Object.fromEntries(paths.map((path) => [path, idOf(`folder/${path}`)])),
      contactDefault: await this.steps.newFolderContactDefault(context.tenant),
      bytes,
      name: checkFileName(reportFileName(form.title, context.now)).value ?? 'Formulaire.xlsx',
    };
  }

  private async store(bytes: Buffer, name: string, clientId: string, tenant: string): Promise<Report> {
    const written = await this.blobStore.write(Readable.from([bytes]), {
      maxBytes: this.config.maxUploadBytes,
      tenant,
      owner: { clientId },
    });
    return { ...written, contentType: REPORT_CONTENT_TYPE, name };
  }

  /** Promotes the blob once the last appended event (FileUploaded) names it; a failure leaves it to the sweeper. */
  private async settle(clientId: string, revision: number, blobId: string): Promise<void> {
    try {
      const [event] = await this.eventStore.readStream(clientStreamId(clientId), {
        fromRevision: revision,
        maxCount: 1,
      });
      if ((event?.data as { blobId?: unknown } | undefined)?.blobId === blobId)
        await this.blobStore.promote(blobId);
      else await this.blobStore.discardPending(blobId);
    } catch (error) {
      this.logger.warn({
        message: 'report blob left pending; the sweeper will settle it',
        blobId,
        err: String(error),
      });
    }
  }
}
