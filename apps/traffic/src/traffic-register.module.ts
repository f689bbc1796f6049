import { Module } from '@nestjs/common';
import { CitizenSectionService } from './citizen/citizen-section.service.js';
import { CitizenResolver } from './citizen/citizen.resolver.js';
import { DeathFollowUpWorker } from './death-follow-up/death-follow-up.worker.js';
import { DrivingLicenceRepository } from './driving-licence/driving-licence.repository.js';
import { VehicleRepository } from './vehicle/vehicle.repository.js';
import { ViolationRepository } from './violation/violation.repository.js';
import { ViolationResolver } from './violation/violation.resolver.js';
import { ViolationService } from './violation/violation.service.js';

/**
 * The traffic registers (licences, vehicles, violations) and what reads or works them: violation
 * query/handling, the citizen 360 section, the DEATH_FOLLOW_UP transfer worker. Exports the
 * registers (TrafficRules in casework needs them) and the worker (for the transfers module).
 * AuditService, BusinessClock and the DataSource come from the global PlatformModule.
 */
@Module({
  providers: [
    DrivingLicenceRepository, VehicleRepository, ViolationRepository,
    ViolationService, ViolationResolver,
    CitizenSectionService, CitizenResolver,
    DeathFollowUpWorker,
  ],
  exports: [DrivingLicenceRepository, VehicleRepository, ViolationRepository, DeathFollowUpWorker],
})
export class TrafficRegisterModule {}
