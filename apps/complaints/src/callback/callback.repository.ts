import { Injectable } from '@nestjs/common';
import type { CallbackStatus } from '@onewindow/contracts';
import type { Jurisdiction } from '@onewindow/platform';
import { In, type EntityManager } from 'typeorm';
import { EvaluationEntity } from '../evaluation/evaluation.entity.js';
import { CallbackTaskEntity, type CallbackDeadlineState } from './callback.entity.js';

export type NewCallbackTask = Omit<CallbackTaskEntity, 'id'>;

/** A task with the review it verifies. */
export interface CallbackTaskRow {
  task: CallbackTaskEntity;
  evaluation: EvaluationEntity;
}

export interface CallbackFilter {
  status?: CallbackStatus;
  /** Hide tasks about this officer (nobody works a bad review of themself). */
  notAboutOfficer: string;
}

/** 回访核实 tasks: the caller's EntityManager and jurisdiction on every query. */
@Injectable()
export class CallbackRepository {
  async insert(manager: EntityManager, task: NewCallbackTask): Promise<CallbackTaskEntity> {
    const repo = manager.getRepository(CallbackTaskEntity);
    return repo.save(repo.create(task));
  }

  async save(manager: EntityManager, task: CallbackTaskEntity): Promise<CallbackTaskEntity> {
    return manager.getRepository(CallbackTaskEntity).save(task);
  }

  async findById(manager: EntityManager, id: string, scope: Jurisdiction, opts: { lock?: boolean } = {}): Promise<CallbackTaskRow | null> {
    const qb = manager.getRepository(CallbackTaskEntity).createQueryBuilder('t')
      .where('t.id = :id', { id })
      .andWhere('t.unit_code LIKE :prefix', { prefix: `${scope.unitPrefix}%` });
    if (opts.lock) qb.setLock('pessimistic_write');
    const task = await qb.getOne();
    if (!task) return null;
    const evaluation = await manager.getRepository(EvaluationEntity).findOneByOrFail({ id: task.evaluationId });
    return { task, evaluation };
  }

  /** Open tasks first, soonest due first. */
  async list(manager: EntityManager, scope: Jurisdiction, filter: CallbackFilter, page: { limit: number; offset: number }): Promise<CallbackTaskRow[]> {
    const qb = manager.getRepository(CallbackTaskEntity).createQueryBuilder('t')
      .where('t.unit_code LIKE :prefix', { prefix: `${scope.unitPrefix}%` })
      .andWhere('t.officer_username IS DISTINCT FROM :me', { me: filter.notAboutOfficer });
    if (filter.status) qb.andWhere('t.status = :status', { status: filter.status });
    const tasks = await qb
      .orderBy(`CASE WHEN t.status IN ('OPEN','CALLED_BACK') THEN 0 ELSE 1 END`, 'ASC')
      .addOrderBy('t.resolve_due', 'ASC')
      .addOrderBy('t.opened_on', 'ASC')
      .take(page.limit).skip(page.offset).getMany();
    if (!tasks.length) return [];
    const evaluations = await manager.getRepository(EvaluationEntity).findBy({ id: In(tasks.map((t) => t.evaluationId)) });
    const byId = new Map(evaluations.map((e) => [e.id, e]));
    return tasks.map((task) => ({ task, evaluation: byId.get(task.evaluationId)! }));
  }

  /** Tasks still running, bureau-wide (the deadline job). */
  async findRunning(manager: EntityManager): Promise<CallbackTaskEntity[]> {
    return manager.getRepository(CallbackTaskEntity).find({ where: { status: In(['OPEN', 'CALLED_BACK']) } });
  }

  async updateDeadlineState(manager: EntityManager, id: string, state: CallbackDeadlineState): Promise<void> {
    await manager.getRepository(CallbackTaskEntity).update({ id }, { deadlineState: state });
  }

  async voidEvaluation(manager: EntityManager, evaluationId: string, reason: string, by: string): Promise<void> {
    await manager.getRepository(EvaluationEntity).update({ id: evaluationId }, { voided: true, voidReason: reason, voidedBy: by });
  }
}
