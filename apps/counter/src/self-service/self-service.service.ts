import { Injectable } from '@nestjs/common';
import type { Identity, PoliceType } from '@onewindow/contracts';
import { AuditService, DomainException, PhoneCodeService, RateLimiter } from '@onewindow/platform';
import { randomUUID } from 'node:crypto';
import { CatalogIndexService } from '../catalog/catalog-index.service.js';
import { toCatalogItem } from '../catalog/catalog.mapper.js';
import type { CatalogItem } from '../catalog/catalog.model.js';
import { TransactionRunner } from '../common/transaction-runner.js';
import { pointOfUnit } from '../service-points/service-point-tree.js';
import { ServicePointsService } from '../service-points/service-points.service.js';
import { normalizeMobile } from '../sms/sms-template.js';
import { SmsService } from '../sms/sms.service.js';
import type { QueryProgressInput, RequestProgressCodeInput } from './dto/self-service.input.js';
import { progressView } from './progress-view.js';
import type { ProgressCodeRequest, ProgressView } from './self-service.model.js';
import { SelfServiceErrorCode, SelfServiceException } from './self-service.exception.js';
import { SelfServiceRepository } from './self-service.repository.js';

export const PROGRESS_AUDIT_ACTIONS = { CODE_REQUESTED: 'PROGRESS_CODE_REQUESTED', QUERY: 'PROGRESS_QUERY' } as const;

/** Limits of the public progress query (decision 0024). */
export const PROGRESS_LIMITS = {
  codeTtlSeconds: 600,
  maxAttempts: 5,
  codesPerIp: { limit: 10, windowSeconds: 600 },
  codesPerNumber: { limit: 5, windowSeconds: 3600 },
  queriesPerIp: { limit: 30, windowSeconds: 600 },
  queriesPerNumber: { limit: 10, windowSeconds: 3600 },
} as const;

const CATALOG_TTL_MS = 60_000;
const SAME_ANSWER = '如受理编号与办理时登记的手机号码一致，验证码已发送至该手机，10 分钟内有效';

const purposeOf = (number: string) => `PROGRESS_QUERY:${number}`;
const phoneOf = (s: { applicantPhone?: string | null; form?: Record<string, unknown> }) => normalizeMobile(s.applicantPhone) ?? normalizeMobile(s.form?.['contactPhone']);

/** The anonymous citizen as the audit log records them. */
function publicActor(unitCode: string | undefined): Identity {
  return { sub: 'public', username: 'public', displayName: '公众（自助查询）', roles: [], unitCode: unitCode ?? '', unitName: '' };
}

/**
 * 自助查询 (decision 0024): the public progress query confirmed by an SMS code to the phone on the
 * application, and the public catalog (六告知). The progress query never says whether a number
 * exists: a code is issued (stored as an HMAC) for every well-formed request, and texted only when
 * the phone is the application's.
 */
@Injectable()
export class SelfServiceService {
  private catalogCache = new Map<string, { at: number; items: CatalogItem[] }>();

  constructor(
    private readonly repo: SelfServiceRepository,
    private readonly tx: TransactionRunner,
    private readonly limiter: RateLimiter,
    private readonly codes: PhoneCodeService,
    private readonly sms: SmsService,
    private readonly audit: AuditService,
    private readonly points: ServicePointsService,
    private readonly catalog: CatalogIndexService,
  ) {}

  async requestCode(input: RequestProgressCodeInput, clientIp: string | undefined): Promise<ProgressCodeRequest> {
    const number = input.number.trim().toUpperCase();
    const phone = input.phone.trim();
    const ip = clientIp ?? 'unknown';
    let unitCode: string | undefined;
    let texted = false;
    try {
      await this.tx.run(async (m) => {
        await this.limiter.take(m, { bucket: `progress-code:ip:${ip}`, ...PROGRESS_LIMITS.codesPerIp, message: '获取验证码过于频繁，请 10 分钟后再试' });
        await this.limiter.take(m, { bucket: `progress-code:number:${number}`, ...PROGRESS_LIMITS.codesPerNumber, message: '该受理编号获取验证码次数过多，请 1 小时后再试' });
        const app = await this.repo.findForProgressQuery(number, m);
        // Issued either way, so an unknown number costs the same work and gives the same answer.
        const code = await this.codes.issue(m, { purpose: purposeOf(number), phone, ttlSeconds: PROGRESS_LIMITS.codeTtlSeconds });
        if (app && phoneOf(app.snapshot) === phone) {
          unitCode = app.unitCode;
          texted = await this.sms.queueTemplateMessage(m, {
            phone, template: 'PROGRESS_QUERY_CODE', params: { code }, reference: number, trigger: `PROGRESS_CODE:${randomUUID()}`, unitCode: app.unitCode,
          });
        }
      });
    } catch (err) {
      await this.record(PROGRESS_AUDIT_ACTIONS.CODE_REQUESTED, number, phone, ip, unitCode, err);
      throw err;
    }
    await this.record(PROGRESS_AUDIT_ACTIONS.CODE_REQUESTED, number, phone, ip, unitCode, undefined, { texted });
    return { message: SAME_ANSWER, ttlSeconds: PROGRESS_LIMITS.codeTtlSeconds };
  }

  /** A wrong code: VERIFICATION_CODE_INVALID, and nothing written but the counted try (and the audit record). */
  async query(input: QueryProgressInput, clientIp: string | undefined): Promise<ProgressView> {
    const number = input.number.trim().toUpperCase();
    const phone = input.phone.trim();
    const ip = clientIp ?? 'unknown';
    let unitCode: string | undefined;
    try {
      const view = await this.tx.run(async (m) => {
        await this.limiter.take(m, { bucket: `progress-query:ip:${ip}`, ...PROGRESS_LIMITS.queriesPerIp, message: '查询过于频繁，请 10 分钟后再试' });
        await this.limiter.take(m, { bucket: `progress-query:number:${number}`, ...PROGRESS_LIMITS.queriesPerNumber, message: '该受理编号查询次数过多，请 1 小时后再试' });
        await this.codes.consume(m, { purpose: purposeOf(number), phone, code: input.code, maxAttempts: PROGRESS_LIMITS.maxAttempts });
        const app = await this.repo.findForProgressQuery(number, m);
        if (!app || phoneOf(app.snapshot) !== phone) {
          throw new SelfServiceException(SelfServiceErrorCode.PROGRESS_QUERY_UNAVAILABLE, '暂时查询不到该办件的进度，请拨打受理回执上的咨询电话');
        }
        unitCode = app.unitCode;
        return progressView(app.snapshot, pointOfUnit(app.unitCode, await this.points.points()));
      });
      await this.record(PROGRESS_AUDIT_ACTIONS.QUERY, number, phone, ip, unitCode, undefined, { status: view.status });
      return view;
    } catch (err) {
      await this.record(PROGRESS_AUDIT_ACTIONS.QUERY, number, phone, ip, unitCode, err);
      throw err;
    }
  }

  /** 办事指南: the catalog with 六告知 for kiosks and the web; identical for every caller, memoised for a minute. */
  async publicCatalog(keyword: string | undefined, policeType: PoliceType | undefined): Promise<CatalogItem[]> {
    const key = `${policeType ?? ''}|${keyword?.trim() ?? ''}`;
    const hit = this.catalogCache.get(key);
    if (hit && Date.now() - hit.at < CATALOG_TTL_MS) return hit.items;
    const items = (await this.catalog.search(keyword, policeType)).map((i) => toCatalogItem(i.item, i));
    if (this.catalogCache.size > 500) this.catalogCache.clear();
    this.catalogCache.set(key, { at: Date.now(), items });
    return items;
  }

  async publicCatalogItem(code: string): Promise<CatalogItem> {
    const found = await this.catalog.getItem(code);
    return toCatalogItem(found.item, found);
  }

  /** Every public query is audited, success and failure; the phone only as its keyed hash. */
  private async record(action: string, number: string, phone: string, ip: string, unitCode: string | undefined, err?: unknown, extra: Record<string, unknown> = {}): Promise<void> {
    await this.audit.record(publicActor(unitCode), {
      action,
      subjectType: 'APPLICATION',
      subjectRef: number,
      purpose: '办理进度自助查询',
      outcome: err ? 'FAILURE' : 'SUCCESS',
      details: { clientIp: ip, phoneHash: this.codes.phoneHash(phone), ...(err ? { code: err instanceof DomainException ? err.code : 'INTERNAL' } : {}), ...extra },
    });
  }
}
