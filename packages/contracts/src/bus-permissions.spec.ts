import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ServiceName } from './enums.js';
import { BUS_PARTICIPANTS, busParticipant, busPermissions, infraNatsConfig, withBusPermissionsTable } from './bus-permissions.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

describe('bus permissions (decision 0026)', () => {
  it('infra/nats.conf and the table in docs/subjects.md are what `npm run nats-config` writes', () => {
    expect(readFileSync(path.join(ROOT, 'infra/nats.conf'), 'utf8')).toBe(infraNatsConfig());
    const doc = readFileSync(path.join(ROOT, 'docs/subjects.md'), 'utf8');
    expect(withBusPermissionsTable(doc)).toBe(doc);
  });

  it('gives every service exactly one user, and each publishes only its own events', () => {
    for (const service of Object.values(ServiceName)) {
      const perms = busPermissions(busParticipant(service), 'p');
      const events = perms.publish.filter((s) => !s.startsWith('$') && !s.startsWith('p.rpc.'));
      // its own events and its own dead-letter announcements (decision 0031)
      expect([...events].sort()).toEqual([`p.${service}.v1.>`, `p.deadletter.v1.${service}.>`].sort());
      expect(perms.subscribe).toEqual(expect.arrayContaining([`p.rpc.${service}.v1.> ${service}`, `_INBOX_p_${service}.>`]));
      expect(perms.subscribe).toHaveLength(2);
    }
    expect(new Set(BUS_PARTICIPANTS.map((p) => p.user)).size).toBe(BUS_PARTICIPANTS.length);
  });

  it('reaches the JetStream API only for its own stream and the consumers it owns', () => {
    const traffic = busPermissions(busParticipant(ServiceName.TRAFFIC), '');
    const js = traffic.publish.filter((s) => s.startsWith('$JS.API.STREAM.CREATE'));
    expect(js).toEqual(['$JS.API.STREAM.CREATE.DLQ_TRAFFIC', '$JS.API.STREAM.CREATE.EVT_TRAFFIC']);
    expect(traffic.publish).toContain('$JS.API.CONSUMER.MSG.NEXT.EVT_HOUSEHOLD.traffic-transfers-household');
    expect(traffic.publish.some((s) => /\.(>|\*)$/.test(s) && s.includes('CONSUMER') && !s.startsWith('$JS.API.CONSUMER.CREATE.EVT_') )).toBe(false);
    expect(traffic.publish.filter((s) => s.startsWith('$JS.API.CONSUMER.CREATE.') && s.endsWith('.>')).every((s) => /\.traffic-transfers-[a-z-]+\.>$/.test(s))).toBe(true);
  });
});
