import { Module } from '@nestjs/common';
import { DrivingLicenceModule } from '../driving-licence/driving-licence.module.js';
import { VehicleModule } from '../vehicle/vehicle.module.js';
import { ViolationModule } from '../violation/violation.module.js';
import { CitizenSectionService } from './citizen-section.service.js';
import { CitizenResolver } from './citizen.resolver.js';

/** `Citizen.traffic`, the traffic section of the citizen 360° view. */
@Module({
  imports: [DrivingLicenceModule, VehicleModule, ViolationModule],
  providers: [CitizenSectionService, CitizenResolver],
})
export class CitizenModule {}
