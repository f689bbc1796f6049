import { Inject, Injectable } from '@nestjs/common';
import { DistrictMonthReport, isReportMetrics, REPORT_MONTH } from '@onewindow/contracts';
import { LOGGER, SERVICE_CONFIG, type Logger } from '@onewindow/platform';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { randomUUID } from 'node:crypto';
import type { CounterConfig } from '../config.js';
import { canonicalJson, checkReportSignature, sha256Hex, type DistrictKey } from './bureau-signature.js';
import { bureauDistrictKeys } from './bureau.config.js';
import { BureauErrorCode, BureauException } from './bureau.exception.js';
import { BureauReportRepository } from './bureau.repository.js';

export interface PushHeaders {
  district?: string;
  keyId?: string;
  timestamp?: string;
  signature?: string;
}

export interface PushReceipt {
  districtCode: string;
  month: string;
  version: number;
  receivedAt: string;
  /** The same version with the same content was already stored: nothing new written. */
  duplicate: boolean;
}

/**
 * Bureau side (市局) of 月报报送: verifies a district's push (Ed25519 signature with the key on
 * file for THAT district, replay window), validates the report, and stores it as a new version.
 * Idempotent by district + month + version; a refused push writes nothing.
 */
@Injectable()
export class BureauIntakeService {
  readonly keys: ReadonlyMap<string, DistrictKey>;

  constructor(
    private readonly reports: BureauReportRepository,
    @Inject(SERVICE_CONFIG) private readonly config: CounterConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {
    this.keys = config.BUREAU_MODE === 'true' ? bureauDistrictKeys(config) : new Map();
  }

  async receive(headers: PushHeaders, body: Buffer, nowSeconds: number): Promise<PushReceipt> {
    const refusal = checkReportSignature(this.keys, headers, body, nowSeconds, this.config.BUREAU_PUSH_MAX_SKEW_SECONDS);
    if (refusal === 'UNKNOWN_DISTRICT') throw new BureauException(BureauErrorCode.BUREAU_DISTRICT_UNKNOWN, `市局未登记分局 ${String(headers.district).slice(0, 12)} 的公钥`);
    if (refusal) throw new BureauException(BureauErrorCode.BUREAU_SIGNATURE_INVALID, `报送签名校验未通过（${refusal}）`);
    const report = await this.parse(body, headers.district!);
    const contentHash = sha256Hex(canonicalJson(report));
    const result = await this.reports.transaction(async (manager) => {
      await this.reports.lockMonth(manager, report.districtCode, report.month);
      const same = await this.reports.findVersion(manager, report.districtCode, report.month, report.version);
      if (same) {
        if (same.contentHash === contentHash) return { receivedAt: same.receivedAt, duplicate: true };
        throw new BureauException(BureauErrorCode.BUREAU_VERSION_CONFLICT, `${report.districtCode} ${report.month} 第 ${report.version} 版已收到且内容不同；更正请重新结账生成新版本`);
      }
      const newest = await this.reports.newestVersion(manager, report.districtCode, report.month);
      if (report.version <= newest) {
        throw new BureauException(BureauErrorCode.BUREAU_VERSION_CONFLICT, `${report.districtCode} ${report.month} 已收到第 ${newest} 版，第 ${report.version} 版不是最新版本`);
      }
      const receivedAt = new Date();
      await this.reports.insert(manager, {
        id: randomUUID(), districtCode: report.districtCode, month: report.month, version: report.version, report, contentHash,
        rowCount: report.rows.length, closedAt: new Date(report.closedAt), closedBy: report.closedBy, keyId: headers.keyId ?? '', receivedAt,
      });
      return { receivedAt, duplicate: false };
    });
    this.logger.info({ district: report.districtCode, month: report.month, version: report.version, duplicate: result.duplicate }, 'district month report received');
    return { districtCode: report.districtCode, month: report.month, version: report.version, receivedAt: result.receivedAt.toISOString(), duplicate: result.duplicate };
  }

  /** The body as a DistrictMonthReport: contract validation, the signer's district, every metric a non-negative integer, rows of the report's month and district only. */
  private async parse(body: Buffer, signer: string): Promise<DistrictMonthReport> {
    const invalid = (why: string) => new BureauException(BureauErrorCode.BUREAU_REPORT_INVALID, `报送内容不正确：${why}`);
    let raw: unknown;
    try {
      raw = JSON.parse(body.toString('utf8'));
    } catch {
      throw invalid('不是 JSON');
    }
    if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw invalid('不是对象');
    const report = plainToInstance(DistrictMonthReport, raw);
    const errors = await validate(report, { whitelist: true, forbidNonWhitelisted: true, forbidUnknownValues: true });
    if (errors.length) throw invalid(errors.map((e) => e.property).slice(0, 5).join('、'));
    // A district's key signs that district's figures only.
    if (report.districtCode !== signer) throw new BureauException(BureauErrorCode.BUREAU_SIGNATURE_INVALID, `报送内容的分局 ${report.districtCode} 与签名分局 ${signer} 不一致`);
    if (!REPORT_MONTH.test(report.month) || Number.isNaN(Date.parse(report.closedAt))) throw invalid('月份或结账时间');
    for (const [i, r] of report.rows.entries()) {
      if (!isReportMetrics(r.metrics)) throw invalid(`第 ${i + 1} 行的指标`);
      if (r.month !== report.month) throw invalid(`第 ${i + 1} 行的月份`);
      if (!r.unitCode.startsWith(report.districtCode)) throw invalid(`第 ${i + 1} 行的单位不属于分局 ${report.districtCode}`);
    }
    // Keep exactly the validated shape (metrics in contract order) so the stored version is canonical.
    return JSON.parse(JSON.stringify(report)) as DistrictMonthReport;
  }
}
