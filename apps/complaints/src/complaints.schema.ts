import { TRANSFERS_ENTITIES, TRANSFERS_MIGRATIONS } from '@onewindow/transfers';
import { CallbackTaskEntity } from './callback/callback.entity.js';
import { ComplaintEntity, ComplaintEventEntity } from './complaint/complaint.entity.js';
import { ComplaintDeductionEntity } from './deduction/deduction.entity.js';
import { EvaluationEntity, InboundSmsEntity, RatingDeviceEntity, RatingPairingEntity, SmsInvitationEntity, WindowVisitEntity } from './evaluation/evaluation.entity.js';
import { CreateComplaints1796517523721 } from './migrations/1796517523721-CreateComplaints.js';
import { AddComplaintChannelsAndRouting1797000000000 } from './migrations/1797000000000-AddComplaintChannelsAndRouting.js';
import { CreateEvaluations1797100000000 } from './migrations/1797100000000-CreateEvaluations.js';
import { AddFindingsAndDeductions1797200000000 } from './migrations/1797200000000-AddFindingsAndDeductions.js';
import { MoveOnlineCodesToPlatform1797300000000 } from './migrations/1797300000000-MoveOnlineCodesToPlatform.js';
import { AddComplaintFirstInquiryNumber1798100000002 } from './migrations/1798100000002-AddComplaintFirstInquiryNumber.js';
import { RoutingRuleEntity, RoutingVersionEntity } from './routing/routing.entities.js';

/** Tables the complaints service owns, then those of cross-police-type transfers. */
export const COMPLAINTS_ENTITIES = [
  ComplaintEntity, ComplaintEventEntity,
  // routing rules (分派规则); the online form's codes and rate limits are the platform kit's
  RoutingVersionEntity, RoutingRuleEntity,
  // 扣分 (point deductions from substantiated complaints)
  ComplaintDeductionEntity,
  // 好差评 (evaluations) and 回访核实 (callbacks)
  RatingPairingEntity, RatingDeviceEntity, WindowVisitEntity, EvaluationEntity, SmsInvitationEntity, InboundSmsEntity, CallbackTaskEntity,
  ...TRANSFERS_ENTITIES,
];
export const COMPLAINTS_MIGRATIONS = [
  CreateComplaints1796517523721, AddComplaintChannelsAndRouting1797000000000, CreateEvaluations1797100000000, AddFindingsAndDeductions1797200000000, MoveOnlineCodesToPlatform1797300000000,
  AddComplaintFirstInquiryNumber1798100000002,
  ...TRANSFERS_MIGRATIONS,
];
