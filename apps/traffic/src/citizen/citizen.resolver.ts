import { Inject } from '@nestjs/common';
import { Parent, ResolveField, Resolver, ResolveReference } from '@nestjs/graphql';
import type { Identity } from '@onewindow/contracts';
import { CurrentIdentity, LOGGER, withMappedErrors, type Logger, citizenKeyOf } from '@onewindow/platform';
import { CitizenSectionService } from './citizen-section.service.js';
import { CitizenTrafficSection } from './citizen-traffic-section.model.js';
import { Citizen } from './citizen.model.js';

/**
 * `Citizen.traffic` for the gateway's 360 view. Guards and exception filters do not run on field
 * resolvers, so the service checks roles itself and errors are mapped here the way the platform
 * filter maps them elsewhere (typed code in `extensions.code`, internals hidden).
 */
@Resolver(() => Citizen)
export class CitizenResolver {
  constructor(
    private readonly sections: CitizenSectionService,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  @ResolveReference()
  resolveReference(ref: { __typename: string; idNumber: string }): Citizen {
    // A sealed key (the viewer may not read the ID number) is opened here; a forged one matches nobody.
    return { idNumber: citizenKeyOf(ref.idNumber) };
  }

  @ResolveField('traffic', () => CitizenTrafficSection, {
    nullable: true, // a traffic failure must not blank the other police types' sections of the 360 view
    description: '交管信息（窗口人员看到脱敏的车辆识别代号和电话）',
  })
  traffic(@Parent() citizen: Citizen, @CurrentIdentity() viewer: Identity): Promise<CitizenTrafficSection> {
    return withMappedErrors(this.logger, () => this.sections.trafficSection(viewer, citizen.idNumber));
  }
}
