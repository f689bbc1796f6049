import { Field, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Person, PersonStatusEnum, SexEnum } from '../person/person.model.js';

export enum HouseholdKindEnum {
  FAMILY = 'FAMILY',
  COLLECTIVE = 'COLLECTIVE',
}
registerEnumType(HouseholdKindEnum, { name: 'HouseholdKind', description: '户别：家庭户 / 集体户' });

@ObjectType({ description: '户（居民户口簿）' })
export class Household {
  @Field({ description: '户号' }) householdNumber: string;
  @Field(() => HouseholdKindEnum) kind: HouseholdKindEnum;
  @Field({ description: '住址' }) address: string;
  @Field({ description: '户籍所属派出所代码' }) unitCode: string;
  @Field(() => [Person], { description: '户内成员（含已迁出、已注销人员，按出生日期排序）' }) members: Person[];
}

@ObjectType({ description: '辖区人口列表中的一条（身份证号码、电话已脱敏）' })
export class PersonListEntry {
  @Field({ description: '身份证号码（脱敏）' }) maskedIdNumber: string;
  @Field() name: string;
  @Field(() => SexEnum) sex: SexEnum;
  @Field({ description: '出生日期 YYYY-MM-DD' }) birthDate: string;
  @Field(() => PersonStatusEnum) status: PersonStatusEnum;
  @Field({ nullable: true, description: '联系电话（脱敏）' }) maskedPhone?: string;
  @Field({ nullable: true }) householdNumber?: string;
  @Field({ nullable: true, description: '与户主关系' }) relationToHead?: string;
  @Field() unitCode: string;
}

@ObjectType({ description: '辖区人口列表（分页）' })
export class PersonPage {
  @Field(() => Int) total: number;
  @Field(() => Int) limit: number;
  @Field(() => Int) offset: number;
  @Field(() => [PersonListEntry]) items: PersonListEntry[];
}
