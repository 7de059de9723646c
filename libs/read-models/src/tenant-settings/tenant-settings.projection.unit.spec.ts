import { projectionSpecification, type SpecEvent } from '../testing/projection-specification';
import { tenantSettingsProjection } from './tenant-settings.projection';

const settings = { newFolderDefault: 'locked' as const, timeZone: 'Europe/Brussels', sendHour: '08:30' };
const changed = (data: Partial<typeof settings & { firmName: string }>, occurredAt: string): SpecEvent => ({
  type: 'TenantSettingsChanged',
  streamId: 'tenant-settings-firm-a',
  data: { ...settings, firmName: 'Cabinet Dupont', ...data },
  metadata: { occurredAt },
});

describe('tenant-settings projection', () => {
  const spec = projectionSpecification(tenantSettingsProjection);

  it('keeps one document per firm, named by the tenant, with every setting and the revision', () =>
    spec
      .given([changed({}, '2026-01-01T10:00:00.000Z')])
      .when(changed({ sendHour: '18:00' }, '2026-01-02T10:00:00.000Z'))
      .then([
        {
          _id: 'firm-a',
          tenant: 'firm-a',
          ...settings,
          sendHour: '18:00',
          firmName: 'Cabinet Dupont',
          updatedAt: '2026-01-02T10:00:00.000Z',
          revision: 1,
        },
      ]));

  it('reads settings recorded before the calendar (v1) with the default calendar and no firm name', () =>
    spec
      .given([])
      .when({
        type: 'TenantSettingsChanged',
        schemaVersion: 1,
        data: { newFolderDefault: 'locked' } as never,
      })
      .thenMatches([
        { newFolderDefault: 'locked', timeZone: 'Europe/Paris', sendHour: '09:00', firmName: '' },
      ]));

  it('keeps firms apart', () =>
    spec
      .given([changed({}, '2026-01-01T10:00:00.000Z')])
      .when({
        ...changed({ firmName: 'Autre' }, '2026-01-01T11:00:00.000Z'),
        streamId: 'tenant-settings-firm-b',
        metadata: { tenant: 'firm-b' },
      })
      .thenMatches([
        { _id: 'firm-a', firmName: 'Cabinet Dupont' },
        { _id: 'firm-b', tenant: 'firm-b', firmName: 'Autre', revision: 0 },
      ]));
});
