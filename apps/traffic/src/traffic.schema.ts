import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DrivingLicenceEntity } from './driving-licence/driving-licence.entity.js';
import { CreateTrafficRegisters1764100000710 } from './migrations/1764100000710-CreateTrafficRegisters.js';
import { VehicleEntity } from './vehicle/vehicle.entity.js';
import { ViolationEntity } from './violation/violation.entity.js';

/** Tables the traffic service owns (the casework core adds its own). */
export const TRAFFIC_ENTITIES = [DrivingLicenceEntity, VehicleEntity, ViolationEntity];
export const TRAFFIC_MIGRATIONS = [CreateTrafficRegisters1764100000710];

/** catalog/traffic.catalog.yaml, resolved from src/ and dist/ alike (both sit one level below the app). */
export const TRAFFIC_CATALOG_PATH = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../catalog/traffic.catalog.yaml');
