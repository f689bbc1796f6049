import { ArgsType, Field } from '@nestjs/graphql';
import { PageArgs } from '@onewindow/platform';
import { IsEnum, IsOptional } from 'class-validator';
import { PersonStatusEnum } from '../person.model.js';

@ArgsType()
export class PersonsListArgs extends PageArgs {
  @Field(() => PersonStatusEnum, { nullable: true, description: '按户籍状态筛选' })
  @IsOptional()
  @IsEnum(PersonStatusEnum)
  status?: PersonStatusEnum;
}
