import { BaseServiceConfig } from '@onewindow/platform';
import { Matches } from 'class-validator';

/** Traffic (交管) service settings; see BaseServiceConfig for the shared ones. */
export class TrafficConfig extends BaseServiceConfig {
  override PORT = 4103;

  /**
   * Province character + issuing-authority letter of the plates this 车管所 issues (成都: 川A).
   * Plate numbers are issued from this prefix at vehicle registration.
   */
  @Matches(/^[\u4e00-\u9fa5][A-Z]$/u, { message: 'PLATE_PREFIX must be one Chinese character and one capital letter, e.g. 川A' })
  PLATE_PREFIX = '川A';
}
