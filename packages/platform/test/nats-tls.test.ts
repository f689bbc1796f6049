import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort } from '@onewindow/testing';
import { BaseServiceConfig, createLogger, loadConfig, NatsService, natsSettingsOf } from '../src/index.js';

/**
 * NATS over TLS with a throwaway CA (decision 0026): a service given NATS_URL=tls://… and
 * NATS_TLS_CA connects with its credentials; without the CA (or with the wrong password) it does not.
 */
describe('NATS TLS and credentials from config', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'ow-nats-tls-'));
  const file = (name: string) => path.join(dir, name);
  let server: ChildProcess;
  let port = 0;
  const logger = createLogger('nats-tls-test', 'silent');

  beforeAll(async () => {
    const openssl = (...args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'ignore' });
    openssl('req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=onewindow-test-ca', '-keyout', 'ca-key.pem', '-out', 'ca.pem');
    openssl('req', '-newkey', 'rsa:2048', '-nodes', '-subj', '/CN=127.0.0.1', '-keyout', 'server-key.pem', '-out', 'server.csr');
    writeFileSync(file('san.ext'), 'subjectAltName=IP:127.0.0.1,DNS:localhost\n');
    openssl('x509', '-req', '-in', 'server.csr', '-CA', 'ca.pem', '-CAkey', 'ca-key.pem', '-CAcreateserial', '-days', '1', '-extfile', 'san.ext', '-out', 'server.pem');
    port = await freePort();
    writeFileSync(
      file('nats.conf'),
      `host: "127.0.0.1"\nport: ${port}\njetstream { store_dir: "${file('js')}" }\ntls { cert_file: "${file('server.pem')}", key_file: "${file('server-key.pem')}" }\n` +
        `authorization { users = [ { user: "household", password: "household-password-123" } ] }\n`,
    );
    server = spawn(process.env.NATS_SERVER_BIN ?? 'nats-server', ['-c', file('nats.conf')], { stdio: ['ignore', 'pipe', 'pipe'] });
    await new Promise<void>((resolve, reject) => {
      let out = '';
      const onData = (d: Buffer) => {
        out += d.toString();
        if (out.includes('Server is ready')) resolve();
      };
      server.stdout?.on('data', onData);
      server.stderr?.on('data', onData);
      server.once('exit', (code) => reject(new Error(`nats-server exited (${code}): ${out}`)));
    });
  }, 60_000);
  afterAll(() => {
    server?.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  });

  const natsOf = (env: Record<string, string>) =>
    new NatsService(natsSettingsOf(loadConfig('household', BaseServiceConfig, { APP_MODE: 'test', NATS_URL: `tls://127.0.0.1:${port}`, ...env }), 'household'), logger);

  it('connects over TLS with the CA and its own credentials', async () => {
    const nats = natsOf({ NATS_TLS_CA: file('ca.pem'), NATS_PASSWORD: 'household-password-123' });
    await nats.connect();
    expect(nats.isConnected()).toBe(true);
    await nats.onApplicationShutdown();
  });

  it('does not connect without the CA, nor with a wrong password', async () => {
    await expect(natsOf({ NATS_PASSWORD: 'household-password-123' }).connect()).rejects.toThrow();
    await expect(natsOf({ NATS_TLS_CA: file('ca.pem'), NATS_PASSWORD: 'not-the-password-0000' }).connect()).rejects.toThrow(/Authorization/);
  });
});
