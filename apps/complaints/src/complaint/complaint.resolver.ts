import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Role, type Identity } from '@onewindow/contracts';
import { CurrentIdentity, Roles } from '@onewindow/platform';
import { Complaint, toComplaint } from './complaint.model.js';
import { ComplaintService } from './complaint.service.js';
import { ComplaintArgs, ComplaintsArgs } from './dto/complaints.args.js';
import { AcceptComplaintInput, AnswerComplaintInput, ApproveComplaintExtensionInput, CloseComplaintInput, ComplaintReasonInput } from './dto/complaint-actions.input.js';
import { IntakeComplaintInput } from './dto/intake-complaint.input.js';

/** The complaint register over GraphQL: thin; roles, jurisdiction and masking are the service's and the model's. */
@Resolver(() => Complaint)
export class ComplaintResolver {
  constructor(private readonly service: ComplaintService) {}

  @Roles(Role.CLERK, Role.OFFICER)
  @Mutation(() => Complaint, { description: '登记信访投诉：窗口人员登记当面投诉，信访民警登记来信、来访、热线和网上投诉；自动识别 90 日内同一事项的重复投诉' })
  async intakeComplaint(@Args('input') input: IntakeComplaintInput, @CurrentIdentity() actor: Identity): Promise<Complaint> {
    return toComplaint(await this.service.intake(actor, input), actor);
  }

  @Roles(Role.CLERK, Role.OFFICER, Role.SUPERVISOR, Role.ANALYST)
  @Query(() => Complaint, { description: '信访事项详情（含办理记录）：须说明查询事由，留痕审计；窗口人员和分析人员看到脱敏信息' })
  async complaint(@Args() args: ComplaintArgs, @CurrentIdentity() actor: Identity): Promise<Complaint> {
    const { complaint, timeline } = await this.service.read(actor, args.number, args.purpose);
    return toComplaint(complaint, actor, { timeline });
  }

  @Roles(Role.OFFICER, Role.SUPERVISOR, Role.ANALYST)
  @Query(() => [Complaint], { description: '信访工作台：本辖区信访事项，按期限先后排序（投诉人信息脱敏）' })
  async complaints(@Args() args: ComplaintsArgs, @CurrentIdentity() actor: Identity): Promise<Complaint[]> {
    const { limit, offset, ...filter } = args;
    return (await this.service.list(actor, filter, { limit, offset })).map((c) => toComplaint(c, actor, { list: true }));
  }

  @Roles(Role.OFFICER)
  @Mutation(() => Complaint, { description: '受理或不予受理（不予受理须说明理由）：信访民警，收到后 15 日内' })
  async acceptComplaint(@Args('input') input: AcceptComplaintInput, @CurrentIdentity() actor: Identity): Promise<Complaint> {
    return toComplaint(await this.service.accept(actor, input.number, input.accept, input.reason), actor);
  }

  @Roles(Role.OFFICER)
  @Mutation(() => Complaint, { description: '答复投诉人：信访民警，受理后 60 日内；可同时填写核查结论（属实或部分属实且有责任民警的，对责任单位和民警扣分）' })
  async answerComplaint(@Args('input') input: AnswerComplaintInput, @CurrentIdentity() actor: Identity): Promise<Complaint> {
    return toComplaint(await this.service.answer(actor, input), actor);
  }

  @Roles(Role.OFFICER)
  @Mutation(() => Complaint, { description: '申请延期 30 日（须说明理由，由督察批准）' })
  async requestComplaintExtension(@Args('input') input: ComplaintReasonInput, @CurrentIdentity() actor: Identity): Promise<Complaint> {
    return toComplaint(await this.service.requestExtension(actor, input.number, input.reason), actor);
  }

  @Roles(Role.SUPERVISOR)
  @Mutation(() => Complaint, { description: '批准延期：督察，办结期限延至受理后 90 日，并告知投诉人' })
  async approveComplaintExtension(@Args('input') input: ApproveComplaintExtensionInput, @CurrentIdentity() actor: Identity): Promise<Complaint> {
    return toComplaint(await this.service.approveExtension(actor, input.number, input.notice), actor);
  }

  @Roles(Role.CLERK, Role.OFFICER)
  @Mutation(() => Complaint, { description: '重新办理：投诉人对答复不满意，30 日内复查' })
  async reopenComplaint(@Args('input') input: ComplaintReasonInput, @CurrentIdentity() actor: Identity): Promise<Complaint> {
    return toComplaint(await this.service.reopen(actor, input.number, input.reason), actor);
  }

  @Roles(Role.OFFICER)
  @Mutation(() => Complaint, { description: '办结信访事项：已答复的须有核查结论（属实或部分属实且有责任民警的，对责任单位和民警扣分）' })
  async closeComplaint(@Args('input') input: CloseComplaintInput, @CurrentIdentity() actor: Identity): Promise<Complaint> {
    const { number, note, ...finding } = input;
    return toComplaint(await this.service.close(actor, number, note, finding), actor);
  }
}
