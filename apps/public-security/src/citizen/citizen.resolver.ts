import { Inject } from '@nestjs/common';
import { Args, ArgsType, Parent, Query, ResolveField, Resolver, ResolveReference } from '@nestjs/graphql';
import { Role, type Identity } from '@onewindow/contracts';
import { CitizenLookupArgs, CurrentIdentity, LOGGER, type Logger, Roles, withMappedErrors, citizenKeyOf } from '@onewindow/platform';
import { Citizen, CitizenPublicSecuritySection } from './citizen.model.js';
import { CitizenSectionService } from './citizen.service.js';

@ArgsType()
export class PublicSecurityCitizenArgs extends CitizenLookupArgs {}

@Resolver(() => Citizen)
export class CitizenResolver {
  constructor(private readonly sections: CitizenSectionService, @Inject(LOGGER) private readonly logger: Logger) {}

  @ResolveReference()
  resolveReference(ref: { __typename: 'Citizen'; idNumber: string }): Citizen {
    // A sealed key (the viewer may not read the ID number) is opened here; a forged one matches nobody.
    return { idNumber: citizenKeyOf(ref.idNumber) };
  }

  // Entity field resolvers bypass the global guard and filter: the service checks the roles, errors are mapped here.
  @ResolveField('publicSecurity', () => CitizenPublicSecuritySection, { nullable: true, description: '治安：许可证、失物登记、认领记录（窗口民警脱敏）' })
  async publicSecurity(@Parent() citizen: Citizen, @CurrentIdentity() actor: Identity): Promise<CitizenPublicSecuritySection> {
    return withMappedErrors(this.logger, () => this.sections.section(actor, citizen.idNumber));
  }

  /**
   * A public-security officer's own lookup of a citizen (e.g. checking a guard's permits), audited
   * here because it bypasses household's root. It also places the Citizen entity in this
   * subgraph's schema, which code-first builds only from reachable types.
   */
  @Roles(Role.CLERK, Role.OFFICER, Role.SUPERVISOR)
  @Query(() => Citizen, { description: '治安业务按身份证号码查询公民（须说明事由，留痕审计；字段 publicSecurity 为治安信息）' })
  async publicSecurityCitizen(@Args() args: PublicSecurityCitizenArgs, @CurrentIdentity() actor: Identity): Promise<Citizen> {
    return this.sections.lookup(actor, args.idNumber, args.purpose);
  }
}
