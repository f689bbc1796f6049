import { DomainException } from '@onewindow/platform';

export enum PersonErrorCode {
  INVALID_ID_NUMBER = 'INVALID_ID_NUMBER',
  PERSON_NOT_FOUND = 'PERSON_NOT_FOUND',
  PERSON_DECEASED = 'PERSON_DECEASED',
  PURPOSE_REQUIRED = 'PURPOSE_REQUIRED',
  HOUSEHOLD_NOT_FOUND = 'HOUSEHOLD_NOT_FOUND',
}

export class PersonException extends DomainException {
  constructor(code: PersonErrorCode, message: string, details?: unknown) {
    super(code, message, details);
  }
}
