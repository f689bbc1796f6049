import { Args, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { PoliceType, Role, type Identity } from '@onewindow/contracts';
import { BusinessClock, CurrentIdentity, PersonalField, personalDataView, Roles } from '@onewindow/platform';
import { Citizen } from '../citizen/citizen.model.js';
import { ResidencePermitsArgs } from './dto/residence-permits.args.js';
import { ResidencePermit, ResidencePermitStatusEnum } from './residence-permit.model.js';
import { ResidencePermitService, type PermitWithEndorsements } from './residence-permit.service.js';

export function toResidencePermit({ permit: p, endorsements }: PermitWithEndorsements, viewer: Identity, today: string): ResidencePermit {
  const view = personalDataView(viewer, { policeType: PoliceType.HOUSEHOLD, unitCode: p.issuingUnitCode }, 'DETAIL');
  return {
    permitNumber: p.permitNumber,
    holderIdNumber: p.holderIdNumber,
    holderName: p.holderName,
    holderPhone: view.show(PersonalField.PHONE, p.holderPhone) ?? undefined,
    address: p.address,
    issuingUnitCode: p.issuingUnitCode,
    issuingUnitName: p.issuingUnitName,
    issuedOn: p.issuedOn,
    validUntil: p.validUntil,
    status: p.status as ResidencePermitStatusEnum,
    lapsed: p.status === 'VALID' && p.validUntil < today,
    replacesPermitNumber: p.replacesPermitNumber ?? undefined,
    endorsements: endorsements.map((e) => ({ endorsedOn: e.endorsedOn, previousValidUntil: e.previousValidUntil, validUntil: e.validUntil, applicationNumber: e.applicationNumber })),
  };
}

@Resolver(() => ResidencePermit)
export class ResidencePermitResolver {
  constructor(private readonly permits: ResidencePermitService, private readonly clock: BusinessClock) {}

  @Roles(Role.CLERK, Role.OFFICER, Role.SUPERVISOR)
  @Query(() => [ResidencePermit], { description: '按身份证号码查询居住证（含签注记录；须说明事由，留痕审计）' })
  async residencePermits(@Args() args: ResidencePermitsArgs, @CurrentIdentity() actor: Identity): Promise<ResidencePermit[]> {
    const today = this.clock.today();
    return (await this.permits.listForWindow(actor, args.idNumber, args.purpose)).map((p) => toResidencePermit(p, actor, today));
  }
}

/** The citizen 360° view's household section: the residence permits of a person (audited once by `citizen`). */
@Resolver(() => Citizen)
export class CitizenResidencePermitsResolver {
  constructor(private readonly permits: ResidencePermitService, private readonly clock: BusinessClock) {}

  @ResolveField(() => [ResidencePermit], { description: '居住证（户政）' })
  async residencePermits(@Parent() citizen: Citizen, @CurrentIdentity() actor: Identity): Promise<ResidencePermit[]> {
    const today = this.clock.today();
    return (await this.permits.listForCitizenView(actor, citizen.idNumber)).map((p) => toResidencePermit(p, actor, today));
  }
}
