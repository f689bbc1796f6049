import { type DynamicModule, Module } from '@nestjs/common';
import { PoliceType, ServiceName } from '@onewindow/contracts';
import type { ServiceRuntime } from '@onewindow/platform';
import { PoliceTypeServiceModule } from '@onewindow/service-kit';
import { CitizenModule } from './citizen/citizen.module.js';
import { DeathCaseModule } from './death-follow-up/death-case.module.js';
import { DeathFollowUpListener } from './death-follow-up/death-follow-up.listener.js';
import { HouseholdModule } from './household/household.module.js';
import { HOUSEHOLD_CATALOG_PATH, HOUSEHOLD_ENTITIES, HOUSEHOLD_MIGRATIONS } from './household.schema.js';
import { IdCardModule } from './id-card/id-card.module.js';
import { PersonModule } from './person/person.module.js';
import { DemoSeedModule } from './seed/seed.module.js';
import { HouseholdCaseRules } from './register-effects/household-case.rules.js';
import { RegisterEffectsModule } from './register-effects/register-effects.module.js';
import { ResidencePermitModule } from './residence-permit/residence-permit.module.js';
import { OnlineVerificationModule } from './online-verification/online-verification.module.js';

/** The household service (户政): what is its own; the kit adds platform, casework and transfers. */
@Module({})
export class HouseholdAppModule {
  static forRuntime(rt: ServiceRuntime): DynamicModule {
    return {
      module: HouseholdAppModule,
      imports: [
        PoliceTypeServiceModule.forRoot(rt, {
          service: ServiceName.HOUSEHOLD,
          policeType: PoliceType.HOUSEHOLD,
          catalogPath: HOUSEHOLD_CATALOG_PATH,
          // HouseholdRules + the death case (follow-up transfers) + register changes on approval
          rules: HouseholdCaseRules,
          registers: [PersonModule, HouseholdModule, IdCardModule, ResidencePermitModule],
          features: [CitizenModule, DeathCaseModule, RegisterEffectsModule, OnlineVerificationModule],
          entities: HOUSEHOLD_ENTITIES,
          migrations: HOUSEHOLD_MIGRATIONS,
          // Household sends the death follow-ups and hears their outcomes.
          transferOutcomeListener: DeathFollowUpListener,
          seed: DemoSeedModule,
        }),
      ],
    };
  }
}
