import { Args, Query, Resolver } from '@nestjs/graphql';
import { Role, type Identity } from '@onewindow/contracts';
import { maskPhone } from '@onewindow/id-number';
import { CurrentIdentity, Roles, seesFullRegisterDetails } from '@onewindow/platform';
import { PersonLookupArgs } from './dto/person-lookup.args.js';
import type { PersonEntity } from './person.entity.js';
import { Person, PersonStatusEnum, SexEnum } from './person.model.js';
import { PersonService } from './person.service.js';

/** What every view of a person on the register shows, the phone masked by role. */
export function personFacts(p: PersonEntity, viewer: Identity): Pick<Person, 'idNumber' | 'name' | 'sex' | 'ethnicity' | 'birthDate' | 'address' | 'phone' | 'status' | 'unitCode'> {
  return {
    idNumber: p.idNumber,
    name: p.name,
    sex: p.sex as SexEnum,
    ethnicity: p.ethnicity,
    birthDate: p.birthDate,
    address: p.address,
    phone: p.phone ? (seesFullRegisterDetails(viewer) ? p.phone : maskPhone(p.phone)) : undefined,
    status: p.status as PersonStatusEnum,
    unitCode: p.unitCode,
  };
}

export function toPerson(p: PersonEntity, viewer: Identity): Person {
  return {
    ...personFacts(p, viewer),
    householdNumber: p.household?.householdNumber,
    relationToHead: p.relationToHead ?? undefined,
  };
}

@Resolver(() => Person)
export class PersonResolver {
  constructor(private readonly persons: PersonService) {}

  @Roles(Role.CLERK, Role.OFFICER, Role.SUPERVISOR)
  @Query(() => Person, { description: '按身份证号码查询人口信息（须说明事由，留痕审计）' })
  async person(@Args() args: PersonLookupArgs, @CurrentIdentity() actor: Identity): Promise<Person> {
    return toPerson(await this.persons.getForWindow(actor, args.idNumber, args.purpose), actor);
  }
}
