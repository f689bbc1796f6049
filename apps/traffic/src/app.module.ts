import { type DynamicModule, Module } from '@nestjs/common';
import { PoliceType, ServiceName } from '@onewindow/contracts';
import type { ServiceRuntime } from '@onewindow/platform';
import { PoliceTypeServiceModule } from '@onewindow/service-kit';
import { TrafficRules } from './casework/traffic.rules.js';
import { Citizen } from './citizen/citizen.model.js';
import { CitizenModule } from './citizen/citizen.module.js';
import { DeathFollowUpWorker } from './death-follow-up/death-follow-up.worker.js';
import { DrivingLicenceModule } from './driving-licence/driving-licence.module.js';
import { DemoSeedModule } from './seed/seed.module.js';
import { TRAFFIC_CATALOG_PATH, TRAFFIC_ENTITIES, TRAFFIC_MIGRATIONS } from './traffic.schema.js';
import { VehicleModule } from './vehicle/vehicle.module.js';
import { ViolationModule } from './violation/violation.module.js';

/** The traffic service (交管): what is its own; the kit adds platform, casework and transfers. */
@Module({})
export class TrafficAppModule {
  static forRuntime(rt: ServiceRuntime): DynamicModule {
    return {
      module: TrafficAppModule,
      imports: [
        PoliceTypeServiceModule.forRoot(rt, {
          service: ServiceName.TRAFFIC,
          policeType: PoliceType.TRAFFIC,
          catalogPath: TRAFFIC_CATALOG_PATH,
          rules: TrafficRules,
          registers: [DrivingLicenceModule, VehicleModule, ViolationModule],
          features: [CitizenModule],
          entities: TRAFFIC_ENTITIES,
          migrations: TRAFFIC_MIGRATIONS,
          orphanedTypes: [Citizen], // reached only through federation (Citizen.traffic)
          // DEATH_FOLLOW_UP from household: cancel the licence, flag the vehicles.
          transferWorkers: [DeathFollowUpWorker],
          seed: DemoSeedModule,
        }),
      ],
    };
  }
}
