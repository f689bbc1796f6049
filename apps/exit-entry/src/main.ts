import { createRequire } from 'node:module';
import { runService } from '@onewindow/platform';
import { ExitEntryAppModule } from './app.module.js';
import { ExitEntryConfig } from './config.js';

const { version } = createRequire(import.meta.url)('../package.json') as { version: string };

await runService({ name: 'exit-entry', version, configClass: ExitEntryConfig, module: (rt) => ExitEntryAppModule.forRuntime(rt) });
