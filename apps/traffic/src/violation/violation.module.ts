import { Module } from '@nestjs/common';
import { DrivingLicenceModule } from '../driving-licence/driving-licence.module.js';
import { VehicleModule } from '../vehicle/vehicle.module.js';
import { ViolationRepository } from './violation.repository.js';
import { ViolationResolver } from './violation.resolver.js';
import { ViolationService } from './violation.service.js';

/** The violations register (交通违法记录): query and handling (处理/缴款). */
@Module({
  imports: [DrivingLicenceModule, VehicleModule],
  providers: [ViolationRepository, ViolationService, ViolationResolver],
  exports: [ViolationRepository, ViolationService],
})
export class ViolationModule {}
