import { Directive, Field, ObjectType, ResolveField, Resolver, ResolveReference, Parent } from '@nestjs/graphql';
import { Role, type Identity } from '@onewindow/contracts';

import { BusinessClock, cityScope, CurrentIdentity, Roles, citizenKeyOf } from '@onewindow/platform';
import { toInboxApplication } from '../inbox/application.mapper.js';
import { InboxApplication } from '../inbox/application.model.js';
import { InboxRepository } from '../inbox/inbox.repository.js';
import { OneTimeNoticeRepository } from '../one-time-notice/one-time-notice.repository.js';

@ObjectType({ description: '一次性告知单摘要' })
export class CitizenNoticeSummary {
  @Field() number: string;
  @Field() itemName: string;
  @Field({ description: 'OPEN 待补齐 / RESOLVED 已补齐受理' }) status: string;
  @Field() issuedAt: Date;
  @Field(() => [String], { description: '所缺材料' }) missingMaterials: string[];
  @Field({ nullable: true }) resolvedApplicationNumber?: string;
}

@ObjectType({ description: '综合窗口：该群众的申请与告知单' })
export class CitizenCounterSection {
  @Field(() => [InboxApplication], { description: '全市范围内的申请（脱敏）' }) applications: InboxApplication[];
  @Field(() => [CitizenNoticeSummary], { description: '一次性告知单' }) notices: CitizenNoticeSummary[];
}

/** The counter's share of the citizen 360° view (entity owned by household). */
@ObjectType('Citizen')
@Directive('@key(fields: "idNumber")')
export class CitizenRef {
  @Field() idNumber: string;
}

@Resolver(() => CitizenRef)
export class CitizenCounterResolver {
  constructor(
    private readonly inbox: InboxRepository,
    private readonly notices: OneTimeNoticeRepository,
    private readonly clock: BusinessClock,
  ) {}

  @ResolveReference()
  resolveReference(ref: { idNumber: string }): CitizenRef {
    // A sealed key (the viewer may not read the ID number) is opened here; a forged one matches nobody.
    return { idNumber: citizenKeyOf(ref.idNumber) };
  }

  @Roles(Role.CLERK, Role.OFFICER, Role.SUPERVISOR)
  @ResolveField(() => CitizenCounterSection, { nullable: true, description: '综合窗口：申请与一次性告知单' })
  async counter(@Parent() citizen: CitizenRef, @CurrentIdentity() actor: Identity): Promise<CitizenCounterSection> {
    const scope = cityScope(actor);
    const today = this.clock.today();
    const [rows] = await this.inbox.list(scope, { search: citizen.idNumber.toUpperCase(), today, limit: 50, offset: 0 });
    const notices = await this.notices.findByApplicant(citizen.idNumber.toUpperCase(), scope);
    return {
      applications: rows.map((r) => toInboxApplication(r, today)),
      notices: notices.map((n) => ({
        number: n.number,
        itemName: n.itemName,
        status: n.status,
        issuedAt: n.issuedAt,
        missingMaterials: (n.missingMaterials as { name: string }[]).map((m) => m.name),
        resolvedApplicationNumber: n.resolvedApplicationNumber ?? undefined,
      })),
    };
  }
}

