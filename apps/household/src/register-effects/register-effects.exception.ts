import { DomainException } from '@onewindow/platform';

/** Why a register change (登记) that an application asks for cannot be made. Codes travel on the wire as-is. */
export enum RegisterEffectErrorCode {
  /** The household the form names (入户户号 / 集体户户号) is not on this city's register. */
  TARGET_HOUSEHOLD_NOT_FOUND = 'TARGET_HOUSEHOLD_NOT_FOUND',
  /** A family household was named where a collective one is needed, or the other way round. */
  TARGET_HOUSEHOLD_KIND_MISMATCH = 'TARGET_HOUSEHOLD_KIND_MISMATCH',
  /** The birth declarant has no household on the register to register the baby in. */
  DECLARANT_HAS_NO_HOUSEHOLD = 'DECLARANT_HAS_NO_HOUSEHOLD',
  /** The household already has a member of that name born that day: the birth was registered before. */
  BIRTH_ALREADY_REGISTERED = 'BIRTH_ALREADY_REGISTERED',
  /** Every sequence of the baby's sex is used for that address code and birth date. */
  ID_SEQUENCE_EXHAUSTED = 'ID_SEQUENCE_EXHAUSTED',
  /**
   * An application accepted before its form carried what the register needs (an older catalog
   * version): the register cannot be written; correct the form through a new application.
   */
  REGISTER_DATA_MISSING = 'REGISTER_DATA_MISSING',
}

export class RegisterEffectException extends DomainException {
  constructor(code: RegisterEffectErrorCode, message: string, details?: unknown) {
    super(code, message, details);
  }
}
