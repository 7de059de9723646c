import { ServiceUnavailableException, type ExecutionContext } from '@nestjs/common';
import { ValidationError } from '@dossiers/domain';
import type { ProjectionProgress } from '@dossiers/read-models';
import { MIN_POSITION_TIMEOUT_MS, MinPositionGuard } from './min-position.guard';

function contextWith(headers: Record<string, string>) {
  const sent: Record<string, string> = {};
  const reply = { header: (name: string, value: string) => (sent[name] = value) };
  const context = {
    switchToHttp: () => ({ getRequest: () => ({ headers }), getResponse: () => reply }),
  } as unknown as ExecutionContext;
  return { context, sent };
}

describe('MinPositionGuard', () => {
  /** Read models at position 10, the event store's head at 100. */
  const progress = (reached: boolean) => {
    const waitFor = jest.fn(async () => reached);
    const fake = { waitFor, position: async () => 10, recorded: async (p: number) => p <= 100 };
    return { waitFor, guard: new MinPositionGuard(fake as unknown as ProjectionProgress) };
  };

  it('lets a query without the header through at once, waiting for nothing', async () => {
    const { waitFor, guard } = progress(true);
    const { context, sent } = contextWith({});
    expect(guard.canActivate(context)).toBe(true);
    expect(waitFor).not.toHaveBeenCalled();
    expect(sent).toEqual({});
  });

  it('waits for the position, up to the timeout, and says how long it waited', async () => {
    const { waitFor, guard } = progress(true);
    const { context, sent } = contextWith({ 'x-min-position': '42' });
    await expect(guard.canActivate(context)).resolves.toBe(true);
    expect(waitFor).toHaveBeenCalledWith(42, MIN_POSITION_TIMEOUT_MS);
    expect(sent['server-timing']).toMatch(/^min-position;dur=\d+\.\d$/);
  });

  it('answers 503 PROJECTION_BEHIND when the read models do not get there in time', async () => {
    const { guard } = progress(false);
    const { context, sent } = contextWith({ 'x-min-position': '42' });
    const refused = await Promise.resolve(guard.canActivate(context)).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ServiceUnavailableException);
    expect((refused as ServiceUnavailableException).getResponse()).toMatchObject({
      code: 'PROJECTION_BEHIND',
    });
    expect(sent['server-timing']).toBeDefined();
  });

  it('refuses at once a position past the last recorded event, naming the header', async () => {
    const { waitFor, guard } = progress(false);
    const refused = await Promise.resolve(
      guard.canActivate(contextWith({ 'x-min-position': '101' }).context),
    ).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ValidationError);
    expect((refused as ValidationError).errors).toEqual([
      expect.objectContaining({ field: 'X-Min-Position' }),
    ]);
    expect(waitFor).not.toHaveBeenCalled();
  });

  it('refuses a malformed position as a validation error naming the header', () => {
    const { guard } = progress(true);
    expect(() => guard.canActivate(contextWith({ 'x-min-position': '4e2' }).context)).toThrow(
      ValidationError,
    );
  });
});
