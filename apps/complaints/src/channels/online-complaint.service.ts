import { createHmac, randomInt, randomUUID, timingSafeEqual } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { EventSubjects, NotificationRequestedEvent, ServiceName, type ComplaintKind, type Identity, type PoliceType } from '@onewindow/contracts';
import { OutboxService, SERVICE_CONFIG } from '@onewindow/platform';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { DataSource, type EntityManager } from 'typeorm';
import { ComplaintErrorCode as Code, ComplaintException } from '../complaint/complaint.exception.js';
import { ComplaintService } from '../complaint/complaint.service.js';
import type { ComplaintsConfig } from '../config.js';
import { RateLimitRepository } from './rate-limit.repository.js';
import { VerificationCodeRepository } from './verification-code.repository.js';

/** Who took an online complaint: the public form itself (no user is signed in). */
export const ONLINE_FORM: Identity = { sub: 'channel:online', username: 'online-form', displayName: '网上投诉', roles: [], unitCode: '', unitName: '' };

export interface OnlineComplaint {
  phone: string;
  verificationCode: string;
  complainantName: string;
  complainantIdNumber?: string;
  content: string;
  policeType: PoliceType;
  responsibleUnitCode: string;
  kind: ComplaintKind;
  officerName?: string;
  applicationNumber?: string;
}

const HOUR = 3600;
const DAY = 24 * HOUR;

/**
 * 网上投诉: a public form, no login. The complainant's mobile is confirmed by a 6-digit SMS code
 * (stored as an HMAC, short-lived, limited tries, single use) before the complaint is taken;
 * codes and submissions are rate-limited per number and per client address (the address the
 * gateway signed). The form learns nothing back but the tracking number.
 */
@Injectable()
export class OnlineComplaintService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(SERVICE_CONFIG) private readonly config: ComplaintsConfig,
    private readonly complaints: ComplaintService,
    private readonly codes: VerificationCodeRepository,
    private readonly limits: RateLimitRepository,
    private readonly outbox: OutboxService,
  ) {}

  /** 获取验证码: texts a fresh code to the number (the previous one stops working). */
  async requestCode(phone: string, clientIp: string | undefined): Promise<number> {
    const ttl = this.config.ONLINE_CODE_TTL_SECONDS;
    await this.dataSource.transaction(async (manager) => {
      await this.limit(manager, `code:phone:${phone}`, this.config.ONLINE_CODES_PER_PHONE_PER_HOUR, HOUR);
      await this.limit(manager, `code:ip:${clientIp ?? 'unknown'}`, this.config.ONLINE_CODES_PER_IP_PER_HOUR, HOUR);
      const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
      await this.codes.issue(manager, phone, this.hash(phone, code), ttl);
      const event = plainToInstance(NotificationRequestedEvent, {
        notificationId: randomUUID(), phone, template: 'COMPLAINT_VERIFICATION_CODE', params: { code }, reference: 'ONLINE-COMPLAINT-CODE',
      });
      if (validateSync(event).length) throw new Error('invalid verification code notification');
      await this.outbox.enqueue(manager, EventSubjects.notificationRequested(ServiceName.COMPLAINTS), event);
      await this.limits.prune(manager);
    });
    this.outbox.notifyCommitted();
    return ttl;
  }

  /** 提交网上投诉: the code is consumed in the complaint's own transaction; a wrong code counts a try and writes nothing else. */
  async submit(input: OnlineComplaint, clientIp: string | undefined): Promise<string> {
    let wrongCodeId: string | undefined;
    const within = async (manager: EntityManager) => {
      await this.limit(manager, `submit:ip:${clientIp ?? 'unknown'}`, this.config.ONLINE_SUBMISSIONS_PER_IP_PER_DAY, DAY);
      const live = await this.codes.findLive(manager, input.phone);
      if (!live || live.attempts >= this.config.ONLINE_CODE_MAX_ATTEMPTS) {
        throw new ComplaintException(Code.VERIFICATION_CODE_INVALID, '短信验证码已失效或尝试次数过多，请重新获取验证码');
      }
      const given = Buffer.from(this.hash(input.phone, input.verificationCode));
      if (!timingSafeEqual(given, Buffer.from(live.codeHash))) {
        wrongCodeId = live.id;
        throw new ComplaintException(Code.VERIFICATION_CODE_INVALID, '短信验证码不正确，请核对后重新输入');
      }
      await this.codes.markUsed(manager, live.id);
    };
    try {
      const c = await this.complaints.receive(
        ONLINE_FORM,
        {
          channel: 'ONLINE', complainantName: input.complainantName, complainantIdNumber: input.complainantIdNumber, complainantPhone: input.phone,
          content: input.content, policeType: input.policeType, responsibleUnitCode: input.responsibleUnitCode, officerName: input.officerName,
          kind: input.kind, applicationNumber: input.applicationNumber,
        },
        { receivedUnitCode: input.responsibleUnitCode.slice(0, 4), within },
      );
      return c.number;
    } catch (err) {
      const id = wrongCodeId;
      if (id) await this.dataSource.transaction((manager) => this.codes.countAttempt(manager, id));
      throw err;
    }
  }

  private async limit(manager: EntityManager, bucket: string, max: number, windowSeconds: number): Promise<void> {
    if (!(await this.limits.take(manager, bucket, max, windowSeconds))) {
      throw new ComplaintException(Code.RATE_LIMITED, windowSeconds === HOUR ? '获取验证码过于频繁，请一小时后再试' : '今日提交次数已达上限，请明日再试或拨打 96166、960111 热线');
    }
  }

  /** HMAC of number and code with the service's internal secret: a leaked table does not give the codes away. */
  private hash(phone: string, code: string): string {
    return createHmac('sha256', this.config.INTERNAL_IDENTITY_SECRET).update(`${phone}:${code}`).digest('hex');
  }
}
