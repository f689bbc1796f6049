import { BaseServiceConfig } from '@onewindow/platform';
import { Transform } from 'class-transformer';
import { IsInt, Max, Min } from 'class-validator';

const toInt = ({ value }: { value: unknown }) => (value === undefined || value === '' ? undefined : Number(value));

export class PublicSecurityConfig extends BaseServiceConfig {
  override PORT = 4104;

  /** How often the lost-and-found disposal job looks for items past their claim year; 0 = never (supervisors only). */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(86_400_000)
  LOST_FOUND_DISPOSAL_INTERVAL_MS = 3_600_000;
}
