import { POLICE_TYPE_LABELS, PoliceType, SERVICE_OF_POLICE_TYPE, ServiceName } from './enums.js';
import { EventSubjects, RpcSubjects, streamOf } from './subjects.js';
import { parseTransferSubject } from './transfer-envelope.js';

/** NATS subject matching: `*` is one token, `>` the rest (one or more tokens). */
function matches(filter: string, subject: string): boolean {
  const f = filter.split('.');
  const s = subject.split('.');
  for (let i = 0; i < f.length; i++) {
    if (f[i] === '>') return s.length > i;
    if (i >= s.length || (f[i] !== '*' && f[i] !== s[i])) return false;
  }
  return f.length === s.length;
}

const SERVICES = Object.values(ServiceName);

describe('subject map', () => {
  it.each(SERVICES)('%s: RPC subjects are rpc.<service>.v1.<aggregate>.<verb> and no stream captures them', (service) => {
    const rpc = [RpcSubjects.applicationAccept(service), RpcSubjects.applicationTransition(service), RpcSubjects.applicationGet(service), RpcSubjects.serviceStatus(service)];
    for (const subject of rpc) {
      expect(subject).toMatch(new RegExp(`^rpc\\.${service}\\.v1\\.[a-z]+\\.[a-z]+$`));
      // A JetStream ack must never be mistaken for a reply.
      for (const other of SERVICES) for (const filter of streamOf(other).subjects) expect(matches(filter, subject)).toBe(false);
    }
  });

  it.each(SERVICES)('%s: its events land in its own stream and no other', (service) => {
    const events = [EventSubjects.applicationChanged(service), EventSubjects.catalogPublished(service), EventSubjects.notificationRequested(service)];
    for (const subject of events) {
      expect(subject).toMatch(new RegExp(`^${service}\\.v1\\.[a-z]+\\.[a-z]+$`));
      for (const other of SERVICES) expect(streamOf(other).subjects.some((f) => matches(f, subject))).toBe(other === service);
    }
  });

  it('names streams in the characters JetStream allows', () => {
    expect(SERVICES.map((s) => streamOf(s).name)).toEqual(['EVT_COUNTER', 'EVT_HOUSEHOLD', 'EVT_EXIT_ENTRY', 'EVT_TRAFFIC', 'EVT_PUBLIC_SECURITY', 'EVT_COMPLAINTS']);
  });

  it('puts the counter SMS events in the counter stream', () => {
    expect(matches(streamOf(ServiceName.COUNTER).subjects[0]!, EventSubjects.smsRequested)).toBe(true);
    expect(matches(streamOf(ServiceName.COUNTER).subjects[0]!, EventSubjects.smsDelivered)).toBe(true);
  });

  it('puts the complaint events in the complaints stream and no other', () => {
    for (const service of SERVICES) expect(streamOf(service).subjects.some((f) => matches(f, EventSubjects.complaintChanged))).toBe(service === ServiceName.COMPLAINTS);
  });

  it('reads the producing service and verb of a transfer subject, with or without a deployment prefix', () => {
    expect(parseTransferSubject('household.v1.transfer.requested.traffic')).toEqual({ service: 'household', verb: 'requested' });
    expect(parseTransferSubject('t1a2b3.exit-entry.v1.transfer.completed')).toEqual({ service: 'exit-entry', verb: 'completed' });
    expect(parseTransferSubject('household.v1.application.changed')).toBeUndefined();
  });
});

describe('police types', () => {
  it('each has a Chinese label and a service that handles it', () => {
    for (const type of Object.values(PoliceType)) {
      expect(POLICE_TYPE_LABELS[type]).toMatch(/^\p{Script=Han}+$/u);
      expect(SERVICES).toContain(SERVICE_OF_POLICE_TYPE[type]);
    }
  });
});
