import { AppendTooLargeError, MAX_APPEND_BYTES } from '@dossiers/event-store';
import { toErrorResponse } from './error-response.filter';

describe('an append over the event store limit, as HTTP', () => {
  it('is 413 APPEND_TOO_LARGE, saying by how much, without naming the stream', () => {
    const error = new AppendTooLargeError('client-0b1c2d', MAX_APPEND_BYTES + 10);

    const { status, body } = toErrorResponse(error, { headers: {} });

    expect(status).toBe(413);
    expect(body).toEqual({
      code: 'APPEND_TOO_LARGE',
      message: expect.stringContaining(`${MAX_APPEND_BYTES + 10} bytes`),
    });
    expect(body.message).not.toContain('client-0b1c2d');
  });
});
