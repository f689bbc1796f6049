import { type DynamicModule, Module } from '@nestjs/common';
import { CASEWORK_ENTITIES, CASEWORK_MIGRATIONS, CaseworkModule } from '@onewindow/casework';
import { PoliceType, ServiceName } from '@onewindow/contracts';
import { PlatformModule, type ServiceRuntime } from '@onewindow/platform';
import { TRANSFERS_ENTITIES, TRANSFERS_MIGRATIONS, TransfersModule } from '@onewindow/transfers';
import { DeathCaseModule } from './death-case/death-case.module.js';
import { DeathFollowUpListener } from './death-case/death-follow-up.listener.js';
import { HOUSEHOLD_CATALOG_PATH, HOUSEHOLD_ENTITIES, HOUSEHOLD_MIGRATIONS } from './household.schema.js';
import { PersonModule } from './person/person.module.js';
import { CitizenModule } from './citizen/citizen.module.js';
import { DemoSeedModule } from './seed/seed.module.js';
import { HouseholdCaseRules } from './register-effects/household-case.rules.js';
import { RegisterEffectsModule } from './register-effects/register-effects.module.js';
import { ResidencePermitModule } from './residence-permit/residence-permit.module.js';
import { OnlineVerificationModule } from './online-verification/online-verification.module.js';

@Module({})
export class HouseholdAppModule {
  static forRuntime(rt: ServiceRuntime): DynamicModule {
    return {
      module: HouseholdAppModule,
      imports: [
        PlatformModule.forRoot(rt, {
          entities: [...HOUSEHOLD_ENTITIES, ...CASEWORK_ENTITIES, ...TRANSFERS_ENTITIES],
          migrations: [...HOUSEHOLD_MIGRATIONS, ...CASEWORK_MIGRATIONS, ...TRANSFERS_MIGRATIONS],
        }),
        PersonModule,
        CitizenModule,
        ResidencePermitModule,
        CaseworkModule.register({
          service: ServiceName.HOUSEHOLD,
          policeType: PoliceType.HOUSEHOLD,
          catalogPath: HOUSEHOLD_CATALOG_PATH,
          rules: HouseholdCaseRules, // HouseholdRules + the death case (follow-up transfers) + register changes on approval
          imports: [PersonModule, DeathCaseModule, RegisterEffectsModule, ResidencePermitModule, OnlineVerificationModule],
        }),
        TransfersModule.register({ service: ServiceName.HOUSEHOLD, outcomeListener: DeathFollowUpListener, imports: [DeathCaseModule] }),
        DemoSeedModule,
      ],
    };
  }
}
