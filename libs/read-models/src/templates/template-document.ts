import { normalizeText } from '@dossiers/domain';
import type { RecordedEvent } from '@dossiers/events';
import type { Document, IndexSpec } from '@dossiers/read-store';

/** What every template document carries besides its content. */
export interface TemplateDocBase extends Document {
  /** the template id */
  _id: string;
  tenant: string;
  name: string;
  /** normalizeText(name): the sort key, so "école" sorts beside "Ecole" */
  nameSort: string;
  createdAt: string;
  updatedAt: string;
  /** the template stream's revision this document reflects */
  revision: number;
}

/** The envelope a template document takes from its events. */
type Envelope = Pick<RecordedEvent, 'metadata' | 'revision'>;

export function newTemplateDoc(event: Envelope, templateId: string, name: string): TemplateDocBase {
  const at = event.metadata.occurredAt;
  return {
    _id: templateId,
    tenant: event.metadata.tenant,
    name,
    nameSort: normalizeText(name),
    createdAt: at,
    updatedAt: at,
    revision: event.revision,
  };
}

export function replacedTemplateDoc<D extends TemplateDocBase>(
  doc: D,
  event: Envelope,
  name: string,
  content: Partial<D>,
): D {
  return {
    ...doc,
    ...content,
    name,
    nameSort: normalizeText(name),
    updatedAt: event.metadata.occurredAt,
    revision: event.revision,
  };
}

/** Lists are read per firm, by name. */
export const TEMPLATE_INDEXES: IndexSpec[] = [
  {
    name: 'tenant_name',
    fields: [
      ['tenant', 1],
      ['nameSort', 1],
      ['_id', 1],
    ],
  },
];
