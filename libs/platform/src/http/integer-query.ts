import { Transform } from 'class-transformer';

const DECIMAL_INTEGER = /^-?\d{1,15}$/;

/**
 * A query-string integer: only plain decimal digits become a number. Anything else ('abc', '1.5',
 * '0x10', '1e3', '') stays a string, so that @IsInt() refuses it with "must be an integer number"
 * (Number() would read '0x10' as 16 and '' as 0).
 */
export const ToInteger = () =>
  Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' && DECIMAL_INTEGER.test(value) ? Number(value) : value,
  );
