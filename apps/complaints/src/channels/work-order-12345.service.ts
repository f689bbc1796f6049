import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { PoliceType, Role, withinJurisdiction, type Identity } from '@onewindow/contracts';
import { AuditService, DomainException, hasRole, jurisdictionOf } from '@onewindow/platform';
import { DataSource } from 'typeorm';
import { ComplaintErrorCode as Code, ComplaintException } from '../complaint/complaint.exception.js';
import { ComplaintRepository } from '../complaint/complaint.repository.js';
import { ComplaintService } from '../complaint/complaint.service.js';
import { parseWorkOrders, WORK_ORDER_COLUMNS, type WorkOrder, type WorkOrderRowError } from './work-order-12345.parser.js';

/** Who took a pushed work order: the 12345 interface itself. */
export const HOTLINE_12345: Identity = { sub: 'channel:12345', username: '12345-push', displayName: '12345 热线工单接口', roles: [], unitCode: '', unitName: '' };

export interface WorkOrderTaken {
  row: number;
  workOrderNumber: string;
  /** The complaint's tracking number (the one already given, for a re-sent order). */
  number: string;
}

export interface WorkOrderImportReport {
  taken: WorkOrderTaken[];
  alreadyReceived: WorkOrderTaken[];
  errors: WorkOrderRowError[];
}

/** Errors of a row the register refuses, with the column they concern. */
const FIELD_OF_CODE: Partial<Record<string, keyof typeof WORK_ORDER_COLUMNS>> = {
  [Code.DATE_IN_FUTURE]: 'receivedOn',
  [Code.INVALID_ID_NUMBER]: 'complainantIdNumber',
  OUT_OF_JURISDICTION: 'responsibleUnitCode',
};

/**
 * 12345 工单: work orders handed over by the city's hotline, as a file uploaded by a complaints
 * officer or pushed by the hotline's system. Every row is taken in its own transaction; a
 * malformed row is reported and the rest are taken; a work order already received is not taken
 * twice (the number it got is reported).
 */
@Injectable()
export class WorkOrderService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly complaints: ComplaintService,
    private readonly register: ComplaintRepository,
    private readonly audit: AuditService,
  ) {}

  /** 导入工单文件: a complaints officer, rows of their jurisdiction only. */
  async upload(actor: Identity, csv: string): Promise<WorkOrderImportReport> {
    if (!hasRole(actor, Role.OFFICER) || actor.policeType !== PoliceType.COMPLAINTS) throw DomainException.forbidden('仅信访民警可以导入 12345 工单');
    return this.take(actor, csv, 'UPLOAD', (o) => withinJurisdiction(jurisdictionOf(actor).unitPrefix, o.responsibleUnitCode));
  }

  /** The signed push of the 12345 system (the controller has checked the signature). */
  async push(csv: string): Promise<WorkOrderImportReport> {
    return this.take(HOTLINE_12345, csv, 'PUSH', () => true);
  }

  private async take(actor: Identity, csv: string, source: 'UPLOAD' | 'PUSH', inScope: (o: WorkOrder) => boolean): Promise<WorkOrderImportReport> {
    const { orders, errors } = parseWorkOrders(csv);
    const report: WorkOrderImportReport = { taken: [], alreadyReceived: [], errors: [...errors] };
    for (const o of orders) {
      const rowError = (field: keyof typeof WORK_ORDER_COLUMNS | '文件', reason: string) =>
        report.errors.push({ row: o.row, field: field === '文件' ? field : WORK_ORDER_COLUMNS[field], reason, workOrderNumber: o.workOrderNumber });
      if (!inScope(o)) { rowError('responsibleUnitCode', '被投诉单位不在您的辖区范围内'); continue; }
      try {
        const c = await this.complaints.receive(
          actor,
          {
            channel: 'HOTLINE_12345', channelReference: o.workOrderNumber, receivedOn: o.receivedOn, complainantName: o.complainantName, complainantPhone: o.complainantPhone,
            complainantIdNumber: o.complainantIdNumber, content: o.content, policeType: o.policeType, responsibleUnitCode: o.responsibleUnitCode, kind: o.kind,
            officerName: o.officerName, applicationNumber: o.applicationNumber,
          },
          {
            receivedUnitCode: actor.unitCode || o.responsibleUnitCode.slice(0, 4),
            within: async (manager) => {
              // Serialise takers of the same order number: two pushes at once give one complaint.
              await manager.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`complaint-12345:${o.workOrderNumber}`]);
              const earlier = await this.register.findByWorkOrder(manager, o.workOrderNumber);
              if (earlier) throw new ComplaintException(Code.WORK_ORDER_ALREADY_RECEIVED, `工单 ${o.workOrderNumber} 已接收`, { number: earlier.number });
            },
          },
        );
        report.taken.push({ row: o.row, workOrderNumber: o.workOrderNumber, number: c.number });
      } catch (err) {
        if (!(err instanceof DomainException)) throw err;
        if (err.code === Code.WORK_ORDER_ALREADY_RECEIVED) {
          report.alreadyReceived.push({ row: o.row, workOrderNumber: o.workOrderNumber, number: (err.details as { number: string }).number });
        } else {
          rowError(FIELD_OF_CODE[err.code] ?? '文件', err.message);
        }
      }
    }
    report.errors.sort((a, b) => a.row - b.row);
    await this.audit.record(actor, {
      action: 'COMPLAINT_12345_IMPORT', subjectType: 'COMPLAINT_12345', subjectRef: source,
      details: { taken: report.taken.map((t) => t.number), alreadyReceived: report.alreadyReceived.length, errors: report.errors.length },
    });
    return report;
  }
}
