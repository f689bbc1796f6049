import { Directive, Field, ObjectType } from '@nestjs/graphql';
import { PersonStatusEnum, SexEnum } from '../person/person.model.js';

@ObjectType({ description: '同户成员（脱敏）' })
export class CitizenHouseholdMember {
  @Field({ description: '姓名（脱敏）' }) name: string;
  @Field({ description: '身份证号码（脱敏）' }) idNumber: string;
  @Field({ nullable: true, description: '与户主关系' }) relationToHead?: string;
  @Field(() => PersonStatusEnum) status: PersonStatusEnum;
}

@ObjectType({ description: '户信息' })
export class CitizenHousehold {
  @Field({ description: '户号' }) householdNumber: string;
  @Field({ description: '户籍地址' }) address: string;
  @Field(() => [CitizenHouseholdMember]) members: CitizenHouseholdMember[];
}

/**
 * 群众 360° view, keyed by ID number. Household owns the core; every other subgraph contributes
 * its own section field (exitEntry, traffic, publicSecurity, complaints, counter).
 */
@ObjectType({ description: '群众 360° 视图（户政为核心，各警种补充各自信息）' })
@Directive('@key(fields: "idNumber")')
export class Citizen {
  @Field({ description: '身份证号码' }) idNumber: string;
  @Field({ description: '姓名' }) name: string;
  @Field(() => SexEnum) sex: SexEnum;
  @Field({ description: '民族' }) ethnicity: string;
  @Field({ description: '出生日期' }) birthDate: string;
  @Field({ description: '住址' }) address: string;
  @Field({ nullable: true, description: '联系电话（按角色脱敏）' }) phone?: string;
  @Field({ description: '联系电话是否已脱敏' }) phoneMasked: boolean;
  @Field(() => PersonStatusEnum, { description: '户籍状态' }) status: PersonStatusEnum;
  @Field({ description: '户籍所属派出所代码' }) unitCode: string;
  @Field(() => CitizenHousehold, { nullable: true }) household?: CitizenHousehold;
}
