import { type DynamicModule, Module } from '@nestjs/common';
import { PoliceType, ServiceName } from '@onewindow/contracts';
import type { ServiceRuntime } from '@onewindow/platform';
import { PoliceTypeServiceModule } from '@onewindow/service-kit';
import { ExitEntryRules } from './casework/exit-entry.rules.js';
import { CitizenModule } from './citizen/citizen.module.js';
import { DeathFollowUpWorker } from './death-follow-up/death-follow-up.worker.js';
import { TravelDocumentModule } from './travel-document/travel-document.module.js';
import { EXIT_ENTRY_CATALOG_PATH, EXIT_ENTRY_ENTITIES, EXIT_ENTRY_MIGRATIONS } from './exit-entry.schema.js';
import { DemoSeedModule } from './seed/seed.module.js';

/** The exit-entry service (出入境): what is its own; the kit adds platform, casework and transfers. */
@Module({})
export class ExitEntryAppModule {
  static forRuntime(rt: ServiceRuntime): DynamicModule {
    return {
      module: ExitEntryAppModule,
      imports: [
        PoliceTypeServiceModule.forRoot(rt, {
          service: ServiceName.EXIT_ENTRY,
          policeType: PoliceType.EXIT_ENTRY,
          catalogPath: EXIT_ENTRY_CATALOG_PATH,
          rules: ExitEntryRules,
          registers: [TravelDocumentModule],
          features: [CitizenModule],
          entities: EXIT_ENTRY_ENTITIES,
          migrations: EXIT_ENTRY_MIGRATIONS,
          // DEATH_FOLLOW_UP from household: cancel the deceased's valid passports and permits.
          transferWorkers: [DeathFollowUpWorker],
          seed: DemoSeedModule,
        }),
      ],
    };
  }
}
