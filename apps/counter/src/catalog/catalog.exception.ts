import { DomainException } from '@onewindow/platform';

export enum CatalogErrorCode {
  ITEM_NOT_FOUND = 'ITEM_NOT_FOUND',
}

export class CatalogException extends DomainException {
  constructor(code: CatalogErrorCode, message: string, details?: unknown) {
    super(code, message, details);
  }

  static itemNotFound(code: string): CatalogException {
    return new CatalogException(CatalogErrorCode.ITEM_NOT_FOUND, `事项目录中没有编码为 ${code} 的事项`, { code });
  }
}
