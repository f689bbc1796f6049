import type { ApplicationSnapshot, ApplicationStatus } from '@onewindow/contracts';
import { citizenText } from '@onewindow/catalog';
import type { PointNode } from '../service-points/service-point-tree.js';
import type { ProgressView } from './self-service.model.js';

export const PROGRESS_STATUS_LABELS: Readonly<Record<ApplicationStatus, string>> = {
  ACCEPTED: '已受理',
  IN_REVIEW: '审核中',
  SUPPLEMENT_REQUESTED: '待补正材料',
  APPROVED: '已批准，制证/办理中',
  REJECTED: '不予批准',
  READY_FOR_PICKUP: '已办好，待领取',
  DELIVERED: '已领取/已送达',
  CLOSED: '已办结',
  WITHDRAWN: '已撤回',
};

const DONE: ReadonlySet<string> = new Set(['DELIVERED', 'CLOSED', 'WITHDRAWN', 'REJECTED']);

/** Beijing date of an ISO timestamp. */
const beijingDate = (iso: string) => new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(0, 10);

/**
 * What the public progress query shows: status, deadline, pickup place and time — never the
 * applicant's name, ID number, phone, form or materials. The pickup point is the service point of
 * the accepting unit (its address and opening hours), else the unit itself.
 */
export function progressView(s: ApplicationSnapshot, pickupPoint: PointNode | undefined): ProgressView {
  const method = s.deliveryMethod ?? 'WINDOW';
  let pickupPlace: string | null = null;
  let pickupAddress: string | null = null;
  let pickupTime: string | null = null;
  if (!DONE.has(s.status)) {
    if (method === 'POST') pickupPlace = '邮政寄递送达';
    else if (method === 'HOME') pickupPlace = '工作人员预约上门送达';
    else {
      pickupPlace = pickupPoint?.name ?? s.unitName;
      pickupAddress = pickupPoint?.address ?? null;
      const hours = pickupPoint?.openingHours ?? '工作日 9:00–17:00';
      pickupTime = s.status === 'READY_FOR_PICKUP' ? `现在即可领取；${hours}` : `办好后短信通知（承诺 ${s.deadline} 前办结）；${hours}`;
    }
  }
  return {
    number: s.number,
    itemName: s.itemName,
    status: s.status,
    statusLabel: PROGRESS_STATUS_LABELS[s.status] ?? s.status,
    deadline: s.deadline,
    acceptedOn: beijingDate(s.acceptedAt),
    unitName: s.unitName,
    resultName: s.resultName ? citizenText(s.resultName) : null,
    pickupPlace,
    pickupAddress,
    pickupTime,
    pickupNotice: s.pickupNotice && !DONE.has(s.status) ? citizenText(s.pickupNotice) : null,
  };
}
