import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/**
 * NORMAL · TRANSFERRED (this ownership ended by 转移登记; the new owner has a new row) ·
 * DEREGISTERED (注销登记) · FLAGGED_OWNER_DECEASED (owner's hukou cancelled on death: awaits
 * inheritance transfer or deregistration).
 */
export const VEHICLE_STATUSES = ['NORMAL', 'TRANSFERRED', 'DEREGISTERED', 'FLAGGED_OWNER_DECEASED'] as const;
export type VehicleStatus = (typeof VEHICLE_STATUSES)[number];
/** Statuses in which a row is the vehicle's current registration (plate and VIN unique among them). */
export const ACTIVE_VEHICLE_STATUSES: readonly VehicleStatus[] = ['NORMAL', 'FLAGGED_OWNER_DECEASED'];

/** One registration (ownership period) of a motor vehicle (机动车登记). */
@Entity({ name: 'vehicle' })
export class VehicleEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'plate_number', type: 'varchar', length: 10 }) plateNumber: string;
  /** 车辆识别代号, 17 characters. */
  @Column({ type: 'varchar', length: 17 }) vin: string;
  /** Citizen ID number, or the unified social credit code of an organisation owner. */
  @Column({ name: 'owner_id_number', type: 'varchar', length: 18 }) ownerIdNumber: string;
  @Column({ name: 'owner_name', type: 'text' }) ownerName: string;
  /** 车辆类型 as in the catalog form (小型汽车, 新能源小型汽车, …). */
  @Column({ name: 'vehicle_type', type: 'text' }) vehicleType: string;
  @Column({ name: 'registered_on', type: 'date' }) registeredOn: string;
  @Column({ type: 'varchar', length: 24 }) status: VehicleStatus;
  @Column({ name: 'status_changed_on', type: 'date', nullable: true }) statusChangedOn: string | null;
  /** Jurisdiction: the registering unit. */
  @Column({ name: 'unit_code', type: 'varchar', length: 12 }) unitCode: string;
  /** The registration or transfer application that created this row (once per application). */
  @Column({ name: 'application_number', type: 'varchar', length: 40, nullable: true }) applicationNumber: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
