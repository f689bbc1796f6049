import { Injectable } from '@nestjs/common';
import type { Identity, TransferRequestedEvent } from '@onewindow/contracts';
import { validateIdNumber } from '@onewindow/id-number';
import type { TransferEntity, TransferWorker, TransferWorkResult } from '@onewindow/transfers';
import type { EntityManager } from 'typeorm';
import { DrivingLicenceRepository } from '../driving-licence/driving-licence.repository.js';
import { DeathFollowUpErrorCode as Code, DeathFollowUpException } from './death-follow-up.exception.js';
import { VehicleRepository } from '../vehicle/vehicle.repository.js';
import { cityScopeOfUnit } from '@onewindow/platform';

/**
 * DEATH_FOLLOW_UP from household (死亡注销后续): cancels the deceased's driving licence and flags
 * the vehicles registered to them (FLAGGED_OWNER_DECEASED: they await an inheritance transfer or
 * deregistration), in the transaction the transfers module records the inbound transfer in.
 * Idempotent: a second run changes nothing and says so. Without a valid ID number of the deceased
 * it refuses (DomainException), which leaves the transfer to a traffic officer.
 *
 * No constructor dependencies (the registers are stateless), so the transfers module can
 * instantiate it wherever it collects workers.
 */
@Injectable()
export class DeathFollowUpWorker implements TransferWorker {
  readonly kind = 'DEATH_FOLLOW_UP' as const;
  private readonly licences = new DrivingLicenceRepository();
  private readonly vehicles = new VehicleRepository();

  async work(transfer: TransferRequestedEvent, manager: EntityManager, _system: Identity): Promise<TransferWorkResult> {
    const check = transfer.subjectIdNumber ? validateIdNumber(transfer.subjectIdNumber) : undefined;
    // A domain refusal leaves the transfer to an officer (the transfers module records why).
    if (!check?.valid) throw new DeathFollowUpException(Code.TRANSFER_SUBJECT_MISSING, '移交未载明有效的死者公民身份号码，请人工核查');
    const idNumber = check.normalized;
    // The household office of the requesting city cancelled the hukou: act on that city's registers.
    const scope = cityScopeOfUnit(transfer.requestedBy.unitCode);
    const dateOfDeath = typeof transfer.details?.['dateOfDeath'] === 'string' ? transfer.details['dateOfDeath'] : null;
    const on = dateOfDeath ?? transfer.requestedAt.slice(0, 10);
    const current = await this.licences.findCurrent(manager, idNumber, scope, true);
    const cancelled = await this.licences.cancelCurrent(manager, idNumber, scope, `驾驶人死亡（户口注销 ${transfer.caseRef}）`);
    const flagged = await this.vehicles.flagOwnerDeceased(manager, idNumber, scope, on);

    const parts = [cancelled ? '已注销驾驶证' : '无有效驾驶证', flagged.length ? `标记名下机动车${flagged.length}辆` : '名下无在册机动车'];
    // What a revocation needs to put back exactly: the licence and its previous status, the plates.
    const licence = cancelled && current ? { id: current.id, previousStatus: current.status } : null;
    return { result: parts.join('，'), details: { licenceCancelled: cancelled > 0, licence, flaggedPlates: flagged } };
  }

  /** The death cancellation was refused or withdrawn: the licence is back in its previous status, the vehicles unflagged. */
  async revoke(original: TransferEntity, revocation: TransferRequestedEvent, manager: EntityManager, _system: Identity): Promise<TransferWorkResult> {
    const details = original.resultDetails ?? {};
    const plates = Array.isArray(details['flaggedPlates']) ? details['flaggedPlates'].map(String) : null;
    const licence = details['licence'] as { id?: unknown; previousStatus?: unknown } | null | undefined;
    if (!plates || (details['licenceCancelled'] === true && !licence)) {
      throw new DeathFollowUpException(Code.TRANSFER_RESTORE_UNKNOWN, '原移交未记录所注销的驾驶证或所标记的车辆，请人工核查恢复');
    }
    const idNumber = original.subjectIdNumber ?? '';
    const on = this.todayOf(revocation);
    const reason = `死亡注销已撤销，驾驶证恢复（户政办件 ${revocation.caseRef}）`;
    const restoredLicence =
      licence && typeof licence.id === 'string' && (licence.previousStatus === 'VALID' || licence.previousStatus === 'EXPIRED')
        ? await this.licences.restoreCancelled(manager, licence.id, licence.previousStatus, reason)
        : 0;
    const unflagged = await this.vehicles.unflagOwnerDeceased(manager, idNumber, plates, on);
    const parts = [restoredLicence ? '已恢复驾驶证' : '无需恢复驾驶证', unflagged.length ? `解除名下机动车标记${unflagged.length}辆` : '无需解除车辆标记'];
    return { result: parts.join('，'), details: { licenceRestored: restoredLicence > 0, unflaggedPlates: unflagged } };
  }

  private todayOf(event: TransferRequestedEvent): string {
    return event.requestedAt.slice(0, 10);
  }
}
