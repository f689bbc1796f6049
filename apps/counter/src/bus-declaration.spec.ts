import { busParticipant, ServiceName } from '@onewindow/contracts';
import { REPORT_PUSH_CONSUMER } from './bureau/report-push.handler.js';
import { catalogConsumerName } from './catalog/catalog.handler.js';
import { POLICE_SERVICES } from './common/service-routing.js';
import { inboxConsumerName } from './inbox/inbox.handler.js';
import { reportSources } from './report/report-sources.js';
import { SMS_SENDER_CONSUMER } from './sms/sms-sender.handler.js';
import { transferConsumerName } from './transfers/transfer-projection.handler.js';

// Every durable consumer the counter starts is declared in the bus permissions (decision 0026);
// an undeclared one would be refused by the server at boot.
it('every durable consumer of the counter is in the bus declaration', () => {
  const declared = new Set(busParticipant(ServiceName.COUNTER).consumes.map((c) => `${c.stream}/${c.durable}`));
  const used = [
    ...reportSources().map((s) => `${s.service}/${s.durable}`),
    ...POLICE_SERVICES.flatMap((s) => [`${s}/${inboxConsumerName(s)}`, `${s}/${catalogConsumerName(s)}`, `${s}/${transferConsumerName(s)}`, `${s}/counter-notifications-${s}`]),
    `${ServiceName.COUNTER}/${SMS_SENDER_CONSUMER}`,
    `${ServiceName.COUNTER}/${REPORT_PUSH_CONSUMER}`,
  ];
  expect(used.filter((u) => !declared.has(u))).toEqual([]);
});
