import { ArgsType, Field, ID } from '@nestjs/graphql';
import { PoliceType } from '@onewindow/contracts';
import { IsBoolean, IsEnum, IsOptional, IsUUID } from 'class-validator';
import { TransferDirectionEnum, TransferStatusEnum } from '../transfer.model.js';
import { PageArgs } from '@onewindow/platform';

@ArgsType()
export class TransfersArgs extends PageArgs {
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
}

@ArgsType()
export class TransferArgs {
  @Field(() => ID)
  @IsUUID()
  id: string;
}
