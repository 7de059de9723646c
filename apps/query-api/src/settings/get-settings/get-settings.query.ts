import { Query } from '@nestjs/cqrs';
import type { TenantSettings } from '@dossiers/domain';
import type { Principal } from '@dossiers/platform';

export type SettingsDetail = TenantSettings & {
  /** null while the firm never changed its settings (they are then the defaults) */
  updatedAt: string | null;
  revision: number | null;
};

/** GET /settings: the firm's settings, the defaults filling in until it states them. */
export class GetSettingsQuery extends Query<SettingsDetail> {
  constructor(readonly principal: Principal) {
    super();
  }
}
