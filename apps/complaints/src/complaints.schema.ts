import { TRANSFERS_ENTITIES, TRANSFERS_MIGRATIONS } from '@onewindow/transfers';
import { RateLimitHitEntity, VerificationCodeEntity } from './channels/channel.entities.js';
import { ComplaintEntity, ComplaintEventEntity } from './complaint/complaint.entity.js';
import { CreateComplaints1796517523721 } from './migrations/1796517523721-CreateComplaints.js';
import { AddComplaintChannelsAndRouting1797000000000 } from './migrations/1797000000000-AddComplaintChannelsAndRouting.js';
import { RoutingRuleEntity, RoutingVersionEntity } from './routing/routing.entities.js';

/** Tables the complaints service owns. */
export const COMPLAINTS_ENTITIES = [ComplaintEntity, ComplaintEventEntity, VerificationCodeEntity, RateLimitHitEntity, RoutingVersionEntity, RoutingRuleEntity, ...TRANSFERS_ENTITIES];
export const COMPLAINTS_MIGRATIONS = [CreateComplaints1796517523721, AddComplaintChannelsAndRouting1797000000000, ...TRANSFERS_MIGRATIONS];
