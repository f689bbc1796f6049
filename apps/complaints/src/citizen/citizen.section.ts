import { Directive, Field, ObjectType, Parent, ResolveField, Resolver, ResolveReference } from '@nestjs/graphql';
import { Role } from '@onewindow/contracts';
import { Roles } from '@onewindow/platform';

@ObjectType({ description: '信访投诉记录摘要' })
export class CitizenComplaintSummary {
  @Field() number: string;
  @Field() channel: string;
  @Field() status: string;
  @Field() receivedAt: Date;
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

/**
 * The complaints share of the citizen 360° view. Complaints and evaluations land with their own
 * issue; until then the section is present and empty, so the panel's shape is stable.
 */
@Resolver(() => CitizenRef)
export class CitizenComplaintsResolver {
  @ResolveReference()
  resolveReference(ref: { idNumber: string }): CitizenRef {
    return { idNumber: ref.idNumber };
  }

  @Roles(Role.CLERK, Role.OFFICER, Role.SUPERVISOR)
  @ResolveField(() => CitizenComplaintsSection, { nullable: true, description: '信访投诉与服务评价' })
  complaints(@Parent() _citizen: CitizenRef): CitizenComplaintsSection {
    return { complaints: [], evaluations: [] };
  }
}
