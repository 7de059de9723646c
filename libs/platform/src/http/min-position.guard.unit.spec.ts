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
  const progress = (reached: boolean) => {
    const waitFor = jest.fn(async () => reached);
    return { waitFor, guard: new MinPositionGuard({ waitFor } as unknown as ProjectionProgress) };
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

  it('refuses a malformed position as a validation error naming the header', () => {
    const { guard } = progress(true);
    expect(() => guard.canActivate(contextWith({ 'x-min-position': '4e2' }).context)).toThrow(
      ValidationError,
    );
  });
});
