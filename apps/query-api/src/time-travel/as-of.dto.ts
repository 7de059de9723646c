import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsString, MaxLength, Min, ValidateBy } from 'class-validator';
import { Optional, ToInteger } from '@dossiers/platform';
import { parseInstant } from './instant';
import type { HistoryPoint } from './time-travel.query';

const IsInstant = () =>
  ValidateBy({
    name: 'isInstant',
    validator: {
      validate: (value: unknown) => typeof value === 'string' && parseInstant(value) !== null,
      defaultMessage: () => 'asOf must be an ISO-8601 instant with its offset, e.g. 2026-03-03T17:00:00Z',
    },
  });

const NotWithAsOf = () =>
  ValidateBy({
    name: 'notWithAsOf',
    validator: {
      validate: (_value: unknown, args) => (args?.object as AsOfDto).asOf === undefined,
      defaultMessage: () => 'asOfRevision cannot be combined with asOf: give one or the other',
    },
  });

/**
 * `?asOf=` or `?asOfRevision=` (admins, auditors and services; 403 for anyone else): the answer
 * as it was then, folded from the client's stream. No ETag comes with it.
 */
export class AsOfDto {
  @ApiPropertyOptional({
    format: 'date-time',
    example: '2026-03-03T17:00:00Z',
    description:
      'the answer as it was at this instant: every event the store had recorded by then (`recordedAt`), inclusive. Admins, auditors and services only',
  })
  @Optional()
  @IsString()
  @MaxLength(40)
  @IsInstant()
  asOf?: string;

  @ApiPropertyOptional({
    type: 'integer',
    minimum: 0,
    description:
      "the answer as it was at this revision of the client's stream, inclusive (past its end: as it is now). Not with asOf. Admins, auditors and services only",
  })
  @Optional()
  @ToInteger()
  @IsInt()
  @Min(0)
  @NotWithAsOf()
  asOfRevision?: number;
}

/** The point the DTO names, or null for the live answer. */
export function historyPointOf({ asOf, asOfRevision }: AsOfDto): HistoryPoint | null {
  if (asOf !== undefined) return { asOf };
  if (asOfRevision !== undefined) return { asOfRevision };
  return null;
}
