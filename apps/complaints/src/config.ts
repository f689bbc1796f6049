import { BaseServiceConfig } from '@onewindow/platform';

export class ComplaintsConfig extends BaseServiceConfig {
  override PORT = 4105;
}
