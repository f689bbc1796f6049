import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { IdCardEntity } from './id-card/id-card.entity.js';
import { CreatePopulationRegister1764100000100 } from './migrations/1764100000100-CreatePopulationRegister.js';
import { CreateIdCard1764100000300 } from './migrations/1764100000300-CreateIdCard.js';
import { HouseholdEntity } from './household/household.entity.js';
import { RecordPersonMoveOut1796513804649 } from './migrations/1796513804649-RecordPersonMoveOut.js';
import { CreateResidencePermit1796514400000 } from './migrations/1796514400000-CreateResidencePermit.js';
import { PersonEntity } from './person/person.entity.js';
import { ResidencePermitEndorsementEntity, ResidencePermitEntity } from './residence-permit/residence-permit.entity.js';

/** Tables the household service owns (the casework core adds its own). */
export const HOUSEHOLD_ENTITIES = [PersonEntity, HouseholdEntity, IdCardEntity, ResidencePermitEntity, ResidencePermitEndorsementEntity];
export const HOUSEHOLD_MIGRATIONS = [CreatePopulationRegister1764100000100, CreateIdCard1764100000300, RecordPersonMoveOut1796513804649, CreateResidencePermit1796514400000];

/** catalog/household.catalog.yaml, resolved from src/ and dist/ alike (both sit one level below the app). */
export const HOUSEHOLD_CATALOG_PATH = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../catalog/household.catalog.yaml');
