import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Jurisdiction } from '@onewindow/platform';
import { DataSource, type EntityManager } from 'typeorm';
import { rowsOf } from '../common/transaction-runner.js';
import { SmsMessageEntity } from './sms-message.entity.js';

export interface NewSms {
  id: string;
  phone: string;
  text: string;
  template: string;
  applicationNumber: string;
  triggerStatus: string;
  unitCode: string;
}

@Injectable()
export class SmsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private repo(manager?: EntityManager) {
    return (manager ?? this.dataSource.manager).getRepository(SmsMessageEntity);
  }

  /** Inserts unless this application already has an SMS for this status; true when inserted. */
  async insertOnce(sms: NewSms, manager: EntityManager): Promise<boolean> {
    const rows = rowsOf(
      await manager.query(
        `INSERT INTO sms_message (id, phone, text, template, application_number, trigger_status, unit_code)
         VALUES ($1, $2, $3, $4, $5, $6, $7)
         ON CONFLICT (application_number, trigger_status) DO NOTHING RETURNING id`,
        [sms.id, sms.phone, sms.text, sms.template, sms.applicationNumber, sms.triggerStatus, sms.unitCode],
      ),
    );
    return rows.length === 1;
  }

  async findById(id: string, manager: EntityManager): Promise<SmsMessageEntity | null> {
    return this.repo(manager).findOne({ where: { id } });
  }

  async markSent(id: string, attempts: number, providerMessageId: string, manager: EntityManager): Promise<void> {
    await this.repo(manager).update({ id }, { status: 'SENT', attempts, providerMessageId, sentAt: new Date(), lastError: null });
  }

  async markFailed(id: string, attempts: number, error: string, manager: EntityManager): Promise<void> {
    await this.repo(manager).update({ id }, { status: 'FAILED', attempts, lastError: error.slice(0, 500) });
  }

  /**
   * Records a failed attempt on its own connection, outside the consumer's transaction (which
   * rolls back so the event is redelivered), so operators see attempts and the last error.
   */
  async recordAttemptOutsideTransaction(id: string, attempts: number, error: string): Promise<void> {
    await this.repo().update({ id }, { attempts, lastError: error.slice(0, 500) });
  }

  async findByApplication(applicationNumber: string, scope: Jurisdiction): Promise<SmsMessageEntity[]> {
    return this.repo()
      .createQueryBuilder('s')
      .where('s.application_number = :applicationNumber', { applicationNumber })
      .andWhere('s.unit_code LIKE :prefix', { prefix: `${scope.unitPrefix}%` })
      .orderBy('s.created_at', 'ASC')
      .getMany();
  }
}
