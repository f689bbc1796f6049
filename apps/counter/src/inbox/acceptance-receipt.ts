import type { ApplicationSnapshot } from '@onewindow/contracts';
import { citizenText, formatTimeLimit, type CatalogItem } from '@onewindow/catalog';
import { maskIdNumber, maskName } from '@onewindow/id-number';
import type { AcceptanceReceiptDocument, PickupMethod } from '@onewindow/notice-pdf';

const PICKUP: Record<string, PickupMethod> = { WINDOW: 'window', POST: 'post', HOME: 'home' };

/** Clerk id printed as 警号/工号: the username (the identity carries no badge number yet). */
export function clerkIdOf(sub: string): string {
  return sub.replace(/^demo:/, '');
}

/**
 * 受理回执 from a snapshot; the catalog item (when indexed) adds material names, the promised time
 * limit and the enquiry phone. Applicant name and ID are always masked on paper.
 */
export function receiptDocument(s: ApplicationSnapshot, item: CatalogItem | undefined, publicBaseUrl?: string): AcceptanceReceiptDocument {
  const materialName = (code: string) => citizenText(item?.materials.find((m) => m.code === code)?.name ?? code);
  const method = PICKUP[s.deliveryMethod ?? 'WINDOW'] ?? 'window';
  return {
    applicationNumber: s.number,
    acceptedAt: s.acceptedAt,
    unitName: s.unitName,
    clerkName: s.firstInquiryOwnerName,
    clerkId: clerkIdOf(s.firstInquiryOwnerSub),
    applicantName: maskName(s.applicantName) || '申请人',
    applicantIdNumberMasked: maskIdNumber(s.applicantIdNumber),
    itemCode: s.itemCode,
    itemName: s.itemName,
    promisedCompletionDate: s.deadline,
    timeLimit: item ? formatTimeLimit(item.promisedTimeLimit) : undefined,
    pickup: { method, detail: method === 'window' ? s.unitName : undefined },
    receivedMaterials: (s.presentedMaterials ?? []).map((code) => ({ name: materialName(code) })),
    toleratedMaterials: (s.toleratedMaterials ?? []).map((t) => ({ name: citizenText(t.name), dueDate: t.dueDate })),
    contactPhone: item?.supervisionPhone,
    // 凭本回执查询办理进度: the public progress query, prefilled with the number (decision 0024).
    progressQueryUrl: publicBaseUrl ? `${publicBaseUrl.replace(/\/+$/, '')}/progress?number=${encodeURIComponent(s.number)}` : undefined,
  };
}
