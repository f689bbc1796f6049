import { ArgsType, Field } from '@nestjs/graphql';
import { PoliceType } from '@onewindow/contracts';
import { IsEnum, IsOptional, IsString, MaxLength } from 'class-validator';

@ArgsType()
export class CatalogItemsArgs {
  @Field({ nullable: true, description: '关键词：事项名称、编码、俗称或说明' })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  keyword?: string;

  @Field(() => PoliceType, { nullable: true, description: '只看某一警种' })
  @IsOptional()
  @IsEnum(PoliceType)
  policeType?: PoliceType;
}

@ArgsType()
export class CatalogItemArgs {
  @Field({ description: '事项编码' })
  @IsString()
  @MaxLength(64)
  code: string;
}
