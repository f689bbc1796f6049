import { type DynamicModule, Module } from '@nestjs/common';
import { PlatformModule, type ServiceRuntime } from '@onewindow/platform';
import { CreatePopulationRegister1764100000100 } from './migrations/1764100000100-CreatePopulationRegister.js';
import { HouseholdEntity } from './person/household.entity.js';
import { PersonEntity } from './person/person.entity.js';
import { PersonModule } from './person/person.module.js';

@Module({})
export class HouseholdAppModule {
  static forRuntime(rt: ServiceRuntime): DynamicModule {
    return {
      module: HouseholdAppModule,
      imports: [
        PlatformModule.forRoot(rt, {
          entities: [PersonEntity, HouseholdEntity],
          migrations: [CreatePopulationRegister1764100000100],
        }),
        PersonModule,
      ],
    };
  }
}
