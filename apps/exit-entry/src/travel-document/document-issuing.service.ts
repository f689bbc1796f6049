import { Injectable } from '@nestjs/common';
import type { ApplicationSnapshot, Identity } from '@onewindow/contracts';
import { validateIdNumber } from '@onewindow/id-number';
import { BusinessClock, cityScope } from '@onewindow/platform';
import type { EntityManager } from 'typeorm';
import { DocumentRegisterRepository } from './document-register.repository.js';
import {
  DOCUMENT_KIND_LABELS, documentValidityYears, documentValidUntil, endorsementValidUntil, ENDORSEMENT_TYPE_LABELS,
} from './document-kinds.js';
import { DocumentErrorCode, DocumentException } from './travel-document.exception.js';
import { DOCUMENT_ITEMS, endorsementRequestOf } from './exit-entry-items.js';
import type { TravelDocumentEntity } from './travel-document.entity.js';

export interface RecordedResult {
  document?: { id: string; number: string; kind: string; validUntil: string; superseded: string[] };
  endorsement?: { id: string; type: string; validUntil: string; selfService: boolean };
}

/**
 * Records what an exit-entry application produced once it is made (制证完成, MARK_READY): the new
 * passport or permit — superseding the holder's valid one of that kind — and/or the endorsement on
 * the holder's permit (with the kiosk record for 自助签注). Runs in the casework transaction;
 * recording twice for one application changes nothing.
 */
@Injectable()
export class DocumentIssuingService {
  constructor(private readonly register: DocumentRegisterRepository, private readonly clock: BusinessClock) {}

  async recordResult(app: ApplicationSnapshot, actor: Identity, today: string, manager: EntityManager): Promise<RecordedResult> {
    const result: RecordedResult = {};
    const docItem = DOCUMENT_ITEMS[app.itemCode];
    let issued: TravelDocumentEntity | null = null;
    if (docItem) {
      issued = await this.register.findByApplication(manager, app.number);
      if (!issued) {
        const years = documentValidityYears(birthDateOf(app.applicantIdNumber), chinaDateOf(app.acceptedAt) ?? today);
        const label = DOCUMENT_KIND_LABELS[docItem.kind];
        const superseded = await this.register.closeValid(
          manager, app.applicantIdNumber, docItem.kind, docItem.supersededAs(app.form), today, `${app.itemName}：新证已制发（办件 ${app.number}），原${label}作废`,
        );
        issued = await this.register.insert(manager, {
          number: await this.register.nextNumber(manager, docItem.kind),
          kind: docItem.kind,
          holderIdNumber: app.applicantIdNumber,
          issuedOn: today,
          validUntil: documentValidUntil(today, years),
          unitCode: app.unitCode,
          applicationNumber: app.number,
          replacesDocumentId: superseded[0] ?? null,
        });
        result.document = { id: issued.id, number: issued.number, kind: issued.kind, validUntil: issued.validUntil, superseded };
      }
    }

    const request = endorsementRequestOf(app.itemCode, app.form);
    if (!request || (await this.register.findEndorsementByApplication(manager, app.number))) return result;
    const permit = request.withNewPermit ? issued : await this.register.findValid(manager, app.applicantIdNumber, request.documentKind, cityScope(actor));
    if (!permit || permit.kind !== request.documentKind || permit.validUntil < today) {
      throw new DocumentException(DocumentErrorCode.DOCUMENT_REQUIRED, `申请人已无有效的${DOCUMENT_KIND_LABELS[request.documentKind]}，不能加注${ENDORSEMENT_TYPE_LABELS[request.type]}签注`);
    }
    const endorsement = await this.register.insertEndorsement(manager, {
      documentId: permit.id,
      holderIdNumber: app.applicantIdNumber,
      type: request.type,
      entries: request.entries,
      destination: request.destination,
      issuedOn: today,
      validUntil: endorsementValidUntil(today, request.entries, permit.validUntil),
      channel: request.channel,
      unitCode: app.unitCode,
      applicationNumber: app.number,
    });
    if (request.channel === 'SELF_SERVICE') {
      const machineId = typeof app.form['machineId'] === 'string' && app.form['machineId'].trim() ? app.form['machineId'].trim() : null;
      await this.register.insertSelfService(manager, {
        endorsementId: endorsement.id,
        machineId,
        holderIdNumber: app.applicantIdNumber,
        unitCode: app.unitCode,
        applicationNumber: app.number,
        performedAt: this.clock.now(),
      });
    }
    result.endorsement = { id: endorsement.id, type: endorsement.type, validUntil: endorsement.validUntil, selfService: request.channel === 'SELF_SERVICE' };
    return result;
  }
}

function birthDateOf(idNumber: string): string {
  const check = validateIdNumber(idNumber);
  if (!check.valid) throw new Error(`application carries an invalid ID number (${check.reason})`);
  return check.birthDate;
}

/** China civil date (UTC+8) of an ISO timestamp; undefined when it does not parse. */
export function chinaDateOf(iso: string): string | undefined {
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? undefined : new Date(ms + 8 * 3600_000).toISOString().slice(0, 10);
}
