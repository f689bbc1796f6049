import { BaseServiceConfig } from '@onewindow/platform';

export class ExitEntryConfig extends BaseServiceConfig {
  override PORT = 4102;
}
