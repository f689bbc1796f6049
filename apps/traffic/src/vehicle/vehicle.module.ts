import { Module } from '@nestjs/common';
import { VehicleRepository } from './vehicle.repository.js';

/** The motor-vehicle register (机动车, plates): read and written by the rules, read by the citizen section. */
@Module({
  providers: [VehicleRepository],
  exports: [VehicleRepository],
})
export class VehicleModule {}
