import { clientCountProjection } from './client-count/client-count.projection';
import { clientListProjection } from './client-list/client-list.projection';
import { clientSheetProjection } from './client-sheet/client-sheet.projection';
import { clientPermissionsProjection } from './client-permissions/client-permissions.projection';
import { clientFilesProjection } from './client-files/client-files.projection';
import { groupListProjection } from './group-list/group-list.projection';
import { DIRECTORY_PROJECTIONS } from './directory/directory-projections';
import { TEMPLATE_PROJECTIONS } from './templates/template-projections';
import { tenantSettingsProjection } from './tenant-settings/tenant-settings.projection';
import { clientActivityProjection } from './client-activity/client-activity.projection';
import { actorNamesProjection } from './actor-names/actor-names.projection';
import { clientRemindersProjection } from './client-reminders/client-reminders.projection';
import { clientFormsProjection } from './client-forms/client-forms.projection';
import { reminderCampaignsProjection } from './reminder-campaigns/reminder-campaigns.projection';
import type { Projection } from './projection/projection';

/** Every read model the projector keeps. */
export const ALL_PROJECTIONS: readonly Projection[] = [
  clientListProjection,
  clientCountProjection,
  clientSheetProjection,
  clientPermissionsProjection,
  clientFilesProjection,
  groupListProjection,
  ...DIRECTORY_PROJECTIONS,
  ...TEMPLATE_PROJECTIONS,
  tenantSettingsProjection,
  clientActivityProjection,
  actorNamesProjection,
  clientRemindersProjection,
  clientFormsProjection,
  reminderCampaignsProjection,
];
