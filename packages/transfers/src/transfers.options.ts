import type { ServiceName } from '@onewindow/contracts';

export const TRANSFERS_OPTIONS = Symbol('TRANSFERS_OPTIONS');

export interface TransfersOptions {
  /** The service this module runs in: the sender of its OUTBOUND rows, the receiver of its INBOUND rows. */
  service: ServiceName;
  /**
   * Check that a transfer requested by an officer names a case of this service, in the caller's
   * jurisdiction (asks the service's own `application.get`); the subject is the applicant.
   */
  verifyCases: boolean;
}
