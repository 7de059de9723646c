import { IsInt, IsOptional, IsString } from 'class-validator';
import { ValidationError } from '@dossiers/domain';
import { createValidationPipe } from './validation.pipe';

class Optional {
  @IsOptional()
  @IsInt()
  page?: number;

  @IsInt()
  size = 50;
}

class Required {
  @IsString()
  name!: string;
}

describe('the validation pipe', () => {
  const query = (metatype: unknown) => ({
    type: 'query' as const,
    metatype: metatype as never,
    data: undefined,
  });

  it('builds an empty query of a class that allows it, every time, as an instance with its defaults', async () => {
    const pipe = createValidationPipe();
    for (let i = 0; i < 3; i++) {
      const dto = await pipe.transform({}, query(Optional));
      expect(dto).toBeInstanceOf(Optional);
      expect(dto).toEqual(Object.assign(new Optional(), {}));
    }
  });

  it('refuses an empty query of a class that requires a field, every time, naming it', async () => {
    const pipe = createValidationPipe();
    for (let i = 0; i < 3; i++) {
      const refused = await pipe.transform({}, query(Required)).catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(ValidationError);
      expect((refused as ValidationError).errors.map((e) => e.field)).toEqual(['name']);
    }
  });

  it('still validates a non-empty query of a class whose empty query passed', async () => {
    const pipe = createValidationPipe();
    await pipe.transform({}, query(Optional));
    const refused = await pipe.transform({ page: 'x' }, query(Optional)).catch((e: unknown) => e);
    expect((refused as ValidationError).errors.map((e) => e.field)).toEqual(['page']);
    const unknown = await pipe.transform({ other: '1' }, query(Optional)).catch((e: unknown) => e);
    expect((unknown as ValidationError).errors.map((e) => e.field)).toEqual(['other']);
  });
});
