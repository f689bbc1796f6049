import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 迁出 recorded on the register: when, where to, and which household the person left (an approved
 * move-out takes them out of the household's members, so the household number is kept here).
 */
export class RecordPersonMoveOut1796513804649 implements MigrationInterface {
  name = 'RecordPersonMoveOut1796513804649';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE person
      ADD COLUMN moved_out_on date NULL,
      ADD COLUMN moved_out_to text NULL,
      ADD COLUMN moved_out_household_number varchar(20) NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE person DROP COLUMN moved_out_household_number, DROP COLUMN moved_out_to, DROP COLUMN moved_out_on`);
  }
}
