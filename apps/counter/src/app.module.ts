import { type DynamicModule, Module, type Provider } from '@nestjs/common';
import { PlatformModule, type ServiceRuntime } from '@onewindow/platform';
import { DemoLoginResolver, MeResolver } from './auth/auth.resolver.js';
import { RegisterCheckResolver } from './register-check/register-check.resolver.js';

@Module({})
export class CounterAppModule {
  static forRuntime(rt: ServiceRuntime): DynamicModule {
    // The built-in login is absent from the schema in production mode.
    const auth: Provider[] = rt.config.APP_MODE === 'production' ? [MeResolver] : [MeResolver, DemoLoginResolver];
    return {
      module: CounterAppModule,
      imports: [PlatformModule.forRoot(rt, { entities: [], migrations: [] })],
      providers: [...auth, RegisterCheckResolver],
    };
  }
}
