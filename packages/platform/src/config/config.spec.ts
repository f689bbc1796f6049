import { BaseServiceConfig, ConfigError, loadConfig } from './config.js';

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
});
