import { BaseServiceConfig } from '@onewindow/platform';
import { Transform } from 'class-transformer';
import { IsInt, Max, Min } from 'class-validator';

const toInt = ({ value }: { value: unknown }) => (value === undefined || value === '' ? undefined : Number(value));

export class ComplaintsConfig extends BaseServiceConfig {
  override PORT = 4105;

  /** Points deducted from the responsible unit for a substantiated (属实/部分属实) complaint (seed 004: 对责任单位予以扣分). */
  @Transform(toInt)
  @IsInt({ message: 'DEDUCTION_UNIT_POINTS must be an integer' })
  @Min(0, { message: 'DEDUCTION_UNIT_POINTS must be 0 or more' })
  @Max(100, { message: 'DEDUCTION_UNIT_POINTS must be at most 100' })
  DEDUCTION_UNIT_POINTS = 2;

  /** Points deducted from the responsible officer for a substantiated complaint (对责任民警予以扣分). */
  @Transform(toInt)
  @IsInt({ message: 'DEDUCTION_OFFICER_POINTS must be an integer' })
  @Min(0, { message: 'DEDUCTION_OFFICER_POINTS must be 0 or more' })
  @Max(100, { message: 'DEDUCTION_OFFICER_POINTS must be at most 100' })
  DEDUCTION_OFFICER_POINTS = 2;
}

/** The deduction points in force (from ComplaintsConfig; tests pass their own). */
export interface DeductionPoints {
  unitPoints: number;
  officerPoints: number;
}
export const DEDUCTION_POINTS = Symbol('DEDUCTION_POINTS');
