import { createLogger, loadConfig, natsHandlerRoles } from '@onewindow/platform';
import { ComplaintsAppModule } from './app.module.js';
import { ComplaintsConfig } from './config.js';

// issue 12: every NATS handler says who may call it (@Roles, or @Public on purpose); none relies on "any signed identity".
it('every NATS handler of complaints declares its roles', () => {
  const config = loadConfig('complaints', ComplaintsConfig, { APP_MODE: 'test' });
  const rt = { name: 'complaints', version: '0', config, databaseUrl: 'postgres://unused@127.0.0.1:1/unused', logger: createLogger('complaints', 'silent') };
  const handlers = natsHandlerRoles(ComplaintsAppModule.forRuntime(rt));
  expect(handlers.length).toBeGreaterThan(0);
  expect(handlers.filter((h) => h.roles !== 'public' && !h.roles?.length)).toEqual([]);
});
