import { ServiceName } from './enums.js';

/**
 * NATS subject map (see docs/subjects.md).
 *
 * - Request/reply (questions and commands that need an answer now): `rpc.<service>.v1.<aggregate>.<verb>`.
 *   Never captured by a stream, so a JetStream ack can never be mistaken for a reply.
 * - Events (facts, through the transactional outbox into JetStream): `<service>.v1.<aggregate>.<past-tense>`,
 *   one stream per producing service capturing `<service>.v1.>`.
 *
 * Every subject and stream name is prefixed at runtime by the deployment's NATS_PREFIX (empty in
 * production); tests use a random prefix so concurrent runs never see each other's messages.
 */
export const RpcSubjects = {
  personLookup: 'rpc.household.v1.person.lookup',
  applicationAccept: (service: ServiceName) => `rpc.${service}.v1.application.accept`,
  applicationTransition: (service: ServiceName) => `rpc.${service}.v1.application.transition`,
  applicationGet: (service: ServiceName) => `rpc.${service}.v1.application.get`,
  serviceStatus: (service: ServiceName) => `rpc.${service}.v1.system.status`,
  /** One service's page of its own audit log for the supervisors' audit trail (审计查询). */
  auditQuery: (service: ServiceName) => `rpc.${service}.v1.audit.query`,
} as const;

export const EventSubjects = {
  applicationChanged: (service: ServiceName) => `${service}.v1.application.changed`,
  catalogPublished: (service: ServiceName) => `${service}.v1.catalog.published`,
  notificationRequested: (service: ServiceName) => `${service}.v1.notification.requested`,
  /** A complaint was received or changed (no personal data: the number, state and deadline). */
  complaintChanged: 'complaints.v1.complaint.changed',
  /** A point deduction (扣分) from a substantiated complaint was made or reversed (no complainant data). */
  complaintDeductionChanged: 'complaints.v1.deduction.changed',
  /** An evaluation (好差评) was recorded or voided (no personal data). */
  evaluationRecorded: 'complaints.v1.evaluation.recorded',
  /** A callback-and-verify task (回访核实) was opened or moved (no personal data). */
  callbackChanged: 'complaints.v1.callback.changed',
  smsRequested: 'counter.v1.sms.requested',
  smsDelivered: 'counter.v1.sms.delivered',
  /** A district closed a month (月报结账): version n of its DistrictMonthReport is stored; pushed to the city bureau. */
  reportClosed: 'counter.v1.report.closed',
  /** A one-time notice (一次性告知书) was issued (no personal data: number, unit, police type, item, date). */
  noticeIssued: 'counter.v1.notice.issued',
  // issue 11, the front office (大厅服务); none carries personal data
  /** A queue ticket (排队号) was taken, called, recalled, transferred, finished or missed. */
  queueTicketChanged: 'counter.v1.queue.ticket.changed',
  /** A window (窗口) opened, paused (暂停服务), closed or changed what it serves. */
  queueWindowChanged: 'counter.v1.queue.window.changed',
  /** A balancing proposal (忙闲调配建议) was made, accepted or declined. */
  queueRebalanceChanged: 'counter.v1.queue.rebalance.changed',
  /** An appointment (预约) was booked, rescheduled, cancelled, checked in or missed. */
  appointmentChanged: 'counter.v1.appointment.changed',
  /** A home visit (上门服务) was requested, scheduled, done, not possible or flagged overdue. */
  homeVisitChanged: 'counter.v1.home-visit.changed',
  /** A first-inquiry record (首问登记) was made. */
  firstInquiryRecorded: 'counter.v1.first-inquiry.recorded',
} as const;

/** Stream that captures every event of one producing service. */
export function streamOf(service: ServiceName): { name: string; subjects: string[] } {
  return { name: `EVT_${service.toUpperCase().replace(/-/g, '_')}`, subjects: [`${service}.v1.>`] };
}

/**
 * Where one service's dead letters are announced (死信, decision 0031): messages its consumers gave
 * up on, `deadletter.v1.<service>.<consumer>`, without their payload.
 */
export function deadLetterStreamOf(service: string): { name: string; subjects: string[] } {
  return { name: `DLQ_${service.toUpperCase().replace(/-/g, '_')}`, subjects: [`deadletter.v1.${service}.>`] };
}
