import { Module } from '@nestjs/common';
import { PersonHandler } from './person.handler.js';
import { PersonRepository } from './person.repository.js';
import { PersonResolver } from './person.resolver.js';
import { PersonService } from './person.service.js';

@Module({
  controllers: [PersonHandler],
  providers: [PersonRepository, PersonService, PersonResolver],
  exports: [PersonService, PersonRepository],
})
export class PersonModule {}
