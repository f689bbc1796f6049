import { ArgsType, Field } from '@nestjs/graphql';
import { IsString, Length, Matches } from 'class-validator';

@ArgsType()
export class TravelDocumentLookupArgs {
  @Field({ description: '证件号码，如 E12345678' })
  @Matches(/^[A-Za-z][A-Za-z0-9]{7,11}$/, { message: '证件号码格式不正确' })
  number: string;

  @Field({ description: '查询事由（留痕审计）' })
  @IsString()
  @Length(2, 200)
  purpose: string;
}
