import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { PersonLookupRequest, RpcSubjects, type Identity, type PersonLookupReply } from '@onewindow/contracts';
import { CurrentIdentity } from '@onewindow/platform';
import { PersonService } from './person.service.js';

/** NATS request/reply handlers of the population register. */
@Controller()
export class PersonHandler {
  constructor(private readonly persons: PersonService) {}

  @MessagePattern(RpcSubjects.personLookup)
  lookup(@Payload() req: PersonLookupRequest, @CurrentIdentity() actor: Identity): Promise<PersonLookupReply> {
    return this.persons.lookup(actor, req.idNumber);
  }
}
