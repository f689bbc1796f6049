import { Args, Query, Resolver } from '@nestjs/graphql';
import { PoliceType, Role, type Identity } from '@onewindow/contracts';
import { CurrentIdentity, PersonalField, personalDataView, Roles, type PersonalDataView, type ViewMode } from '@onewindow/platform';
import { PersonLookupArgs } from './dto/person-lookup.args.js';
import type { PersonEntity } from './person.entity.js';
import { Person, PersonStatusEnum, SexEnum } from './person.model.js';
import { PersonService } from './person.service.js';

/** A person's record as the one personal-data policy lets this viewer see it (household keeps it, in its unit). */
export function personView(p: PersonEntity, viewer: Identity, mode: ViewMode): PersonalDataView {
  return personalDataView(viewer, { policeType: PoliceType.HOUSEHOLD, unitCode: p.unitCode }, mode);
}

/**
 * What every view of a person on the register shows, masked by the policy. `idNumberGiven`: the
 * viewer typed the ID number in (a lookup by it), so showing it back discloses nothing.
 */
export function personFacts(
  p: PersonEntity, viewer: Identity, mode: ViewMode = 'DETAIL', opts: { idNumberGiven?: boolean } = {},
): Pick<Person, 'idNumber' | 'name' | 'sex' | 'ethnicity' | 'birthDate' | 'address' | 'phone' | 'status' | 'unitCode'> {
  const view = personView(p, viewer, mode);
  return {
    idNumber: opts.idNumberGiven ? p.idNumber : view.show(PersonalField.ID_NUMBER, p.idNumber),
    name: view.show(PersonalField.NAME, p.name),
    sex: p.sex as SexEnum,
    ethnicity: p.ethnicity,
    birthDate: p.birthDate,
    address: view.show(PersonalField.ADDRESS, p.address),
    phone: view.show(PersonalField.PHONE, p.phone) ?? undefined,
    status: p.status as PersonStatusEnum,
    unitCode: p.unitCode,
  };
}

export function toPerson(p: PersonEntity, viewer: Identity, mode: ViewMode = 'DETAIL', opts: { idNumberGiven?: boolean } = {}): Person {
  return {
    ...personFacts(p, viewer, mode, opts),
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
    return toPerson(await this.persons.getForWindow(actor, args.idNumber, args.purpose), actor, 'DETAIL', { idNumberGiven: true });
  }
}
