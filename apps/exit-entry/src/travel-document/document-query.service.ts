import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Role, type Identity } from '@onewindow/contracts';
import { validateIdNumber } from '@onewindow/id-number';
import { AuditService, cityScope, DomainException, hasRole } from '@onewindow/platform';
import { DataSource } from 'typeorm';
import { DocumentRegisterRepository } from './document-register.repository.js';
import { DocumentErrorCode, DocumentException } from './travel-document.exception.js';
import type { EndorsementEntity } from './endorsement.entity.js';
import type { TravelDocumentEntity } from './travel-document.entity.js';

/** A document with its endorsements, as readers see it (masking is the transport's job). */
export interface DocumentView {
  document: TravelDocumentEntity;
  endorsements: EndorsementEntity[];
}

/** Who may read a person's exit-entry documents: window clerks, back-office officers, supervisors. */
export const DOCUMENT_READER_ROLES = [Role.CLERK, Role.OFFICER, Role.SUPERVISOR] as const;

/**
 * Reads of the documents register, city-scoped (一窗通办). The citizen 360 section is not audited
 * here: household records one audit row for the whole 360 query. A direct lookup by document
 * number is audited with its purpose.
 */
@Injectable()
export class DocumentQueryService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly register: DocumentRegisterRepository,
    private readonly audit: AuditService,
  ) {}

  /** The person's documents and endorsements, newest first, for the citizen 360 view. */
  async sectionFor(actor: Identity, idNumber: string): Promise<DocumentView[]> {
    assertReader(actor);
    const check = validateIdNumber(idNumber);
    if (!check.valid) return [];
    const manager = this.dataSource.manager;
    const documents = await this.register.findByHolder(manager, check.normalized, cityScope(actor));
    return this.withEndorsements(documents);
  }

  /** One document by its number (e.g. checking a presented or reported document), audited. */
  async getByNumber(actor: Identity, number: string, purpose: string): Promise<DocumentView> {
    assertReader(actor);
    if (!purpose.trim()) throw new DocumentException(DocumentErrorCode.PURPOSE_REQUIRED, '查询出入境证件须说明查询事由');
    const normalized = number.trim().toUpperCase();
    const document = await this.register.findByNumber(this.dataSource.manager, normalized, cityScope(actor));
    await this.audit.record(actor, {
      action: 'TRAVEL_DOCUMENT_READ',
      subjectType: 'TRAVEL_DOCUMENT',
      subjectRef: normalized,
      purpose: purpose.trim(),
      outcome: document ? 'SUCCESS' : 'FAILURE',
      details: document ? { holderIdNumber: document.holderIdNumber } : { reason: 'not found' },
    });
    if (!document) throw new DocumentException(DocumentErrorCode.DOCUMENT_NOT_FOUND, `未找到证件 ${normalized}（或不在本市签发）`);
    const [view] = await this.withEndorsements([document]);
    return view!;
  }

  private async withEndorsements(documents: TravelDocumentEntity[]): Promise<DocumentView[]> {
    const endorsements = await this.register.findEndorsements(this.dataSource.manager, documents.map((d) => d.id));
    return documents.map((document) => ({ document, endorsements: endorsements.filter((e) => e.documentId === document.id) }));
  }
}

function assertReader(actor: Identity): void {
  if (!hasRole(actor, ...DOCUMENT_READER_ROLES)) throw DomainException.forbidden('仅窗口民警、后台民警和督察可以查看出入境证件');
}
