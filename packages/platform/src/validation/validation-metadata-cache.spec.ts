import 'reflect-metadata';
import { getMetadataStorage, IsInt, IsString, MaxLength, validate, ValidateNested } from 'class-validator';
import { plainToInstance, Type } from 'class-transformer';
import { cacheValidationMetadata } from './validation-metadata-cache.js';

class Address {
  @IsString() @MaxLength(5) city!: string;
}
class Person {
  @IsString() name!: string;
  @ValidateNested() @Type(() => Address) address!: Address;
}

const problems = async (cls: new () => object, plain: object) =>
  (await validate(plainToInstance(cls, plain), { whitelist: true, forbidUnknownValues: true })).map((e) => [e.property, e.constraints, e.children?.map((c) => c.constraints)]);

describe('cacheValidationMetadata', () => {
  it('gives the same errors with the cache as without, every time', async () => {
    const plain = { name: 7, address: { city: 'far too long' } };
    const before = await problems(Person, plain);
    cacheValidationMetadata();
    cacheValidationMetadata(); // installing twice is harmless
    expect(await problems(Person, plain)).toEqual(before);
    expect(await problems(Person, plain)).toEqual(before);
    expect(await problems(Person, { name: 'a', address: { city: 'ok' } })).toEqual([]);
  });

  it('sees constraints registered after the first validation (a class declared or extended later)', async () => {
    cacheValidationMetadata();
    expect(await problems(Person, { name: 'a', address: { city: 'ok' } })).toEqual([]);
    class Clerk extends Person {
      @IsInt() badge!: number;
    }
    expect((await problems(Clerk, { name: 'a', address: { city: 'ok' }, badge: 'x' })).map(([p]) => p)).toEqual(['badge']);
    // a decorator added to an already validated class afterwards is seen too
    IsInt()(Person.prototype, 'age');
    expect((await problems(Person, { name: 'a', address: { city: 'ok' }, age: 'x' })).map(([p]) => p)).toEqual(['age']);
    expect(getMetadataStorage().getTargetValidationMetadatas(Person, '', false, false)).toBe(getMetadataStorage().getTargetValidationMetadatas(Person, '', false, false));
  });
});
