import { Module } from '@nestjs/common';
import { SERVICE_CONFIG } from '@onewindow/platform';
import { DEDUCTION_POINTS, type ComplaintsConfig, type DeductionPoints } from '../config.js';
import { DeductionRepository } from './deduction.repository.js';
import { DeductionResolver } from './deduction.resolver.js';
import { DeductionService } from './deduction.service.js';

/** 扣分 from substantiated complaints and their consequences per officer and year. */
@Module({
  providers: [
    DeductionRepository,
    DeductionService,
    DeductionResolver,
    {
      provide: DEDUCTION_POINTS,
      inject: [SERVICE_CONFIG],
      useFactory: (config: ComplaintsConfig): DeductionPoints => ({ unitPoints: config.DEDUCTION_UNIT_POINTS, officerPoints: config.DEDUCTION_OFFICER_POINTS }),
    },
  ],
  exports: [DeductionRepository, DeductionService],
})
export class DeductionModule {}
