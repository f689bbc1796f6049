import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { WorkingCalendar } from '@onewindow/calendar';
import {
  EventSubjects, NotificationRequestedEvent, PoliceType, Role, RpcSubjects, ServiceName, type Identity, type PersonLookupReply,
} from '@onewindow/contracts';
import { maskIdNumber, validateIdNumber } from '@onewindow/id-number';
import { AuditService, BusinessClock, cityScope, DomainException, hasRole, type Jurisdiction, jurisdictionOf, OutboxService, RpcClient, WHOLE_BUREAU } from '@onewindow/platform';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { randomUUID } from 'node:crypto';
import { DataSource, QueryFailedError, type EntityManager } from 'typeorm';
import {
  CATEGORY_LABELS, DISPOSAL_LABELS, disposalMethodFor, LOST_ITEM_MATCHED_TEMPLATE, OPEN_ITEM_STATUSES,
  type FoundItemCategory, type FoundItemStatus, type HandedInBy, type LostReportStatus, type VerificationMethod,
} from './lost-found.constants.js';
import type { FoundItemBatchEntity, FoundItemClaimEntity, FoundItemEntity, LostFoundEventEntity, LostReportEntity } from './lost-found.entity.js';
import { LostFoundErrorCode as Code, LostFoundException } from './lost-found.exception.js';
import { LostFoundRepository, type FoundItemFilter, type LostReportFilter, type Page } from './lost-found.repository.js';
import { isPastRetention, retentionUntil } from './retention.js';

export interface NewFoundItem {
  category: FoundItemCategory;
  description: string;
  foundOn: string;
  foundPlace: string;
  storageSlot?: string | null;
}

export interface RegisterFoundItemsCommand {
  handedInBy: HandedInBy;
  handedInByName?: string | null;
  batchReference?: string | null;
  storagePlace: string;
  items: NewFoundItem[];
}

export interface FileLostReportCommand {
  category: FoundItemCategory;
  description: string;
  lostOn?: string | null;
  lostPlace?: string | null;
  phone: string;
  reporterIdNumber?: string | null;
  reporterName?: string | null;
}

export interface ClaimFoundItemCommand {
  foundItemNumber: string;
  claimantIdNumber: string;
  claimantPhone: string;
  descriptionGiven: string;
  identityVerified: boolean;
  verificationMethod: VerificationMethod;
}

/** A found item with what is attached to it (its matched report, claims and, on detail reads, history). */
export interface FoundItemView {
  item: FoundItemEntity;
  report: LostReportEntity | null;
  claims: FoundItemClaimEntity[];
  history: LostFoundEventEntity[];
}

export interface LostReportView {
  report: LostReportEntity;
  matchedItemNumber: string | null;
  history: LostFoundEventEntity[];
}

/** At most this many items per disposal run (the rest go in the next run). */
const DISPOSAL_BATCH = 500;
const CLAIMABLE: readonly FoundItemStatus[] = ['IN_STORAGE', 'MATCHED'];

/**
 * The lost-and-found platform (失物招领平台, with the sanitation department): hand-ins, the notice
 * board, citizens' lost reports, matches with an SMS to the owner, claims with an identity check
 * against the household register, and disposal of what nobody claimed within the year. Every
 * state change is a history row in the same transaction; reads of claimants' data are audited.
 */
@Injectable()
export class LostAndFoundService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly store: LostFoundRepository,
    private readonly outbox: OutboxService,
    private readonly audit: AuditService,
    private readonly rpc: RpcClient,
    private readonly clock: BusinessClock,
    /** The platform's working calendar (with the deployment's overrides). */
    readonly calendar: WorkingCalendar,
  ) {}

  /** 接收登记: one hand-in (a sanitation batch or a citizen's item), all items in one transaction. */
  async registerFoundItems(actor: Identity, cmd: RegisterFoundItemsCommand): Promise<{ batch: FoundItemBatchEntity; items: FoundItemView[] }> {
    assertLostAndFoundStaff(actor);
    const givenReference = cmd.batchReference?.trim() || null;
    if (cmd.handedInBy === 'SANITATION' && !givenReference) {
      throw new LostFoundException(Code.BATCH_REFERENCE_REQUIRED, '环卫部门移交须填写移交批次号');
    }
    const today = this.clock.today();
    const late = cmd.items.findIndex((i) => i.foundOn > today);
    if (late >= 0) throw new LostFoundException(Code.DATE_IN_FUTURE, `第${late + 1}件物品的拾得日期晚于今天`, { index: late });
    const retention = retentionUntil(today, this.calendar);
    try {
      const result = await this.dataSource.transaction(async (manager) => {
        if (givenReference && (await this.store.findBatch(manager, givenReference))) throw alreadyRegistered(givenReference);
        const batch = await this.store.insertBatch(manager, {
          reference: givenReference ?? (await this.store.nextBatchReference(manager, today)),
          handedInBy: cmd.handedInBy,
          handedInByName: cmd.handedInByName?.trim() || null,
          storagePlace: cmd.storagePlace.trim(),
          itemCount: cmd.items.length,
          unitCode: actor.unitCode,
          registeredBySub: actor.sub,
          registeredByName: actor.displayName,
        });
        const rows = [];
        for (const i of cmd.items) {
          rows.push({
            number: await this.store.nextItemNumber(manager, today),
            batchId: batch.id,
            batchReference: batch.reference,
            category: i.category,
            description: i.description.trim(),
            foundOn: i.foundOn,
            foundPlace: i.foundPlace.trim(),
            handedInBy: cmd.handedInBy,
            storagePlace: batch.storagePlace,
            storageSlot: i.storageSlot?.trim() || null,
            status: 'IN_STORAGE' as const,
            noticePublishedOn: today,
            retentionUntil: retention.retentionUntil,
            retentionProvisional: retention.provisional,
            unitCode: actor.unitCode,
            matchedReportId: null,
            disposalMethod: null,
            disposedOn: null,
            registeredByName: actor.displayName,
          });
        }
        const items = await this.store.insertItems(manager, rows);
        for (const item of items) {
          await this.record(manager, actor, { foundItemId: item.id, action: 'REGISTER', from: null, to: 'IN_STORAGE', details: { batchReference: batch.reference, handedInBy: cmd.handedInBy } });
        }
        return { batch, items: items.map((item) => ({ item, report: null, claims: [], history: [] })) };
      });
      return result;
    } catch (err) {
      // Two windows registering the same batch at once: the loser is told it is already registered.
      if (givenReference && err instanceof QueryFailedError && /reference/.test(String((err as { detail?: string }).detail ?? err.message))) {
        throw alreadyRegistered(givenReference);
      }
      throw err;
    }
  }

  /** The notice board (招领信息) of the caller's city; claimants' and reporters' data come masked from the resolver. */
  async searchFoundItems(actor: Identity, filter: Omit<FoundItemFilter, 'statuses'> & { statuses?: readonly FoundItemStatus[] }, page: Page): Promise<{ items: FoundItemView[]; total: number }> {
    assertLostAndFoundStaff(actor);
    const manager = this.dataSource.manager;
    const scope = cityScope(actor);
    const [items, total] = await this.store.search(manager, scope, { ...filter, statuses: filter.statuses?.length ? filter.statuses : OPEN_ITEM_STATUSES }, page);
    return { items: await this.attach(manager, items, scope, false), total };
  }

  /** One item with its report, claims and history; reads of the personal data on it are audited with the purpose. */
  async getFoundItem(actor: Identity, number: string, purpose: string): Promise<FoundItemView> {
    assertLostAndFoundStaff(actor);
    const manager = this.dataSource.manager;
    const scope = cityScope(actor);
    const item = await this.store.findItem(manager, number, scope);
    if (!item) throw new LostFoundException(Code.FOUND_ITEM_NOT_FOUND, `未找到拾得物 ${number}`);
    const [view] = await this.attach(manager, [item], scope, true);
    await this.auditPersonalData(actor, 'FOUND_ITEM_READ', purpose, view!.report ? [view!.report] : [], view!.claims, { foundItem: number });
    return view!;
  }

  /** 失物登记: a citizen reports a loss and leaves a phone number for the SMS when it turns up. */
  async fileLostReport(actor: Identity, cmd: FileLostReportCommand): Promise<LostReportView> {
    assertLostAndFoundStaff(actor);
    const today = this.clock.today();
    if (cmd.lostOn && cmd.lostOn > today) throw new LostFoundException(Code.DATE_IN_FUTURE, '遗失日期不能晚于今天');
    let reporterIdNumber: string | null = null;
    if (cmd.reporterIdNumber?.trim()) {
      const id = validateIdNumber(cmd.reporterIdNumber);
      if (!id.valid) throw new LostFoundException(Code.INVALID_ID_NUMBER, `失主身份证号码无效：${id.message}`, { reason: id.reason });
      reporterIdNumber = id.normalized;
    }
    return this.dataSource.transaction(async (manager) => {
      const report = await this.store.insertReport(manager, {
        category: cmd.category,
        description: cmd.description.trim(),
        lostOn: cmd.lostOn ?? null,
        lostPlace: cmd.lostPlace?.trim() || null,
        reporterName: cmd.reporterName?.trim() || null,
        reporterIdNumber,
        phone: cmd.phone,
        status: 'OPEN',
        matchedFoundItemId: null,
        unitCode: actor.unitCode,
        filedBySub: actor.sub,
        filedByName: actor.displayName,
      });
      await this.record(manager, actor, { lostReportId: report.id, action: 'FILE_REPORT', from: null, to: 'OPEN' });
      return { report, matchedItemNumber: null, history: [] };
    });
  }

  async searchLostReports(actor: Identity, filter: LostReportFilter, page: Page): Promise<{ items: LostReportView[]; total: number }> {
    assertLostAndFoundStaff(actor);
    const manager = this.dataSource.manager;
    const [reports, total] = await this.store.searchReports(manager, cityScope(actor), filter, page);
    const items = await this.store.findItemsByIds(manager, reports.map((r) => r.matchedFoundItemId).filter((x): x is string => !!x));
    return { total, items: reports.map((report) => ({ report, matchedItemNumber: items.find((i) => i.id === report.matchedFoundItemId)?.number ?? null, history: [] })) };
  }

  async getLostReport(actor: Identity, id: string, purpose: string): Promise<LostReportView> {
    assertLostAndFoundStaff(actor);
    const manager = this.dataSource.manager;
    const report = await this.store.findReport(manager, id, cityScope(actor));
    if (!report) throw new LostFoundException(Code.LOST_REPORT_NOT_FOUND, '未找到该失物登记');
    await this.auditPersonalData(actor, 'LOST_REPORT_READ', purpose, [report], [], { lostReport: id });
    const [item] = await this.store.findItemsByIds(manager, report.matchedFoundItemId ? [report.matchedFoundItemId] : []);
    return { report, matchedItemNumber: item?.number ?? null, history: await this.store.historyOfReports(manager, [report.id]) };
  }

  /**
   * 比对确认: the found item is the reported loss → both MATCHED and, in the same transaction, the
   * owner's SMS requested from the counter (`public-security.v1.notification.requested`,
   * template LOST_ITEM_MATCHED with the category and the storage place — no names, no ID numbers).
   */
  async confirmMatch(actor: Identity, foundItemNumber: string, lostReportId: string): Promise<FoundItemView> {
    assertLostAndFoundStaff(actor);
    const scope = cityScope(actor);
    const view = await this.dataSource.transaction(async (manager) => {
      const item = await this.store.lockItem(manager, foundItemNumber, scope);
      if (!item) throw new LostFoundException(Code.FOUND_ITEM_NOT_FOUND, `未找到拾得物 ${foundItemNumber}`);
      if (item.status !== 'IN_STORAGE') {
        throw new LostFoundException(Code.ITEM_NOT_AVAILABLE, `拾得物 ${item.number} 当前状态为${ITEM_STATUS_LABELS[item.status]}，不能再比对`, { status: item.status });
      }
      const report = await this.store.lockReport(manager, lostReportId, scope);
      if (!report) throw new LostFoundException(Code.LOST_REPORT_NOT_FOUND, '未找到该失物登记');
      if (report.status !== 'OPEN') throw new LostFoundException(Code.REPORT_NOT_OPEN, '该失物登记已比对或已办结', { status: report.status });

      item.status = 'MATCHED';
      item.matchedReportId = report.id;
      report.status = 'MATCHED';
      report.matchedFoundItemId = item.id;
      await this.store.saveItem(manager, item);
      await this.store.saveReport(manager, report);

      const notification = this.matchNotification(item, report);
      await this.outbox.enqueue(manager, EventSubjects.notificationRequested(ServiceName.PUBLIC_SECURITY), notification);
      await this.record(manager, actor, { foundItemId: item.id, action: 'MATCH', from: 'IN_STORAGE', to: 'MATCHED', details: { lostReportId: report.id, notificationId: notification.notificationId } });
      await this.record(manager, actor, { lostReportId: report.id, action: 'MATCH', from: 'OPEN', to: 'MATCHED', details: { foundItemNumber: item.number, notificationId: notification.notificationId } });
      const [attached] = await this.attach(manager, [item], scope, true);
      return attached!;
    });
    this.outbox.notifyCommitted();
    return view;
  }

  /**
   * 认领: the clerk checked the claimant's ID card (or face); the claimant must be on the household
   * register and living (asked over NATS) and, if the item was matched to a report naming an ID
   * number, be that person. Returned → CLAIMED (report CLOSED). Refused → a REFUSED claim and a
   * history row are kept, then the refusal is returned as an error. Household unreachable →
   * SERVICE_UNAVAILABLE and nothing written.
   */
  async claimFoundItem(actor: Identity, cmd: ClaimFoundItemCommand): Promise<FoundItemView> {
    assertLostAndFoundStaff(actor);
    if (!cmd.identityVerified) throw new LostFoundException(Code.IDENTITY_NOT_VERIFIED, '请先核验认领人身份证件或人脸，再办理认领');
    const id = validateIdNumber(cmd.claimantIdNumber);
    if (!id.valid) throw new LostFoundException(Code.INVALID_ID_NUMBER, `认领人身份证号码无效：${id.message}`, { reason: id.reason });
    const claimantId = id.normalized;
    const scope = cityScope(actor);
    const before = await this.store.findItem(this.dataSource.manager, cmd.foundItemNumber, scope);
    if (!before) throw new LostFoundException(Code.FOUND_ITEM_NOT_FOUND, `未找到拾得物 ${cmd.foundItemNumber}`);
    assertClaimable(before);
    // Ask the register before taking any lock: a slow or absent household service holds nothing.
    const person = await this.rpc.request<PersonLookupReply>(RpcSubjects.personLookup, { idNumber: claimantId }, actor, { serviceLabel: '户政（人口信息核验）' });

    const outcome = await this.dataSource.transaction(async (manager) => {
      const item = await this.store.lockItem(manager, cmd.foundItemNumber, scope);
      if (!item) throw new LostFoundException(Code.FOUND_ITEM_NOT_FOUND, `未找到拾得物 ${cmd.foundItemNumber}`);
      assertClaimable(item);
      const report = item.matchedReportId ? await this.store.lockReport(manager, item.matchedReportId, WHOLE_BUREAU) : null;
      const refusal = refusalOf(person, claimantId, report);
      await this.audit.record(actor, {
        action: 'CLAIMANT_VERIFY', subjectType: 'PERSON', subjectRef: claimantId, purpose: `失物认领身份核验：${item.number}`,
        outcome: refusal ? 'DENIED' : 'SUCCESS', details: refusal ? { refusal: refusal.code } : {},
      }, manager);
      const claim = await this.store.insertClaim(manager, {
        foundItemId: item.id,
        lostReportId: report?.id ?? null,
        claimantIdNumber: claimantId,
        claimantName: person.found ? person.name ?? null : null,
        claimantPhone: cmd.claimantPhone,
        descriptionGiven: cmd.descriptionGiven.trim(),
        identityVerified: true,
        verificationMethod: cmd.verificationMethod,
        status: refusal ? 'REFUSED' : 'RETURNED',
        refusalCode: refusal?.code ?? null,
        refusalReason: refusal?.message ?? null,
        verifiedBySub: actor.sub,
        verifiedByName: actor.displayName,
        unitCode: actor.unitCode,
      });
      if (refusal) {
        await this.record(manager, actor, { foundItemId: item.id, claimId: claim.id, action: 'CLAIM_REFUSED', from: item.status, to: item.status, note: refusal.message, details: { code: refusal.code } });
        return { refusal, view: null };
      }
      const from = item.status;
      item.status = 'CLAIMED';
      await this.store.saveItem(manager, item);
      await this.record(manager, actor, { foundItemId: item.id, claimId: claim.id, action: 'CLAIM', from, to: 'CLAIMED', details: { verificationMethod: cmd.verificationMethod } });
      if (report) {
        const reportFrom = report.status;
        report.status = 'CLOSED';
        await this.store.saveReport(manager, report);
        await this.record(manager, actor, { lostReportId: report.id, claimId: claim.id, action: 'CLAIM', from: reportFrom, to: 'CLOSED', details: { foundItemNumber: item.number } });
      }
      const [view] = await this.attach(manager, [item], scope, true);
      return { refusal: null, view: view! };
    });
    if (outcome.refusal) throw new LostFoundException(outcome.refusal.code, outcome.refusal.message, { foundItemNumber: cmd.foundItemNumber });
    return outcome.view!;
  }

  /**
   * 期满处理: items on the board whose claim year is over pass to the state (民法典 第三百一十八条):
   * DISPOSED with the method for their category (上缴国库 / 依法处理 / 移交发证机关), matched reports
   * CLOSED. A supervisor runs it for their own jurisdiction; the scheduled job for the whole bureau.
   */
  async disposeUnclaimed(actor: Identity, opts: { system?: boolean } = {}): Promise<{ today: string; items: FoundItemView[] }> {
    let scope: Jurisdiction;
    if (opts.system) scope = WHOLE_BUREAU;
    else {
      if (!hasRole(actor, Role.SUPERVISOR)) throw DomainException.forbidden('仅督察（或定时任务）可以处理招领期满的物品');
      scope = jurisdictionOf(actor);
    }
    const today = this.clock.today();
    const items = await this.dataSource.transaction(async (manager) => {
      const candidates = await this.store.lockDisposable(manager, scope, today, DISPOSAL_BATCH);
      const disposed: FoundItemEntity[] = [];
      for (const item of candidates) {
        if (item.retentionProvisional) {
          // Holiday data for that year may have been published since: recompute before acting.
          const fresh = retentionUntil(item.noticePublishedOn, this.calendar);
          if (fresh.retentionUntil !== item.retentionUntil || fresh.provisional !== item.retentionProvisional) {
            item.retentionUntil = fresh.retentionUntil;
            item.retentionProvisional = fresh.provisional;
            await this.store.saveItem(manager, item);
          }
          if (!isPastRetention(item.retentionUntil, today)) continue;
        }
        const from = item.status;
        const method = disposalMethodFor(item.category);
        item.status = 'DISPOSED';
        item.disposalMethod = method;
        item.disposedOn = today;
        await this.store.saveItem(manager, item);
        await this.record(manager, actor, {
          foundItemId: item.id, action: 'DISPOSE', from, to: 'DISPOSED', note: DISPOSAL_LABELS[method],
          details: { method, retentionUntil: item.retentionUntil, legalBasis: '民法典第三百一十八条' },
        });
        if (item.matchedReportId) {
          const report = await this.store.lockReport(manager, item.matchedReportId, WHOLE_BUREAU);
          if (report && report.status !== 'CLOSED') {
            const reportFrom = report.status;
            report.status = 'CLOSED';
            await this.store.saveReport(manager, report);
            await this.record(manager, actor, { lostReportId: report.id, action: 'DISPOSE', from: reportFrom, to: 'CLOSED', note: '招领期满无人认领，物品已依法处理', details: { foundItemNumber: item.number } });
          }
        }
        disposed.push(item);
      }
      return this.attach(manager, disposed, WHOLE_BUREAU, false);
    });
    return { today, items };
  }

  /** A person's lost reports and claims, for the citizen 360 section (no audit: household audits the 360 read). */
  async forPerson(actor: Identity, idNumber: string): Promise<{ reports: LostReportView[]; claims: { claim: FoundItemClaimEntity; itemNumber: string }[] }> {
    const manager = this.dataSource.manager;
    const scope = cityScope(actor);
    const [reports, claims] = await Promise.all([this.store.findReportsForPerson(manager, idNumber, scope), this.store.findClaimsForPerson(manager, idNumber, scope)]);
    const itemIds = [...reports.map((r) => r.matchedFoundItemId), ...claims.map((c) => c.foundItemId)].filter((x): x is string => !!x);
    const items = await this.store.findItemsByIds(manager, [...new Set(itemIds)]);
    const numberOf = (id: string | null) => items.find((i) => i.id === id)?.number ?? null;
    return {
      reports: reports.map((report) => ({ report, matchedItemNumber: numberOf(report.matchedFoundItemId), history: [] })),
      claims: claims.map((claim) => ({ claim, itemNumber: numberOf(claim.foundItemId) ?? '' })),
    };
  }

  private matchNotification(item: FoundItemEntity, report: LostReportEntity): NotificationRequestedEvent {
    const event = plainToInstance(NotificationRequestedEvent, {
      notificationId: randomUUID(),
      phone: report.phone,
      template: LOST_ITEM_MATCHED_TEMPLATE,
      params: { category: CATEGORY_LABELS[item.category], place: item.storagePlace },
      reference: item.number,
    });
    const errors = validateSync(event);
    if (errors.length) throw new Error(`invalid notification: ${errors.map((e) => e.property).join(', ')}`);
    return event;
  }

  private async attach(manager: EntityManager, items: FoundItemEntity[], scope: Jurisdiction, withHistory: boolean): Promise<FoundItemView[]> {
    const ids = items.map((i) => i.id);
    const [reports, claims, history] = await Promise.all([
      this.store.findReportsByIds(manager, items.map((i) => i.matchedReportId).filter((x): x is string => !!x), scope),
      this.store.findClaimsForItems(manager, ids),
      withHistory ? this.store.historyOfItems(manager, ids) : Promise.resolve([] as LostFoundEventEntity[]),
    ]);
    return items.map((item) => ({
      item,
      report: reports.find((r) => r.id === item.matchedReportId) ?? null,
      claims: claims.filter((c) => c.foundItemId === item.id),
      history: history.filter((e) => e.foundItemId === item.id),
    }));
  }

  private async auditPersonalData(actor: Identity, action: string, purpose: string, reports: LostReportEntity[], claims: FoundItemClaimEntity[], details: Record<string, unknown>): Promise<void> {
    const subjects = new Map<string, string>();
    for (const r of reports) subjects.set(r.reporterIdNumber ?? `lost-report:${r.id}`, r.reporterIdNumber ? 'PERSON' : 'LOST_REPORT');
    for (const c of claims) subjects.set(c.claimantIdNumber, 'PERSON');
    if (!subjects.size) return;
    if (purpose.trim().length < 2) throw new LostFoundException(Code.PURPOSE_REQUIRED, '查看认领人、失主信息须说明事由');
    for (const [subjectRef, subjectType] of subjects) {
      await this.audit.record(actor, { action, subjectType, subjectRef, purpose, details });
    }
  }

  private async record(
    manager: EntityManager,
    actor: Identity,
    e: { foundItemId?: string; lostReportId?: string; claimId?: string; action: string; from: string | null; to: string | null; note?: string; details?: Record<string, unknown> },
  ): Promise<void> {
    await this.store.appendEvent(manager, {
      foundItemId: e.foundItemId ?? null,
      lostReportId: e.lostReportId ?? null,
      claimId: e.claimId ?? null,
      at: this.clock.now(),
      actorSub: actor.sub,
      actorName: actor.displayName,
      actorRoles: actor.roles.length ? actor.roles : ['SYSTEM'],
      action: e.action,
      fromStatus: e.from,
      toStatus: e.to,
      note: e.note ?? null,
      details: e.details ?? {},
    });
  }
}

export const ITEM_STATUS_LABELS: Readonly<Record<FoundItemStatus, string>> = { IN_STORAGE: '保管中', MATCHED: '已比对待认领', CLAIMED: '已认领', DISPOSED: '已依法处理' };
export const REPORT_STATUS_LABELS: Readonly<Record<LostReportStatus, string>> = { OPEN: '登记中', MATCHED: '已比对', CLOSED: '已办结' };

/** Clerks, supervisors and public-security officers work the lost-and-found window. */
export function assertLostAndFoundStaff(actor: Identity): void {
  const ok = hasRole(actor, Role.CLERK, Role.SUPERVISOR) || (hasRole(actor, Role.OFFICER) && actor.policeType === PoliceType.PUBLIC_SECURITY);
  if (!ok) throw DomainException.forbidden('仅窗口民警、治安民警和督察可以办理失物招领');
}

function assertClaimable(item: FoundItemEntity): void {
  if (!CLAIMABLE.includes(item.status)) {
    throw new LostFoundException(Code.ITEM_NOT_AVAILABLE, `拾得物 ${item.number} 当前状态为${ITEM_STATUS_LABELS[item.status]}，不能认领`, { status: item.status });
  }
}

function alreadyRegistered(reference: string): LostFoundException {
  return new LostFoundException(Code.BATCH_ALREADY_REGISTERED, `移交批次 ${reference} 已登记，请勿重复提交`, { batchReference: reference });
}

/** Why a verified claimant may not take the item, or null. */
export function refusalOf(person: PersonLookupReply, claimantId: string, report: LostReportEntity | null): { code: Code; message: string } | null {
  if (!person.found) return { code: Code.CLAIMANT_NOT_ON_REGISTER, message: `人口信息库中未找到认领人（${maskIdNumber(claimantId)}），不能办理认领` };
  if (person.status === 'DECEASED') return { code: Code.CLAIMANT_DECEASED, message: '认领人户口已因死亡注销，不能办理认领' };
  if (report?.reporterIdNumber && report.reporterIdNumber !== claimantId) {
    return { code: Code.CLAIMANT_MISMATCH, message: '认领人与失物登记的失主不是同一人，请由失主本人认领' };
  }
  return null;
}
