import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { IdCardEntity, type IdCardKind, type IdCardStatus } from './id-card.entity.js';

export interface NewIdCard {
  idNumber: string;
  kind: IdCardKind;
  issuedOn: string;
  validUntil: string | null;
  applicationNumber: string | null;
}

/**
 * ID cards of persons on the register. Callers reach a card only through an ID number they
 * already resolved on the register (within their jurisdiction), so no scope argument here.
 */
@Injectable()
export class IdCardRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private repo(manager?: EntityManager) {
    return (manager ?? this.dataSource.manager).getRepository(IdCardEntity);
  }

  /** Resident cards ever recorded for the person, newest first. */
  async findResidentCards(idNumber: string, manager?: EntityManager): Promise<IdCardEntity[]> {
    return this.repo(manager).find({ where: { idNumber, kind: 'RESIDENT' }, order: { issuedOn: 'DESC', createdAt: 'DESC' } });
  }

  async findByApplication(applicationNumber: string, manager?: EntityManager): Promise<IdCardEntity | null> {
    return this.repo(manager).findOne({ where: { applicationNumber } });
  }

  /**
   * Serialises changes to one person's cards until the transaction ends (a transaction-scoped
   * advisory lock): the second of two concurrent issues then replaces the first's new card instead
   * of meeting the one-valid-card index.
   */
  async lockPerson(idNumber: string, manager: EntityManager): Promise<void> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtext('id_card:' || $1))`, [idNumber]);
  }

  /** Ends the person's valid card(s) of one kind; returns how many cards changed. */
  async closeValidCard(idNumber: string, kind: IdCardKind, status: Exclude<IdCardStatus, 'VALID'>, manager: EntityManager): Promise<number> {
    const r = await this.repo(manager).update({ idNumber, kind, status: 'VALID' }, { status });
    return r.affected ?? 0;
  }

  /** Cancels every valid card of the person (death cancellation: the cards are collected). */
  async cancelAllValid(idNumber: string, manager: EntityManager): Promise<number> {
    const r = await this.repo(manager).update({ idNumber, status: 'VALID' }, { status: 'CANCELLED' });
    return r.affected ?? 0;
  }

  async insert(card: NewIdCard, manager: EntityManager): Promise<void> {
    await this.repo(manager).insert({ ...card, status: 'VALID' });
  }
}
