import { Injectable } from '@nestjs/common';
import type { ApplicationSnapshot } from '@onewindow/contracts';
import type { EntityManager } from 'typeorm';

/**
 * The one read of the inbox projection without a jurisdiction: the public progress query, for an
 * anonymous caller who proves the phone on the application by SMS code. The service shows only the
 * progress fields (progressView) and audits every call.
 */
@Injectable()
export class SelfServiceRepository {
  async findForProgressQuery(number: string, manager: EntityManager): Promise<{ unitCode: string; snapshot: ApplicationSnapshot } | undefined> {
    const [row] = (await manager.query(`SELECT unit_code AS "unitCode", snapshot FROM inbox_application WHERE number = $1`, [number])) as { unitCode: string; snapshot: ApplicationSnapshot }[];
    return row;
  }
}
