import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Jurisdiction } from '@onewindow/platform';
import { DataSource } from 'typeorm';
import { ServicePointEntity } from './service-point.entity.js';

export interface UnitPoliceTypeCount {
  unitCode: string;
  policeType: string;
  accepted: number;
}

/** Service points (public facts, no jurisdiction needed) and acceptance counts from the inbox projection (jurisdiction required). */
@Injectable()
export class ServicePointsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async findAll(): Promise<ServicePointEntity[]> {
    return this.dataSource.manager.getRepository(ServicePointEntity).find({ order: { districtCode: 'ASC', position: 'ASC' } });
  }

  /**
   * Applications accepted between two dates (inclusive, Beijing time) per unit and police type,
   * counted over the inbox projection rows inside the caller's jurisdiction. Counts only: no
   * personal data leaves the query.
   */
  async acceptedPerUnit(scope: Jurisdiction, from: string, to: string): Promise<UnitPoliceTypeCount[]> {
    const rows = (await this.dataSource.query(
      `SELECT unit_code AS "unitCode", police_type AS "policeType", count(*)::int AS accepted
         FROM inbox_application
        WHERE starts_with(unit_code, $1)
          AND ((snapshot->>'acceptedAt')::timestamptz AT TIME ZONE 'Asia/Shanghai')::date BETWEEN $2::date AND $3::date
        GROUP BY unit_code, police_type`,
      [scope.unitPrefix, from, to],
    )) as UnitPoliceTypeCount[];
    return rows;
  }
}
