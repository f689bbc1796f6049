import { Inject } from '@nestjs/common';
import { Directive, Field, ObjectType, Parent, ResolveField, Resolver, ResolveReference } from '@nestjs/graphql';
import { PoliceType, Role, type ComplaintDeadlineState, type ComplaintKind, type ComplaintStatus, type Identity } from '@onewindow/contracts';
import { CurrentIdentity, LOGGER, recordMasker, Roles, withMappedErrors, type Logger, citizenKeyOf } from '@onewindow/platform';
import type { ComplaintEntity } from '../complaint/complaint.entity.js';
import { ComplaintDeadlineStateEnum, ComplaintKindEnum, ComplaintStatusEnum } from '../complaint/complaint.model.js';
import { ComplaintService } from '../complaint/complaint.service.js';
import { LEVEL_LABELS } from '../evaluation/evaluation.rules.js';
import { EvaluationService } from '../evaluation/evaluation.service.js';

@ObjectType({ description: '信访投诉记录摘要' })
export class CitizenComplaintSummary {
  @Field() number: string;
  @Field() channel: string;
  @Field() status: string;
  @Field() receivedAt: Date;
  @Field(() => ComplaintKindEnum, { description: '投诉类别' }) kind: ComplaintKind;
  @Field(() => ComplaintStatusEnum, { description: '信访状态' }) complaintStatus: ComplaintStatus;
  @Field(() => ComplaintDeadlineStateEnum, { description: '期限状态' }) deadlineState: ComplaintDeadlineState;
  @Field({ nullable: true, description: '当前适用的期限' }) deadline?: string;
  @Field({ nullable: true, description: '重复投诉的首件编号' }) repeatOf?: string;
  @Field({ description: '被投诉单位代码' }) unitCode: string;
  @Field({ description: '投诉人联系电话（窗口人员看到脱敏号码）' }) complainantPhone: string;
}

@ObjectType({ description: '服务评价摘要（好差评）' })
export class CitizenEvaluationSummary {
  @Field() applicationNumber: string;
  @Field({ description: '非常满意 / 满意 / 基本满意 / 不满意 / 非常不满意' }) level: string;
  @Field() evaluatedAt: Date;
}

@ObjectType({ description: '信访投诉：该群众的投诉与评价' })
export class CitizenComplaintsSection {
  @Field(() => [CitizenComplaintSummary]) complaints: CitizenComplaintSummary[];
  @Field(() => [CitizenEvaluationSummary]) evaluations: CitizenEvaluationSummary[];
}

@ObjectType('Citizen')
@Directive('@key(fields: "idNumber")')
export class CitizenRef {
  @Field() idNumber: string;
}

/** One row of the section for one viewer: the phone in full only for complaints officers and supervisors. */
export function toCitizenComplaintSummary(c: ComplaintEntity, viewer: Identity): CitizenComplaintSummary {
  const mask = recordMasker(viewer, { policeType: PoliceType.COMPLAINTS, unitCode: c.unitCode });
  return {
    number: c.number,
    channel: c.channel,
    status: c.status,
    receivedAt: new Date(c.createdAt),
    kind: c.kind,
    complaintStatus: c.status,
    deadlineState: c.deadlineState,
    deadline: c.deadline ?? undefined,
    repeatOf: c.repeatOf ?? undefined,
    unitCode: c.unitCode,
    complainantPhone: mask.phone(c.complainantPhone) ?? '',
  };
}

/**
 * The complaints share of the citizen 360° view, from the complaint register (the household
 * subgraph audits the 360 read). Guards do not run on federated field resolvers, so the service
 * checks roles itself and errors are mapped here. Evaluations (好差评) come from
 * the evaluation register.
 */
@Resolver(() => CitizenRef)
export class CitizenComplaintsResolver {
  constructor(
    private readonly register: ComplaintService,
    private readonly evaluations: EvaluationService,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  @ResolveReference()
  resolveReference(ref: { idNumber: string }): CitizenRef {
    // A sealed key (the viewer may not read the ID number) is opened here; a forged one matches nobody.
    return { idNumber: citizenKeyOf(ref.idNumber) };
  }

  @Roles(Role.CLERK, Role.OFFICER, Role.SUPERVISOR)
  @ResolveField(() => CitizenComplaintsSection, { nullable: true, description: '信访投诉与服务评价' })
  complaints(@Parent() citizen: CitizenRef, @CurrentIdentity() viewer: Identity): Promise<CitizenComplaintsSection> {
    return withMappedErrors(this.logger, async () => ({
      complaints: (await this.register.ofComplainant(viewer, citizen.idNumber)).map((c) => toCitizenComplaintSummary(c, viewer)),
      // 好差评 of the person's matters (no personal data beyond the application number; none about the viewer).
      evaluations: (await this.evaluations.ofApplicant(viewer, citizen.idNumber.trim().toUpperCase())).map((e) => ({
        applicationNumber: e.applicationNumber,
        level: e.voided ? `${LEVEL_LABELS[e.level]}（已作废）` : LEVEL_LABELS[e.level],
        evaluatedAt: e.evaluatedAt,
      })),
    }));
  }
}
