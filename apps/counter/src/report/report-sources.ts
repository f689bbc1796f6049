import {
  ApplicationSnapshot, ComplaintChangedEvent, EvaluationRecordedEvent, EventSubjects, HomeVisitChangedEvent, NoticeIssuedEvent, readTransferEvent, ServiceName,
  SmsDeliveredEvent, TransferEventEnvelope,
} from '@onewindow/contracts';
import type { EntityManager } from 'typeorm';
import { POLICE_SERVICES } from '../common/service-routing.js';
import type { ReportFolder } from './report-folder.js';

/**
 * Where the monthly figures come from: one durable consumer per stream and subject, named
 * `counter-report-<service>-<what>`. The live consumers (ReportConsumers) and the rebuild read the
 * same list and fold with the same code.
 */
export interface ReportSource {
  durable: string;
  service: ServiceName;
  /** Subject filter without the deployment prefix. */
  filterSubject: string;
  messageClass: new () => object;
  /** Folds one validated message; returns why it was ignored when it is not foldable. */
  fold: (folder: ReportFolder, manager: EntityManager, event: object, subject: string) => Promise<{ ignored?: string }>;
}

const folded = async (p: Promise<boolean>) => {
  await p;
  return {};
};

export function reportSources(): ReportSource[] {
  const sources: ReportSource[] = [];
  for (const service of POLICE_SERVICES) {
    sources.push({
      durable: `counter-report-${service}-applications`,
      service,
      filterSubject: EventSubjects.applicationChanged(service),
      messageClass: ApplicationSnapshot,
      fold: async (folder, manager, event) => {
        const s = event as ApplicationSnapshot;
        if (s.service !== service) return { ignored: 'application of another service on this stream' };
        return folded(folder.foldApplication(manager, s));
      },
    });
    sources.push({
      durable: `counter-report-${service}-transfers`,
      service,
      filterSubject: `${service}.v1.transfer.>`,
      messageClass: TransferEventEnvelope,
      fold: async (folder, manager, event, subject) => {
        const read = readTransferEvent(subject, event, ['requested', 'completed']);
        if ('invalid' in read) return { ignored: read.invalid };
        // Requests come from the sender's stream, completions from the receiver's.
        const producer = read.type === 'requested' ? read.event.fromService : read.event.toService;
        if (producer !== service) return { ignored: 'transfer event from another service on this stream' };
        return folded(folder.foldTransfer(manager, read));
      },
    });
  }
  sources.push(
    {
      durable: 'counter-report-complaints-evaluations',
      service: ServiceName.COMPLAINTS,
      filterSubject: EventSubjects.evaluationRecorded,
      messageClass: EvaluationRecordedEvent,
      fold: (folder, manager, event) => folded(folder.foldEvaluation(manager, event as EvaluationRecordedEvent)),
    },
    {
      durable: 'counter-report-complaints-complaints',
      service: ServiceName.COMPLAINTS,
      filterSubject: EventSubjects.complaintChanged,
      messageClass: ComplaintChangedEvent,
      fold: (folder, manager, event) => folded(folder.foldComplaint(manager, event as ComplaintChangedEvent)),
    },
    {
      durable: 'counter-report-counter-notices',
      service: ServiceName.COUNTER,
      filterSubject: EventSubjects.noticeIssued,
      messageClass: NoticeIssuedEvent,
      fold: (folder, manager, event) => folded(folder.foldNotice(manager, event as NoticeIssuedEvent)),
    },
    {
      durable: 'counter-report-counter-sms',
      service: ServiceName.COUNTER,
      filterSubject: EventSubjects.smsDelivered,
      messageClass: SmsDeliveredEvent,
      fold: (folder, manager, event) => folded(folder.foldSms(manager, event as SmsDeliveredEvent)),
    },
    {
      durable: 'counter-report-counter-home-visits',
      service: ServiceName.COUNTER,
      filterSubject: EventSubjects.homeVisitChanged,
      messageClass: HomeVisitChangedEvent,
      fold: (folder, manager, event) => folded(folder.foldHomeVisit(manager, event as HomeVisitChangedEvent)),
    },
  );
  return sources;
}
