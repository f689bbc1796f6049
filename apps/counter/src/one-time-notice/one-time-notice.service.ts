import { Injectable } from '@nestjs/common';
import { EventSubjects, type Identity, type MissingMaterial, type NoticeIssuedEvent, type PoliceType } from '@onewindow/contracts';
import { citizenText } from '@onewindow/catalog';
import { maskIdNumber, maskName } from '@onewindow/id-number';
import { renderOneTimeNotice, type OneTimeNoticeDocument } from '@onewindow/notice-pdf';
import { AuditService, jurisdictionOf, OutboxService } from '@onewindow/platform';
import type { EntityManager } from 'typeorm';
import type { IndexedItem } from '../catalog/catalog-index.service.js';
import { BusinessClock } from '@onewindow/platform';
import { clerkIdOf } from '../inbox/acceptance-receipt.js';
import { noticeGuide } from './notice-guide.js';
import { formatNoticeNumber } from './notice-number.js';
import type { OneTimeNoticeEntity } from './one-time-notice.entity.js';
import { OneTimeNoticeErrorCode, OneTimeNoticeException } from './one-time-notice.exception.js';
import { OneTimeNoticeRepository } from './one-time-notice.repository.js';

export interface IssueNoticeInput {
  indexed: IndexedItem;
  applicantIdNumber: string;
  applicantName?: string;
  presentedCodes: string[];
  missing: MissingMaterial[];
  actor: Identity;
}

/** 一次性告知单: issued when materials are missing, printed, and resolved by the later acceptance. */
@Injectable()
export class OneTimeNoticeService {
  constructor(
    private readonly notices: OneTimeNoticeRepository,
    private readonly audit: AuditService,
    private readonly clock: BusinessClock,
    private readonly outbox: OutboxService,
  ) {}

  /** Issue a notice in the caller's transaction (with the accept_request row that points at it). */
  async issue(input: IssueNoticeInput, manager: EntityManager): Promise<OneTimeNoticeEntity> {
    const { indexed, actor } = input;
    const item = indexed.item;
    const day = this.clock.today();
    const seq = await this.notices.nextSequence(actor.unitCode, day, manager);
    const nameOf = (code: string) => citizenText(item.materials.find((m) => m.code === code)?.name ?? code);
    const notice = await this.notices.insert(
      {
        number: formatNoticeNumber(actor.unitCode, day, seq),
        policeType: indexed.policeType,
        service: indexed.service,
        itemCode: item.code,
        itemName: item.name,
        applicantIdNumber: input.applicantIdNumber,
        applicantName: input.applicantName?.trim() || null,
        missingMaterials: input.missing.map((m) => ({ code: m.code, name: citizenText(m.name || nameOf(m.code)), note: m.note ? citizenText(m.note) : undefined })),
        presentedMaterials: [...new Set(input.presentedCodes)].map((code) => ({ code, name: nameOf(code) })),
        sixNotices: noticeGuide(item),
        clerkSub: actor.sub,
        clerkUsername: actor.username,
        clerkName: actor.displayName,
        unitCode: actor.unitCode,
        unitName: actor.unitName,
      },
      manager,
    );
    // For the monthly figures (月报): the notice's unit, police type, item and date, no personal data.
    const event: NoticeIssuedEvent = {
      noticeNumber: notice.number,
      unitCode: notice.unitCode,
      policeType: notice.policeType as PoliceType,
      itemCode: notice.itemCode,
      itemName: notice.itemName,
      issuedOn: day,
      at: this.clock.now().toISOString(),
    };
    await this.outbox.enqueue(manager, EventSubjects.noticeIssued, event);
    return notice;
  }

  /** A notice of the caller's unit (prefix), audited as a read of personal data. */
  async read(actor: Identity, rawNumber: string): Promise<OneTimeNoticeEntity> {
    const number = rawNumber.trim().toUpperCase();
    const notice = await this.notices.findByNumber(number, jurisdictionOf(actor));
    await this.audit.record(actor, { action: 'ONE_TIME_NOTICE_READ', subjectType: 'ONE_TIME_NOTICE', subjectRef: number, purpose: '查看一次性告知单', outcome: notice ? 'SUCCESS' : 'FAILURE' });
    if (!notice) throw new OneTimeNoticeException(OneTimeNoticeErrorCode.NOTICE_NOT_FOUND, `本辖区未找到一次性告知单 ${number}`);
    return notice;
  }

  /** Before a second visit is sent for acceptance: the notice must be open and about the same matter. */
  async assertResolvable(actor: Identity, rawNumber: string, itemCode: string, applicantIdNumber: string): Promise<string> {
    const number = rawNumber.trim().toUpperCase();
    const notice = await this.notices.findByNumber(number, jurisdictionOf(actor));
    if (!notice) throw new OneTimeNoticeException(OneTimeNoticeErrorCode.NOTICE_NOT_FOUND, `本辖区未找到一次性告知单 ${number}`);
    if (notice.status !== 'OPEN') {
      throw new OneTimeNoticeException(OneTimeNoticeErrorCode.NOTICE_ALREADY_RESOLVED, `一次性告知单 ${number} 已由申请 ${notice.resolvedApplicationNumber ?? ''} 办结`);
    }
    if (notice.itemCode !== itemCode || notice.applicantIdNumber !== applicantIdNumber) {
      throw new OneTimeNoticeException(OneTimeNoticeErrorCode.NOTICE_MISMATCH, `一次性告知单 ${number} 与本次申请的事项或申请人不一致`);
    }
    return number;
  }

  async resolve(number: string, applicationNumber: string, manager: EntityManager): Promise<boolean> {
    return this.notices.resolve(number, applicationNumber, manager);
  }

  async findForReplay(actor: Identity, number: string, manager?: EntityManager): Promise<OneTimeNoticeEntity | null> {
    return this.notices.findByNumber(number, jurisdictionOf(actor), manager);
  }

  /** The printable notice; the applicant's name and ID are masked on paper. */
  async pdf(n: OneTimeNoticeEntity): Promise<Buffer> {
    const doc: OneTimeNoticeDocument = {
      noticeNumber: n.number,
      issuedAt: n.issuedAt.toISOString(),
      unitName: n.unitName,
      clerkName: n.clerkName,
      clerkId: clerkIdOf(n.clerkUsername),
      applicantName: n.applicantName ? maskName(n.applicantName) : '申请人',
      applicantIdNumberMasked: maskIdNumber(n.applicantIdNumber),
      itemCode: n.itemCode,
      itemName: n.itemName,
      missingMaterials: n.missingMaterials.map((m) => ({ name: m.name, note: m.note })),
      presentedMaterials: n.presentedMaterials.map((m) => ({ name: m.name })),
      sixNotices: n.sixNotices.print,
    };
    return renderOneTimeNotice(doc);
  }
}
