import { Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A service group (业务分组) of one station's hall: the tickets of a group share a prefix letter and
 * a per-day sequence (A001…). A group serves police types and/or listed catalog items.
 */
@Entity({ name: 'queue_service_group' })
export class QueueServiceGroupEntity {
  @PrimaryColumn({ name: 'unit_code', type: 'varchar', length: 12 }) unitCode: string;
  @PrimaryColumn({ type: 'varchar', length: 20 }) code: string;
  /** One capital letter, unique per station. */
  @Column({ type: 'varchar', length: 1 }) prefix: string;
  @Column({ type: 'text' }) name: string;
  @Column({ name: 'police_types', type: 'text', array: true, default: () => "'{}'" }) policeTypes: string[];
  @Column({ name: 'item_codes', type: 'text', array: true, default: () => "'{}'" }) itemCodes: string[];
  @Column({ type: 'int', default: 0 }) position: number;
  @Column({ type: 'boolean', default: true }) active: boolean;
}

/** Per-station queue rules (data, not code): defaults apply while a station has no row. */
@Entity({ name: 'queue_station_setting' })
export class QueueStationSettingEntity {
  @PrimaryColumn({ name: 'unit_code', type: 'varchar', length: 12 }) unitCode: string;
  /** At most this many priority tickets in a row per window while ordinary tickets wait. */
  @Column({ name: 'priority_cap', type: 'int' }) priorityCap: number;
  /** Recalls (重呼) a called ticket must have had before it may be marked 过号. */
  @Column({ name: 'max_recalls', type: 'int' }) maxRecalls: number;
  /** "前面还有 N 人" is texted once when N drops to this number. */
  @Column({ name: 'notify_ahead', type: 'int' }) notifyAhead: number;
  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' }) updatedAt: Date;
}

/** A green-channel reason (绿色通道: 70 岁以上老人、残疾人、孕妇、军人…); APPOINTMENT is set by check-in only. */
@Entity({ name: 'queue_priority_reason' })
export class QueuePriorityReasonEntity {
  @PrimaryColumn({ type: 'varchar', length: 20 }) code: string;
  @Column({ type: 'text' }) label: string;
  @Column({ type: 'int', default: 0 }) position: number;
  /** Offered at the kiosk / to the clerk (APPOINTMENT is not). */
  @Column({ type: 'boolean', default: true }) selectable: boolean;
  @Column({ type: 'boolean', default: true }) active: boolean;
}

/** A window (窗口) of a station's hall. */
@Entity({ name: 'queue_window' })
@Index('queue_window_unit_number_key', ['unitCode', 'number'], { unique: true })
export class QueueWindowEntity {
  @PrimaryColumn({ type: 'uuid' }) id: string;
  @Column({ name: 'unit_code', type: 'varchar', length: 12 }) unitCode: string;
  @Column({ type: 'int' }) number: number;
  /** 全科窗口: serves every group of the station (group_codes is then ignored). */
  @Column({ name: 'serves_all', type: 'boolean', default: false }) servesAll: boolean;
  @Column({ name: 'group_codes', type: 'text', array: true, default: () => "'{}'" }) groupCodes: string[];
  /** OPEN 开放 / PAUSED 暂停服务 (pause_reason required) / CLOSED 关闭. */
  @Column({ type: 'varchar', length: 8, default: 'CLOSED' }) state: string;
  @Column({ name: 'pause_reason', type: 'text', nullable: true }) pauseReason: string | null;
  @Column({ name: 'clerk_sub', type: 'text', nullable: true }) clerkSub: string | null;
  @Column({ name: 'clerk_name', type: 'text', nullable: true }) clerkName: string | null;
  /** The ticket called to this window and not yet finished / missed / transferred. */
  @Column({ name: 'current_ticket_id', type: 'uuid', nullable: true }) currentTicketId: string | null;
  /** Priority tickets called in a row by this window (reset by an ordinary call). */
  @Column({ name: 'consecutive_priority', type: 'int', default: 0 }) consecutivePriority: number;
  @Column({ name: 'state_changed_at', type: 'timestamptz', default: () => 'now()' }) stateChangedAt: Date;
  @Column({ type: 'int', default: 1 }) version: number;
  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' }) updatedAt: Date;
}

/** Every state change of a window (open, pause, close, sign-in, sign-out, groups), for idle-time figures. */
@Entity({ name: 'queue_window_log' })
@Index('queue_window_log_unit_idx', ['unitCode', 'at'])
export class QueueWindowLogEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id: string;
  @Column({ name: 'window_id', type: 'uuid' }) windowId: string;
  @Column({ name: 'unit_code', type: 'varchar', length: 12 }) unitCode: string;
  @Column({ name: 'window_number', type: 'int' }) windowNumber: number;
  /** OPENED / PAUSED / CLOSED / SIGNED_IN / SIGNED_OUT / GROUPS_CHANGED / CREATED. */
  @Column({ type: 'varchar', length: 16 }) action: string;
  /** The window's state after the change. */
  @Column({ type: 'varchar', length: 8 }) state: string;
  @Column({ type: 'text', nullable: true }) reason: string | null;
  @Column({ name: 'clerk_sub', type: 'text', nullable: true }) clerkSub: string | null;
  @Column({ name: 'actor_sub', type: 'text' }) actorSub: string;
  @Column({ type: 'timestamptz' }) at: Date;
}

/**
 * A queue ticket (排队号). Its timestamps are the raw material of the waiting/service-time figures:
 * taken_at → first_called_at (waiting), started_at → finished_at (service).
 */
@Entity({ name: 'queue_ticket' })
@Index('queue_ticket_number_key', ['unitCode', 'businessDate', 'groupCode', 'seq'], { unique: true })
export class QueueTicketEntity {
  @PrimaryColumn({ type: 'uuid' }) id: string;
  @Column({ name: 'unit_code', type: 'varchar', length: 12 }) unitCode: string;
  /** China business date the ticket was taken (its numbering day). */
  @Column({ name: 'business_date', type: 'date' }) businessDate: string;
  /** The group that numbered the ticket (its prefix); unchanged by transfers. */
  @Column({ name: 'origin_group_code', type: 'varchar', length: 20 }) originGroupCode: string;
  /** The group whose line the ticket is in now (changes on a transfer to another group). */
  @Column({ name: 'group_code', type: 'varchar', length: 20 }) groupCode: string;
  @Column({ type: 'int' }) seq: number;
  /** The called number, e.g. A001 (kept through transfers: it is on the citizen's slip). */
  @Column({ type: 'varchar', length: 8 }) number: string;
  @Column({ name: 'item_code', type: 'text', nullable: true }) itemCode: string | null;
  @Column({ type: 'boolean', default: false }) priority: boolean;
  @Column({ name: 'priority_reason', type: 'varchar', length: 20, nullable: true }) priorityReason: string | null;
  /** KIOSK / CLERK / APPOINTMENT. */
  @Column({ type: 'varchar', length: 12 }) source: string;
  @Column({ name: 'appointment_id', type: 'uuid', nullable: true }) appointmentId: string | null;
  /** Personal data: the mobile for "前面还有 N 人"; erased when the ticket ends. Never in events. */
  @Column({ name: 'notify_phone', type: 'varchar', length: 20, nullable: true }) notifyPhone: string | null;
  @Column({ name: 'notify_sent_at', type: 'timestamptz', nullable: true }) notifySentAt: Date | null;
  /** WAITING 等候 / CALLED 已呼叫 / SERVING 办理中 / FINISHED 办结 / NO_SHOW 过号. */
  @Column({ type: 'varchar', length: 10 }) state: string;
  /** The place in line: the original taken_at, kept on transfers (decision 0021). */
  @Column({ name: 'line_at', type: 'timestamptz' }) lineAt: Date;
  /** Transferred to one window: only that window may call it. */
  @Column({ name: 'target_window_id', type: 'uuid', nullable: true }) targetWindowId: string | null;
  /** The window that called it last (and serves it while CALLED/SERVING). */
  @Column({ name: 'window_id', type: 'uuid', nullable: true }) windowId: string | null;
  @Column({ name: 'window_number', type: 'int', nullable: true }) windowNumber: number | null;
  @Column({ name: 'clerk_sub', type: 'text', nullable: true }) clerkSub: string | null;
  @Column({ name: 'recall_count', type: 'int', default: 0 }) recallCount: number;
  @Column({ name: 'transfer_count', type: 'int', default: 0 }) transferCount: number;
  @Column({ name: 'taken_at', type: 'timestamptz' }) takenAt: Date;
  @Column({ name: 'first_called_at', type: 'timestamptz', nullable: true }) firstCalledAt: Date | null;
  /** The latest call (a recall or a call after a transfer moves it). */
  @Column({ name: 'called_at', type: 'timestamptz', nullable: true }) calledAt: Date | null;
  @Column({ name: 'last_recalled_at', type: 'timestamptz', nullable: true }) lastRecalledAt: Date | null;
  @Column({ name: 'started_at', type: 'timestamptz', nullable: true }) startedAt: Date | null;
  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true }) finishedAt: Date | null;
  @Column({ name: 'no_show_at', type: 'timestamptz', nullable: true }) noShowAt: Date | null;
  @Column({ name: 'transferred_at', type: 'timestamptz', nullable: true }) transferredAt: Date | null;
  @Column({ type: 'int', default: 1 }) version: number;
  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' }) updatedAt: Date;
}

/** Every step of a ticket, one row each (each recall, each transfer): the figures' detailed record. */
@Entity({ name: 'queue_ticket_log' })
@Index('queue_ticket_log_ticket_idx', ['ticketId'])
@Index('queue_ticket_log_unit_idx', ['unitCode', 'businessDate'])
export class QueueTicketLogEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id: string;
  @Column({ name: 'ticket_id', type: 'uuid' }) ticketId: string;
  @Column({ name: 'unit_code', type: 'varchar', length: 12 }) unitCode: string;
  @Column({ name: 'business_date', type: 'date' }) businessDate: string;
  /** TAKEN / CALLED / RECALLED / STARTED / TRANSFERRED / FINISHED / NO_SHOW. */
  @Column({ type: 'varchar', length: 12 }) action: string;
  @Column({ name: 'group_code', type: 'varchar', length: 20 }) groupCode: string;
  @Column({ name: 'window_id', type: 'uuid', nullable: true }) windowId: string | null;
  @Column({ name: 'window_number', type: 'int', nullable: true }) windowNumber: number | null;
  @Column({ name: 'actor_sub', type: 'text', nullable: true }) actorSub: string | null;
  @Column({ type: 'timestamptz' }) at: Date;
}

/** The per-day, per-group number sequence (A001, A002…), advanced with one upsert. */
@Entity({ name: 'queue_ticket_counter' })
export class QueueTicketCounterEntity {
  @PrimaryColumn({ name: 'unit_code', type: 'varchar', length: 12 }) unitCode: string;
  @PrimaryColumn({ name: 'business_date', type: 'date' }) businessDate: string;
  @PrimaryColumn({ name: 'group_code', type: 'varchar', length: 20 }) groupCode: string;
  @Column({ name: 'last_seq', type: 'int' }) lastSeq: number;
}
