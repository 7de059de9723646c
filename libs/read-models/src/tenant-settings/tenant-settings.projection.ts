import type { TenantSettingsEvent } from '@dossiers/events';
import type { Document } from '@dossiers/read-store';
import { defineProjection, type Recorded } from '../projection/projection';

/** A firm's settings as its last TenantSettingsChanged states them (every setting, defaults upcast in). */
export interface TenantSettingsDoc extends Document {
  /** the tenant: one document per firm */
  _id: string;
  tenant: string;
  newFolderDefault: TenantSettingsEvent['data']['newFolderDefault'];
  timeZone: string;
  sendHour: string;
  firmName: string;
  updatedAt: string;
  /** the settings stream's revision, also the ETag PUT /settings takes as If-Match */
  revision: number;
}

export const TENANT_SETTINGS_COLLECTION = 'tenant_settings';

function evolveTenantSettings(
  _doc: TenantSettingsDoc | null,
  event: Recorded<TenantSettingsEvent>,
): TenantSettingsDoc {
  const { tenant, occurredAt } = event.metadata;
  const { newFolderDefault, timeZone, sendHour, firmName } = event.data;
  return {
    _id: tenant,
    tenant,
    newFolderDefault,
    timeZone,
    sendHour,
    firmName,
    updatedAt: occurredAt,
    revision: event.revision,
  };
}

/** Read by id only (the tenant): no index beyond _id. */
export const tenantSettingsProjection = defineProjection<TenantSettingsDoc, TenantSettingsEvent>({
  name: 'tenant-settings',
  collection: TENANT_SETTINGS_COLLECTION,
  canHandle: ['TenantSettingsChanged'],
  documentId: (event) => event.metadata.tenant,
  evolve: evolveTenantSettings,
  indexes: [],
});
