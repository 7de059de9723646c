import { Inject, Injectable } from '@nestjs/common';
import {
  NotFoundError,
  tenantSettingsDecider,
  tenantSettingsStreamId,
  type TenantSettings,
} from '@dossiers/domain';
import { loadStream } from '@dossiers/application';
import { EVENT_STORE, type EventStore } from '@dossiers/event-store';

/** The firm's settings as its stream has them (the defaults when it has none). */
@Injectable()
export class TenantSettingsLookup {
  constructor(@Inject(EVENT_STORE) private readonly eventStore: EventStore) {}

  async current(tenant: string): Promise<TenantSettings> {
    const { state } = await loadStream(
      this.eventStore,
      tenantSettingsDecider,
      tenantSettingsStreamId(tenant),
      tenant,
      () => new NotFoundError('settings', tenant),
    );
    return state;
  }
}
