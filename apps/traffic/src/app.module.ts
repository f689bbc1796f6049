import { type DynamicModule, Module } from '@nestjs/common';
import { CASEWORK_ENTITIES, CASEWORK_MIGRATIONS, CaseworkModule } from '@onewindow/casework';
import { PoliceType, ServiceName } from '@onewindow/contracts';
import { PlatformModule, type ServiceRuntime } from '@onewindow/platform';
import { TRANSFERS_ENTITIES, TRANSFERS_MIGRATIONS, TransfersModule } from '@onewindow/transfers';
import { TrafficRules } from './casework/traffic.rules.js';
import { Citizen } from './citizen/citizen.model.js';
import { DeathFollowUpWorker } from './death-follow-up/death-follow-up.worker.js';
import { DemoSeedModule } from './seed/seed.module.js';
import { TrafficRegisterModule } from './traffic-register.module.js';
import { TRAFFIC_CATALOG_PATH, TRAFFIC_ENTITIES, TRAFFIC_MIGRATIONS } from './traffic.schema.js';

@Module({})
export class TrafficAppModule {
  static forRuntime(rt: ServiceRuntime): DynamicModule {
    return {
      module: TrafficAppModule,
      imports: [
        PlatformModule.forRoot(rt, {
          entities: [...TRAFFIC_ENTITIES, ...CASEWORK_ENTITIES, ...TRANSFERS_ENTITIES],
          migrations: [...TRAFFIC_MIGRATIONS, ...CASEWORK_MIGRATIONS, ...TRANSFERS_MIGRATIONS],
          orphanedTypes: [Citizen], // reached only through federation (Citizen.traffic)
        }),
        TrafficRegisterModule,
        CaseworkModule.register({
          service: ServiceName.TRAFFIC,
          policeType: PoliceType.TRAFFIC,
          catalogPath: TRAFFIC_CATALOG_PATH,
          rules: TrafficRules,
          imports: [TrafficRegisterModule],
        }),
        // DEATH_FOLLOW_UP: cancel the licence, flag the vehicles (no constructor dependencies).
        TransfersModule.register({ service: ServiceName.TRAFFIC, workers: [DeathFollowUpWorker] }),
        DemoSeedModule,
      ],
    };
  }
}
