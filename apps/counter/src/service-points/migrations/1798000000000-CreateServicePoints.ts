import type { MigrationInterface, QueryRunner } from 'typeorm';
import { WUHOU_SERVICE_POINTS } from '../service-point.seed.js';

/** 三级窗口 service points (decision 0024), seeded with 武侯区's hall, 12 street and 2 community points (seed 000). */
export class CreateServicePoints1798000000000 implements MigrationInterface {
  name = 'CreateServicePoints1798000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE service_point (
      code varchar(12) PRIMARY KEY,
      name text NOT NULL,
      level varchar(16) NOT NULL CHECK (level IN ('DISTRICT_HALL', 'STREET', 'COMMUNITY')),
      parent_code varchar(12) NULL REFERENCES service_point (code),
      district_code varchar(6) NOT NULL,
      address text NOT NULL,
      opening_hours text NOT NULL,
      position int NOT NULL,
      CHECK ((level = 'DISTRICT_HALL') = (parent_code IS NULL)),
      CHECK (parent_code IS NULL OR starts_with(code, parent_code))
    )`);
    await q.query(`CREATE INDEX service_point_district_idx ON service_point (district_code, position)`);
    let position = 0;
    for (const p of WUHOU_SERVICE_POINTS) {
      await q.query(
        `INSERT INTO service_point (code, name, level, parent_code, district_code, address, opening_hours, position) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [p.code, p.name, p.level, p.parentCode, p.code.slice(0, 6), p.address, p.openingHours, position++],
      );
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE service_point`);
  }
}
