import {
  endorsementEntriesOf, endorsementTypeOf, type DocumentKind, type DocumentStatus, type EndorsementChannel, type EndorsementEntries,
  type EndorsementType,
} from './document-kinds.js';

/** What a document item issues, and what becomes of the holder's previous document of that kind. */
export interface DocumentItem {
  kind: DocumentKind;
  /** Status of the superseded valid document: LOST when the replacement is for a loss or theft. */
  supersededAs(form: Record<string, unknown>): Extract<DocumentStatus, 'REPLACED' | 'LOST'>;
}

const LOSS_REASONS = new Set(['遗失', '被盗']);
const replaced = () => 'REPLACED' as const;
const byReplaceReason = (form: Record<string, unknown>) => (LOSS_REASONS.has(String(form['replaceReason'])) ? ('LOST' as const) : ('REPLACED' as const));

/** Items whose result is a passport or permit recorded in travel_document. */
export const DOCUMENT_ITEMS: Readonly<Record<string, DocumentItem>> = {
  'EE-PASSPORT-FIRST': { kind: 'PASSPORT', supersededAs: replaced },
  'EE-PASSPORT-RENEW': { kind: 'PASSPORT', supersededAs: replaced },
  'EE-PASSPORT-REPLACE': { kind: 'PASSPORT', supersededAs: byReplaceReason },
  'EE-HKMO-PERMIT-FIRST': { kind: 'HKMO_PERMIT', supersededAs: replaced },
  'EE-HKMO-PERMIT-RENEW': { kind: 'HKMO_PERMIT', supersededAs: replaced },
  'EE-HKMO-PERMIT-REPLACE': { kind: 'HKMO_PERMIT', supersededAs: byReplaceReason },
  // 补发 is asked for after a loss (the form has no separate reason).
  'EE-TW-PERMIT': { kind: 'TW_PERMIT', supersededAs: (form) => (form['applicationType'] === '补发' ? 'LOST' : 'REPLACED') },
};

/** An endorsement an application asks for. */
export interface EndorsementRequest {
  /** The permit the endorsement goes on (the holder's valid one, or the one the same case issues). */
  documentKind: Extract<DocumentKind, 'HKMO_PERMIT' | 'TW_PERMIT'>;
  type: EndorsementType;
  entries: EndorsementEntries;
  destination: string | null;
  channel: EndorsementChannel;
  /** True when the permit is issued by the same application (往来港澳通行证 with 同时申请签注). */
  withNewPermit: boolean;
}

interface EndorsementItem {
  documentKind: EndorsementRequest['documentKind'];
  channel: EndorsementChannel;
  /** Fixed type, or the form field holding it. */
  type: EndorsementType | { field: string };
  /** Fixed destination, or the form field holding it. */
  destination: string | null | { field: string };
}

export const ENDORSEMENT_ITEMS: Readonly<Record<string, EndorsementItem>> = {
  'EE-HKMO-ENDORSE-GROUP': { documentKind: 'HKMO_PERMIT', channel: 'COUNTER', type: 'GROUP_TOUR', destination: { field: 'destination' } },
  'EE-HKMO-ENDORSE-INDIVIDUAL': { documentKind: 'HKMO_PERMIT', channel: 'COUNTER', type: 'INDIVIDUAL_TOUR', destination: { field: 'destination' } },
  'EE-HKMO-ENDORSE-FAMILY': { documentKind: 'HKMO_PERMIT', channel: 'COUNTER', type: 'FAMILY_VISIT', destination: { field: 'destination' } },
  'EE-HKMO-ENDORSE-BUSINESS': { documentKind: 'HKMO_PERMIT', channel: 'COUNTER', type: 'BUSINESS', destination: null },
  'EE-TW-ENDORSE': { documentKind: 'TW_PERMIT', channel: 'COUNTER', type: { field: 'endorsementType' }, destination: '台湾' },
  'EE-SELF-ENDORSE': { documentKind: 'HKMO_PERMIT', channel: 'SELF_SERVICE', type: { field: 'endorsementType' }, destination: null },
};

export const SELF_SERVICE_ITEM = 'EE-SELF-ENDORSE';
const PERMIT_WITH_ENDORSEMENT = 'EE-HKMO-PERMIT-FIRST';
const NO_ENDORSEMENT = '不申请';

/**
 * The endorsement an application asks for, read from its item and (already validated) form;
 * undefined when it asks for none. Entries default to one entry where the form does not say.
 */
export function endorsementRequestOf(itemCode: string, form: Record<string, unknown>): EndorsementRequest | undefined {
  if (itemCode === PERMIT_WITH_ENDORSEMENT) {
    const wanted = form['withEndorsement'];
    if (wanted === undefined || wanted === NO_ENDORSEMENT) return undefined;
    const type = endorsementTypeOf(wanted);
    if (!type) return undefined;
    return { documentKind: 'HKMO_PERMIT', type, entries: endorsementEntriesOf(form['endorsementEntries']) ?? 'SINGLE', destination: null, channel: 'COUNTER', withNewPermit: true };
  }
  const spec = ENDORSEMENT_ITEMS[itemCode];
  if (!spec) return undefined;
  const type = typeof spec.type === 'string' ? spec.type : endorsementTypeOf(form[spec.type.field]);
  if (!type) return undefined;
  const destination = spec.destination === null || typeof spec.destination === 'string'
    ? spec.destination
    : typeof form[spec.destination.field] === 'string' ? (form[spec.destination.field] as string) : null;
  return {
    documentKind: spec.documentKind,
    type,
    entries: endorsementEntriesOf(form['entries']) ?? 'SINGLE',
    destination,
    channel: spec.channel,
    withNewPermit: false,
  };
}
