import { Module } from '@nestjs/common';
import { PersonHandler } from './person.handler.js';
import { PersonRepository } from './person.repository.js';
import { PersonResolver } from './person.resolver.js';
import { PersonService } from './person.service.js';

/** The population register (人口信息): persons, the lookup other services ask over NATS, the window lookup. */
@Module({
  controllers: [PersonHandler],
  providers: [PersonRepository, PersonService, PersonResolver],
  // HouseholdRules (casework) needs the repository; AuditService comes from the global PlatformModule.
  exports: [PersonService, PersonRepository],
})
export class PersonModule {}
