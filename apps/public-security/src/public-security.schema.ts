import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { FoundItemBatchEntity, FoundItemClaimEntity, FoundItemEntity, LostFoundEventEntity, LostReportEntity } from './lost-found/lost-found.entity.js';
import { CreatePermitRegister1764100000800 } from './migrations/1764100000800-CreatePermitRegister.js';
import { CreateLostAndFound1764100000810 } from './migrations/1764100000810-CreateLostAndFound.js';
import { PermitEntity, PermitEventEntity } from './permit/permit.entity.js';

/** Tables the public-security service owns (the casework core and transfers add their own). */
export const PUBLIC_SECURITY_ENTITIES = [PermitEntity, PermitEventEntity, FoundItemBatchEntity, FoundItemEntity, LostReportEntity, FoundItemClaimEntity, LostFoundEventEntity];
export const PUBLIC_SECURITY_MIGRATIONS = [CreatePermitRegister1764100000800, CreateLostAndFound1764100000810];

/** catalog/public-security.catalog.yaml, resolved from src/ and dist/ alike (both sit one level below the app). */
export const PUBLIC_SECURITY_CATALOG_PATH = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../catalog/public-security.catalog.yaml');
