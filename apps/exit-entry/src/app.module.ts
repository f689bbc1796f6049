import { type DynamicModule, Module } from '@nestjs/common';
import { PlatformModule, type ServiceRuntime } from '@onewindow/platform';

@Module({})
export class ExitEntryAppModule {
  static forRuntime(rt: ServiceRuntime): DynamicModule {
    return {
      module: ExitEntryAppModule,
      imports: [PlatformModule.forRoot(rt, { entities: [], migrations: [] })],
    };
  }
}
