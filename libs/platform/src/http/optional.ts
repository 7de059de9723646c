import { ValidateIf } from 'class-validator';

/**
 * An optional DTO property: absent (undefined) skips its checks, but null is checked like any
 * other value, so a field that takes no null refuses it (400) rather than reading it as absent,
 * as class-validator's @IsOptional() would. A field that does take null says so with
 * @ValidateIf((_, value) => value !== null) after this.
 */
export const Optional = () => ValidateIf((_, value: unknown) => value !== undefined);
