export {
  EARLIEST_BIRTH_YEAR,
  assertIdNumber,
  buildIdNumber,
  computeCheckCode,
  normalizeIdNumberInput,
  validateIdNumber,
} from './id-number.js';
export type {
  IdNumberCheck,
  IdNumberKind,
  IdNumberParts,
  InvalidIdNumber,
  Sex,
  ValidIdNumber,
  ValidateIdNumberOptions,
} from './id-number.js';
export { IdNumberErrorCode, InvalidIdNumberError } from './id-number.exception.js';
export { maskIdNumber, maskName, maskPhone } from './mask.js';
export { ageOn } from './age.js';
export { checkConsistency } from './consistency.js';
export type { ConsistencyMismatch, StatedPersonFacts } from './consistency.js';
export { nextFreeSequence, sequenceOf } from './sequence.js';
