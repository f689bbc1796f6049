import { createLogger, loadConfig, natsHandlerRoles } from '@onewindow/platform';
import { CounterAppModule } from './app.module.js';
import { CounterConfig } from './config.js';

// issue 12: every NATS handler says who may call it (@Roles, or @Public on purpose); none relies on "any signed identity".
it('every NATS handler of counter declares its roles', () => {
  const config = loadConfig('counter', CounterConfig, { APP_MODE: 'test' });
  const rt = { name: 'counter', version: '0', config, databaseUrl: 'postgres://unused@127.0.0.1:1/unused', logger: createLogger('counter', 'silent') };
  const handlers = natsHandlerRoles(CounterAppModule.forRuntime(rt));
  expect(handlers.length).toBeGreaterThan(0);
  expect(handlers.filter((h) => h.roles !== 'public' && !h.roles?.length)).toEqual([]);
});
