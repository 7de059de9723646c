import { randomUUID } from 'node:crypto';
import { ValidationError } from '@dossiers/domain';
import {
  openEmbeddedStreams,
  testCommandContext,
  type EmbeddedStreams,
} from '../shared/testing/embedded-streams';
import { TemplateWriters, type TemplateKind } from './template-writer';

const context = testCommandContext;
const KINDS: { kind: TemplateKind; stream: string; content: unknown; other: unknown; field: string }[] = [
  {
    kind: 'sheet',
    stream: 'sheet-template',
    content: [{ key: 'siren', label: 'SIREN', type: 'text' }],
    other: [{ key: 'naf', label: 'Code NAF', type: 'text', required: true }],
    field: 'fields',
  },
  {
    kind: 'tree',
    stream: 'tree-template',
    content: [{ path: 'Comptabilité' }],
    other: [{ path: 'Juridique/Statuts', contactDefault: 'read' }],
    field: 'folders',
  },
  {
    kind: 'reminder',
    stream: 'reminder-template',
    content: { fr: { subject: 'Relance', body: 'Bonjour {{contact.firstName}}' } },
    other: { en: { subject: 'Reminder', body: 'Hello {{client.name}}, due {{dueDate}}' } },
    field: 'texts',
  },
];

describe.each(KINDS)('TemplateWriter ($kind templates)', ({ kind, stream, content, other, field }) => {
  let db: EmbeddedStreams;
  let writers: TemplateWriters;
  let templateId: string;

  beforeEach(() => {
    db = openEmbeddedStreams();
    writers = new TemplateWriters(db.aggregates);
    templateId = randomUUID();
  });
  afterEach(() => db.close());

  const events = () => db.store.readStream(`${stream}-${templateId}`);
  const save = (mode: 'create' | 'replace', name: unknown, body: unknown) =>
    writers[kind].save(mode, templateId, { name, content: body }, context());

  it('creates, replaces and deletes the template on its own stream', async () => {
    expect((await save('create', 'Standard', content)).revision).toBe(0);
    expect((await save('replace', 'Standard 2026', other)).revision).toBe(1);
    expect((await writers[kind].delete(templateId, context())).revision).toBe(2);
    const recorded = await events();
    expect(recorded.map((event) => event.type)).toEqual([
      expect.stringMatching(/Created$/),
      expect.stringMatching(/Replaced$/),
      expect.stringMatching(/Deleted$/),
    ]);
    expect(recorded[1].data).toMatchObject({ templateId, name: 'Standard 2026' });
  });

  it('names every problem of the name and the content at once, and stores nothing', async () => {
    const refusal = await save('create', '', 'not a list').catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(ValidationError);
    expect((refusal as ValidationError).errors.map((error) => error.field)).toEqual(['name', field]);
    expect(await events()).toEqual([]);
  });

  it('takes the same creation again as a retry, and refuses another one on the same id', async () => {
    await save('create', 'Standard', content);
    expect((await save('create', 'Standard', content)).revision).toBe(0);
    await expect(save('create', 'Other', content)).rejects.toMatchObject({
      code: `${kind.toUpperCase()}_TEMPLATE_ALREADY_EXISTS`,
    });
    expect(await events()).toHaveLength(1);
  });

  it('answers 404 for replacing or deleting a template that is absent, deleted or of another firm', async () => {
    const notFound = { code: `${kind.toUpperCase()}_TEMPLATE_NOT_FOUND` };
    await expect(save('replace', 'Standard', content)).rejects.toMatchObject(notFound);
    await expect(writers[kind].delete(templateId, context())).rejects.toMatchObject(notFound);
    await save('create', 'Standard', content);
    await expect(writers[kind].delete(templateId, context({ tenant: 'firm-b' }))).rejects.toMatchObject(
      notFound,
    );
    await writers[kind].delete(templateId, context());
    await expect(save('replace', 'Standard', content)).rejects.toMatchObject(notFound);
  });
});
