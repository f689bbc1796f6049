import { Module } from '@nestjs/common';
import {
  DEMO_VERIFICATION_FIXTURE_PATH, fixtureAdapters, httpAdapters, loadVerificationFixture, VerificationSource, type VerificationAdapters,
} from '@onewindow/online-verification';
import { SERVICE_CONFIG } from '@onewindow/platform';
import type { HouseholdConfig } from '../config.js';
import { OnlineVerificationService, VERIFICATION_ADAPTERS } from './online-verification.service.js';

/** The departments' adapters as the config says (checked at boot), behind OnlineVerificationService. */
export function adaptersFromConfig(config: HouseholdConfig): VerificationAdapters {
  if (config.ONLINE_VERIFICATION_MODE === 'fixture') return fixtureAdapters(loadVerificationFixture(config.ONLINE_VERIFICATION_FIXTURE ?? DEMO_VERIFICATION_FIXTURE_PATH));
  const endpoint = (url?: string, token?: string) => ({ baseUrl: url ?? '', token: token ?? '' }); // presence checked by HouseholdConfig
  return httpAdapters(
    {
      [VerificationSource.CIVIL_AFFAIRS_MARRIAGE]: endpoint(config.VERIFY_MARRIAGE_URL, config.VERIFY_MARRIAGE_TOKEN),
      [VerificationSource.HEALTH_BIRTH_CERTIFICATE]: endpoint(config.VERIFY_BIRTH_CERT_URL, config.VERIFY_BIRTH_CERT_TOKEN),
      [VerificationSource.HOUSING_PROPERTY]: endpoint(config.VERIFY_HOUSING_URL, config.VERIFY_HOUSING_TOKEN),
      [VerificationSource.SOCIAL_SECURITY]: endpoint(config.VERIFY_SOCIAL_SECURITY_URL, config.VERIFY_SOCIAL_SECURITY_TOKEN),
    },
    config.ONLINE_VERIFICATION_TIMEOUT_MS,
  );
}

@Module({
  providers: [{ provide: VERIFICATION_ADAPTERS, inject: [SERVICE_CONFIG], useFactory: adaptersFromConfig }, OnlineVerificationService],
  exports: [OnlineVerificationService],
})
export class OnlineVerificationModule {}
