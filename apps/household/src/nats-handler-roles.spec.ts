import { createLogger, loadConfig, natsHandlerRoles } from '@onewindow/platform';
import { HouseholdAppModule } from './app.module.js';
import { HouseholdConfig } from './config.js';

// issue 12: every NATS handler says who may call it (@Roles, or @Public on purpose); none relies on "any signed identity".
it('every NATS handler of household declares its roles', () => {
  const config = loadConfig('household', HouseholdConfig, { APP_MODE: 'test' });
  const rt = { name: 'household', version: '0', config, databaseUrl: 'postgres://unused@127.0.0.1:1/unused', logger: createLogger('household', 'silent') };
  const handlers = natsHandlerRoles(HouseholdAppModule.forRuntime(rt));
  expect(handlers.length).toBeGreaterThan(0);
  expect(handlers.filter((h) => h.roles !== 'public' && !h.roles?.length)).toEqual([]);
});
