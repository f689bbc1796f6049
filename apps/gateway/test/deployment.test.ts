import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

/**
 * Issue 12, docker-compose.yml and infra/: no trust auth, no unauthenticated NATS, secrets only
 * from the git-ignored infra/.env, production mode, nothing but the gateway published. The file
 * is read as data (no Docker engine runs here); every rule below failed on the compose file the
 * issue was filed against.
 */
const root = (p: string) => fileURLToPath(new URL(`../../../${p}`, import.meta.url));
const text = readFileSync(root('docker-compose.yml'), 'utf8');
interface Service { environment?: Record<string, string>; ports?: string[]; command?: string[]; volumes?: string[]; security_opt?: string[] }
const compose = parse(text, { merge: true }) as { services: Record<string, Service> };
const apps = Object.entries(compose.services).filter(([, s]) => s.command?.[0] === 'node');

describe('docker-compose.yml and infra hardening', () => {
  it('runs every app in production mode, without capabilities or privilege escalation', () => {
    expect(apps.map(([name]) => name).sort()).toEqual(['complaints', 'counter', 'exit-entry', 'gateway', 'household', 'public-security', 'traffic']);
    for (const [, s] of apps) {
      expect(s.environment?.['APP_MODE']).toBe('production');
      expect(s.security_opt).toContain('no-new-privileges:true');
    }
  });

  it('publishes only the gateway; PostgreSQL and NATS stay on the compose network', () => {
    expect(Object.entries(compose.services).filter(([, s]) => s.ports?.length).map(([name]) => name)).toEqual(['gateway']);
  });

  it('PostgreSQL authenticates every connection (scram-sha-256) and each service connects as its own role', () => {
    expect(text).not.toMatch(/:\s*trust\b|auth-(host|local)=trust/);
    expect(compose.services['postgres']!.environment).toMatchObject({ POSTGRES_HOST_AUTH_METHOD: 'scram-sha-256', POSTGRES_INITDB_ARGS: '--auth-host=scram-sha-256' });
    for (const [name, s] of apps.filter(([n]) => n !== 'gateway')) {
      const db = `onewindow_${name.replace('-', '_')}`;
      expect(s.environment?.['DATABASE_URL']).toMatch(new RegExp(`^postgres://${db}_app:\\$\\{\\w+:\\?[^}]+\\}@postgres:5432/${db}$`));
      expect(s.environment?.['DATABASE_URL']).not.toMatch(/postgres:\/\/postgres[@:]/);
    }
  });

  it('NATS runs the generated per-service configuration and every service signs in as its own user', () => {
    expect(compose.services['nats']!.volumes).toContain('./infra/nats.conf:/etc/nats/nats.conf:ro');
    for (const [name, s] of apps.filter(([n]) => n !== 'gateway')) {
      expect(s.environment).toMatchObject({ NATS_USER: name, NATS_PASSWORD: expect.stringMatching(/^\$\{NATS_PASSWORD_\w+:\?/) });
    }
  });

  it('takes every secret from infra/.env (required, no default), lists each in infra/.env.example, and git ignores infra/.env', () => {
    const secretKeys = /SECRET|PASSWORD|TOKEN|API_KEY/;
    for (const [, s] of Object.entries(compose.services)) {
      for (const [key, value] of Object.entries(s.environment ?? {})) {
        if (secretKeys.test(key)) expect({ key, value }).toEqual({ key, value: expect.stringMatching(/^\$\{\w+:\?[^}]+\}$/) });
      }
    }
    expect(text).not.toMatch(/onewindow-demo-|:-change-me/);
    const example = new Set(readFileSync(root('infra/.env.example'), 'utf8').split('\n').filter((l) => /^\w+=/.test(l)).map((l) => l.split('=')[0]));
    const referenced = [...text.matchAll(/\$\{(\w+)/g)].map((m) => m[1]!);
    expect(referenced.filter((v) => !example.has(v))).toEqual([]);
    expect(readFileSync(root('.gitignore'), 'utf8').split('\n')).toContain('infra/.env');
  });
});
