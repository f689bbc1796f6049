import { BaseServiceConfig } from '@onewindow/platform';
import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUrl, Matches, Max, Min } from 'class-validator';

const toInt = ({ value }: { value: unknown }) => (value === undefined || value === '' ? undefined : Number(value));

/** Household (户政) service settings; see BaseServiceConfig for the shared ones. */
export class HouseholdConfig extends BaseServiceConfig {
  override PORT = 4101;

  /** Synthetic persons seeded on the first boot in demo mode (empty register); 0 = none. */
  @Transform(toInt)
  @IsInt({ message: 'DEMO_POPULATION must be an integer' })
  @Min(0, { message: 'DEMO_POPULATION must be 0 or more' })
  @Max(5_000_000, { message: 'DEMO_POPULATION must be at most 5000000' })
  DEMO_POPULATION = 10_000;

  /** Seed of the synthetic population: the same seed gives the same persons. */
  @Transform(toInt)
  @IsInt({ message: 'DEMO_POPULATION_SEED must be an integer' })
  DEMO_POPULATION_SEED = 1;

  /** Police stations the synthetic households are registered with (comma-separated unit codes). */
  @Matches(/^\d{7,12}(,\d{7,12})*$/, { message: 'DEMO_POPULATION_UNITS must be comma-separated 7-12 digit unit codes' })
  DEMO_POPULATION_UNITS = '510107001,510104002';

  /**
   * How materials marked 免提交/网上核验 are checked with the departments holding them:
   * `fixture` (demo/test: answers from ONLINE_VERIFICATION_FIXTURE) or `http` (each department's
   * endpoint below). Production refuses `fixture`.
   */
  @IsIn(['fixture', 'http'])
  ONLINE_VERIFICATION_MODE: 'fixture' | 'http' = 'fixture';

  /** fixture mode: JSON file of the departments' records (default: the demo fixture of @onewindow/online-verification). */
  @IsOptional() @IsString() ONLINE_VERIFICATION_FIXTURE?: string = undefined;

  /** http mode: give up on a department after this many milliseconds (the material then goes on the notice). */
  @Transform(toInt) @IsInt() @Min(200) @Max(30_000) ONLINE_VERIFICATION_TIMEOUT_MS = 3_000;

  /** http mode: base URL and bearer token (sensitive) per department: 民政婚姻登记, 卫健出生医学证明, 住建房产, 人社社保. */
  @IsOptional() @IsUrl({ require_tld: false, require_protocol: true, protocols: ['http', 'https'] }) VERIFY_MARRIAGE_URL?: string = undefined;
  @IsOptional() @IsString() VERIFY_MARRIAGE_TOKEN?: string = undefined;
  @IsOptional() @IsUrl({ require_tld: false, require_protocol: true, protocols: ['http', 'https'] }) VERIFY_BIRTH_CERT_URL?: string = undefined;
  @IsOptional() @IsString() VERIFY_BIRTH_CERT_TOKEN?: string = undefined;
  @IsOptional() @IsUrl({ require_tld: false, require_protocol: true, protocols: ['http', 'https'] }) VERIFY_HOUSING_URL?: string = undefined;
  @IsOptional() @IsString() VERIFY_HOUSING_TOKEN?: string = undefined;
  @IsOptional() @IsUrl({ require_tld: false, require_protocol: true, protocols: ['http', 'https'] }) VERIFY_SOCIAL_SECURITY_URL?: string = undefined;
  @IsOptional() @IsString() VERIFY_SOCIAL_SECURITY_TOKEN?: string = undefined;

  override consistencyProblems(): string[] {
    const problems = super.consistencyProblems();
    if (this.ONLINE_VERIFICATION_MODE === 'http') {
      for (const key of ['MARRIAGE', 'BIRTH_CERT', 'HOUSING', 'SOCIAL_SECURITY'] as const) {
        if (!this[`VERIFY_${key}_URL`] || !this[`VERIFY_${key}_TOKEN`]) problems.push(`ONLINE_VERIFICATION_MODE=http needs VERIFY_${key}_URL and VERIFY_${key}_TOKEN`);
      }
    }
    return problems;
  }

  override productionProblems(): string[] {
    const problems = super.productionProblems();
    if (this.ONLINE_VERIFICATION_MODE === 'fixture') problems.push('ONLINE_VERIFICATION_MODE=fixture answers from demo data: set ONLINE_VERIFICATION_MODE=http with the VERIFY_* endpoints in production');
    return problems;
  }
}
