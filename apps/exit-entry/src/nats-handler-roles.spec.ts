import { createLogger, loadConfig, natsHandlerRoles } from '@onewindow/platform';
import { ExitEntryAppModule } from './app.module.js';
import { ExitEntryConfig } from './config.js';

// issue 12: every NATS handler says who may call it (@Roles, or @Public on purpose); none relies on "any signed identity".
it('every NATS handler of exit-entry declares its roles', () => {
  const config = loadConfig('exit-entry', ExitEntryConfig, { APP_MODE: 'test' });
  const rt = { name: 'exit-entry', version: '0', config, databaseUrl: 'postgres://unused@127.0.0.1:1/unused', logger: createLogger('exit-entry', 'silent') };
  const handlers = natsHandlerRoles(ExitEntryAppModule.forRuntime(rt));
  expect(handlers.length).toBeGreaterThan(0);
  expect(handlers.filter((h) => h.roles !== 'public' && !h.roles?.length)).toEqual([]);
});
