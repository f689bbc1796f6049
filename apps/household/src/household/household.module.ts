import { Module } from '@nestjs/common';
import { PersonModule } from '../person/person.module.js';
import { HouseholdResolver } from './household.resolver.js';

/** Households (户) of the population register: the lookup by household number and the unit's list. */
@Module({
  imports: [PersonModule],
  providers: [HouseholdResolver],
})
export class HouseholdModule {}
