import { type DynamicModule, Module } from '@nestjs/common';
import { CASEWORK_ENTITIES, CASEWORK_MIGRATIONS, CaseworkModule } from '@onewindow/casework';
import { PoliceType, ServiceName } from '@onewindow/contracts';
import { PlatformModule, type ServiceRuntime } from '@onewindow/platform';
import { TRANSFERS_ENTITIES, TRANSFERS_MIGRATIONS, TransfersModule } from '@onewindow/transfers';
import { PublicSecurityRules } from './casework/public-security.rules.js';
import { CitizenModule } from './citizen/citizen.module.js';
import { DeathFollowUpWorker } from './death-follow-up/death-follow-up.worker.js';
import { LostFoundModule } from './lost-found/lost-found.module.js';
import { PermitModule } from './permits/permit.module.js';
import { PUBLIC_SECURITY_CATALOG_PATH, PUBLIC_SECURITY_ENTITIES, PUBLIC_SECURITY_MIGRATIONS } from './public-security.schema.js';
import { DemoSeedModule } from './seed/seed.module.js';

@Module({})
export class PublicSecurityAppModule {
  static forRuntime(rt: ServiceRuntime): DynamicModule {
    return {
      module: PublicSecurityAppModule,
      imports: [
        PlatformModule.forRoot(rt, {
          entities: [...PUBLIC_SECURITY_ENTITIES, ...CASEWORK_ENTITIES, ...TRANSFERS_ENTITIES],
          migrations: [...PUBLIC_SECURITY_MIGRATIONS, ...CASEWORK_MIGRATIONS, ...TRANSFERS_MIGRATIONS],
        }),
        PermitModule,
        LostFoundModule,
        CitizenModule,
        CaseworkModule.register({
          service: ServiceName.PUBLIC_SECURITY,
          policeType: PoliceType.PUBLIC_SECURITY,
          catalogPath: PUBLIC_SECURITY_CATALOG_PATH,
          rules: PublicSecurityRules,
          imports: [PermitModule],
        }),
        // DEATH_FOLLOW_UP from household: the deceased's permits are cancelled or put under review.
        TransfersModule.register({ service: ServiceName.PUBLIC_SECURITY, workers: [DeathFollowUpWorker] }),
        DemoSeedModule,
      ],
    };
  }
}
