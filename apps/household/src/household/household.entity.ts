import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A household (户) with its register number; members are persons pointing at it. */
@Entity({ name: 'household' })
export class HouseholdEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index({ unique: true })
  @Column({ name: 'household_number', type: 'varchar', length: 20 })
  householdNumber: string;

  @Column({ type: 'varchar', length: 12, default: 'FAMILY' })
  kind: 'FAMILY' | 'COLLECTIVE';

  @Column({ type: 'text' })
  address: string;

  @Column({ name: 'head_id_number', type: 'varchar', length: 18 })
  headIdNumber: string;

  @Index()
  @Column({ name: 'unit_code', type: 'varchar', length: 12 })
  unitCode: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
