import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { LocalDateScalar } from '@onewindow/platform';

export enum FoundItemCategoryEnum {
  ID_DOCUMENT = 'ID_DOCUMENT',
  WALLET = 'WALLET',
  PHONE = 'PHONE',
  KEYS = 'KEYS',
  BAG = 'BAG',
  ELECTRONICS = 'ELECTRONICS',
  CLOTHING = 'CLOTHING',
  OTHER = 'OTHER',
}
registerEnumType(FoundItemCategoryEnum, { name: 'FoundItemCategory', description: '物品类别：证件 / 钱包 / 手机 / 钥匙 / 包 / 电子产品 / 衣物 / 其他' });

export enum HandedInByEnum {
  CITIZEN = 'CITIZEN',
  SANITATION = 'SANITATION',
  OTHER = 'OTHER',
}
registerEnumType(HandedInByEnum, { name: 'FoundItemHandedInBy', description: '送交人：群众 / 环卫部门 / 其他单位' });

export enum FoundItemStatusEnum {
  IN_STORAGE = 'IN_STORAGE',
  MATCHED = 'MATCHED',
  CLAIMED = 'CLAIMED',
  DISPOSED = 'DISPOSED',
}
registerEnumType(FoundItemStatusEnum, { name: 'FoundItemStatus', description: '保管中 / 已比对待认领 / 已认领 / 期满已依法处理' });

export enum LostReportStatusEnum {
  OPEN = 'OPEN',
  MATCHED = 'MATCHED',
  CLOSED = 'CLOSED',
}
registerEnumType(LostReportStatusEnum, { name: 'LostReportStatus', description: '登记中 / 已比对 / 已办结' });

export enum ClaimStatusEnum {
  RETURNED = 'RETURNED',
  REFUSED = 'REFUSED',
}
registerEnumType(ClaimStatusEnum, { name: 'FoundItemClaimStatus', description: '已返还 / 认领被拒（记录留存）' });

export enum VerificationMethodEnum {
  ID_CARD = 'ID_CARD',
  FACE = 'FACE',
  OTHER_DOCUMENT = 'OTHER_DOCUMENT',
}
registerEnumType(VerificationMethodEnum, { name: 'ClaimantVerificationMethod', description: '身份核验方式：居民身份证 / 刷脸 / 其他有效证件' });

export enum DisposalMethodEnum {
  STATE_TREASURY = 'STATE_TREASURY',
  HANDLED_BY_LAW = 'HANDLED_BY_LAW',
  RETURNED_TO_ISSUER = 'RETURNED_TO_ISSUER',
}
registerEnumType(DisposalMethodEnum, { name: 'FoundItemDisposalMethod', description: '上缴国库 / 依法处理 / 移交发证机关' });

@ObjectType({ description: '失物招领状态变更记录（谁、何时、做了什么）' })
export class LostAndFoundHistoryEntry {
  @Field({ description: '时间（ISO）' }) at: string;
  @Field() actorName: string;
  @Field({ description: 'REGISTER / FILE_REPORT / MATCH / CLAIM / CLAIM_REFUSED / DISPOSE' }) action: string;
  @Field(() => String, { nullable: true }) fromStatus?: string | null;
  @Field(() => String, { nullable: true }) toStatus?: string | null;
  @Field(() => String, { nullable: true }) note?: string | null;
}

@ObjectType({ description: '失物登记（失主手机号、身份证号码按角色脱敏，列表一律脱敏）' })
export class LostReport {
  @Field(() => ID) id: string;
  @Field(() => FoundItemCategoryEnum) category: FoundItemCategoryEnum;
  @Field() categoryLabel: string;
  @Field() description: string;
  @Field(() => LocalDateScalar, { nullable: true }) lostOn?: string | null;
  @Field(() => String, { nullable: true }) lostPlace?: string | null;
  @Field(() => String, { nullable: true, description: '失主姓名' }) reporterName?: string | null;
  @Field(() => String, { nullable: true, description: '失主身份证号码' }) reporterIdNumber?: string | null;
  @Field({ description: '失主手机号（比对成功后短信通知）' }) phone: string;
  @Field(() => LostReportStatusEnum) status: LostReportStatusEnum;
  @Field(() => String, { nullable: true, description: '比对上的拾得物编号' }) matchedFoundItemNumber?: string | null;
  @Field() unitCode: string;
  @Field() filedByName: string;
  @Field({ description: '登记时间（ISO）' }) filedAt: string;
  @Field(() => [LostAndFoundHistoryEntry]) history: LostAndFoundHistoryEntry[];
}

@ObjectType({ description: '认领记录（认领人信息按角色脱敏，列表一律脱敏）' })
export class FoundItemClaim {
  @Field(() => ID) id: string;
  @Field() foundItemNumber: string;
  @Field({ description: '认领人身份证号码' }) claimantIdNumber: string;
  @Field(() => String, { nullable: true, description: '认领人姓名（人口信息库）' }) claimantName?: string | null;
  @Field({ description: '认领人手机号' }) claimantPhone: string;
  @Field({ description: '认领人对物品的描述' }) descriptionGiven: string;
  @Field() identityVerified: boolean;
  @Field(() => VerificationMethodEnum) verificationMethod: VerificationMethodEnum;
  @Field(() => ClaimStatusEnum) status: ClaimStatusEnum;
  @Field(() => String, { nullable: true }) refusalCode?: string | null;
  @Field(() => String, { nullable: true }) refusalReason?: string | null;
  @Field({ description: '核验民警' }) verifiedByName: string;
  @Field({ description: '时间（ISO）' }) claimedAt: string;
}

@ObjectType({ description: '期满处理' })
export class FoundItemDisposal {
  @Field(() => DisposalMethodEnum) method: DisposalMethodEnum;
  @Field() methodLabel: string;
  @Field(() => LocalDateScalar) disposedOn: string;
}

@ObjectType({ description: '拾得物（招领信息）' })
export class FoundItem {
  @Field({ description: '拾得物编号' }) number: string;
  @Field(() => FoundItemCategoryEnum) category: FoundItemCategoryEnum;
  @Field() categoryLabel: string;
  @Field() description: string;
  @Field(() => LocalDateScalar, { description: '拾得日期' }) foundOn: string;
  @Field({ description: '拾得地点' }) foundPlace: string;
  @Field(() => HandedInByEnum) handedInBy: HandedInByEnum;
  @Field({ description: '移交批次号 / 接收回执号' }) batchReference: string;
  @Field({ description: '保管及领取地点' }) storagePlace: string;
  @Field(() => String, { nullable: true, description: '存放位置（柜号）' }) storageSlot?: string | null;
  @Field(() => FoundItemStatusEnum) status: FoundItemStatusEnum;
  @Field() statusLabel: string;
  @Field(() => LocalDateScalar, { description: '招领公告日期' }) noticePublishedOn: string;
  @Field(() => LocalDateScalar, { description: '认领期限（公告之日起一年，民法典第三百一十八条）' }) retentionUntil: string;
  @Field({ description: '认领期限按尚未公布的节假日安排推算，可能调整' }) retentionProvisional: boolean;
  @Field() unitCode: string;
  @Field() registeredByName: string;
  @Field(() => LostReport, { nullable: true, description: '比对上的失物登记' }) matchedReport?: LostReport | null;
  @Field(() => [FoundItemClaim], { description: '认领记录（含被拒的）' }) claims: FoundItemClaim[];
  @Field(() => FoundItemDisposal, { nullable: true }) disposal?: FoundItemDisposal | null;
  @Field(() => [LostAndFoundHistoryEntry], { description: '状态变更记录（详情查询时返回）' }) history: LostAndFoundHistoryEntry[];
}

@ObjectType()
export class FoundItemPage {
  @Field(() => Int) total: number;
  @Field(() => [FoundItem]) items: FoundItem[];
}

@ObjectType()
export class LostReportPage {
  @Field(() => Int) total: number;
  @Field(() => [LostReport]) items: LostReport[];
}

@ObjectType({ description: '一次接收登记（环卫批量移交或群众送交）的回执' })
export class FoundItemBatch {
  @Field({ description: '移交批次号 / 接收回执号' }) batchReference: string;
  @Field(() => HandedInByEnum) handedInBy: HandedInByEnum;
  @Field(() => String, { nullable: true }) handedInByName?: string | null;
  @Field() storagePlace: string;
  @Field(() => Int) itemCount: number;
  @Field() registeredByName: string;
  @Field({ description: '登记时间（ISO）' }) registeredAt: string;
  @Field(() => [FoundItem]) items: FoundItem[];
}

@ObjectType({ description: '期满处理结果' })
export class DisposalRun {
  @Field(() => LocalDateScalar) today: string;
  @Field(() => Int) disposed: number;
  @Field(() => [FoundItem]) items: FoundItem[];
}
