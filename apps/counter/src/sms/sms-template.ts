import { citizenText } from '@onewindow/catalog';
import type { DeliveryMethod } from '@onewindow/contracts';

/** Carrier limit for one message including the signature (DOMAIN.md "SMS"). */
export const SMS_MAX_LENGTH = 70;

/** Registered templates (短信模板须事先报备); the code travels with every message. */
export const SMS_TEMPLATES = {
  PICKUP_READY_WINDOW: '【{signature}】您申领的{resultName}已办好，请于工作日9:00-17:00到{place}领取。',
  PICKUP_READY_POST: '【{signature}】您申领的{resultName}已办好，将通过邮政寄递送达，请注意查收。',
  PICKUP_READY_HOME: '【{signature}】您申领的{resultName}已办好，工作人员将与您预约上门送达。',
  LOST_ITEM_MATCHED: '【{signature}】您登记遗失的{category}可能已找到，请于工作日携带身份证到{place}认领。',
  COMPLAINT_EXTENDED: '【{signature}】您的信访事项{number}经批准延期办理，办结期限延至{deadline}，请留意答复。',
  // 好差评 (complaints service): the callback survey after completion and the outcome of a bad review's 回访核实.
  EVALUATION_INVITATION: '【{signature}】您在公安窗口办理的事项已办结，请评价：回复1满意 2基本满意 3不满意。',
  EVALUATION_OUTCOME: '【{signature}】您对公安窗口服务的评价已回访核实，处理结果：{outcome}。感谢您的监督。',
  COMPLAINT_ANSWER_RATING: '【{signature}】您的信访事项{number}已答复，请评价：回复1满意 2基本满意 3不满意。',
  COMPLAINT_RECEIVED: '【{signature}】您的信访投诉已登记，编号{number}，我们将在15日内告知是否受理。',
  COMPLAINT_VERIFICATION_CODE: '【{signature}】您的网上投诉验证码为{code}，10分钟内有效，请勿告知他人。',
  // 排队叫号 (issue 11): the holder of a ticket asked to be told when few are ahead.
  QUEUE_AHEAD: '【{signature}】您的排队号{number}前面还有{ahead}人，请回到大厅留意叫号，过号需重新取号。',
  // 预约 (appointments, issue 11): the booking code, the confirmation, a booking cancelled by a closure (rebook with its number, no link).
  APPOINTMENT_VERIFICATION_CODE: '【{signature}】您的网上预约验证码为{code}，10分钟内有效，请勿告知他人。',
  APPOINTMENT_BOOKED: '【{signature}】您已预约{date} {time}到{place}办理业务，预约号{number}，请提前到场签到。',
  APPOINTMENT_CLOSED: '【{signature}】因临时闭厅，您{date}的预约已取消。可凭预约号{number}在网上预约改约或致电96166。',
  PROGRESS_QUERY_CODE: '【{signature}】您查询办理进度的验证码为{code}，10分钟内有效，请勿告知他人。',
} as const;

/** Templates other services may request through `<service>.v1.notification.requested`, with their variables. */
export const NOTIFICATION_TEMPLATES: Readonly<Record<string, readonly string[]>> = {
  LOST_ITEM_MATCHED: ['category', 'place'],
  COMPLAINT_EXTENDED: ['number', 'deadline'],
  EVALUATION_INVITATION: [],
  EVALUATION_OUTCOME: ['outcome'],
  COMPLAINT_ANSWER_RATING: ['number'],
  COMPLAINT_RECEIVED: ['number'],
  COMPLAINT_VERIFICATION_CODE: ['code'],
};

/** Fill a requested notification template; unknown templates or variables are refused. */
export function notificationSms(signature: string, template: string, params: Record<string, string>): { template: SmsTemplateCode; text: string } {
  const vars = NOTIFICATION_TEMPLATES[template];
  if (!vars) throw new SmsTemplateError(`未报备的短信模板 ${template}`);
  const values: Record<string, string> = { signature };
  for (const v of vars) {
    const value = citizenText(params[v] ?? '');
    if (!value) throw new SmsTemplateError(`短信模板 ${template} 缺少变量 ${v}`);
    values[v] = value;
  }
  const text = fill(SMS_TEMPLATES[template as SmsTemplateCode], values);
  if (length(text) > SMS_MAX_LENGTH) throw new SmsTemplateError(`短信超过 ${SMS_MAX_LENGTH} 字`);
  validateSmsText(text);
  return { template: template as SmsTemplateCode, text };
}
export type SmsTemplateCode = keyof typeof SMS_TEMPLATES;

export class SmsTemplateError extends Error {
  override readonly name = 'SmsTemplateError';
}

export interface PickupSmsInput {
  signature: string;
  resultName: string;
  /** Where the result is collected (the accepting unit). */
  unitName: string;
  deliveryMethod?: DeliveryMethod | null;
}

const length = (s: string) => Array.from(s).length;

/** Characters and patterns that must never reach an SMS: links, and anything that looks like an ID number. */
function assertClean(text: string): void {
  if (/https?:|www\.|\.(com|cn|net)\b/i.test(text)) throw new SmsTemplateError('短信不得包含链接');
  if (/\d{15,18}|\d{17}[Xx]/.test(text)) throw new SmsTemplateError('短信不得包含证件号码');
}

export function validateSmsText(text: string): void {
  const n = length(text);
  if (n > SMS_MAX_LENGTH) throw new SmsTemplateError(`短信长度 ${n} 超过 ${SMS_MAX_LENGTH} 字`);
  if (!/^【[^【】]{3,8}】/.test(text)) throw new SmsTemplateError('短信须以 3–8 个字的【签名】开头');
  assertClean(text);
}

function fill(template: string, vars: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (_, k: string) => vars[k] ?? '');
}

/** '居民户口簿（迁入人员户口页）' → '居民户口簿': the parenthetical is the first thing to go when too long. */
function withoutParenthetical(s: string): string {
  return s.replace(/[（(][^）)]*[）)]/gu, '').trim();
}

/**
 * 证照领取提醒: the template by delivery method, filled with the result's name and the pickup
 * unit — never the citizen's name or ID number, never a link. When the text would exceed 70
 * characters the unit loses the signature's organisation prefix (成都市公安局武侯区分局… →
 * 武侯区分局…), then the result name its parenthetical; if it still does not fit, it throws.
 */
export function pickupSms(input: PickupSmsInput): { template: SmsTemplateCode; text: string } {
  const template: SmsTemplateCode =
    input.deliveryMethod === 'POST' ? 'PICKUP_READY_POST' : input.deliveryMethod === 'HOME' ? 'PICKUP_READY_HOME' : 'PICKUP_READY_WINDOW';
  const resultName = citizenText(input.resultName);
  const unitName = citizenText(input.unitName);
  if (!resultName) throw new SmsTemplateError('缺少证照名称');
  if (template === 'PICKUP_READY_WINDOW' && !unitName) throw new SmsTemplateError('缺少领取地点');
  const places = [...new Set([unitName, unitName.startsWith(input.signature) ? unitName.slice(input.signature.length) : unitName])];
  const results = [...new Set([resultName, withoutParenthetical(resultName) || resultName])];
  for (const r of results) {
    for (const place of places) {
      const text = fill(SMS_TEMPLATES[template], { signature: input.signature, resultName: r, place });
      if (length(text) <= SMS_MAX_LENGTH) {
        validateSmsText(text);
        return { template, text };
      }
    }
  }
  throw new SmsTemplateError(`短信超过 ${SMS_MAX_LENGTH} 字，无法套用模板 ${template}`);
}

/** A mainland mobile number as the carrier needs it (digits only, +86 removed), or undefined. */
export function normalizeMobile(raw: unknown): string | undefined {
  if (typeof raw !== 'string') return undefined;
  let v = raw.replace(/[\s-]+/g, '');
  const intl = /^(?:\+86|0086|86)(1\d{10})$/.exec(v);
  if (intl) v = intl[1]!;
  return /^1[3-9]\d{9}$/.test(v) ? v : undefined;
}
