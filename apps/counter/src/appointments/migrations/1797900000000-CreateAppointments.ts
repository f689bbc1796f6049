import type { MigrationInterface, QueryRunner } from 'typeorm';

/** 预约: bookings, slot loads (locked to book), closures. */
export class CreateAppointments1797900000000 implements MigrationInterface {
  name = 'CreateAppointments1797900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE appointment_closure (
      id uuid PRIMARY KEY,
      unit_code varchar(12) NOT NULL,
      date_from date NOT NULL,
      date_to date NOT NULL CHECK (date_to >= date_from),
      item_codes jsonb NOT NULL DEFAULT '[]',
      reason text NOT NULL,
      cancelled_count int NOT NULL DEFAULT 0,
      created_by text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE INDEX appointment_closure_unit_idx ON appointment_closure (unit_code, date_from, date_to)`);
    await q.query(`CREATE TABLE appointment (
      id uuid PRIMARY KEY,
      number varchar(16) NOT NULL UNIQUE,
      unit_code varchar(12) NOT NULL,
      item_code varchar(64) NOT NULL,
      item_name text NOT NULL,
      date date NOT NULL,
      slot_start varchar(5) NOT NULL,
      slot_end varchar(5) NOT NULL,
      citizen_name text NOT NULL,
      phone varchar(11) NOT NULL,
      channel varchar(8) NOT NULL CHECK (channel IN ('ONLINE', 'HOTLINE')),
      state varchar(12) NOT NULL CHECK (state IN ('BOOKED', 'CANCELLED', 'CLOSED', 'CHECKED_IN', 'NO_SHOW')),
      ticket_number varchar(12) NULL,
      on_time boolean NULL,
      booked_by text NOT NULL,
      closure_id uuid NULL REFERENCES appointment_closure (id),
      version int NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE INDEX appointment_unit_date_idx ON appointment (unit_code, date, slot_start)`);
    await q.query(`CREATE INDEX appointment_phone_idx ON appointment (phone, date)`);
    await q.query(`CREATE INDEX appointment_booked_date_idx ON appointment (date) WHERE state = 'BOOKED'`);
    await q.query(`CREATE TABLE appointment_slot (
      unit_code varchar(12) NOT NULL,
      item_code varchar(64) NOT NULL,
      date date NOT NULL,
      slot_start varchar(5) NOT NULL,
      capacity int NOT NULL CHECK (capacity >= 0),
      booked int NOT NULL DEFAULT 0,
      PRIMARY KEY (unit_code, item_code, date, slot_start),
      CHECK (booked >= 0 AND booked <= capacity)
    )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE appointment_slot`);
    await q.query(`DROP TABLE appointment`);
    await q.query(`DROP TABLE appointment_closure`);
  }
}
