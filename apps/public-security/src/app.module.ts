import { type DynamicModule, Module } from '@nestjs/common';
import { PoliceType, ServiceName } from '@onewindow/contracts';
import type { ServiceRuntime } from '@onewindow/platform';
import { PoliceTypeServiceModule } from '@onewindow/service-kit';
import { PublicSecurityRules } from './casework/public-security.rules.js';
import { CitizenModule } from './citizen/citizen.module.js';
import { DeathFollowUpWorker } from './death-follow-up/death-follow-up.worker.js';
import { LostFoundModule } from './lost-found/lost-found.module.js';
import { PermitModule } from './permit/permit.module.js';
import { PUBLIC_SECURITY_CATALOG_PATH, PUBLIC_SECURITY_ENTITIES, PUBLIC_SECURITY_MIGRATIONS } from './public-security.schema.js';
import { DemoSeedModule } from './seed/seed.module.js';

/** The public-security service (治安): what is its own; the kit adds platform, casework and transfers. */
@Module({})
export class PublicSecurityAppModule {
  static forRuntime(rt: ServiceRuntime): DynamicModule {
    return {
      module: PublicSecurityAppModule,
      imports: [
        PoliceTypeServiceModule.forRoot(rt, {
          service: ServiceName.PUBLIC_SECURITY,
          policeType: PoliceType.PUBLIC_SECURITY,
          catalogPath: PUBLIC_SECURITY_CATALOG_PATH,
          rules: PublicSecurityRules,
          registers: [PermitModule, LostFoundModule],
          features: [CitizenModule],
          entities: PUBLIC_SECURITY_ENTITIES,
          migrations: PUBLIC_SECURITY_MIGRATIONS,
          // DEATH_FOLLOW_UP from household: the deceased's permits are cancelled or put under review.
          transferWorkers: [DeathFollowUpWorker],
          seed: DemoSeedModule,
        }),
      ],
    };
  }
}
