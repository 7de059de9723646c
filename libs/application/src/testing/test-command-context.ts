import { randomUUID } from 'node:crypto';
import type { CommandContext } from '../command-context';

/** A command context for tests: an admin of firm-a at a fixed instant, random ids unless overridden. */
export const testCommandContext = (overrides: Partial<CommandContext> = {}): CommandContext => ({
  tenant: 'firm-a',
  actor: 'user-1',
  role: 'admin',
  correlationId: randomUUID(),
  causationId: null,
  now: '2026-11-28T10:00:00.000Z',
  eventId: () => randomUUID(),
  newId: () => randomUUID(),
  ...overrides,
});
