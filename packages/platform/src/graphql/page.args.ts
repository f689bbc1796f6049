import { ArgsType, Field, Int } from '@nestjs/graphql';
import { IsInt, Max, Min } from 'class-validator';

/** Paging shared by every list query: at most 200 rows a page. Extend it in a list's args class. */
@ArgsType()
export class PageArgs {
  @Field(() => Int, { defaultValue: 50, description: '每页条数（1–200）' })
  @IsInt()
  @Min(1)
  @Max(200)
  limit: number = 50;

  @Field(() => Int, { defaultValue: 0, description: '起始偏移' })
  @IsInt()
  @Min(0)
  @Max(10_000_000)
  offset: number = 0;
}
