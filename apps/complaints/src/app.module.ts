import { type DynamicModule, Module } from '@nestjs/common';
import { PlatformModule, type ServiceRuntime } from '@onewindow/platform';
import { CitizenComplaintsResolver, CitizenRef } from './citizen/citizen.section.js';

@Module({})
export class ComplaintsAppModule {
  static forRuntime(rt: ServiceRuntime): DynamicModule {
    return {
      module: ComplaintsAppModule,
      imports: [PlatformModule.forRoot(rt, { entities: [], migrations: [], orphanedTypes: [CitizenRef] })],
      providers: [CitizenComplaintsResolver],
    };
  }
}
