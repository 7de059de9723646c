import type { PipeTransform } from '@nestjs/common';
import { NotFoundError } from '@dossiers/domain';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An id in a path that cannot exist is answered exactly like an id that does not: 404. */
export class ResourceIdPipe implements PipeTransform<string, string> {
  constructor(private readonly kind: string) {}

  transform(value: string): string {
    if (!UUID.test(value)) throw new NotFoundError(this.kind, value.slice(0, 100));
    return value.toLowerCase();
  }
}
