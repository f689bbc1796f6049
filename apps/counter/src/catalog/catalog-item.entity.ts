import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** One item of the unified catalog index (事项目录), projected from `<service>.v1.catalog.published`. */
@Entity({ name: 'catalog_item' })
@Index('catalog_item_service_idx', ['service', 'position'])
export class CatalogItemEntity {
  @PrimaryColumn({ type: 'text' })
  code: string;

  @Column({ name: 'police_type', type: 'varchar', length: 20 })
  policeType: string;

  @Column({ type: 'varchar', length: 32 })
  service: string;

  @Column({ type: 'text' })
  version: string;

  @Column({ name: 'effective_from', type: 'date' })
  effectiveFrom: string;

  /** Position in the service's catalog, so ties in search keep catalog order. */
  @Column({ type: 'int' })
  position: number;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  aliases: string[];

  /** Normalised name, code, aliases and description (normalizeKeyword), for the SQL pre-filter. */
  @Column({ type: 'text' })
  search: string;

  /** The validated CatalogItem as published. */
  @Column({ type: 'jsonb' })
  item: Record<string, unknown>;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;
}
