import { Injectable } from '@nestjs/common';
import type { Jurisdiction } from '@onewindow/platform';
import type { EntityManager } from 'typeorm';
import { VehicleEntity, type VehicleStatus } from './vehicle.entity.js';

export type NewVehicle = Omit<VehicleEntity, 'id' | 'createdAt' | 'updatedAt' | 'statusChangedOn'>;

/**
 * Vehicle register. Stateless like the licence register: the caller's EntityManager, and the
 * caller's jurisdiction on every query that returns personal data.
 */
@Injectable()
export class VehicleRepository {
  private qb(manager: EntityManager, scope: Jurisdiction) {
    return manager
      .getRepository(VehicleEntity)
      .createQueryBuilder('v')
      .where('v.unit_code LIKE :prefix', { prefix: `${scope.unitPrefix}%` });
  }

  /** The current registration (NORMAL or FLAGGED_OWNER_DECEASED) carrying this plate. */
  async findCurrentByPlate(manager: EntityManager, plate: string, scope: Jurisdiction, lock = false): Promise<VehicleEntity | null> {
    const qb = this.qb(manager, scope).andWhere('v.plate_number = :plate', { plate }).andWhere(`v.status IN ('NORMAL','FLAGGED_OWNER_DECEASED')`);
    if (lock) qb.setLock('pessimistic_write');
    return qb.getOne();
  }

  /** The latest registration of a plate in any status (to tell "deregistered" from "unknown"). */
  async findLatestByPlate(manager: EntityManager, plate: string, scope: Jurisdiction): Promise<VehicleEntity | null> {
    return this.qb(manager, scope).andWhere('v.plate_number = :plate', { plate }).orderBy('v.updated_at', 'DESC').getOne();
  }

  async findCurrentByVin(manager: EntityManager, vin: string, scope: Jurisdiction): Promise<VehicleEntity | null> {
    return this.qb(manager, scope).andWhere('v.vin = :vin', { vin }).andWhere(`v.status IN ('NORMAL','FLAGGED_OWNER_DECEASED')`).getOne();
  }

  /** Vehicles currently registered to the owner, by registration date. */
  async findCurrentByOwner(manager: EntityManager, ownerIdNumber: string, scope: Jurisdiction): Promise<VehicleEntity[]> {
    return this.qb(manager, scope)
      .andWhere('v.owner_id_number = :owner', { owner: ownerIdNumber })
      .andWhere(`v.status IN ('NORMAL','FLAGGED_OWNER_DECEASED')`)
      .orderBy('v.registered_on', 'ASC')
      .addOrderBy('v.plate_number', 'ASC')
      .getMany();
  }

  async findByApplication(manager: EntityManager, applicationNumber: string): Promise<VehicleEntity | null> {
    return manager.getRepository(VehicleEntity).findOne({ where: { applicationNumber } });
  }

  async setStatus(manager: EntityManager, id: string, status: VehicleStatus, on: string): Promise<void> {
    await manager.getRepository(VehicleEntity).update({ id }, { status, statusChangedOn: on });
  }

  /** Flags the owner's NORMAL vehicles after a death; returns the plates flagged. */
  async flagOwnerDeceased(manager: EntityManager, ownerIdNumber: string, scope: Jurisdiction, on: string): Promise<string[]> {
    const r = await manager
      .createQueryBuilder()
      .update(VehicleEntity)
      .set({ status: 'FLAGGED_OWNER_DECEASED', statusChangedOn: on })
      .where('owner_id_number = :owner', { owner: ownerIdNumber })
      .andWhere(`status = 'NORMAL'`)
      .andWhere('unit_code LIKE :prefix', { prefix: `${scope.unitPrefix}%` })
      .returning('plate_number')
      .execute();
    const list = r.raw as { plate_number: string }[];
    return list.map((row) => row.plate_number).sort();
  }

  /** Undo `flagOwnerDeceased` for these plates (a revoked death cancellation); returns the plates restored. */
  async unflagOwnerDeceased(manager: EntityManager, ownerIdNumber: string, plates: readonly string[], on: string): Promise<string[]> {
    if (!plates.length) return [];
    const r = await manager
      .createQueryBuilder()
      .update(VehicleEntity)
      .set({ status: 'NORMAL', statusChangedOn: on })
      .where('owner_id_number = :owner', { owner: ownerIdNumber })
      .andWhere('plate_number IN (:...plates)', { plates: [...plates] })
      .andWhere(`status = 'FLAGGED_OWNER_DECEASED'`)
      .returning('plate_number')
      .execute();
    return (r.raw as { plate_number: string }[]).map((row) => row.plate_number).sort();
  }

  async insert(manager: EntityManager, vehicle: NewVehicle): Promise<void> {
    await manager.getRepository(VehicleEntity).insert({ ...vehicle, statusChangedOn: null });
  }

  async nextPlateSerial(manager: EntityManager): Promise<number> {
    const [row] = (await manager.query(`SELECT nextval('plate_serial')::int AS serial`)) as { serial: number }[];
    return row!.serial;
  }

  /** Whether any current registration carries the plate (the partial unique index enforces it too). */
  async plateInUse(manager: EntityManager, plate: string): Promise<boolean> {
    const [row] = (await manager.query(`SELECT EXISTS (SELECT 1 FROM vehicle WHERE plate_number = $1 AND status IN ('NORMAL','FLAGGED_OWNER_DECEASED')) AS used`, [plate])) as { used: boolean }[];
    return row!.used;
  }
}
