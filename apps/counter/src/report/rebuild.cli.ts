/**
 * `npm run report:rebuild -w @onewindow/counter -- --month YYYY-MM`: rebuilds one month of the
 * monthly figures (月报) from the event history (decision 0016, docs/runbook.md). Reads the
 * counter's own settings (DATABASE_URL, NATS_URL, NATS_PREFIX, CALENDAR_OVERRIDES_FILE) from the
 * environment, like the service.
 */
import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { BusinessClock, createLogger, databaseTls, loadConfig, NatsService, natsSettingsOf, workingCalendarOf } from '@onewindow/platform';
import { DataSource } from 'typeorm';
import { CounterConfig } from '../config.js';
import { isReportMonth } from './report-month.js';
import { ReportRebuilder } from './report-rebuild.js';

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { month: { type: 'string' } }, strict: true });
  const month = values.month ?? '';
  if (!isReportMonth(month)) {
    console.error('usage: npm run report:rebuild -w @onewindow/counter -- --month YYYY-MM');
    return 2;
  }
  const config = loadConfig('counter', CounterConfig, process.env, {});
  const today = new BusinessClock(config.CLOCK_FIXED_DATE, config.APP_MODE).today();
  if (month > today.slice(0, 7)) {
    console.error(`${month} is in the future (today is ${today})`);
    return 2;
  }
  if (!config.DATABASE_URL) {
    console.error('DATABASE_URL is required: the rebuild writes to the counter database the service uses');
    return 2;
  }
  const logger = createLogger('counter-report-rebuild', config.LOG_LEVEL);
  const dataSource = new DataSource({ type: 'postgres', url: config.DATABASE_URL, entities: [], ssl: databaseTls(config.DATABASE_SSL_MODE, config.DATABASE_SSL_CA) });
  await dataSource.initialize();
  const nats = new NatsService(natsSettingsOf(config, 'counter', 'counter-report-rebuild'), logger);
  await nats.connect();
  try {
    const rebuilder = new ReportRebuilder(dataSource, nats, workingCalendarOf(config), (m) => console.log(m));
    const r = await rebuilder.rebuild(month);
    console.log(JSON.stringify(r));
    return 0;
  } finally {
    await nats.connection.drain().catch(() => undefined);
    await dataSource.destroy();
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err instanceof Error ? err.stack : String(err));
    process.exit(1);
  },
);
