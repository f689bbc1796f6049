import { Injectable } from '@nestjs/common';
import type { Jurisdiction } from '@onewindow/platform';
import type { EntityManager } from 'typeorm';
import { HouseholdEntity } from '../household/household.entity.js';
import { PersonEntity } from '../person/person.entity.js';

export type NewPerson = Pick<PersonEntity, 'idNumber' | 'name' | 'sex' | 'ethnicity' | 'birthDate' | 'address' | 'phone' | 'householdId' | 'relationToHead' | 'unitCode'>;
export type NewHousehold = Pick<HouseholdEntity, 'kind' | 'address' | 'headIdNumber' | 'unitCode'>;
export type PersonPlacement = Pick<PersonEntity, 'householdId' | 'relationToHead' | 'address' | 'unitCode'> & Partial<Pick<PersonEntity, 'name' | 'phone' | 'ethnicity'>>;

/** Household numbers 9xxxxx belong to the demo persons; the register hands out numbers below them. */
const DEMO_HOUSEHOLD_SEQUENCE = 900_000;

/**
 * Writes of the population register made by approved applications. Every method runs on the
 * casework transaction's EntityManager (no DataSource here, so a write cannot escape the
 * transaction); reads of personal data take the caller's jurisdiction.
 */
@Injectable()
export class RegisterEffectsRepository {
  async findPerson(idNumber: string, scope: Jurisdiction, manager: EntityManager): Promise<PersonEntity | null> {
    return manager
      .getRepository(PersonEntity)
      .createQueryBuilder('p')
      .leftJoinAndSelect('p.household', 'h')
      .where('p.id_number = :idNumber', { idNumber })
      .andWhere('p.unit_code LIKE :prefix', { prefix: `${scope.unitPrefix}%` })
      .getOne();
  }

  async findHousehold(householdNumber: string, scope: Jurisdiction, manager: EntityManager): Promise<HouseholdEntity | null> {
    return manager
      .getRepository(HouseholdEntity)
      .createQueryBuilder('h')
      .where('h.household_number = :householdNumber', { householdNumber })
      .andWhere('h.unit_code LIKE :prefix', { prefix: `${scope.unitPrefix}%` })
      .getOne();
  }

  /** A member of the household with this name and birth date (a birth registered twice). */
  async findMember(householdId: string, name: string, birthDate: string, manager: EntityManager): Promise<PersonEntity | null> {
    return manager.getRepository(PersonEntity).findOne({ where: { householdId, name, birthDate } });
  }

  /** Living members still placed in the household (moved-out persons have left it). */
  async countActiveMembers(householdId: string, manager: EntityManager): Promise<number> {
    return manager.getRepository(PersonEntity).count({ where: { householdId, status: 'NORMAL' } });
  }

  /**
   * Serialises allocations of one key (an ID-number prefix, a unit's household numbers) until the
   * transaction ends, so two approvals at once never pick the same number.
   */
  async lockAllocation(key: string, manager: EntityManager): Promise<void> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [key]);
  }

  /** Sequences (positions 15–17) used on the register for an address code + birth date (first 14 digits). */
  async takenSequences(first14: string, manager: EntityManager): Promise<number[]> {
    const rows = (await manager.query(`SELECT substr(id_number, 15, 3)::int AS seq FROM person WHERE id_number LIKE $1`, [`${first14}%`])) as { seq: number }[];
    return rows.map((r) => r.seq);
  }

  /** The next household number of a unit: unit code + 6 digits, after the highest one below the demo range. */
  async nextHouseholdNumber(unitCode: string, manager: EntityManager): Promise<string> {
    const [row] = (await manager.query(
      `SELECT coalesce(max(substr(household_number, $2)::int), 0) AS last FROM household
        WHERE household_number LIKE $1 AND length(household_number) = $3 AND substr(household_number, $2)::int < $4`,
      [`${unitCode}%`, unitCode.length + 1, unitCode.length + 6, DEMO_HOUSEHOLD_SEQUENCE],
    )) as { last: number }[];
    return unitCode + String((row?.last ?? 0) + 1).padStart(6, '0');
  }

  async insertHousehold(h: NewHousehold & { householdNumber: string }, manager: EntityManager): Promise<HouseholdEntity> {
    return manager.getRepository(HouseholdEntity).save(manager.getRepository(HouseholdEntity).create(h));
  }

  async insertPerson(p: NewPerson, manager: EntityManager): Promise<PersonEntity> {
    const repo = manager.getRepository(PersonEntity);
    return repo.save(repo.create({ ...p, status: 'NORMAL', deceasedOn: null }));
  }

  /** Places a person already on the register (returning or moving within the city) in a household. */
  async place(idNumber: string, placement: PersonPlacement, manager: EntityManager): Promise<void> {
    await manager.getRepository(PersonEntity).update(
      { idNumber },
      { ...placement, status: 'NORMAL', movedOutOn: null, movedOutTo: null, movedOutHouseholdNumber: null },
    );
  }

  /** 迁出: the person leaves the register's active population and their household's members. */
  async markMovedOut(idNumber: string, change: { on: string; to: string; householdNumber: string | null }, manager: EntityManager): Promise<void> {
    await manager.getRepository(PersonEntity).update(
      { idNumber },
      { status: 'MOVED_OUT', movedOutOn: change.on, movedOutTo: change.to, movedOutHouseholdNumber: change.householdNumber, householdId: null, relationToHead: null },
    );
  }
}
