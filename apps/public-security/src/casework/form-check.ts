import { plusDays } from '@onewindow/calendar';
import { checkFormFields, isBlank, type FieldProblem, type FormFieldSpec } from '@onewindow/catalog';
import { ageOn, validateIdNumber } from '@onewindow/id-number';
import { validateCreditCode } from './credit-code.js';

/** Date fields that plan something (transport, blasting, an event): today or later. Others record the past. */
export const FUTURE_DATE_FIELDS: ReadonlySet<string> = new Set(['transportDate', 'plannedStart', 'eventDate']);
/** Fields naming the company or organiser (a 2–100 character name). */
const COMPANY_NAME_FIELDS = ['unitName', 'companyName', 'organizerName', 'shipperName'] as const;
/** Fields holding an address or site (at least 6 characters: district, street and number). */
const ADDRESS_FIELDS = ['premisesAddress', 'projectSite', 'venue'] as const;
const MIN_ADDRESS = 6;
/** Fields whose person is the applicant at the window (must be the command's applicant). */
export const APPLICANT_ID_FIELDS = ['applicantIdNumber', 'agentIdNumber'] as const;
/** 民法典 第十八条: full civil capacity at 18 — legal representatives and security guards. */
export const ADULT_AGE = 18;
/** 保安服务管理条例 第八条: registered capital of a security company at least 1,000,000 yuan. */
export const SECURITY_COMPANY_MIN_CAPITAL_YUAN = 1_000_000;
/** 大型群众性活动安全管理条例 第二条: 1,000 or more expected participants. */
export const LARGE_EVENT_MIN_ATTENDANCE = 1_000;
/** 大型群众性活动安全管理条例 第十二条: apply 20 days before the event. */
export const LARGE_EVENT_LEAD_DAYS = 20;

/**
 * Checks a form against the item's formFields (see checkFormFields). Dates in FUTURE_DATE_FIELDS
 * may not lie before `today` (YYYY-MM-DD); all other dates record the past and may not lie after it.
 */
export function checkForm(fields: readonly FormFieldSpec[], form: Record<string, unknown>, today: string): FieldProblem[] {
  return checkFormFields(fields, form, { today, futureDateFields: FUTURE_DATE_FIELDS });
}

/**
 * Business rules on the fields of public-security forms, applied only to fields that passed
 * checkForm: company name, unified social credit code (GB 32100 check character), address, the
 * legal representative's ID number (an adult), room and bed counts, a security company's capital,
 * a large event's size and lead time. `applicantIdNumber` is the command's (normalised) applicant.
 */
export function checkBusinessFields(
  fields: readonly FormFieldSpec[],
  form: Record<string, unknown>,
  today: string,
  applicantIdNumber: string,
  alreadyWrong: ReadonlySet<string> = new Set(),
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const has = (key: string) => fields.some((f) => f.key === key) && !alreadyWrong.has(key) && !isBlank(form[key]);
  const add = (field: string, message: string) => {
    const label = fields.find((f) => f.key === field)?.label ?? field;
    const existing = problems.find((p) => p.field === field);
    if (existing) existing.problems.push(message);
    else problems.push({ field, label, problems: [message] });
  };

  for (const key of COMPANY_NAME_FIELDS) {
    if (has(key) && String(form[key]).trim().length < 2) add(key, '名称至少2个字');
  }
  if (has('unitCreditCode')) {
    const check = validateCreditCode(String(form['unitCreditCode']));
    if (!check.valid) add('unitCreditCode', check.message);
  }
  for (const key of ADDRESS_FIELDS) {
    if (has(key) && Array.from(String(form[key]).trim()).length < MIN_ADDRESS) add(key, `地址不完整（至少${MIN_ADDRESS}个字，写明区县、街道和门牌号）`);
  }
  if (has('legalRepIdNumber')) {
    const id = validateIdNumber(String(form['legalRepIdNumber']));
    if (id.valid && ageOn(id.birthDate, today) < ADULT_AGE) add('legalRepIdNumber', `法定代表人或负责人应年满${ADULT_AGE}周岁`);
  }
  for (const key of APPLICANT_ID_FIELDS) {
    if (!has(key)) continue;
    const id = validateIdNumber(String(form[key]));
    if (id.valid && id.normalized !== applicantIdNumber) add(key, '与申请人身份证号码不一致');
  }
  for (const key of ['roomCount', 'bedCount', 'expectedAttendance', 'registeredCapitalYuan']) {
    if (has(key) && (!Number.isInteger(form[key]) || (form[key] as number) <= 0)) add(key, '应为正整数');
  }
  if (has('roomCount') && has('bedCount') && (form['bedCount'] as number) < (form['roomCount'] as number)) add('bedCount', '床位数不能少于客房数');
  if (has('registeredCapitalYuan') && (form['registeredCapitalYuan'] as number) < SECURITY_COMPANY_MIN_CAPITAL_YUAN) {
    add('registeredCapitalYuan', '保安服务公司注册资本不得少于人民币100万元');
  }
  if (has('expectedAttendance') && (form['expectedAttendance'] as number) < LARGE_EVENT_MIN_ATTENDANCE) {
    add('expectedAttendance', `预计参加人数不足${LARGE_EVENT_MIN_ATTENDANCE}人，不属于大型群众性活动安全许可范围`);
  }
  if (has('eventDate') && fields.some((f) => f.key === 'expectedAttendance') && String(form['eventDate']) < plusDays(today, LARGE_EVENT_LEAD_DAYS)) {
    add('eventDate', `应在活动举办日的${LARGE_EVENT_LEAD_DAYS}日前提出申请`);
  }
  return problems;
}
