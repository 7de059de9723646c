import { deciderSpecification } from '../testing/decider-specification';
import { tenantSettingsDecider } from './tenant-settings.decider';

const spec = deciderSpecification(tenantSettingsDecider);
const changed = (newFolderDefault: 'inherit' | 'locked') => ({
  type: 'TenantSettingsChanged' as const,
  data: { newFolderDefault },
});

describe('Tenant settings decider', () => {
  it('records the first change even when it states the defaults, so the settings then exist', () =>
    spec
      .given([])
      .when({ type: 'ChangeTenantSettings', changes: { newFolderDefault: 'inherit' } })
      .then([changed('inherit')]));

  it('records a change of value', () =>
    spec
      .given([changed('inherit')])
      .when({ type: 'ChangeTenantSettings', changes: { newFolderDefault: 'locked' } })
      .then([changed('locked')]));

  it('records nothing when recorded settings do not change', () =>
    spec
      .given([changed('locked')])
      .when({ type: 'ChangeTenantSettings', changes: {} })
      .then([]));
});
