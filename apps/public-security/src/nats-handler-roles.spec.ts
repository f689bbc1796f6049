import { createLogger, loadConfig, natsHandlerRoles } from '@onewindow/platform';
import { PublicSecurityAppModule } from './app.module.js';
import { PublicSecurityConfig } from './config.js';

// issue 12: every NATS handler says who may call it (@Roles, or @Public on purpose); none relies on "any signed identity".
it('every NATS handler of public-security declares its roles', () => {
  const config = loadConfig('public-security', PublicSecurityConfig, { APP_MODE: 'test' });
  const rt = { name: 'public-security', version: '0', config, databaseUrl: 'postgres://unused@127.0.0.1:1/unused', logger: createLogger('public-security', 'silent') };
  const handlers = natsHandlerRoles(PublicSecurityAppModule.forRuntime(rt));
  expect(handlers.length).toBeGreaterThan(0);
  expect(handlers.filter((h) => h.roles !== 'public' && !h.roles?.length)).toEqual([]);
});
