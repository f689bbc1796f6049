import { Module } from '@nestjs/common';
import { IdCardRepository } from '../id-card/id-card.repository.js';
import { HouseholdResolver } from './household.resolver.js';
import { PersonHandler } from './person.handler.js';
import { PersonRepository } from './person.repository.js';
import { PersonResolver } from './person.resolver.js';
import { PersonService } from './person.service.js';

@Module({
  controllers: [PersonHandler],
  providers: [PersonRepository, IdCardRepository, PersonService, PersonResolver, HouseholdResolver],
  // HouseholdRules (casework) needs the repositories; AuditService comes from the global PlatformModule.
  exports: [PersonService, PersonRepository, IdCardRepository],
})
export class PersonModule {}
