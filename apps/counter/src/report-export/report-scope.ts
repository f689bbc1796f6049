import { findPoliceUnit, REPORT_MONTH, Role, withinJurisdiction, type Identity } from '@onewindow/contracts';
import { ReportScopeErrorCode as Code, ReportScopeException } from './report-export.exception.js';

/** A unit code of a level the figures know: city 4, district 6, station 9 digits. */
export const isReportUnitCode = (code: string) => /^(\d{4}|\d{6}|\d{9})$/.test(code);

/** A unit neither in the unit directory nor in the month's figures does not exist (as monthlyReport decides). */
export function checkUnitExists(unitCode: string, rowCount: number): void {
  if (!findPoliceUnit(unitCode) && rowCount === 0) throw new ReportScopeException(Code.REPORT_UNIT_UNKNOWN, `未找到单位代码 ${unitCode}`);
}

/**
 * The month and unit a figures request may read, with the same typed errors as monthlyReport:
 * a month that is not YYYY-MM or lies in the future, a code that is no unit level, a unit outside the
 * caller's jurisdiction (then `checkUnitExists` once the rows are read) (ADMIN sees everything; everyone else their own unit prefix).
 */
export function reportScope(actor: Identity, month: string, unitCode: string | undefined, today: string): { month: string; unitCode: string } {
  if (!REPORT_MONTH.test(month)) throw new ReportScopeException(Code.REPORT_MONTH_INVALID, `统计月份“${month.slice(0, 20)}”格式不正确，应为 YYYY-MM`);
  if (month > today.slice(0, 7)) throw new ReportScopeException(Code.REPORT_MONTH_IN_FUTURE, `统计月份 ${month} 尚未到来`);
  const unit = unitCode ?? actor.unitCode;
  if (!isReportUnitCode(unit)) throw new ReportScopeException(Code.REPORT_UNIT_UNKNOWN, `单位代码 ${unit.slice(0, 20)} 不存在（应为 4 位市局、6 位分局或 9 位派出所代码）`);
  if (!actor.roles.includes(Role.ADMIN) && !withinJurisdiction(actor.unitCode, unit)) {
    throw new ReportScopeException(Code.REPORT_OUT_OF_JURISDICTION, `单位 ${unit} 不在您的辖区范围内`);
  }
  return { month, unitCode: unit };
}
