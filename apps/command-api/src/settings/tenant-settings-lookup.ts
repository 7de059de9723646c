import { Injectable } from '@nestjs/common';
import type { TenantSettings } from '@dossiers/domain';
import { Aggregates } from '@dossiers/application';

/** The firm's settings as its stream has them (the defaults when it has none). */
@Injectable()
export class TenantSettingsLookup {
  constructor(private readonly aggregates: Aggregates) {}

  async current(tenant: string): Promise<TenantSettings> {
    return (await this.aggregates.tenantSettings.load(tenant, tenant)).state;
  }
}
