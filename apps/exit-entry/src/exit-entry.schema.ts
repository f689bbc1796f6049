import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { EndorsementEntity } from './travel-document/endorsement.entity.js';
import { SelfServiceEndorsementEntity } from './travel-document/self-service-endorsement.entity.js';
import { TravelDocumentEntity } from './travel-document/travel-document.entity.js';
import { CreateTravelDocuments1764100000720 } from './migrations/1764100000720-CreateTravelDocuments.js';

/** Tables the exit-entry service owns (the casework core adds its own). */
export const EXIT_ENTRY_ENTITIES = [TravelDocumentEntity, EndorsementEntity, SelfServiceEndorsementEntity];
export const EXIT_ENTRY_MIGRATIONS = [CreateTravelDocuments1764100000720];

/** catalog/exit-entry.catalog.yaml, resolved from src/ and dist/ alike (both sit one level below the app). */
export const EXIT_ENTRY_CATALOG_PATH = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../catalog/exit-entry.catalog.yaml');
