import { BaseServiceConfig } from '@onewindow/platform';

/** Counter (综合窗口) service settings. */
export class CounterConfig extends BaseServiceConfig {
  override PORT = 4100;
}
