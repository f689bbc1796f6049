import { Field, ObjectType } from '@nestjs/graphql';
import { PoliceType, Role } from '@onewindow/contracts';

@ObjectType({ description: '当前用户' })
export class CurrentUser {
  @Field() username: string;
  @Field({ description: '姓名' }) displayName: string;
  @Field(() => [Role]) roles: Role[];
  @Field(() => PoliceType, { nullable: true, description: '所属警种（后台民警）' }) policeType?: PoliceType;
  @Field({ description: '辖区单位代码' }) unitCode: string;
  @Field({ description: '单位名称' }) unitName: string;
}

@ObjectType({ description: '登录结果（演示模式内置签发）' })
export class LoginResult {
  @Field({ description: 'Bearer 令牌' }) token: string;
  @Field() expiresAt: Date;
  @Field(() => CurrentUser) user: CurrentUser;
}
