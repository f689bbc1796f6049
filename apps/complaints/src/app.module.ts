import { type DynamicModule, Module } from '@nestjs/common';
import { PlatformModule, type ServiceRuntime } from '@onewindow/platform';

@Module({})
export class ComplaintsAppModule {
  static forRuntime(rt: ServiceRuntime): DynamicModule {
    return {
      module: ComplaintsAppModule,
      imports: [PlatformModule.forRoot(rt, { entities: [], migrations: [] })],
    };
  }
}
