import type { PipeTransform } from '@nestjs/common';
import { isUuid, NotFoundError } from '@dossiers/domain';

/** An id in a path that cannot exist is answered exactly like an id that does not: 404. */
export class ResourceIdPipe implements PipeTransform<string, string> {
  constructor(private readonly kind: string) {}

  transform(value: string): string {
    if (!isUuid(value)) throw new NotFoundError(this.kind, String(value).slice(0, 100));
    return value.toLowerCase();
  }
}
