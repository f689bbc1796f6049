import { Args, ArgsType, Field, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { IsString, Length } from 'class-validator';
import { RpcSubjects, Role, type Identity, type PersonLookupReply } from '@onewindow/contracts';
import { maskName } from '@onewindow/id-number';
import { CurrentIdentity, Roles, RpcClient } from '@onewindow/platform';

@ArgsType()
export class RegisterCheckArgs {
  @Field({ description: '身份证号码' })
  @IsString()
  @Length(15, 18, { message: '身份证号码应为 15 或 18 位' })
  idNumber: string;
}

@ObjectType({ description: '户籍核验结果（姓名脱敏）' })
export class RegisterCheck {
  @Field({ description: '是否在人口信息库中' }) found: boolean;
  @Field({ nullable: true, description: '姓名（脱敏）' }) maskedName?: string;
  @Field({ nullable: true, description: '户籍状态' }) status?: string;
  @Field({ nullable: true }) unitCode?: string;
}

/**
 * 户籍核验 at the window: asks the household service over NATS request/reply whether an ID number
 * is on the register and usable (not cancelled). The payload is validated on both sides.
 */
@Resolver()
export class RegisterCheckResolver {
  constructor(private readonly rpc: RpcClient) {}

  @Roles(Role.CLERK, Role.OFFICER, Role.SUPERVISOR)
  @Query(() => RegisterCheck, { description: '户籍核验（经 NATS 询问户政服务）' })
  async registerCheck(@Args() args: RegisterCheckArgs, @CurrentIdentity() actor: Identity): Promise<RegisterCheck> {
    const reply = await this.rpc.request<PersonLookupReply>(RpcSubjects.personLookup, { idNumber: args.idNumber }, actor, { serviceLabel: '户政' });
    return { found: reply.found, maskedName: reply.name ? maskName(reply.name) : undefined, status: reply.status, unitCode: reply.unitCode };
  }
}
