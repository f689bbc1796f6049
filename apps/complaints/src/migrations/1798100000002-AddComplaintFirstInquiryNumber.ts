import type { MigrationInterface, QueryRunner } from 'typeorm';

/** A complaint may point at a first-inquiry record (首问登记, issue 11): its number, format-checked at intake. */
export class AddComplaintFirstInquiryNumber1798100000002 implements MigrationInterface {
  name = 'AddComplaintFirstInquiryNumber1798100000002';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE complaint ADD COLUMN first_inquiry_number varchar(20) NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE complaint DROP COLUMN first_inquiry_number`);
  }
}
