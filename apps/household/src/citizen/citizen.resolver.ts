import { Args, Query, Resolver, ResolveReference } from '@nestjs/graphql';
import { Role, type Identity } from '@onewindow/contracts';
import { maskIdNumber, maskName } from '@onewindow/id-number';
import { cityScope, CurrentIdentity, Roles, seesFullRegisterDetails } from '@onewindow/platform';
import { PersonLookupArgs } from '../person/dto/person-lookup.args.js';
import { PersonRepository } from '../person/person.repository.js';
import { PersonService } from '../person/person.service.js';
import type { PersonEntity } from '../person/person.entity.js';
import { PersonStatusEnum } from '../person/person.model.js';
import { personFacts } from '../person/person.resolver.js';
import { Citizen } from './citizen.model.js';

/**
 * `citizen(idNumber, purpose)`: the one query behind the window's citizen panel. The whole 360°
 * read is audited once, here (CITIZEN_360_READ with the stated purpose); the other subgraphs
 * enforce roles, jurisdiction and masking for their own sections.
 */
@Resolver(() => Citizen)
export class CitizenResolver {
  constructor(private readonly persons: PersonService, private readonly repository: PersonRepository) {}

  @Roles(Role.CLERK, Role.OFFICER, Role.SUPERVISOR)
  @Query(() => Citizen, { description: '群众 360° 视图：一个身份证号码查看各警种信息（须说明事由，留痕审计）' })
  async citizen(@Args() args: PersonLookupArgs, @CurrentIdentity() actor: Identity): Promise<Citizen> {
    const person = await this.persons.getForWindow(actor, args.idNumber, args.purpose, 'CITIZEN_360_READ');
    return this.toCitizen(person, actor);
  }

  /** Another subgraph returned a Citizen reference: same scope, no second audit row for one view. */
  @ResolveReference()
  async resolveReference(ref: { idNumber: string }, @CurrentIdentity() actor: Identity): Promise<Citizen | null> {
    const person = await this.repository.findByIdNumber(ref.idNumber, cityScope(actor));
    return person ? this.toCitizen(person, actor) : null;
  }

  private async toCitizen(p: PersonEntity, viewer: Identity): Promise<Citizen> {
    const full = seesFullRegisterDetails(viewer);
    const members = p.householdId ? await this.repository.findHouseholdMembers(p.householdId, cityScope(viewer)) : [];
    return {
      ...personFacts(p, viewer),
      phoneMasked: !full,
      household: p.household
        ? {
            householdNumber: p.household.householdNumber,
            address: p.household.address,
            members: members.map((m) => ({
              name: full ? m.name : maskName(m.name),
              idNumber: maskIdNumber(m.idNumber),
              relationToHead: m.relationToHead ?? undefined,
              status: m.status as PersonStatusEnum,
            })),
          }
        : undefined,
    };
  }
}
