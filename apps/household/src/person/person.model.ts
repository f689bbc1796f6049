import { Field, ObjectType, registerEnumType } from '@nestjs/graphql';

export enum PersonStatusEnum {
  NORMAL = 'NORMAL',
  MOVED_OUT = 'MOVED_OUT',
  DECEASED = 'DECEASED',
}
registerEnumType(PersonStatusEnum, { name: 'PersonStatus', description: '户籍状态：正常 / 已迁出 / 死亡注销' });

export enum SexEnum {
  MALE = 'MALE',
  FEMALE = 'FEMALE',
}
registerEnumType(SexEnum, { name: 'Sex' });

@ObjectType({ description: '人口信息（户政）' })
export class Person {
  @Field({ description: '身份证号码' }) idNumber: string;
  @Field({ description: '姓名' }) name: string;
  @Field(() => SexEnum) sex: SexEnum;
  @Field({ description: '民族' }) ethnicity: string;
  @Field({ description: '出生日期 YYYY-MM-DD' }) birthDate: string;
  @Field({ description: '住址' }) address: string;
  @Field({ nullable: true, description: '联系电话（按角色脱敏）' }) phone?: string;
  @Field(() => PersonStatusEnum) status: PersonStatusEnum;
  @Field({ nullable: true }) householdNumber?: string;
  @Field({ nullable: true, description: '与户主关系' }) relationToHead?: string;
  @Field({ description: '户籍所属派出所代码' }) unitCode: string;
}
