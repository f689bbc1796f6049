import { ComplaintEntity, ComplaintEventEntity } from './complaint/complaint.entity.js';
import { ComplaintDeductionEntity } from './deduction/deduction.entity.js';
import { CreateComplaints1796517523721 } from './migrations/1796517523721-CreateComplaints.js';
import { AddFindingsAndDeductions1797200000000 } from './migrations/1797200000000-AddFindingsAndDeductions.js';

/** Tables the complaints service owns. */
export const COMPLAINTS_ENTITIES = [ComplaintEntity, ComplaintEventEntity, ComplaintDeductionEntity];
export const COMPLAINTS_MIGRATIONS = [CreateComplaints1796517523721, AddFindingsAndDeductions1797200000000];
