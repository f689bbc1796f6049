import { Module } from '@nestjs/common';
import { DrivingLicenceRepository } from './driving-licence.repository.js';

/** The driving-licence register (驾驶证): read by the rules, the citizen section and violation handling. */
@Module({
  providers: [DrivingLicenceRepository],
  exports: [DrivingLicenceRepository],
})
export class DrivingLicenceModule {}
