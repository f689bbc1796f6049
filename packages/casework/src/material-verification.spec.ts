import { verificationFallbackNote, type MaterialVerification } from './material-verification.js';

describe('verificationFallbackNote', () => {
  const v = (outcome: MaterialVerification['outcome']): MaterialVerification => ({ code: 'MARRIAGE_CERT', source: 'CIVIL_AFFAIRS_MARRIAGE', sourceLabel: '民政婚姻登记', outcome, checkedAt: '2026-11-26T02:00:00.000Z' });

  it('tells the citizen to bring the paper, and why', () => {
    expect(verificationFallbackNote(v('NOT_FOUND'), { name: '父母结婚证' })).toBe('民政婚姻登记网上核验未查到相关记录，请提交父母结婚证原件');
    expect(verificationFallbackNote(v('SOURCE_UNAVAILABLE'), { name: '父母结婚证' })).toBe('民政婚姻登记网上核验暂时无法使用，请提交父母结婚证原件');
    expect(verificationFallbackNote(v('SOURCE_UNAVAILABLE'))).toBe('民政婚姻登记网上核验暂时无法使用，请提交该材料原件');
  });
});
