import { type DynamicModule, Module } from '@nestjs/common';
import { PlatformModule, type ServiceRuntime } from '@onewindow/platform';

@Module({})
export class TrafficAppModule {
  static forRuntime(rt: ServiceRuntime): DynamicModule {
    return {
      module: TrafficAppModule,
      imports: [PlatformModule.forRoot(rt, { entities: [], migrations: [] })],
    };
  }
}
