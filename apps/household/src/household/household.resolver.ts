import { Args, Query, Resolver } from '@nestjs/graphql';
import { Role, type Identity } from '@onewindow/contracts';
import { maskIdNumber, maskName, maskPhone } from '@onewindow/id-number';
import { CurrentIdentity, Roles } from '@onewindow/platform';
import { PersonsListArgs } from '../person/dto/persons-list.args.js';
import type { PersonEntity } from '../person/person.entity.js';
import { PersonStatusEnum, SexEnum } from '../person/person.model.js';
import { toPerson } from '../person/person.resolver.js';
import { PersonService } from '../person/person.service.js';
import { HouseholdLookupArgs } from './dto/household-lookup.args.js';
import { Household, HouseholdKindEnum, PersonListEntry, PersonPage } from './household.model.js';

export function toListEntry(p: PersonEntity): PersonListEntry {
  return {
    maskedIdNumber: maskIdNumber(p.idNumber),
    // Lists are masked for everyone (decision 0028).
    name: maskName(p.name),
    sex: p.sex as SexEnum,
    birthDate: p.birthDate,
    status: p.status as PersonStatusEnum,
    maskedPhone: p.phone ? maskPhone(p.phone) : undefined,
    householdNumber: p.household?.householdNumber,
    relationToHead: p.relationToHead ?? undefined,
    unitCode: p.unitCode,
  };
}

/**
 * Reads of households (户) and the unit's register list. The person register answers both: a household
 * is read with its members, in one audited lookup.
 */
@Resolver(() => Household)
export class HouseholdResolver {
  constructor(private readonly register: PersonService) {}

  @Roles(Role.CLERK, Role.OFFICER, Role.SUPERVISOR)
  @Query(() => Household, { description: '按户号查询户及成员（须说明事由，留痕审计；窗口人员看到的电话已脱敏）' })
  async household(@Args() args: HouseholdLookupArgs, @CurrentIdentity() actor: Identity): Promise<Household> {
    const { household, members } = await this.register.getHouseholdForWindow(actor, args.householdNumber, args.purpose);
    return {
      householdNumber: household.householdNumber,
      kind: household.kind as HouseholdKindEnum,
      address: household.address,
      unitCode: household.unitCode,
      members: members.map((m) => toPerson({ ...m, household }, actor)),
    };
  }

  @Roles(Role.OFFICER, Role.SUPERVISOR)
  @Query(() => PersonPage, { description: '本辖区人口列表（户政民警、督察；身份证号码和电话脱敏，留痕审计）' })
  async persons(@Args() args: PersonsListArgs, @CurrentIdentity() actor: Identity): Promise<PersonPage> {
    const { items, total } = await this.register.listForJurisdiction(actor, { status: args.status, limit: args.limit, offset: args.offset });
    return { total, limit: args.limit, offset: args.offset, items: items.map(toListEntry) };
  }
}
