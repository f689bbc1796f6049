import { policeUnitName } from '@onewindow/contracts';
import type { SupervisionDrawCaseEntity, SupervisionDrawEntity, SupervisionFindingEntity, SupervisionInspectionEntity, SupervisionTemplateEntity } from './supervision.entities.js';
import {
  DrawCaseResultEnum, FindingStatusEnum, InspectionItemResultEnum, InspectionTemplateCodeEnum, type InspectionTemplate, type PublishedRandomInspection,
  type RandomInspectionDraw, type SupervisionFinding, type SupervisionInspection,
} from './supervision.model.js';

export function toTemplate(t: SupervisionTemplateEntity): InspectionTemplate {
  return { code: t.code as InspectionTemplateCodeEnum, version: t.version, name: t.name, cadence: t.cadence, items: t.items, publishedBy: t.publishedBy, publishedAt: t.publishedAt };
}

export function toFinding(f: SupervisionFindingEntity): SupervisionFinding {
  return {
    id: f.id, inspectionId: f.inspectionId, unitCode: f.unitCode, unitName: policeUnitName(f.unitCode), itemCode: f.itemCode, itemText: f.itemText,
    description: f.description, officerAccount: f.officerAccount, officerName: f.officerName, deadlineDays: f.deadlineDays, deadline: f.deadline,
    deadlineProvisional: f.deadlineProvisional, status: f.status as FindingStatusEnum, rectification: f.rectification ?? undefined, overdue: f.overdue,
    history: f.history.map((h) => ({ at: new Date(h.at), actorName: h.actorName, action: h.action, note: h.note ?? undefined })), updatedAt: f.updatedAt,
  };
}

export function toInspection(i: SupervisionInspectionEntity, findings: SupervisionFindingEntity[]): SupervisionInspection {
  return {
    id: i.id, templateCode: i.templateCode as InspectionTemplateCodeEnum, templateVersion: i.templateVersion, templateName: i.templateName,
    unitCode: i.unitCode, unitName: policeUnitName(i.unitCode), inspectedOn: i.inspectedOn, inspectorName: i.inspectorName,
    results: i.results.map((r) => ({ itemCode: r.itemCode, itemText: r.itemText, result: r.result as InspectionItemResultEnum, note: r.note ?? undefined })),
    note: i.note ?? undefined, findings: findings.filter((f) => f.inspectionId === i.id).map(toFinding), createdAt: i.createdAt,
  };
}

export function toDraw(d: SupervisionDrawEntity, cases: SupervisionDrawCaseEntity[]): RandomInspectionDraw {
  const own = cases.filter((c) => c.drawId === d.id);
  return {
    id: d.id, unitPrefix: d.unitPrefix, unitName: policeUnitName(d.unitPrefix), month: d.month, seed: d.seed, caseCount: d.caseCount, inspectorCount: d.inspectorCount,
    casePoolSize: d.casePoolSize, inspectorPoolSize: d.inspectorPoolSize, drawnByName: d.drawnByName, drawnAt: d.drawnAt, publishedAt: d.publishedAt ?? undefined,
    inspectors: [...new Set(own.map((c) => c.inspectorName))],
    cases: own.map((c) => ({
      position: c.position, caseNumber: c.caseNumber, unitCode: c.unitCode, unitName: policeUnitName(c.unitCode), policeType: c.policeType, itemCode: c.itemCode,
      itemName: c.itemName, inspectorAccount: c.inspectorAccount, inspectorName: c.inspectorName, result: c.result as DrawCaseResultEnum, note: c.note ?? undefined,
    })),
  };
}

/** The public summary: counts only — no names, no ID numbers, no case numbers, no notes. */
export function toPublished(d: SupervisionDrawEntity, cases: SupervisionDrawCaseEntity[]): PublishedRandomInspection {
  const byItem = new Map<string, { itemName: string; checked: number; passed: number; problems: number }>();
  for (const c of cases) {
    const row = byItem.get(c.itemName) ?? { itemName: c.itemName, checked: 0, passed: 0, problems: 0 };
    row.checked++;
    if (c.result === 'PASS') row.passed++;
    if (c.result === 'PROBLEM') row.problems++;
    byItem.set(c.itemName, row);
  }
  return {
    id: d.id, unitPrefix: d.unitPrefix, unitName: policeUnitName(d.unitPrefix), month: d.month, cases: cases.length, inspectors: d.inspectorCount,
    passed: cases.filter((c) => c.result === 'PASS').length, problems: cases.filter((c) => c.result === 'PROBLEM').length,
    byItem: [...byItem.values()].sort((a, b) => b.checked - a.checked || a.itemName.localeCompare(b.itemName)), publishedAt: d.publishedAt!,
  };
}
