import { ArgsType, Field, Int } from '@nestjs/graphql';
import { IsEnum, IsInt, IsOptional, Max, Min } from 'class-validator';
import { PersonStatusEnum } from '../person.model.js';

@ArgsType()
export class PersonsListArgs {
  @Field(() => PersonStatusEnum, { nullable: true, description: '按户籍状态筛选' })
  @IsOptional()
  @IsEnum(PersonStatusEnum)
  status?: PersonStatusEnum;

  @Field(() => Int, { defaultValue: 50, description: '每页条数（1–200）' })
  @IsInt()
  @Min(1)
  @Max(200)
  limit: number = 50;

  @Field(() => Int, { defaultValue: 0 })
  @IsInt()
  @Min(0)
  @Max(10_000_000)
  offset: number = 0;
}
