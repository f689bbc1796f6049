import { Args, Context, Parent, Query, Resolver, ResolveReference } from '@nestjs/graphql';
import DataLoader from 'dataloader';
import { Role, type Identity } from '@onewindow/contracts';
import { cityScope, CurrentIdentity, PersonalField, RequestPurpose, Roles, type ViewMode } from '@onewindow/platform';
import { PersonRepository } from '../person/person.repository.js';
import { PersonService } from '../person/person.service.js';
import type { PersonEntity } from '../person/person.entity.js';
import { PersonStatusEnum } from '../person/person.model.js';
import { personFacts, personView } from '../person/person.resolver.js';
import { CitizenArgs } from './citizen.args.js';
import { Citizen } from './citizen.model.js';

/**
 * `citizen(idNumber, purpose, reveal)`: the one query behind the window's citizen panel. The whole
 * 360° read is audited once, here (CITIZEN_360_READ, or REVEAL, with the stated purpose); the other
 * subgraphs enforce roles, jurisdiction and masking for their own sections. Masking follows the
 * one policy (platform personal-data-policy): household members are a list, masked for everyone.
 */
@Resolver(() => Citizen)
export class CitizenResolver {
  constructor(private readonly persons: PersonService, private readonly repository: PersonRepository) {}

  @Roles(Role.CLERK, Role.OFFICER, Role.SUPERVISOR)
  @Query(() => Citizen, { description: '群众 360° 视图：一个身份证号码查看各警种信息（须说明事由，留痕审计；reveal 为查看完整信息）' })
  async citizen(@Args() args: CitizenArgs, @CurrentIdentity() actor: Identity): Promise<Citizen> {
    const person = await this.persons.getForWindow(actor, args.idNumber, args.purpose, 'CITIZEN_360_READ', args.reveal === true);
    return this.toCitizen(person, actor, args.reveal ? 'REVEAL' : 'DETAIL', person.idNumber);
  }

  /**
   * Another subgraph returned a Citizen reference (`travelDocument.holder`, `publicSecurityCitizen`):
   * a read of its own, audited with the request's purpose (header), masked by the policy. The key
   * goes back as it came (sealed when the viewer may not read the ID number).
   */
  @ResolveReference()
  async resolveReference(
    @Parent() ref: { idNumber: string },
    @CurrentIdentity() actor: Identity,
    @RequestPurpose() purpose: string | undefined,
    @Context() context: object,
  ): Promise<Citizen | null> {
    const { person } = await this.referenceLoader(context, actor, purpose).load(ref.idNumber);
    return person ? this.toCitizen(person, actor, 'DETAIL', ref.idNumber) : null;
  }

  /**
   * One DataLoader per GraphQL request (keyed by its context object): the references of one
   * `_entities` call are read in one query and audited in one statement (decision 0037).
   */
  private referenceLoader(context: object, actor: Identity, purpose: string | undefined) {
    let loader = this.loaders.get(context);
    if (!loader) {
      loader = new DataLoader((keys: readonly string[]) => this.persons.getManyForReference(actor, keys, purpose));
      this.loaders.set(context, loader);
    }
    return loader;
  }

  private readonly loaders = new WeakMap<object, DataLoader<string, { person: PersonEntity | null; sealed: boolean }>>();

  private async toCitizen(p: PersonEntity, viewer: Identity, mode: ViewMode, key: string): Promise<Citizen> {
    const view = personView(p, viewer, mode);
    const members = p.householdId ? await this.repository.findHouseholdMembers(p.householdId, cityScope(viewer)) : [];
    return {
      ...personFacts(p, viewer, mode),
      idNumber: key,
      phoneMasked: view.masked(PersonalField.PHONE),
      household: p.household
        ? {
            householdNumber: p.household.householdNumber,
            address: view.show(PersonalField.ADDRESS, p.household.address),
            // The other persons beside the record: a list, masked for everyone (decision 0028).
            members: members.map((m) => {
              const list = personView(m, viewer, 'LIST');
              return {
                name: list.show(PersonalField.NAME, m.name),
                idNumber: list.show(PersonalField.ID_NUMBER, m.idNumber),
                relationToHead: m.relationToHead ?? undefined,
                status: m.status as PersonStatusEnum,
              };
            }),
          }
        : undefined,
    };
  }
}
