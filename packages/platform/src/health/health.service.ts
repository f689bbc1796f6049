import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { NatsService } from '../nats/nats.service.js';

export interface DependencyHealth {
  database: boolean;
  nats: boolean;
}

async function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  let t: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([p, new Promise<T>((_, rej) => (t = setTimeout(() => rej(new Error('timeout')), ms)))]);
  } finally {
    if (t) clearTimeout(t);
  }
}

/** Readiness of the two things every service needs: its database and NATS. */
@Injectable()
export class HealthService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource, private readonly nats: NatsService) {}

  async database(): Promise<boolean> {
    try {
      await withTimeout(this.dataSource.query('SELECT 1'), 2000);
      return true;
    } catch {
      return false;
    }
  }

  async natsUp(): Promise<boolean> {
    if (!this.nats.isConnected()) return false;
    try {
      await withTimeout(this.nats.connection.flush(), 2000);
      return true;
    } catch {
      return false;
    }
  }

  async check(): Promise<DependencyHealth> {
    const [database, nats] = await Promise.all([this.database(), this.natsUp()]);
    return { database, nats };
  }
}
