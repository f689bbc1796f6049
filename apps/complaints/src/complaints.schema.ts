import { ComplaintEntity, ComplaintEventEntity } from './complaint/complaint.entity.js';
import { CreateComplaints1796517523721 } from './migrations/1796517523721-CreateComplaints.js';

/** Tables the complaints service owns. */
export const COMPLAINTS_ENTITIES = [ComplaintEntity, ComplaintEventEntity];
export const COMPLAINTS_MIGRATIONS = [CreateComplaints1796517523721];
