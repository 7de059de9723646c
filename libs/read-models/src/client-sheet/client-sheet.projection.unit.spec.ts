import type { ClientEvent } from '@dossiers/events';
import { aClientStory } from '../testing/a-client-story';
import { projectionSpecification, type SpecEvent } from '../testing/projection-specification';
import { clientSheetProjection } from './client-sheet.projection';

const clientId = 'c1';
const at = (day: number) => `2026-01-0${day}T00:00:00Z`;
/** One client's stream, each event a day after the one before (revision n on day n + 1). */
const onDays = (events: ClientEvent[]): SpecEvent[] =>
  events.map((event, revision) => ({ ...event, metadata: { occurredAt: at(revision + 1) } }));

const story = aClientStory(clientId);

describe('client-sheet projection', () => {
  const spec = projectionSpecification(clientSheetProjection);

  it('keeps every tab of the sheet, secrets by name only', () => {
    const sheet = spec.given(onDays(story.slice(0, -1))).when(onDays(story).slice(-1));
    sheet.then([
      {
        _id: clientId,
        tenant: 'firm-a',
        fields: [],
        sheetTemplates: [],
        contacts: [{ contactId: 'p1', language: 'fr', attachedAt: at(2), lastInvitedAt: at(4) }],
        collaborators: [
          { collaboratorId: 'k1', access: 'none', assignedAt: at(5) },
          { collaboratorId: 'k2', access: 'full', assignedAt: at(7) },
        ],
        connectors: [
          { connectorId: 'acd', settings: { login: 'x' }, secretsSet: ['password'], configuredAt: at(10) },
        ],
        forms: [],
        revision: story.length - 1,
      },
    ]);
    expect(JSON.stringify(sheet.documents())).not.toContain('"d"');
  });

  it('drops the sheet with the client', () =>
    spec.given(story).when({ type: 'ClientDeleted', data: { clientId } }).then([]));
});
