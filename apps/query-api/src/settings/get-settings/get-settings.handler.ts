import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { DEFAULT_TENANT_SETTINGS } from '@dossiers/domain';
import { READ_STORE, type ReadStore } from '@dossiers/read-store';
import { TENANT_SETTINGS_COLLECTION, type TenantSettingsDoc } from '@dossiers/read-models';
import { GetSettingsQuery, type SettingsDetail } from './get-settings.query';

@QueryHandler(GetSettingsQuery)
export class GetSettingsHandler implements IQueryHandler<GetSettingsQuery> {
  constructor(@Inject(READ_STORE) private readonly readStore: ReadStore) {}

  async execute({ principal }: GetSettingsQuery): Promise<SettingsDetail> {
    const doc = await this.readStore
      .collection<TenantSettingsDoc>(TENANT_SETTINGS_COLLECTION)
      .findById(principal.tenant);
    if (!doc) return { ...DEFAULT_TENANT_SETTINGS, updatedAt: null, revision: null };
    const { newFolderDefault, timeZone, sendHour, firmName, updatedAt, revision } = doc;
    return { newFolderDefault, timeZone, sendHour, firmName, updatedAt, revision };
  }
}
