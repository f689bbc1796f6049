import { busParticipant, ServiceName } from '@onewindow/contracts';
import { evaluationConsumerName } from './evaluation/application-completed.handler.js';
import { COMPLAINT_ANSWERED_CONSUMER } from './evaluation/complaint-answered.handler.js';

// Every durable consumer complaints starts is declared in the bus permissions (decision 0026).
it('every durable consumer of complaints is in the bus declaration', () => {
  const declared = new Set(busParticipant(ServiceName.COMPLAINTS).consumes.map((c) => `${c.stream}/${c.durable}`));
  const surveyed = [ServiceName.HOUSEHOLD, ServiceName.EXIT_ENTRY, ServiceName.TRAFFIC, ServiceName.PUBLIC_SECURITY];
  const used = [...surveyed.map((s) => `${s}/${evaluationConsumerName(s)}`), `${ServiceName.COMPLAINTS}/${COMPLAINT_ANSWERED_CONSUMER}`];
  expect(used.filter((u) => !declared.has(u))).toEqual([]);
});
