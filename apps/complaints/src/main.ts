import { createRequire } from 'node:module';
import { runService } from '@onewindow/platform';
import { ComplaintsAppModule } from './app.module.js';
import { ComplaintsConfig } from './config.js';

const { version } = createRequire(import.meta.url)('../package.json') as { version: string };

await runService({ name: 'complaints', version, configClass: ComplaintsConfig, module: (rt) => ComplaintsAppModule.forRuntime(rt) });
