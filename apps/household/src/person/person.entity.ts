import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn, type Relation } from 'typeorm';
import { HouseholdEntity } from '../household/household.entity.js';

export type Sex = 'MALE' | 'FEMALE';
export type PersonStatus = 'NORMAL' | 'MOVED_OUT' | 'DECEASED';

/** A person on the population register (人口信息). */
@Entity({ name: 'person' })
export class PersonEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index({ unique: true })
  @Column({ name: 'id_number', type: 'varchar', length: 18 })
  idNumber: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'varchar', length: 6 })
  sex: Sex;

  @Column({ type: 'text' })
  ethnicity: string;

  @Column({ name: 'birth_date', type: 'date' })
  birthDate: string;

  @Column({ type: 'text' })
  address: string;

  @Column({ type: 'text', nullable: true })
  phone: string | null;

  @Column({ name: 'household_id', type: 'uuid', nullable: true })
  householdId: string | null;

  @ManyToOne(() => HouseholdEntity, { nullable: true })
  @JoinColumn({ name: 'household_id' })
  household?: Relation<HouseholdEntity> | null;

  @Column({ name: 'relation_to_head', type: 'text', nullable: true })
  relationToHead: string | null;

  @Column({ type: 'varchar', length: 12, default: 'NORMAL' })
  status: PersonStatus;

  @Column({ name: 'deceased_on', type: 'date', nullable: true })
  deceasedOn: string | null;

  /** 迁出: date, destination and the household left (migration 1796513804649-RecordPersonMoveOut). */
  @Column({ name: 'moved_out_on', type: 'date', nullable: true })
  movedOutOn?: string | null;

  @Column({ name: 'moved_out_to', type: 'text', nullable: true })
  movedOutTo?: string | null;

  @Column({ name: 'moved_out_household_number', type: 'varchar', length: 20, nullable: true })
  movedOutHouseholdNumber?: string | null;

  /** Police station that keeps the record (jurisdiction). */
  @Index()
  @Column({ name: 'unit_code', type: 'varchar', length: 12 })
  unitCode: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
