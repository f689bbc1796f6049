import { Inject } from '@nestjs/common';
import { Parent, ResolveField, Resolver, ResolveReference } from '@nestjs/graphql';
import { Role, type Identity } from '@onewindow/contracts';
import { BusinessClock, CurrentIdentity, LOGGER, type Logger, Roles, withMappedErrors, citizenKeyOf } from '@onewindow/platform';
import { DocumentQueryService } from '../travel-document/document-query.service.js';
import { toSection } from './citizen.mapper.js';
import { Citizen, CitizenExitEntrySection } from './citizen.model.js';

/**
 * Exit-entry's part of the citizen 360 view (`Citizen.exitEntry`). Reached through the gateway's
 * `_entities` call after household resolved the citizen; roles and jurisdiction are checked in
 * DocumentQueryService because entity field resolvers bypass the guard. Not audited here:
 * household writes one audit row for the whole 360 query.
 */
@Resolver(() => Citizen)
export class CitizenResolver {
  constructor(
    private readonly documents: DocumentQueryService,
    private readonly clock: BusinessClock,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  @ResolveReference()
  resolveReference(ref: { __typename: string; idNumber: string }): Citizen {
    // A sealed key (the viewer may not read the ID number) is opened here; a forged one matches nobody.
    return { idNumber: citizenKeyOf(ref.idNumber) };
  }

  @Roles(Role.CLERK, Role.OFFICER, Role.SUPERVISOR)
  @ResolveField('exitEntry', () => CitizenExitEntrySection, { nullable: true, description: '出入境：证件（窗口人员看到脱敏号码）及签注' })
  exitEntry(@Parent() citizen: Citizen, @CurrentIdentity() actor: Identity): Promise<CitizenExitEntrySection> {
    return withMappedErrors(this.logger, async () => toSection(await this.documents.sectionFor(actor, citizen.idNumber), actor, this.clock.today()));
  }
}
