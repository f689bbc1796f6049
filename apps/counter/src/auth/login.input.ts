import { ArgsType, Field } from '@nestjs/graphql';
import { IsString, Length, Matches } from 'class-validator';

@ArgsType()
export class LoginArgs {
  @Field({ description: '用户名' })
  @IsString()
  @Length(1, 64)
  @Matches(/^[a-zA-Z0-9._-]+$/, { message: '用户名只能包含字母、数字和 . _ -' })
  username: string;

  @Field({ description: '密码' })
  @IsString()
  @Length(1, 128)
  password: string;
}
