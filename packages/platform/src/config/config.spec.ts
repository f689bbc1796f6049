import { Module } from '@nestjs/common';
import { bootstrapService } from '../service/bootstrap.js';
import { databaseTls } from '../database/database-tls.js';
import { BaseServiceConfig, ConfigError, loadConfig, redactConfig } from './config.js';

describe('loadConfig', () => {
  it('applies defaults and reads the environment', () => {
    const cfg = loadConfig('svc', BaseServiceConfig, { PORT: '4242', NATS_PREFIX: 'abc', DATABASE_URL: 'postgres://u@h/db' });
    expect(cfg.PORT).toBe(4242);
    expect(cfg.NATS_URL).toBe('nats://127.0.0.1:4222');
    expect(cfg.DATABASE_URL).toBe('postgres://u@h/db');
  });

  it('reports every problem on one line', () => {
    try {
      loadConfig('svc', BaseServiceConfig, { NATS_URL: 'http://x', PORT: '99999' });
      throw new Error('expected ConfigError');
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      const msg = (err as Error).message;
      expect(msg.split('\n')).toHaveLength(1);
      expect(msg).toMatch(/^\[svc\] invalid configuration: .*NATS_URL/);
      expect(msg).toMatch(/PORT/);
    }
  });

  it('refuses demo secrets and the embedded database in production', () => {
    expect(() => loadConfig('svc', BaseServiceConfig, { APP_MODE: 'production' })).toThrow(/INTERNAL_IDENTITY_SECRET must be set.*DATABASE_URL is required/);
  });

  it('takes a separate owner URL for migrations only next to DATABASE_URL, and keeps it out of the log', () => {
    const cfg = loadConfig('svc', BaseServiceConfig, { DATABASE_URL: 'postgres://app:pw@h/db', DATABASE_OWNER_URL: 'postgres://owner:secret@h/db' });
    expect(cfg.DATABASE_OWNER_URL).toBe('postgres://owner:secret@h/db');
    expect(JSON.stringify(redactConfig(cfg))).not.toContain('secret');
    expect(() => loadConfig('svc', BaseServiceConfig, { DATABASE_OWNER_URL: 'postgres://owner@h/db' })).toThrow(/DATABASE_OWNER_URL needs DATABASE_URL/);
    expect(() => loadConfig('svc', BaseServiceConfig, { DATABASE_URL: 'postgres://a@h/db', DATABASE_OWNER_URL: 'mysql://x' })).toThrow(/DATABASE_OWNER_URL must be a postgres:\/\/ URL/);
  });

  it('reads the job intervals and the calendar overrides file as typed fields', () => {
    const cfg = loadConfig('svc', BaseServiceConfig, { DEADLINE_JOB_INTERVAL_MS: '0', TRANSFER_JOB_INTERVAL_MS: '60000', CALENDAR_OVERRIDES_FILE: '/etc/onewindow/calendar.json' });
    expect(cfg.DEADLINE_JOB_INTERVAL_MS).toBe(0);
    expect(cfg.TRANSFER_JOB_INTERVAL_MS).toBe(60_000);
    expect(cfg.CALENDAR_OVERRIDES_FILE).toBe('/etc/onewindow/calendar.json');
    const defaults = loadConfig('svc', BaseServiceConfig, {});
    expect(defaults.DEADLINE_JOB_INTERVAL_MS).toBe(600_000);
    expect(defaults.TRANSFER_JOB_INTERVAL_MS).toBe(600_000);
    expect(defaults.CALENDAR_OVERRIDES_FILE).toBeUndefined();
  });

  it('says a number setting with a typo is not a number, once', () => {
    expect(() => loadConfig('svc', BaseServiceConfig, { RPC_TIMEOUT_MS: '5s' })).toThrow(/^\[svc\] invalid configuration: RPC_TIMEOUT_MS must be an integer number$/);
  });

  it.each([
    ['DEADLINE_JOB_INTERVAL_MS', '10min', /DEADLINE_JOB_INTERVAL_MS must be a whole number of milliseconds/],
    ['DEADLINE_JOB_INTERVAL_MS', '-1', /DEADLINE_JOB_INTERVAL_MS must be 0 \(boot only\) or more/],
    ['TRANSFER_JOB_INTERVAL_MS', '1.5', /TRANSFER_JOB_INTERVAL_MS must be a whole number of milliseconds/],
  ])('a bad %s (%s) is refused, not read as NaN', (key, value, message) => {
    expect(() => loadConfig('svc', BaseServiceConfig, { [key]: value })).toThrow(message);
  });
});

describe('boot', () => {
  @Module({})
  class EmptyModule {}

  it('stops before anything starts when a job interval is a typo, with one clear line', async () => {
    const boot = bootstrapService({ name: 'household', version: '0', configClass: BaseServiceConfig, module: () => ({ module: EmptyModule }), env: { DEADLINE_JOB_INTERVAL_MS: '600_000' } });
    await expect(boot).rejects.toThrow(ConfigError);
    await expect(boot).rejects.toThrow(/^\[household\] invalid configuration: DEADLINE_JOB_INTERVAL_MS must be a whole number of milliseconds$/);
  });
});

describe('bus and database transport settings (decision 0026)', () => {
  it('production refuses a service without its NATS credentials', () => {
    const prod = { APP_MODE: 'production', INTERNAL_IDENTITY_SECRET: 'a-real-production-secret-of-sufficient-length-123', DATABASE_URL: 'postgres://u@h/db' };
    expect(() => loadConfig('svc', BaseServiceConfig, prod)).toThrow(/NATS_PASSWORD .* is required in production/);
    expect(loadConfig('svc', BaseServiceConfig, { ...prod, NATS_PASSWORD: 'x'.repeat(24) }).NATS_PASSWORD).toBe('x'.repeat(24));
  });

  it('refuses settings that do not fit together, and hides the NATS password', () => {
    expect(() => loadConfig('svc', BaseServiceConfig, { NATS_TLS_CERT: '/c.pem' })).toThrow(/NATS_TLS_CERT and NATS_TLS_KEY must be set together/);
    expect(() => loadConfig('svc', BaseServiceConfig, { NATS_USER: 'household' })).toThrow(/NATS_USER needs NATS_PASSWORD/);
    expect(() => loadConfig('svc', BaseServiceConfig, { DATABASE_SSL_CA: '/ca.pem' })).toThrow(/verify-full/);
    expect(() => loadConfig('svc', BaseServiceConfig, { DATABASE_SSL_MODE: 'prefer' })).toThrow(/DATABASE_SSL_MODE/);
    expect(redactConfig(loadConfig('svc', BaseServiceConfig, { NATS_PASSWORD: 'y'.repeat(20) }))['NATS_PASSWORD']).toBe('***');
  });

  it('maps DATABASE_SSL_MODE to node-postgres TLS options', () => {
    expect(databaseTls('disable')).toBeUndefined();
    expect(databaseTls('require')).toEqual({ rejectUnauthorized: false });
    expect(databaseTls('verify-full')).toEqual({ rejectUnauthorized: true });
  });
});
