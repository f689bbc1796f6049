import { createLogger, loadConfig, natsHandlerRoles } from '@onewindow/platform';
import { TrafficAppModule } from './app.module.js';
import { TrafficConfig } from './config.js';

// issue 12: every NATS handler says who may call it (@Roles, or @Public on purpose); none relies on "any signed identity".
it('every NATS handler of traffic declares its roles', () => {
  const config = loadConfig('traffic', TrafficConfig, { APP_MODE: 'test' });
  const rt = { name: 'traffic', version: '0', config, databaseUrl: 'postgres://unused@127.0.0.1:1/unused', logger: createLogger('traffic', 'silent') };
  const handlers = natsHandlerRoles(TrafficAppModule.forRuntime(rt));
  expect(handlers.length).toBeGreaterThan(0);
  expect(handlers.filter((h) => h.roles !== 'public' && !h.roles?.length)).toEqual([]);
});
