import { type DynamicModule, Module } from '@nestjs/common';
import { fileURLToPath } from 'node:url';
import { CASEWORK_ENTITIES, CASEWORK_MIGRATIONS, CaseworkModule, RegisterCheckedRules } from '@onewindow/casework';
import { PoliceType, ServiceName } from '@onewindow/contracts';
import { PlatformModule, type ServiceRuntime } from '@onewindow/platform';

const CATALOG = fileURLToPath(new URL('../catalog/exit-entry.catalog.yaml', import.meta.url));

@Module({})
export class ExitEntryAppModule {
  static forRuntime(rt: ServiceRuntime): DynamicModule {
    return {
      module: ExitEntryAppModule,
      imports: [
        PlatformModule.forRoot(rt, { entities: [...CASEWORK_ENTITIES], migrations: [...CASEWORK_MIGRATIONS] }),
        CaseworkModule.register({ service: ServiceName.EXIT_ENTRY, policeType: PoliceType.EXIT_ENTRY, catalogPath: CATALOG, rules: RegisterCheckedRules }),
      ],
    };
  }
}
