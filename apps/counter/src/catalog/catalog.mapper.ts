import type { PoliceType } from '@onewindow/contracts';
import { CHANNEL_LABELS, citizenText, describeMaterial, formatFen, formatTimeLimit, sixNotices, type CatalogItem as Item, type TimeLimit } from '@onewindow/catalog';
import { CatalogChannel, CatalogItem, CatalogTimeLimit, TimeLimitUnit } from './catalog.model.js';

const clean = (s: string | undefined) => (s === undefined ? undefined : citizenText(s) || undefined);

function timeLimit(t: TimeLimit): CatalogTimeLimit {
  return { value: t.value, unit: t.unit as TimeLimitUnit, text: formatTimeLimit(t), note: clean(t.note) };
}

/** Catalog item → GraphQL, with editorial remarks ([…]) removed from citizen-facing text. */
export function toCatalogItem(item: Item, meta: { service: string; version: string }): CatalogItem {
  return {
    code: item.code,
    name: item.name,
    aliases: item.aliases,
    policeType: item.policeType as PoliceType,
    service: meta.service,
    version: meta.version,
    category: item.category,
    description: citizenText(item.description),
    materials: item.materials.map((m) => ({
      code: m.code,
      name: citizenText(m.name),
      required: m.required,
      toleratedIfMissing: m.toleratedIfMissing,
      verifiedOnline: m.verifiedOnline,
      verifiedBy: clean(m.verifiedBy),
      note: clean(m.note),
      description: describeMaterial(m),
    })),
    fee: {
      amountFen: item.fee.amountFen,
      formatted: item.fee.amountFen === 0 ? '不收费' : formatFen(item.fee.amountFen),
      description: citizenText(item.fee.description),
      basis: clean(item.fee.basis),
      waivers: item.fee.waivers.map((w) => ({ code: w.code, description: citizenText(w.description), condition: citizenText(w.condition) })),
    },
    statutoryTimeLimit: timeLimit(item.statutoryTimeLimit),
    promisedTimeLimit: timeLimit(item.promisedTimeLimit),
    channels: item.channels as CatalogChannel[],
    channelNames: item.channels.map((c) => CHANNEL_LABELS[c]),
    acceptLevels: [...(item.acceptLevels ?? ['DISTRICT_HALL'])],
    processSteps: item.processSteps.map(citizenText),
    legalBasis: item.legalBasis.map(citizenText),
    supervisionPhone: item.supervisionPhone,
    resultName: citizenText(item.resultName),
    pickupNotice: clean(item.pickupNotice),
    formFields: item.formFields.map((f) => ({ key: f.key, label: f.label, type: f.type, required: f.required, options: f.options })),
    sources: item.sources.map((s) => ({ title: s.title, url: s.url })),
    sixNotices: sixNotices(item),
  };
}
