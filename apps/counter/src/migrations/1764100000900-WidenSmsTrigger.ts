import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Notification SMS use `NOTIFY:<notification id>` as their trigger, longer than a status name. */
export class WidenSmsTrigger1764100000900 implements MigrationInterface {
  name = 'WidenSmsTrigger1764100000900';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE sms_message ALTER COLUMN trigger_status TYPE varchar(120)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE sms_message ALTER COLUMN trigger_status TYPE varchar(24)`);
  }
}
