import { type DynamicModule, Module } from '@nestjs/common';
import { CASEWORK_ENTITIES, CASEWORK_MIGRATIONS, CaseworkModule } from '@onewindow/casework';
import { PoliceType, ServiceName } from '@onewindow/contracts';
import { PlatformModule, type ServiceRuntime } from '@onewindow/platform';
import { TRANSFERS_ENTITIES, TRANSFERS_MIGRATIONS, TransfersModule } from '@onewindow/transfers';
import { ExitEntryRules } from './casework/exit-entry.rules.js';
import { CitizenModule } from './citizen/citizen.module.js';
import { DeathFollowUpWorker } from './death-follow-up/death-follow-up.worker.js';
import { DocumentsModule } from './documents/documents.module.js';
import { EXIT_ENTRY_CATALOG_PATH, EXIT_ENTRY_ENTITIES, EXIT_ENTRY_MIGRATIONS } from './exit-entry.schema.js';
import { DemoSeedModule } from './seed/seed.module.js';

@Module({})
export class ExitEntryAppModule {
  static forRuntime(rt: ServiceRuntime): DynamicModule {
    return {
      module: ExitEntryAppModule,
      imports: [
        PlatformModule.forRoot(rt, {
          entities: [...EXIT_ENTRY_ENTITIES, ...CASEWORK_ENTITIES, ...TRANSFERS_ENTITIES],
          migrations: [...EXIT_ENTRY_MIGRATIONS, ...CASEWORK_MIGRATIONS, ...TRANSFERS_MIGRATIONS],
        }),
        CaseworkModule.register({
          service: ServiceName.EXIT_ENTRY,
          policeType: PoliceType.EXIT_ENTRY,
          catalogPath: EXIT_ENTRY_CATALOG_PATH,
          rules: ExitEntryRules,
          imports: [DocumentsModule],
        }),
        // DEATH_FOLLOW_UP from household: cancel the deceased's valid passports and permits.
        TransfersModule.register({ service: ServiceName.EXIT_ENTRY, workers: [DeathFollowUpWorker] }),
        CitizenModule,
        DemoSeedModule,
      ],
    };
  }
}
