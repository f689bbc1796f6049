import { type DynamicModule, Module } from '@nestjs/common';
import { PlatformModule, type ServiceRuntime } from '@onewindow/platform';

@Module({})
export class PublicSecurityAppModule {
  static forRuntime(rt: ServiceRuntime): DynamicModule {
    return {
      module: PublicSecurityAppModule,
      imports: [PlatformModule.forRoot(rt, { entities: [], migrations: [] })],
    };
  }
}
