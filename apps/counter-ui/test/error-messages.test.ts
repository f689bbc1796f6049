import { ERROR_CODES } from '@onewindow/contracts';
import { ERROR_MESSAGES, describeGraphQLError, outcomeUnknown } from '../src/errors.js';

/** Three Latin words in a row is an English sentence (codes like `HH-ID-CARD` and units like `YYYY-MM-DD` are not). */
const LATIN_SENTENCE = /[A-Za-z]{2,}(?:[,.;:]?\s+[A-Za-z]{2,}){2,}/;
const CJK = /[\u4e00-\u9fff]/;

describe('every error code has a Chinese message that says what to do', () => {
  it.each(ERROR_CODES.map((c) => [c]))('%s', (code) => {
    const m = ERROR_MESSAGES[code];
    expect(m).toBeDefined();
    for (const text of [m.title, m.hint]) {
      expect(text).toMatch(CJK);
      expect(text).not.toMatch(LATIN_SENTENCE);
    }
    // The hint is the "what to do": a sentence of its own, not a repeat of the title.
    expect(m.hint.length).toBeGreaterThan(3);
    expect(m.hint).not.toBe(m.title);
  });

  it('the UI knows no code the contracts do not list', () => {
    expect(Object.keys(ERROR_MESSAGES).sort()).toEqual([...ERROR_CODES].sort());
  });

  it('the regex catches an English sentence', () => {
    expect('purpose must be shorter than or equal to 200 characters').toMatch(LATIN_SENTENCE);
    expect('请按 YYYY-MM-DD 填写，如 HH-ID-CARD-REPLACE').not.toMatch(LATIN_SENTENCE);
  });

  it('an English server message never reaches the screen; an unknown code still gets Chinese', () => {
    const d = describeGraphQLError({ message: 'exceeds maximum operation depth of 12', extensions: { code: 'SOMETHING_NEW' } });
    expect(d.title).toMatch(CJK);
    expect(d.detail).toBeUndefined();
    expect(d.hint).toMatch(CJK);
  });

  it('a wrong password is not a lost session', () => {
    const d = describeGraphQLError({ message: '用户名或密码错误，请核对后重新输入', extensions: { code: 'INVALID_CREDENTIALS' } });
    expect(d.title).toBe('用户名或密码错误');
  });
});

describe('after a failed submission, is its outcome unknown? (the idempotency key is kept then)', () => {
  it.each([
    ['a service timed out behind the gateway', { code: 'SERVICE_UNAVAILABLE', details: { outcome: 'UNKNOWN' } }, true],
    ['nobody was listening: nothing was written', { code: 'SERVICE_UNAVAILABLE', details: { outcome: 'NOT_DONE' } }, false],
    ['a refusal with a code', { code: 'FORM_INVALID' }, false],
    ['an older server without the outcome', { code: 'SERVICE_UNAVAILABLE' }, false],
  ])('%s', (_label, extensions, unknown) => {
    expect(outcomeUnknown(describeGraphQLError({ message: 'x', extensions }))).toBe(unknown);
  });

  it('a network failure (no answer at all) is unknown', () => {
    expect(outcomeUnknown({ code: 'NETWORK', title: '无法连接服务器' })).toBe(true);
  });
});
