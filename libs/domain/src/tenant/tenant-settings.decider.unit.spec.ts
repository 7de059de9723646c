import { upcast, type RecordedEvent, type TenantSettingsEvent } from '@dossiers/events';
import { deciderSpecification } from '../testing/decider-specification';
import {
  DEFAULT_TENANT_SETTINGS,
  tenantSettingsDecider,
  type TenantSettings,
} from './tenant-settings.decider';
import { checkSettingsChanges } from './tenant-settings-values';

const spec = deciderSpecification(tenantSettingsDecider);
const changed = (settings: Partial<TenantSettings> = {}): TenantSettingsEvent => ({
  type: 'TenantSettingsChanged',
  data: { ...DEFAULT_TENANT_SETTINGS, ...settings },
});

describe('Tenant settings decider', () => {
  it('starts from Europe/Paris, 09:00, no firm name and inheriting folders', () =>
    expect(DEFAULT_TENANT_SETTINGS).toEqual({
      newFolderDefault: 'inherit',
      timeZone: 'Europe/Paris',
      sendHour: '09:00',
      firmName: '',
    }));

  it('records the first change even when it states the defaults, so the settings then exist', () =>
    spec
      .given([])
      .when({ type: 'ChangeTenantSettings', changes: { newFolderDefault: 'inherit' } })
      .then([changed()]));

  it('records a change of value, carrying every setting', () => {
    spec
      .given([changed()])
      .when({ type: 'ChangeTenantSettings', changes: { newFolderDefault: 'locked' } })
      .then([changed({ newFolderDefault: 'locked' })]);
    spec
      .given([changed({ newFolderDefault: 'locked' })])
      .when({
        type: 'ChangeTenantSettings',
        changes: { timeZone: 'America/New_York', firmName: 'Cabinet Dupont' },
      })
      .then([
        changed({ newFolderDefault: 'locked', timeZone: 'America/New_York', firmName: 'Cabinet Dupont' }),
      ]);
  });

  it.each<Partial<TenantSettings>>([
    { newFolderDefault: 'locked' },
    { timeZone: 'Asia/Tokyo' },
    { sendHour: '07:45' },
    { firmName: 'Fiduciaire' },
  ])('records a change of %p alone, keeping the others', (change) =>
    spec
      .given([changed({ firmName: 'Cabinet' })])
      .when({ type: 'ChangeTenantSettings', changes: change })
      .then([changed({ firmName: 'Cabinet', ...change })]),
  );

  it('records nothing when recorded settings do not change', () => {
    spec
      .given([changed({ newFolderDefault: 'locked' })])
      .when({ type: 'ChangeTenantSettings', changes: {} })
      .then([]);
    spec
      .given([changed({ sendHour: '18:30' })])
      .when({ type: 'ChangeTenantSettings', changes: { sendHour: '18:30', timeZone: 'Europe/Paris' } })
      .then([]);
  });

  it('reads settings recorded before the calendar (v1) as the defaults', () => {
    const v1 = {
      type: 'TenantSettingsChanged',
      schemaVersion: 1,
      data: { newFolderDefault: 'locked' },
    } as unknown as RecordedEvent;
    expect(upcast(v1).data).toEqual({ ...DEFAULT_TENANT_SETTINGS, newFolderDefault: 'locked' });
  });
});

describe('checkSettingsChanges', () => {
  it('keeps only the settings given, the zone in its canonical name', () =>
    expect(checkSettingsChanges({ timeZone: 'europe/brussels', sendHour: '07:05', firmName: ' ' })).toEqual({
      value: { timeZone: 'Europe/Brussels', sendHour: '07:05', firmName: '' },
      errors: [],
    }));

  it('names every bad setting at once', () =>
    expect(
      checkSettingsChanges({
        newFolderDefault: 'closed',
        timeZone: 'Mars/Olympus',
        sendHour: '9:00',
        firmName: 'x'.repeat(201),
      }).errors,
    ).toEqual([
      { field: 'newFolderDefault', message: 'must be one of inherit, locked' },
      { field: 'timeZone', message: 'must be an IANA time zone (Europe/Paris)' },
      { field: 'sendHour', message: 'must be a time HH:MM from 00:00 to 23:59' },
      { field: 'firmName', message: 'must be 1-200 characters' },
    ]));

  it.each([
    ['timeZone', '+01:00'],
    ['timeZone', null],
    ['sendHour', '24:00'],
    ['sendHour', null],
    ['firmName', null],
    ['firmName', 'Cabinet\u0007'],
    ['newFolderDefault', null],
  ])('refuses %s = %p, naming it', (field, raw) =>
    expect(checkSettingsChanges({ [field]: raw }).errors.map((e) => e.field)).toEqual([field]),
  );
});
