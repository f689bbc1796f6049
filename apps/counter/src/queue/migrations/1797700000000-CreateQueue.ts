import type { MigrationInterface, QueryRunner } from 'typeorm';

/** 排队叫号: service groups, station settings, green-channel reasons, windows and their log, tickets, their log and numbering. */
export class CreateQueue1797700000000 implements MigrationInterface {
  name = 'CreateQueue1797700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE queue_service_group (
      unit_code varchar(12) NOT NULL,
      code varchar(20) NOT NULL,
      prefix varchar(1) NOT NULL CHECK (prefix ~ '^[A-Z]$'),
      name text NOT NULL,
      police_types text[] NOT NULL DEFAULT '{}',
      item_codes text[] NOT NULL DEFAULT '{}',
      position int NOT NULL DEFAULT 0,
      active boolean NOT NULL DEFAULT true,
      PRIMARY KEY (unit_code, code),
      UNIQUE (unit_code, prefix)
    )`);
    await q.query(`CREATE TABLE queue_station_setting (
      unit_code varchar(12) PRIMARY KEY,
      priority_cap int NOT NULL CHECK (priority_cap BETWEEN 1 AND 20),
      max_recalls int NOT NULL CHECK (max_recalls BETWEEN 0 AND 10),
      notify_ahead int NOT NULL CHECK (notify_ahead BETWEEN 1 AND 50),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE TABLE queue_priority_reason (
      code varchar(20) PRIMARY KEY,
      label text NOT NULL,
      position int NOT NULL DEFAULT 0,
      selectable boolean NOT NULL DEFAULT true,
      active boolean NOT NULL DEFAULT true
    )`);
    await q.query(`INSERT INTO queue_priority_reason (code, label, position, selectable) VALUES
      ('ELDERLY_70', '70岁以上老人', 1, true),
      ('DISABLED', '残疾人', 2, true),
      ('PREGNANT', '孕妇', 3, true),
      ('SERVICEMEN', '现役军人', 4, true),
      ('APPOINTMENT', '预约', 5, false)`);
    await q.query(`CREATE TABLE queue_window (
      id uuid PRIMARY KEY,
      unit_code varchar(12) NOT NULL,
      number int NOT NULL CHECK (number BETWEEN 1 AND 999),
      serves_all boolean NOT NULL DEFAULT false,
      group_codes text[] NOT NULL DEFAULT '{}',
      state varchar(8) NOT NULL DEFAULT 'CLOSED' CHECK (state IN ('OPEN', 'PAUSED', 'CLOSED')),
      pause_reason text NULL,
      clerk_sub text NULL,
      clerk_name text NULL,
      current_ticket_id uuid NULL,
      consecutive_priority int NOT NULL DEFAULT 0,
      state_changed_at timestamptz NOT NULL DEFAULT now(),
      version int NOT NULL DEFAULT 1,
      updated_at timestamptz NOT NULL DEFAULT now(),
      CHECK (state <> 'PAUSED' OR pause_reason IS NOT NULL)
    )`);
    await q.query(`CREATE UNIQUE INDEX queue_window_unit_number_key ON queue_window (unit_code, number)`);
    // A clerk sits at one window at a time.
    await q.query(`CREATE UNIQUE INDEX queue_window_clerk_key ON queue_window (clerk_sub) WHERE clerk_sub IS NOT NULL`);
    await q.query(`CREATE TABLE queue_window_log (
      id bigserial PRIMARY KEY,
      window_id uuid NOT NULL REFERENCES queue_window (id),
      unit_code varchar(12) NOT NULL,
      window_number int NOT NULL,
      action varchar(16) NOT NULL,
      state varchar(8) NOT NULL,
      reason text NULL,
      clerk_sub text NULL,
      actor_sub text NOT NULL,
      at timestamptz NOT NULL
    )`);
    await q.query(`CREATE INDEX queue_window_log_unit_idx ON queue_window_log (unit_code, at)`);
    await q.query(`CREATE TABLE queue_ticket (
      id uuid PRIMARY KEY,
      unit_code varchar(12) NOT NULL,
      business_date date NOT NULL,
      origin_group_code varchar(20) NOT NULL,
      group_code varchar(20) NOT NULL,
      seq int NOT NULL,
      number varchar(8) NOT NULL,
      item_code text NULL,
      priority boolean NOT NULL DEFAULT false,
      priority_reason varchar(20) NULL REFERENCES queue_priority_reason (code),
      source varchar(12) NOT NULL CHECK (source IN ('KIOSK', 'CLERK', 'APPOINTMENT')),
      appointment_id uuid NULL,
      notify_phone varchar(20) NULL,
      notify_sent_at timestamptz NULL,
      state varchar(10) NOT NULL CHECK (state IN ('WAITING', 'CALLED', 'SERVING', 'FINISHED', 'NO_SHOW')),
      line_at timestamptz NOT NULL,
      target_window_id uuid NULL REFERENCES queue_window (id),
      window_id uuid NULL REFERENCES queue_window (id),
      window_number int NULL,
      clerk_sub text NULL,
      recall_count int NOT NULL DEFAULT 0,
      transfer_count int NOT NULL DEFAULT 0,
      taken_at timestamptz NOT NULL,
      first_called_at timestamptz NULL,
      called_at timestamptz NULL,
      last_recalled_at timestamptz NULL,
      started_at timestamptz NULL,
      finished_at timestamptz NULL,
      no_show_at timestamptz NULL,
      transferred_at timestamptz NULL,
      version int NOT NULL DEFAULT 1,
      updated_at timestamptz NOT NULL DEFAULT now(),
      CHECK (priority = (priority_reason IS NOT NULL))
    )`);
    await q.query(`CREATE UNIQUE INDEX queue_ticket_number_key ON queue_ticket (unit_code, business_date, group_code, seq)`);
    // The call-next scan: waiting tickets of a station's day, in line order.
    await q.query(`CREATE INDEX queue_ticket_waiting_idx ON queue_ticket (unit_code, business_date, group_code, priority, line_at) WHERE state = 'WAITING'`);
    await q.query(`CREATE INDEX queue_ticket_day_idx ON queue_ticket (unit_code, business_date)`);
    await q.query(`CREATE INDEX queue_ticket_appointment_idx ON queue_ticket (appointment_id) WHERE appointment_id IS NOT NULL`);
    await q.query(`CREATE TABLE queue_ticket_log (
      id bigserial PRIMARY KEY,
      ticket_id uuid NOT NULL REFERENCES queue_ticket (id),
      unit_code varchar(12) NOT NULL,
      business_date date NOT NULL,
      action varchar(12) NOT NULL,
      group_code varchar(20) NOT NULL,
      window_id uuid NULL,
      window_number int NULL,
      actor_sub text NULL,
      at timestamptz NOT NULL
    )`);
    await q.query(`CREATE INDEX queue_ticket_log_ticket_idx ON queue_ticket_log (ticket_id)`);
    await q.query(`CREATE INDEX queue_ticket_log_unit_idx ON queue_ticket_log (unit_code, business_date)`);
    await q.query(`CREATE TABLE queue_ticket_counter (
      unit_code varchar(12) NOT NULL,
      business_date date NOT NULL,
      group_code varchar(20) NOT NULL,
      last_seq int NOT NULL,
      PRIMARY KEY (unit_code, business_date, group_code)
    )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE queue_ticket_counter`);
    await q.query(`DROP TABLE queue_ticket_log`);
    await q.query(`DROP TABLE queue_ticket`);
    await q.query(`DROP TABLE queue_window_log`);
    await q.query(`DROP TABLE queue_window`);
    await q.query(`DROP TABLE queue_priority_reason`);
    await q.query(`DROP TABLE queue_station_setting`);
    await q.query(`DROP TABLE queue_service_group`);
  }
}
