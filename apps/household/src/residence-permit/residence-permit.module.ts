import { Module } from '@nestjs/common';
import { CitizenResidencePermitsResolver, ResidencePermitResolver } from './residence-permit.resolver.js';
import { ResidencePermitRepository } from './residence-permit.repository.js';
import { ResidencePermitService } from './residence-permit.service.js';

/** The residence permit register (居住证): written by approvals (via HouseholdCaseRules), read by the window. */
@Module({
  providers: [ResidencePermitRepository, ResidencePermitService, ResidencePermitResolver, CitizenResidencePermitsResolver],
  exports: [ResidencePermitService],
})
export class ResidencePermitModule {}
