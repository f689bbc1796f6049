import { BaseServiceConfig } from '@onewindow/platform';

export class PublicSecurityConfig extends BaseServiceConfig {
  override PORT = 4104;
}
