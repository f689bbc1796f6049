import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** 自助签注: an endorsement written by a self-service kiosk (which machine, when, for which case). */
@Entity({ name: 'self_service_endorsement' })
export class SelfServiceEndorsementEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index({ unique: true })
  @Column({ name: 'endorsement_id', type: 'uuid' })
  endorsementId: string;

  @Column({ name: 'machine_id', type: 'text', nullable: true })
  machineId: string | null;

  @Index()
  @Column({ name: 'holder_id_number', type: 'varchar', length: 18 })
  holderIdNumber: string;

  @Column({ name: 'unit_code', type: 'varchar', length: 12 })
  unitCode: string;

  @Column({ name: 'application_number', type: 'varchar', length: 40, nullable: true, unique: true })
  applicationNumber: string | null;

  @Column({ name: 'performed_at', type: 'timestamptz' })
  performedAt: Date;
}
