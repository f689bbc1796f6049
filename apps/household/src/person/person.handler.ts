import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { PersonLookupRequest, Role, RpcSubjects, type Identity, type PersonLookupReply } from '@onewindow/contracts';
import { CurrentIdentity, Roles } from '@onewindow/platform';
import { PersonService } from './person.service.js';

/** NATS request/reply handlers of the population register. */
@Controller()
export class PersonHandler {
  constructor(private readonly persons: PersonService) {}

  /** Callers: the counter's register check and every police service's acceptance rules (clerk, officer, supervisor). */
  @Roles(Role.CLERK, Role.OFFICER, Role.SUPERVISOR)
  @MessagePattern(RpcSubjects.personLookup)
  lookup(@Payload() req: PersonLookupRequest, @CurrentIdentity() actor: Identity): Promise<PersonLookupReply> {
    return this.persons.lookup(actor, req.idNumber);
  }
}
