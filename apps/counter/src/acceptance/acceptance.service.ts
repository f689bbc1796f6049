import { Injectable } from '@nestjs/common';
import {
  POLICE_TYPE_LABELS,
  RpcSubjects,
  type AcceptApplicationCommand,
  type AcceptApplicationReply,
  type ApplicationSnapshot,
  type Identity,
  type OpenApplicationRef,
  type ServiceName,
} from '@onewindow/contracts';
import { validateIdNumber } from '@onewindow/id-number';
import { AuditService, jurisdictionOf, RpcClient } from '@onewindow/platform';
import { CatalogIndexService } from '../catalog/catalog-index.service.js';
import { isUniqueViolation, TransactionRunner } from '../common/transaction-runner.js';
import { InboxProjectionService } from '../inbox/inbox-projection.service.js';
import { InboxRepository } from '../inbox/inbox.repository.js';
import type { OneTimeNoticeEntity } from '../one-time-notice/one-time-notice.entity.js';
import { OneTimeNoticeService } from '../one-time-notice/one-time-notice.service.js';
import { ServicePointsService } from '../service-points/service-points.service.js';
import { AcceptRequestRepository } from './accept-request.repository.js';
import { AcceptanceErrorCode, AcceptanceException } from './acceptance.exception.js';
import type { AcceptApplicationInput } from './dto/accept-application.input.js';

export type AcceptanceResult = { kind: 'APPLICATION'; snapshot: ApplicationSnapshot; openApplications?: OpenApplicationRef[] } | { kind: 'NOTICE'; notice: OneTimeNoticeEntity };

/**
 * 全科受理: any clerk accepts any item. The counter looks the item up in its index and routes the
 * command to the owning police service over NATS; that service decides. Nothing is written in
 * the counter before the answer, so an absent service (SERVICE_UNAVAILABLE) or a refusal leaves
 * no trace here. Missing materials become a 一次性告知单 in the counter; an acceptance is
 * projected into the inbox at once and completes the notice it came from (一次告知、二次办结).
 */
@Injectable()
export class AcceptanceService {
  constructor(
    private readonly requests: AcceptRequestRepository,
    private readonly catalog: CatalogIndexService,
    private readonly notices: OneTimeNoticeService,
    private readonly projection: InboxProjectionService,
    private readonly inbox: InboxRepository,
    private readonly rpc: RpcClient,
    private readonly tx: TransactionRunner,
    private readonly points: ServicePointsService,
    private readonly audit: AuditService,
  ) {}

  async accept(actor: Identity, input: AcceptApplicationInput): Promise<AcceptanceResult> {
    const replay = await this.replay(actor, input.idempotencyKey);
    if (replay) return replay;

    const check = validateIdNumber(input.applicantIdNumber);
    if (!check.valid) throw new AcceptanceException(AcceptanceErrorCode.INVALID_ID_NUMBER, `身份证号码无效：${check.message}`, { reason: check.reason });
    const applicantIdNumber = check.normalized;
    const indexed = await this.catalog.getItem(input.itemCode);
    // 三级窗口: a point where the item is not delegated refuses it and names the nearest point that takes it.
    await this.points.assertMayAccept(actor, indexed.item);
    const fromNotice = input.fromNoticeNumber
      ? await this.notices.assertResolvable(actor, input.fromNoticeNumber, indexed.item.code, applicantIdNumber)
      : undefined;

    const command: AcceptApplicationCommand = {
      idempotencyKey: input.idempotencyKey,
      itemCode: indexed.item.code,
      applicantIdNumber,
      presentedMaterials: input.presentedMaterials,
      toleratedMaterials: input.toleratedMaterials?.map((t) => ({ code: t.code, commitment: t.commitment, dueDate: t.dueDate })),
      form: input.form,
      claimedWaivers: input.claimedWaivers,
      fromNoticeNumber: fromNotice,
    };
    const reply = await this.rpc.request<AcceptApplicationReply>(RpcSubjects.applicationAccept(indexed.service as ServiceName), command, actor, {
      serviceLabel: POLICE_TYPE_LABELS[indexed.policeType],
    });
    const base = { idempotencyKey: input.idempotencyKey, actorSub: actor.sub, itemCode: indexed.item.code, service: indexed.service };

    try {
      if (reply?.outcome === 'ACCEPTED') {
        const snapshot = InboxProjectionService.validSnapshot(reply.application);
        const audited = await this.tx.run(async (m) => {
          await this.requests.insert({ ...base, outcome: 'ACCEPTED', applicationNumber: snapshot.number, noticeNumber: null }, m);
          await this.projection.apply(snapshot, m);
          if (fromNotice) await this.notices.resolve(fromNotice, snapshot.number, m);
          // The mutation's audit entry commits with the acceptance (last: it holds the audit chain's lock until commit).
          return this.audit.recordMutationSuccess(m);
        });
        audited();
        // WARN items: the owning service names the applicant's other open applications of the item.
        return { kind: 'APPLICATION', snapshot, ...(reply.openApplications?.length ? { openApplications: reply.openApplications } : {}) };
      }
      if (reply?.outcome === 'MISSING_MATERIALS' && reply.missing?.length) {
        const missing = reply.missing;
        const notice = await this.tx.run(async (m) => {
          const issued = await this.notices.issue(
            {
              indexed,
              applicantIdNumber,
              applicantName: typeof input.form['applicantName'] === 'string' ? input.form['applicantName'] : undefined,
              presentedCodes: input.presentedMaterials,
              missing,
              actor,
            },
            m,
          );
          await this.requests.insert({ ...base, outcome: 'MISSING_MATERIALS', applicationNumber: null, noticeNumber: issued.number }, m);
          return { issued, audited: await this.audit.recordMutationSuccess(m) };
        });
        notice.audited();
        return { kind: 'NOTICE', notice: notice.issued };
      }
    } catch (err) {
      // The same key committed concurrently (double submit): answer with what was stored.
      if (isUniqueViolation(err)) {
        const stored = await this.replay(actor, input.idempotencyKey);
        if (stored) return stored;
      }
      throw err;
    }
    throw new AcceptanceException(AcceptanceErrorCode.INVALID_ACCEPT_REPLY, `${POLICE_TYPE_LABELS[indexed.policeType]}服务返回的受理结果无法识别`, {
      outcome: (reply as { outcome?: unknown } | undefined)?.outcome,
    });
  }

  /** The stored result of an earlier attempt with this key (as it is now), or undefined. */
  private async replay(actor: Identity, key: string): Promise<AcceptanceResult | undefined> {
    const row = await this.requests.findByKey(key);
    if (!row) return undefined;
    if (row.actorSub !== actor.sub) {
      throw new AcceptanceException(AcceptanceErrorCode.IDEMPOTENCY_KEY_REUSED, '该幂等键已被其他用户使用，请重新发起受理');
    }
    if (row.outcome === 'ACCEPTED' && row.applicationNumber) {
      const projected = await this.inbox.findByNumber(row.applicationNumber, jurisdictionOf(actor));
      if (projected) return { kind: 'APPLICATION', snapshot: projected.snapshot as unknown as ApplicationSnapshot };
    }
    if (row.outcome === 'MISSING_MATERIALS' && row.noticeNumber) {
      const notice = await this.notices.findForReplay(actor, row.noticeNumber);
      if (notice) return { kind: 'NOTICE', notice };
    }
    // The stored result is no longer visible to this caller (e.g. their unit changed): refuse rather than re-submit.
    throw new AcceptanceException(AcceptanceErrorCode.IDEMPOTENCY_KEY_REUSED, '该幂等键已使用，但原受理结果不在您的辖区内');
  }
}
