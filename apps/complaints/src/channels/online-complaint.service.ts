import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { EventSubjects, NotificationRequestedEvent, ServiceName, type ComplaintKind, type Identity, type PoliceType } from '@onewindow/contracts';
import { OutboxService, PhoneCodeService, RateLimiter, SERVICE_CONFIG } from '@onewindow/platform';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { DataSource, type EntityManager } from 'typeorm';
import { ComplaintService } from '../complaint/complaint.service.js';
import type { ComplaintsConfig } from '../config.js';

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

/** The platform phone codes' purpose for this form. */
const CODE_PURPOSE = 'COMPLAINT_ONLINE';
const HOUR = 3600;
const DAY = 24 * HOUR;

/**
 * 网上投诉: a public form, no login. The complainant's mobile is confirmed by a 6-digit SMS code
 * (the platform's PhoneCodeService: stored as an HMAC, short-lived, limited tries, single use)
 * before the complaint is taken; codes and submissions are rate-limited per number and per client
 * address (the address the gateway signed; the platform's RateLimiter). The form learns nothing
 * back but the tracking number.
 */
@Injectable()
export class OnlineComplaintService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(SERVICE_CONFIG) private readonly config: ComplaintsConfig,
    private readonly complaints: ComplaintService,
    private readonly codes: PhoneCodeService,
    private readonly limits: RateLimiter,
    private readonly outbox: OutboxService,
  ) {}

  /** 获取验证码: texts a fresh code to the number (the previous one stops working). */
  async requestCode(phone: string, clientIp: string | undefined): Promise<number> {
    const ttl = this.config.ONLINE_CODE_TTL_SECONDS;
    await this.dataSource.transaction(async (manager) => {
      await this.limit(manager, `code:phone:${phone}`, this.config.ONLINE_CODES_PER_PHONE_PER_HOUR, HOUR);
      await this.limit(manager, `code:ip:${clientIp ?? 'unknown'}`, this.config.ONLINE_CODES_PER_IP_PER_HOUR, HOUR);
      const code = await this.codes.issue(manager, { purpose: CODE_PURPOSE, phone, ttlSeconds: ttl });
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
    const within = async (manager: EntityManager) => {
      await this.limit(manager, `submit:ip:${clientIp ?? 'unknown'}`, this.config.ONLINE_SUBMISSIONS_PER_IP_PER_DAY, DAY);
      await this.codes.consume(manager, { purpose: CODE_PURPOSE, phone: input.phone, code: input.verificationCode, maxAttempts: this.config.ONLINE_CODE_MAX_ATTEMPTS });
    };
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
  }

  private async limit(manager: EntityManager, bucket: string, max: number, windowSeconds: number): Promise<void> {
    await this.limits.take(manager, {
      bucket: `complaint:${bucket}`, limit: max, windowSeconds,
      message: windowSeconds === HOUR ? '获取验证码过于频繁，请一小时后再试' : '今日提交次数已达上限，请明日再试或拨打 96166、960111 热线',
    });
  }
}
