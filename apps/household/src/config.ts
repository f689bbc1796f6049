import { BaseServiceConfig } from '@onewindow/platform';

/** Household (户政) service settings; see BaseServiceConfig for the shared ones. */
export class HouseholdConfig extends BaseServiceConfig {
  override PORT = 4101;
}
