import { computeFee, formatFen, type CatalogItem } from '@onewindow/catalog';
import { ENDORSEMENT_ENTRIES_LABELS, type EndorsementEntries } from '../travel-document/document-kinds.js';
import { endorsementRequestOf } from '../travel-document/exit-entry-items.js';

/**
 * Short-term (up to one year) multiple-entry endorsement, 80 yuan per the endorsement items' fee
 * descriptions (赴台签注 多次有效每件80元; HK/Macau 短期多次有效签注每件80元 [unverified: reprints of
 * 发改价格〔2017〕1186号]).
 */
const MULTIPLE_ENTRY_FEN = 8000;

export interface ExitEntryFee {
  feeFen: number;
  /** Lines for the case's details, e.g. ['往来港澳通行证 60.00元', '个人旅游签注（二次有效） 30.00元']. */
  lines: string[];
}

/** Endorsement fee by entries: the catalog's amountFen is the one-entry fee; two entries cost twice that. */
export function endorsementFeeFen(singleEntryFen: number, entries: EndorsementEntries): number {
  switch (entries) {
    case 'SINGLE':
      return singleEntryFen;
    case 'DOUBLE':
      return singleEntryFen * 2;
    case 'MULTIPLE':
      return MULTIPLE_ENTRY_FEN;
    default: {
      const unexpected: never = entries;
      throw new Error(`unknown entries ${String(unexpected)}`);
    }
  }
}

/** One-entry endorsement fee when a permit application also asks for an endorsement (同时申请签注). */
const ACCOMPANYING_ENDORSEMENT_SINGLE_FEN = 1500;

/**
 * The fee of an exit-entry application per the catalog: the item's amount (after waivers), with
 * endorsements charged by entries, and a permit applied for together with an endorsement charged
 * for both. Call with a validated form.
 */
export function exitEntryFee(item: CatalogItem, form: Record<string, unknown>, claimedWaivers: readonly string[]): ExitEntryFee {
  const base = computeFee(item, claimedWaivers);
  if (base.waiver) return { feeFen: 0, lines: [`${item.name}：${base.waiver.description}`] };
  const request = endorsementRequestOf(item.code, form);
  if (!request) return { feeFen: base.amountFen, lines: [`${item.resultName} ${formatFen(base.amountFen)}`] };
  const label = `签注（${ENDORSEMENT_ENTRIES_LABELS[request.entries]}）`;
  if (request.withNewPermit) {
    const endorsement = endorsementFeeFen(ACCOMPANYING_ENDORSEMENT_SINGLE_FEN, request.entries);
    return { feeFen: base.amountFen + endorsement, lines: [`${item.resultName} ${formatFen(base.amountFen)}`, `${label} ${formatFen(endorsement)}`] };
  }
  const fee = endorsementFeeFen(base.amountFen, request.entries);
  return { feeFen: fee, lines: [`${item.resultName}${label} ${formatFen(fee)}`] };
}
