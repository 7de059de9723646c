/** Events of the Group aggregate (stream `group-<groupId>`): client groups of a firm. */
export type GroupCreated = { type: 'GroupCreated'; data: { groupId: string; name: string } };

export type GroupEvent = GroupCreated;
