import { assertIdNumber, type Sex } from './id-number.js';

/** What a form states about the holder, to be compared with the ID number. */
export interface StatedPersonFacts {
  sex?: Sex;
  /** 'YYYY-MM-DD'. */
  birthDate?: string;
}

export interface ConsistencyMismatch {
  field: 'sex' | 'birthDate';
  /** The value on the form. */
  stated: string;
  /** The value encoded in the ID number. */
  fromIdNumber: string;
  /** Chinese, suitable for the counter screen. */
  message: string;
}

const SEX_LABELS: Record<Sex, string> = { MALE: '男', FEMALE: '女' };

/**
 * Compares the sex and birth date stated on a form with those encoded in the ID number; an empty
 * list means consistent. Facts left undefined are not compared. Throws `InvalidIdNumberError`
 * when `id` itself is not valid, since then there is nothing to compare against.
 */
export function checkConsistency(id: string, stated: StatedPersonFacts): ConsistencyMismatch[] {
  const parsed = assertIdNumber(id);
  const mismatches: ConsistencyMismatch[] = [];
  if (stated.sex !== undefined && stated.sex !== parsed.sex) {
    mismatches.push({
      field: 'sex',
      stated: stated.sex,
      fromIdNumber: parsed.sex,
      message: `填写的性别（${SEX_LABELS[stated.sex]}）与身份号码（${SEX_LABELS[parsed.sex]}）不一致`,
    });
  }
  if (stated.birthDate !== undefined && stated.birthDate !== parsed.birthDate) {
    mismatches.push({
      field: 'birthDate',
      stated: stated.birthDate,
      fromIdNumber: parsed.birthDate,
      message: `填写的出生日期（${stated.birthDate}）与身份号码（${parsed.birthDate}）不一致`,
    });
  }
  return mismatches;
}
