import { PoliceType, Role, type ApplicationAction, type ApplicationStatus, type Identity } from '@onewindow/contracts';
import { CaseworkErrorCode, CaseworkException } from './casework.exception.js';

type Actor = 'CLERK' | 'OWNING_OFFICER' | 'SUPERVISOR';

interface Rule {
  from: readonly ApplicationStatus[];
  /** Resulting status; `null` keeps the current one. */
  to: ApplicationStatus | null;
  /** Who may perform it (any one suffices). */
  by: readonly Actor[];
  reasonRequired?: boolean;
  label: string;
}

const OPEN: readonly ApplicationStatus[] = ['ACCEPTED', 'IN_REVIEW', 'SUPPLEMENT_REQUESTED', 'APPROVED', 'READY_FOR_PICKUP'];

/** The lifecycle as data: from-states, resulting state, who may act, whether a reason is required. */
export const TRANSITIONS: Record<ApplicationAction, Rule> = {
  START_REVIEW: { from: ['ACCEPTED'], to: 'IN_REVIEW', by: ['OWNING_OFFICER'], label: '开始审核' },
  REQUEST_SUPPLEMENT: { from: ['ACCEPTED', 'IN_REVIEW'], to: 'SUPPLEMENT_REQUESTED', by: ['OWNING_OFFICER'], reasonRequired: true, label: '要求补正' },
  SUPPLEMENT_RECEIVED: { from: ['SUPPLEMENT_REQUESTED'], to: 'IN_REVIEW', by: ['CLERK', 'OWNING_OFFICER'], label: '补正材料已收' },
  SUPPLY_TOLERATED: { from: OPEN, to: null, by: ['CLERK', 'OWNING_OFFICER'], label: '容缺材料已补齐' },
  REQUEST_EXTENSION: { from: ['ACCEPTED', 'IN_REVIEW'], to: null, by: ['OWNING_OFFICER'], reasonRequired: true, label: '申请延期' },
  APPROVE_EXTENSION: { from: ['ACCEPTED', 'IN_REVIEW', 'SUPPLEMENT_REQUESTED'], to: null, by: ['SUPERVISOR'], label: '批准延期' },
  REJECT_EXTENSION: { from: ['ACCEPTED', 'IN_REVIEW', 'SUPPLEMENT_REQUESTED'], to: null, by: ['SUPERVISOR'], reasonRequired: true, label: '驳回延期' },
  APPROVE: { from: ['ACCEPTED', 'IN_REVIEW'], to: 'APPROVED', by: ['OWNING_OFFICER'], label: '审批通过' },
  REJECT: { from: ['ACCEPTED', 'IN_REVIEW', 'SUPPLEMENT_REQUESTED'], to: 'REJECTED', by: ['OWNING_OFFICER'], reasonRequired: true, label: '不予批准' },
  MARK_READY: { from: ['APPROVED'], to: 'READY_FOR_PICKUP', by: ['OWNING_OFFICER'], label: '制证完成，待领取' },
  DELIVER: { from: ['READY_FOR_PICKUP'], to: 'DELIVERED', by: ['CLERK', 'OWNING_OFFICER'], label: '已领取/已送达' },
  CLOSE: { from: ['DELIVERED', 'REJECTED'], to: 'CLOSED', by: ['CLERK', 'OWNING_OFFICER'], label: '办结' },
  WITHDRAW: { from: ['ACCEPTED', 'IN_REVIEW', 'SUPPLEMENT_REQUESTED'], to: 'WITHDRAWN', by: ['CLERK'], reasonRequired: true, label: '撤回申请' },
};

export const STATUS_LABELS: Record<ApplicationStatus, string> = {
  ACCEPTED: '已受理',
  IN_REVIEW: '审核中',
  SUPPLEMENT_REQUESTED: '待补正',
  APPROVED: '已批准',
  REJECTED: '不予批准',
  READY_FOR_PICKUP: '待领取',
  DELIVERED: '已领取',
  CLOSED: '已办结',
  WITHDRAWN: '已撤回',
};

function actorKinds(identity: Identity, policeType: PoliceType): Set<Actor> {
  const kinds = new Set<Actor>();
  if (identity.roles.includes(Role.CLERK)) kinds.add('CLERK');
  if (identity.roles.includes(Role.OFFICER) && identity.policeType === policeType) kinds.add('OWNING_OFFICER');
  if (identity.roles.includes(Role.SUPERVISOR)) kinds.add('SUPERVISOR');
  return kinds;
}

/**
 * Decide whether `identity` may perform `action` on an application of `policeType` in `status`.
 * Returns the resulting status (unchanged for actions that do not move the state).
 */
export function planTransition(
  action: ApplicationAction,
  status: ApplicationStatus,
  policeType: PoliceType,
  identity: Identity,
  reason: string | undefined,
): ApplicationStatus {
  const rule = TRANSITIONS[action];
  if (!rule.from.includes(status)) {
    throw new CaseworkException(CaseworkErrorCode.INVALID_TRANSITION, `当前状态“${STATUS_LABELS[status]}”不能执行“${rule.label}”`, { action, status });
  }
  const kinds = actorKinds(identity, policeType);
  if (!rule.by.some((k) => kinds.has(k))) {
    if (rule.by.length === 1 && rule.by[0] === 'OWNING_OFFICER') {
      throw new CaseworkException(CaseworkErrorCode.NOT_OWNING_OFFICER, `仅本警种后台民警可以执行“${rule.label}”`, { action });
    }
    throw new CaseworkException(CaseworkErrorCode.ROLE_NOT_ALLOWED, `您的角色不能执行“${rule.label}”`, { action });
  }
  if (rule.reasonRequired && !reason?.trim()) {
    throw new CaseworkException(CaseworkErrorCode.REASON_REQUIRED, `“${rule.label}”须填写理由`, { action });
  }
  return rule.to ?? status;
}
