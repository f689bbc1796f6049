import { createRequire } from 'node:module';
import { runService } from '@onewindow/platform';
import { CounterAppModule } from './app.module.js';
import { CounterConfig } from './config.js';

const { version } = createRequire(import.meta.url)('../package.json') as { version: string };

await runService({ name: 'counter', version, configClass: CounterConfig, module: (rt) => CounterAppModule.forRuntime(rt), ownsSystemStatusQuery: true });
