import { createRequire } from 'node:module';
import { runService } from '@onewindow/platform';
import { PublicSecurityAppModule } from './app.module.js';
import { PublicSecurityConfig } from './config.js';

const { version } = createRequire(import.meta.url)('../package.json') as { version: string };

await runService({ name: 'public-security', version, configClass: PublicSecurityConfig, module: (rt) => PublicSecurityAppModule.forRuntime(rt) });
