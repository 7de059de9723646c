import { ValidationError } from './domain-errors';
import {
  APPEND_BUDGET_BYTES,
  appendBytes,
  assertEventsFit,
  jsonBytes,
  METADATA_ALLOWANCE_BYTES,
  utf8Bytes,
} from './event-size';

describe('Event sizes', () => {
  it.each([
    ['ascii', 'Factures 2026'],
    ['two-byte', 'Société Générale'],
    ['three-byte', '€ 中文'],
    ['astral (a surrogate pair)', 'dossier 📁'],
    ['a lone surrogate', 'a\ud800b'],
    ['a pair at the very end', 'x\ud83d\udcc1'],
  ])('counts the UTF-8 bytes of %s text as the encoder does', (_, text) => {
    expect(utf8Bytes(text)).toBe(Buffer.byteLength(text, 'utf8'));
  });

  it('weighs JSON as written, escapes included', () => {
    const value = { name: 'a"b\\c\u0001é' };
    expect(jsonBytes(value)).toBe(Buffer.byteLength(JSON.stringify(value), 'utf8'));
    expect(jsonBytes(value)).toBe('{"name":"a\\"b\\\\c\\u0001é"}'.length + 1);
  });

  it('counts each event: its data, its type and the metadata allowance', () => {
    const events = [
      { type: 'FolderRenamed', data: { name: 'é' } },
      { type: 'X', data: {} },
    ];
    // {"name":"é"} is 13 bytes (é takes 2) and FolderRenamed 13; {} is 2 and X 1.
    expect(appendBytes(events)).toBe(13 + 13 + 2 + 1 + 2 * METADATA_ALLOWANCE_BYTES);
  });

  it('lets through events within the budget, and refuses the rest naming the field and what to do', () => {
    const fits = [{ type: 'T', data: { text: 'x'.repeat(1000) } }];
    expect(assertEventsFit(fits, { field: 'body', advice: 'shorten it' })).toBe(fits);

    const tooBig = [{ type: 'T', data: { text: 'x'.repeat(APPEND_BUDGET_BYTES) } }];
    let thrown: unknown;
    try {
      assertEventsFit(tooBig, { field: 'body', advice: 'shorten it', step: 'form' });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ValidationError);
    expect((thrown as ValidationError).errors).toEqual([
      { field: 'body', step: 'form', message: expect.stringMatching(/too large.*shorten it$/) },
    ]);
  });

  it('counts the budget exactly: one byte over is refused', () => {
    const overhead = appendBytes([{ type: 'T', data: { t: '' } }]);
    const exact = [{ type: 'T', data: { t: 'x'.repeat(APPEND_BUDGET_BYTES - overhead) } }];
    expect(appendBytes(exact)).toBe(APPEND_BUDGET_BYTES);
    expect(() => assertEventsFit(exact, { field: 'f', advice: 'a' })).not.toThrow();
    const over = [{ type: 'T', data: { t: 'x'.repeat(APPEND_BUDGET_BYTES - overhead + 1) } }];
    expect(() => assertEventsFit(over, { field: 'f', advice: 'a' })).toThrow(ValidationError);
  });
});
