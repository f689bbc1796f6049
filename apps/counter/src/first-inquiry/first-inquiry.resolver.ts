import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { policeUnitName, Role, type Identity } from '@onewindow/contracts';
import { CurrentIdentity, maskerFor, Roles } from '@onewindow/platform';
import type { FirstInquiryEntity } from './first-inquiry.entity.js';
import { FirstInquiriesArgs, FirstInquiry, FirstInquiryArgs, FirstInquiryCountsArgs, FirstInquiryOfficerCount, FirstInquiryPage, RecordFirstInquiryInput } from './first-inquiry.model.js';
import { firstInquiryOutcome } from './first-inquiry.rules.js';
import { FirstInquiryService } from './first-inquiry.service.js';

/** 首问登记: recorded by the first officer approached; lists per officer and per unit are masked, the full record is an audited read. */
@Resolver()
export class FirstInquiryResolver {
  constructor(private readonly inquiries: FirstInquiryService) {}

  @Roles(Role.CLERK, Role.OFFICER)
  @Mutation(() => FirstInquiry, { description: '首问登记（未形成申请的咨询：答复内容，或引导前往的单位及联系方式）' })
  async recordFirstInquiry(@Args('input') input: RecordFirstInquiryInput, @CurrentIdentity() actor: Identity): Promise<FirstInquiry> {
    return toFirstInquiry(await this.inquiries.record(actor, input), false);
  }

  @Roles(Role.CLERK, Role.OFFICER, Role.SUPERVISOR)
  @Query(() => FirstInquiryPage, { description: '首问登记列表（按民警、按单位；个人信息脱敏）' })
  async firstInquiries(@Args() args: FirstInquiriesArgs, @CurrentIdentity() actor: Identity): Promise<FirstInquiryPage> {
    const [rows, total] = await this.inquiries.list(actor, args);
    return { total, items: rows.map((r) => toFirstInquiry(r, true)) };
  }

  @Roles(Role.CLERK, Role.OFFICER, Role.SUPERVISOR)
  @Query(() => [FirstInquiryOfficerCount], { description: '辖区内每名首问民警的登记件数' })
  async firstInquiryCounts(@Args() args: FirstInquiryCountsArgs, @CurrentIdentity() actor: Identity): Promise<FirstInquiryOfficerCount[]> {
    return this.inquiries.countsByOfficer(actor, args.unitCode);
  }

  @Roles(Role.CLERK, Role.OFFICER, Role.SUPERVISOR)
  @Query(() => FirstInquiry, { description: '一条首问登记的完整信息（每次查看留痕审计）' })
  async firstInquiry(@Args() args: FirstInquiryArgs, @CurrentIdentity() actor: Identity): Promise<FirstInquiry> {
    return toFirstInquiry(await this.inquiries.read(actor, args.number, args.purpose), false);
  }
}

export function toFirstInquiry(r: FirstInquiryEntity, masked: boolean): FirstInquiry {
  const m = maskerFor(!masked);
  return {
    number: r.number, unitCode: r.unitCode, unitName: policeUnitName(r.unitCode), officerAccount: r.officerAccount, officerName: r.officerName,
    personName: m.name(r.personName)!, contact: masked ? maskContact(r.contact) : r.contact, masked, inquiredAt: r.inquiredAt, matter: r.matter,
    answer: r.answer ?? undefined, directedUnit: r.directedUnit ?? undefined, directedContact: r.directedContact ?? undefined, outcome: firstInquiryOutcome(r) ?? 'ANSWERED',
  };
}

/** A mobile number masked by the platform policy; a landline keeps its area code and last 2 digits. */
function maskContact(v: string): string {
  if (/^1\d{10}$/.test(v)) return maskerFor(false).phone(v)!;
  return `${v.slice(0, 4)}****${v.slice(-2)}`;
}
