import { clientCountProjection } from './client-count/client-count.projection';
import { clientListProjection } from './client-list/client-list.projection';
import { groupListProjection } from './group-list/group-list.projection';
import type { Projection } from './projection/projection';

/** Every read model the projector keeps. */
export const ALL_PROJECTIONS: readonly Projection[] = [
  clientListProjection,
  clientCountProjection,
  groupListProjection,
] as Projection[];
