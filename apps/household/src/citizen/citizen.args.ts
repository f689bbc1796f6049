import { ArgsType, Field } from '@nestjs/graphql';
import { IsBoolean, IsOptional } from 'class-validator';
import { PersonLookupArgs } from '../person/dto/person-lookup.args.js';

/** The 360° lookup; `reveal` is the explicit, audited request to see the record in full (查看完整信息). */
@ArgsType()
export class CitizenArgs extends PersonLookupArgs {
  @Field({ nullable: true, description: '查看完整信息（按统一脱敏规则授权，审计记为 REVEAL，无权时拒绝并记录）' })
  @IsOptional()
  @IsBoolean()
  reveal?: boolean;
}
