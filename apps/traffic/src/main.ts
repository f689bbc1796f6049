import { createRequire } from 'node:module';
import { runService } from '@onewindow/platform';
import { TrafficAppModule } from './app.module.js';
import { TrafficConfig } from './config.js';

const { version } = createRequire(import.meta.url)('../package.json') as { version: string };

await runService({ name: 'traffic', version, configClass: TrafficConfig, module: (rt) => TrafficAppModule.forRuntime(rt) });
