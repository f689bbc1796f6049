import { ArgsType, Field, ID, Int } from '@nestjs/graphql';
import { PoliceType } from '@onewindow/contracts';
import { IsBoolean, IsEnum, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { TransferDirectionEnum, TransferStatusEnum } from '../transfer.model.js';

@ArgsType()
export class TransfersArgs {
  @Field(() => TransferDirectionEnum, { nullable: true, description: '相对于本警种（后台民警）或 policeType（督察、窗口）' })
  @IsOptional()
  @IsEnum(TransferDirectionEnum)
  direction?: TransferDirectionEnum;

  @Field(() => TransferStatusEnum, { nullable: true })
  @IsOptional()
  @IsEnum(TransferStatusEnum)
  status?: TransferStatusEnum;

  @Field(() => PoliceType, { nullable: true, description: '查看哪个警种的移交（后台民警只能查看本警种）' })
  @IsOptional()
  @IsEnum(PoliceType)
  policeType?: PoliceType;

  @Field({ nullable: true, description: '只看超期未办结的' })
  @IsOptional()
  @IsBoolean()
  overdueOnly?: boolean;

  @Field(() => Int, { defaultValue: 50 })
  @IsInt()
  @Min(1)
  @Max(200)
  limit: number = 50;

  @Field(() => Int, { defaultValue: 0 })
  @IsInt()
  @Min(0)
  offset: number = 0;
}

@ArgsType()
export class TransferArgs {
  @Field(() => ID)
  @IsUUID()
  id: string;
}
