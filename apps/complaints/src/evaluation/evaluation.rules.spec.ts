import {
  isBadReview, nationalLevelOf, normalizeMobile, normalizePairingCode, newDeviceToken, newPairingCode, parseSmsReply, reasonsFor,
  serviceOfApplication, signInboundSms, verifyInboundSms, windowKey,
} from './evaluation.rules.js';

describe('好差评 rules', () => {
  it('maps the window\'s three levels onto the national level of the same name; only the last two national levels are bad reviews', () => {
    expect(nationalLevelOf('SATISFIED')).toBe('SATISFIED');
    expect(nationalLevelOf('BASIC')).toBe('BASIC');
    expect(nationalLevelOf('DISSATISFIED')).toBe('DISSATISFIED');
    expect(['VERY_SATISFIED', 'SATISFIED', 'BASIC', 'DISSATISFIED', 'VERY_DISSATISFIED'].map((l) => isBadReview(l as never))).toEqual([false, false, false, true, true]);
  });

  it('asks for reasons only when not satisfied, and then requires one', () => {
    expect(reasonsFor('SATISFIED', ['ATTITUDE'])).toEqual([]);
    expect(reasonsFor('DISSATISFIED', [])).toBe('REQUIRED');
    expect(reasonsFor('DISSATISFIED', undefined)).toBe('REQUIRED');
    expect(reasonsFor('DISSATISFIED', ['TOO_SLOW', 'TOO_SLOW', 'ATTITUDE'])).toEqual(['TOO_SLOW', 'ATTITUDE']);
  });

  it.each([
    ['1', 'SATISFIED'], [' 2 ', 'BASIC'], ['３', 'DISSATISFIED'], ['3。', 'DISSATISFIED'], ['满意', 'SATISFIED'], ['基本满意', 'BASIC'], ['不满意', 'DISSATISFIED'],
    ['4', undefined], ['12', undefined], ['好', undefined], ['', undefined],
  ])('reads the SMS reply %j as %s', (text, rating) => {
    expect(parseSmsReply(text)).toBe(rating);
  });

  it('knows the owning service of an application number by its prefix, and nothing else', () => {
    expect(serviceOfApplication('HH20260210000001')).toBe('household');
    expect(serviceOfApplication('TR20260210000001')).toBe('traffic');
    expect(serviceOfApplication('CP20260210000001')).toBeUndefined();
    expect(serviceOfApplication('HH-1')).toBeUndefined();
  });

  it('issues unambiguous pairing codes and unguessable device tokens', () => {
    const code = newPairingCode();
    expect(code).toMatch(/^[2-9A-HJKMNP-Z]{8}$/);
    expect(normalizePairingCode(` ${code.slice(0, 4).toLowerCase()}-${code.slice(4)} `)).toBe(code);
    const tokens = new Set(Array.from({ length: 50 }, () => newDeviceToken()));
    expect(tokens.size).toBe(50);
    expect([...tokens][0]).toMatch(/^rd_[A-Za-z0-9_-]{43}$/);
    expect(windowKey('510107001', '3')).toBe('510107001-3');
  });

  it('normalises the sender\'s mobile number', () => {
    expect(normalizeMobile('+86 138-0013-8000')).toBe('13800138000');
    expect(normalizeMobile('02885551234')).toBeUndefined();
  });

  describe('inbound SMS signature', () => {
    const secret = 's'.repeat(32);
    const sms = { messageId: 'm-1', from: '13800138000', text: '3' };
    const now = 1_800_000_000_000;
    const ts = String(now / 1000);
    const sig = signInboundSms(secret, ts, sms);

    it('accepts the provider\'s signature within the time window', () => {
      expect(verifyInboundSms(secret, ts, sig, sms, now, 300)).toBe('OK');
    });

    it('refuses a missing, stale, forged or altered request', () => {
      expect(verifyInboundSms(secret, undefined, sig, sms, now, 300)).toBe('MISSING');
      expect(verifyInboundSms(secret, ts, sig, sms, now + 301_000, 300)).toBe('STALE');
      expect(verifyInboundSms(secret, ts, signInboundSms('x'.repeat(32), ts, sms), sms, now, 300)).toBe('BAD_SIGNATURE');
      expect(verifyInboundSms(secret, ts, sig, { ...sms, text: '1' }, now, 300)).toBe('BAD_SIGNATURE');
      expect(verifyInboundSms(secret, ts, 'zz', sms, now, 300)).toBe('BAD_SIGNATURE');
    });
  });
});
