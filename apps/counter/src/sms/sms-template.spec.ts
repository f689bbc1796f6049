import { normalizeMobile, pickupSms, SMS_MAX_LENGTH, SmsTemplateError, validateSmsText } from './sms-template.js';

const len = (s: string) => Array.from(s).length;
const UNIT = '成都市公安局武侯区分局浆洗街派出所';

describe('pickup SMS template', () => {
  it('fills the window template with the result and the pickup unit', () => {
    const sms = pickupSms({ signature: '成都市公安局', resultName: '居民身份证', unitName: UNIT, deliveryMethod: 'WINDOW' });
    expect(sms.template).toBe('PICKUP_READY_WINDOW');
    expect(sms.text).toBe(`【成都市公安局】您申领的居民身份证已办好，请于工作日9:00-17:00到${UNIT}领取。`);
    expect(len(sms.text)).toBeLessThanOrEqual(SMS_MAX_LENGTH);
  });

  it('drops the organisation prefix of the unit, then the parenthetical of the result, to fit 70 characters', () => {
    // 35 fixed characters + 14 + 17 = 66: fits as it is.
    const fits = pickupSms({ signature: '成都市公安局', resultName: '居民户口簿（迁入人员户口页）', unitName: UNIT });
    expect(fits.text).toBe(`【成都市公安局】您申领的居民户口簿（迁入人员户口页）已办好，请于工作日9:00-17:00到${UNIT}领取。`);
    // 35 + 19 + 17 = 71: the unit loses 成都市公安局.
    const shorter = pickupSms({ signature: '成都市公安局', resultName: '机动车行驶证及签注后的机动车登记证书等', unitName: UNIT });
    expect(shorter.text).toBe('【成都市公安局】您申领的机动车行驶证及签注后的机动车登记证书等已办好，请于工作日9:00-17:00到武侯区分局浆洗街派出所领取。');
    expect(len(shorter.text)).toBe(65);
    // Still too long with the short unit: the result loses its parenthetical.
    const longest = pickupSms({ signature: '成都市公安局', resultName: '机动车行驶证（签注后的机动车登记证书及相关凭证材料原件）', unitName: UNIT });
    expect(longest.text).toBe(`【成都市公安局】您申领的机动车行驶证已办好，请于工作日9:00-17:00到${UNIT}领取。`);
  });

  it('uses the post and home templates, which need no place', () => {
    expect(pickupSms({ signature: '成都市公安局', resultName: '普通护照', unitName: UNIT, deliveryMethod: 'POST' })).toEqual({
      template: 'PICKUP_READY_POST',
      text: '【成都市公安局】您申领的普通护照已办好，将通过邮政寄递送达，请注意查收。',
    });
    expect(pickupSms({ signature: '成都市公安局', resultName: '居民身份证', unitName: '', deliveryMethod: 'HOME' }).template).toBe('PICKUP_READY_HOME');
  });

  it('strips editorial remarks and refuses what cannot fit', () => {
    expect(pickupSms({ signature: '成都市公安局', resultName: '居民身份证 [unverified: x]', unitName: UNIT }).text).not.toContain('unverified');
    expect(() => pickupSms({ signature: '成都市公安局', resultName: '很'.repeat(40), unitName: UNIT })).toThrow(SmsTemplateError);
    expect(() => pickupSms({ signature: '成都市公安局', resultName: '', unitName: UNIT })).toThrow(SmsTemplateError);
  });

  it('validates signature, length, links and ID numbers', () => {
    expect(() => validateSmsText('【成都市公安局】您好')).not.toThrow();
    expect(() => validateSmsText('您好')).toThrow(/签名/);
    expect(() => validateSmsText(`【成都市公安局】${'字'.repeat(63)}`)).toThrow(/超过/);
    expect(() => validateSmsText('【成都市公安局】详见 https://x.cn')).toThrow(/链接/);
    expect(() => validateSmsText('【成都市公安局】11010519491231002X 已办好')).toThrow(/证件号码/);
  });

  it('normalises mainland mobile numbers and refuses others', () => {
    expect(normalizeMobile('138 1234 5678')).toBe('13812345678');
    expect(normalizeMobile('+8613812345678')).toBe('13812345678');
    expect(normalizeMobile('028-12345678')).toBeUndefined();
    expect(normalizeMobile(undefined)).toBeUndefined();
    expect(normalizeMobile(13812345678)).toBeUndefined();
  });
});

describe('notification SMS requested by other services', () => {
  it('fills a registered template within 70 characters, no names or links', async () => {
    const { notificationSms } = await import('./sms-template.js');
    const { text, template } = notificationSms('成都市公安局', 'LOST_ITEM_MATCHED', { category: '钱包', place: '浆洗街派出所失物招领窗口' });
    expect(template).toBe('LOST_ITEM_MATCHED');
    expect(text).toBe('【成都市公安局】您登记遗失的钱包可能已找到，请于工作日携带身份证到浆洗街派出所失物招领窗口认领。');
    expect(Array.from(text).length).toBeLessThanOrEqual(70);
  });

  it('tells a complainant the answer period of their complaint was extended (number and date only)', async () => {
    const { notificationSms } = await import('./sms-template.js');
    const { text } = notificationSms('成都市公安局', 'COMPLAINT_EXTENDED', { number: 'XF20260318000001', deadline: '2026年6月16日' });
    expect(text).toBe('【成都市公安局】您的信访事项XF20260318000001经批准延期办理，办结期限延至2026年6月16日，请留意答复。');
    expect(Array.from(text).length).toBeLessThanOrEqual(70);
  });

  it('complaints: the acknowledgement (tracking number, 15-day promise) and the online form\'s verification code', async () => {
    const { notificationSms } = await import('./sms-template.js');
    const ack = notificationSms('成都市公安局', 'COMPLAINT_RECEIVED', { number: 'XF20260916000001' });
    expect(ack.text).toBe('【成都市公安局】您的信访投诉已登记，编号XF20260916000001，我们将在15日内告知是否受理。');
    const code = notificationSms('成都市公安局', 'COMPLAINT_VERIFICATION_CODE', { code: '042917' });
    expect(code.text).toBe('【成都市公安局】您的网上投诉验证码为042917，10分钟内有效，请勿告知他人。');
    const rating = notificationSms('成都市公安局', 'COMPLAINT_ANSWER_RATING', { number: 'XF20260916000001' });
    expect(rating.text).toBe('【成都市公安局】您的信访事项XF20260916000001已答复，请评价：回复1满意 2基本满意 3不满意。');
    for (const t of [ack.text, code.text, rating.text]) expect(Array.from(t).length).toBeLessThanOrEqual(70);
  });

  it('refuses unregistered templates and missing variables', async () => {
    const { notificationSms } = await import('./sms-template.js');
    expect(() => notificationSms('成都市公安局', 'FREE_TEXT', {})).toThrow(/未报备/);
    expect(() => notificationSms('成都市公安局', 'LOST_ITEM_MATCHED', { category: '钱包' })).toThrow(/place/);
  });

  it('好差评: the callback invitation and the outcome of a bad review, within 70 characters', async () => {
    const { notificationSms } = await import('./sms-template.js');
    const invitation = notificationSms('成都市公安局', 'EVALUATION_INVITATION', {});
    expect(invitation.text).toBe('【成都市公安局】您在公安窗口办理的事项已办结，请评价：回复1满意 2基本满意 3不满意。');
    const outcome = notificationSms('成都市公安局', 'EVALUATION_OUTCOME', { outcome: '已核实并作出说明' });
    expect(outcome.text).toBe('【成都市公安局】您对公安窗口服务的评价已回访核实，处理结果：已核实并作出说明。感谢您的监督。');
    for (const { text } of [invitation, outcome]) expect(Array.from(text).length).toBeLessThanOrEqual(70);
    expect(() => notificationSms('成都市公安局', 'EVALUATION_OUTCOME', {})).toThrow(/outcome/);
  });
});
