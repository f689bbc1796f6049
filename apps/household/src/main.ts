import { createRequire } from 'node:module';
import { runService } from '@onewindow/platform';
import { HouseholdAppModule } from './app.module.js';
import { HouseholdConfig } from './config.js';

const { version } = createRequire(import.meta.url)('../package.json') as { version: string };

await runService({ name: 'household', version, configClass: HouseholdConfig, module: (rt) => HouseholdAppModule.forRuntime(rt) });
