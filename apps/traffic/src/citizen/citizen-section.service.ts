import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Role, type Identity } from '@onewindow/contracts';
import { BusinessClock, cityScope, DomainException, hasRole } from '@onewindow/platform';
import { DataSource } from 'typeorm';
import { toDrivingLicence } from '../driving-licence/driving-licence.model.js';
import { DrivingLicenceRepository } from '../driving-licence/driving-licence.repository.js';
import { toVehicle } from '../vehicle/vehicle.model.js';
import { VehicleRepository } from '../vehicle/vehicle.repository.js';
import { toViolation } from '../violation/violation.model.js';
import { normalizedIdNumber, ViolationService } from '../violation/violation.service.js';
import type { CitizenTrafficSection } from './citizen-traffic-section.model.js';

/**
 * The traffic section of the citizen 360 view. The household subgraph audits the 360 read (one
 * row per view), so this section writes none; it enforces roles itself because guards do not run
 * on federated field resolvers.
 */
@Injectable()
export class CitizenSectionService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly licences: DrivingLicenceRepository,
    private readonly vehicles: VehicleRepository,
    private readonly violations: ViolationService,
    private readonly clock: BusinessClock,
  ) {}

  async trafficSection(viewer: Identity, idNumber: string): Promise<CitizenTrafficSection> {
    if (viewer.sub === 'anonymous') throw DomainException.unauthenticated();
    if (!hasRole(viewer, Role.CLERK, Role.OFFICER, Role.SUPERVISOR)) throw DomainException.forbidden('无权查看公民交管信息');
    const id = normalizedIdNumber(idNumber);
    const scope = cityScope(viewer);
    const manager = this.dataSource.manager;
    const today = this.clock.today();
    const [licence, vehicles, unpaid] = await Promise.all([
      this.licences.findLatest(manager, id, scope),
      this.vehicles.findCurrentByOwner(manager, id, scope),
      this.violations.forPerson(manager, id, scope, { unpaidOnly: true }),
    ]);
    return {
      licence: licence ? toDrivingLicence(licence, viewer, today) : undefined,
      vehicles: vehicles.map((v) => toVehicle(v, viewer)),
      openViolations: unpaid.map((v) => toViolation(v, viewer)),
      openFineFen: unpaid.reduce((sum, v) => sum + v.fineFen, 0),
      openPoints: unpaid.filter((v) => v.status === 'OPEN').reduce((sum, v) => sum + v.points, 0),
    };
  }
}
