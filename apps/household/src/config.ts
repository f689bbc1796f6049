import { BaseServiceConfig } from '@onewindow/platform';
import { Transform } from 'class-transformer';
import { IsInt, Matches, Max, Min } from 'class-validator';

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
}
