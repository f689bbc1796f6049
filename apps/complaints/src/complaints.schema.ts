import { CallbackTaskEntity } from './callback/callback.entity.js';
import { ComplaintEntity, ComplaintEventEntity } from './complaint/complaint.entity.js';
import { ComplaintDeductionEntity } from './deduction/deduction.entity.js';
import { EvaluationEntity, InboundSmsEntity, RatingDeviceEntity, RatingPairingEntity, SmsInvitationEntity, WindowVisitEntity } from './evaluation/evaluation.entity.js';
import { CreateComplaints1796517523721 } from './migrations/1796517523721-CreateComplaints.js';
import { CreateEvaluations1797100000000 } from './migrations/1797100000000-CreateEvaluations.js';
import { AddFindingsAndDeductions1797200000000 } from './migrations/1797200000000-AddFindingsAndDeductions.js';

/** Tables the complaints service owns. */
export const COMPLAINTS_ENTITIES = [
  ComplaintEntity, ComplaintEventEntity,
  // 扣分 (point deductions from substantiated complaints)
  ComplaintDeductionEntity,
  // 好差评 (evaluations) and 回访核实 (callbacks)
  RatingPairingEntity, RatingDeviceEntity, WindowVisitEntity, EvaluationEntity, SmsInvitationEntity, InboundSmsEntity, CallbackTaskEntity,
];
export const COMPLAINTS_MIGRATIONS = [CreateComplaints1796517523721, CreateEvaluations1797100000000, AddFindingsAndDeductions1797200000000];
