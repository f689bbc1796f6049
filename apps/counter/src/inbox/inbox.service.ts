import { Inject, Injectable } from '@nestjs/common';
import { RpcSubjects, withinJurisdiction, type ApplicationSnapshot, type Identity, type ServiceName } from '@onewindow/contracts';
import { renderAcceptanceReceipt } from '@onewindow/notice-pdf';
import { AuditService, DomainException, jurisdictionOf, RpcClient, SERVICE_CONFIG } from '@onewindow/platform';
import type { CounterConfig } from '../config.js';
import { CatalogIndexService } from '../catalog/catalog-index.service.js';
import { BusinessClock } from '@onewindow/platform';
import { serviceOfNumber } from '../common/service-routing.js';
import { TransactionRunner } from '../common/transaction-runner.js';
import { receiptDocument } from './acceptance-receipt.js';
import type { InboxApplicationEntity } from './inbox-application.entity.js';
import { InboxException } from './inbox.exception.js';
import { InboxProjectionService } from './inbox-projection.service.js';
import { InboxRepository } from './inbox.repository.js';

export interface InboxQuery {
  status?: string;
  policeType?: string;
  search?: string;
  limit: number;
  offset: number;
}

const AUDIT_SUBJECT = 'APPLICATION';

/** Reads of the unified inbox: lists scoped to the caller's unit, single applications audited. */
@Injectable()
export class InboxService {
  constructor(
    private readonly inbox: InboxRepository,
    private readonly projection: InboxProjectionService,
    private readonly rpc: RpcClient,
    private readonly audit: AuditService,
    private readonly clock: BusinessClock,
    private readonly catalog: CatalogIndexService,
    private readonly tx: TransactionRunner,
    @Inject(SERVICE_CONFIG) private readonly config: CounterConfig,
  ) {}

  async list(actor: Identity, q: InboxQuery): Promise<{ rows: InboxApplicationEntity[]; total: number; today: string }> {
    const today = this.clock.today();
    const search = q.search?.trim().toUpperCase() || undefined;
    const [rows, total] = await this.inbox.list(jurisdictionOf(actor), { ...q, search, today });
    // Looking a citizen up by ID number is a read of personal data.
    if (search && !serviceOfNumber(search)) {
      await this.audit.record(actor, { action: 'INBOX_SEARCH', subjectType: 'PERSON', subjectRef: search, purpose: '统一待办检索', details: { hits: total } });
    }
    return { rows, total, today };
  }

  /**
   * One application with its timeline (APPLICATION_READ, audited whatever the outcome). If the
   * projection has not caught up yet, the owning service is asked directly and the answer is
   * projected.
   */
  async read(actor: Identity, rawNumber: string): Promise<{ snapshot: ApplicationSnapshot; today: string }> {
    const number = rawNumber.trim().toUpperCase();
    const scope = jurisdictionOf(actor);
    const record = (outcome: 'SUCCESS' | 'DENIED' | 'FAILURE', details: Record<string, unknown> = {}) =>
      this.audit.record(actor, { action: 'APPLICATION_READ', subjectType: AUDIT_SUBJECT, subjectRef: number, purpose: '查看申请', outcome, details });

    let snapshot: ApplicationSnapshot | undefined;
    const row = await this.inbox.findByNumber(number, scope);
    if (row) snapshot = row.snapshot as unknown as ApplicationSnapshot;
    else {
      const elsewhere = await this.inbox.findServiceOf(number);
      if (elsewhere) {
        await record('DENIED', { reason: 'out of jurisdiction' });
        throw DomainException.outOfJurisdiction();
      }
      snapshot = await this.fetchFromOwner(actor, number, record);
    }
    await record('SUCCESS');
    return { snapshot, today: this.clock.today() };
  }

  private async fetchFromOwner(
    actor: Identity,
    number: string,
    record: (outcome: 'SUCCESS' | 'DENIED' | 'FAILURE', details?: Record<string, unknown>) => Promise<void>,
  ): Promise<ApplicationSnapshot> {
    const service = serviceOfNumber(number);
    if (!service) {
      await record('FAILURE', { reason: 'unknown number' });
      throw InboxException.applicationNotFound(number);
    }
    let snapshot: ApplicationSnapshot;
    try {
      snapshot = InboxProjectionService.validSnapshot(await this.rpc.request<unknown>(RpcSubjects.applicationGet(service as ServiceName), { number }, actor));
    } catch (err) {
      await record('FAILURE', { reason: err instanceof DomainException ? err.code : 'error' });
      throw err;
    }
    if (!withinJurisdiction(jurisdictionOf(actor).unitPrefix, snapshot.unitCode)) {
      await record('DENIED', { reason: 'out of jurisdiction' });
      throw DomainException.outOfJurisdiction();
    }
    // A read projects what it fetched but has no side effect on citizens (no pickup SMS).
    await this.tx.run((m) => this.projection.project(snapshot, m));
    return snapshot;
  }

  /** The 受理回执 PDF of an application the caller has already been allowed to read. */
  async receiptPdf(snapshot: ApplicationSnapshot): Promise<Buffer> {
    const indexed = await this.catalog.findItem(snapshot.itemCode);
    return renderAcceptanceReceipt(receiptDocument(snapshot, indexed?.item, this.config.PUBLIC_BASE_URL));
  }
}
