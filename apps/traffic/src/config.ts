import { BaseServiceConfig } from '@onewindow/platform';

export class TrafficConfig extends BaseServiceConfig {
  override PORT = 4103;
}
