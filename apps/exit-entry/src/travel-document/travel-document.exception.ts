import { DomainException } from '@onewindow/platform';

/** Why a document operation is refused (codes travel on the wire as-is). */
export enum DocumentErrorCode {
  /** An endorsement needs a valid permit of the right kind on the register. */
  DOCUMENT_REQUIRED = 'DOCUMENT_REQUIRED',
  /** No document with that number within the caller's jurisdiction. */
  DOCUMENT_NOT_FOUND = 'DOCUMENT_NOT_FOUND',
  /** A direct read of personal data must state its purpose (it is audited). */
  PURPOSE_REQUIRED = 'PURPOSE_REQUIRED',
}

export class DocumentException extends DomainException {
  constructor(code: DocumentErrorCode, message: string, details?: unknown) {
    super(code, message, details);
  }
}
