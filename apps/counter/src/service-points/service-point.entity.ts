import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * One service point of the 三级窗口 (decision 0024): the district hall, a street point or a
 * community point. The code is a unit code nested under its parent's (510107 → 5101070011 →
 * 510107001101), so jurisdiction prefixes and "the clerk's point" both follow the tree.
 */
@Entity({ name: 'service_point' })
@Index('service_point_district_idx', ['districtCode', 'position'])
export class ServicePointEntity {
  @PrimaryColumn({ type: 'varchar', length: 12 })
  code: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'varchar', length: 16 })
  level: string;

  @Column({ name: 'parent_code', type: 'varchar', length: 12, nullable: true })
  parentCode: string | null;

  @Column({ name: 'district_code', type: 'varchar', length: 6 })
  districtCode: string;

  @Column({ type: 'text' })
  address: string;

  @Column({ name: 'opening_hours', type: 'text' })
  openingHours: string;

  /** Display order within the district. */
  @Column({ type: 'int' })
  position: number;
}
