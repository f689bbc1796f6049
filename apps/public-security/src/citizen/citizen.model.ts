import { Directive, Field, ObjectType } from '@nestjs/graphql';
import { FoundItemClaim, LostReport } from '../lost-found/lost-found.model.js';
import { PublicSecurityPermit } from '../permit/permit.model.js';

/**
 * The citizen as a federated entity (公民 360 视图). Household owns the root lookup and audits it;
 * every police type contributes its own section keyed by the ID number.
 */
@ObjectType({ description: '公民（跨警种视图，按身份证号码关联各警种数据）' })
@Directive('@key(fields: "idNumber")')
export class Citizen {
  @Field({ description: '身份证号码' }) idNumber: string;
}

@ObjectType({ description: '治安：名下许可证、失物登记、认领记录（窗口民警看到脱敏信息）' })
export class CitizenPublicSecuritySection {
  @Field(() => [PublicSecurityPermit], { description: '持有或担任法定代表人的许可证' }) permits: PublicSecurityPermit[];
  @Field(() => [LostReport], { description: '本人登记的失物' }) lostReports: LostReport[];
  @Field(() => [FoundItemClaim], { description: '本人的认领记录（含被拒的）' }) claims: FoundItemClaim[];
}
