import { type DynamicModule, Module } from '@nestjs/common';
import { fileURLToPath } from 'node:url';
import { CASEWORK_ENTITIES, CASEWORK_MIGRATIONS, CaseworkModule, RegisterCheckedRules } from '@onewindow/casework';
import { PoliceType, ServiceName } from '@onewindow/contracts';
import { PlatformModule, type ServiceRuntime } from '@onewindow/platform';

const CATALOG = fileURLToPath(new URL('../catalog/traffic.catalog.yaml', import.meta.url));

@Module({})
export class TrafficAppModule {
  static forRuntime(rt: ServiceRuntime): DynamicModule {
    return {
      module: TrafficAppModule,
      imports: [
        PlatformModule.forRoot(rt, { entities: [...CASEWORK_ENTITIES], migrations: [...CASEWORK_MIGRATIONS] }),
        CaseworkModule.register({ service: ServiceName.TRAFFIC, policeType: PoliceType.TRAFFIC, catalogPath: CATALOG, rules: RegisterCheckedRules }),
      ],
    };
  }
}
