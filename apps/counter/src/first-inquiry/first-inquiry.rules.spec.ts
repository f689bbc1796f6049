import { firstInquiryNumber, firstInquiryOutcome, isFirstInquiryNumber } from './first-inquiry.rules.js';

describe('first-inquiry rules', () => {
  it('needs an answer, or a unit and its contact', () => {
    expect(firstInquiryOutcome({ answer: '携带户口簿到户籍窗口办理' })).toBe('ANSWERED');
    expect(firstInquiryOutcome({ directedUnit: '武侯区政务服务中心', directedContact: '028-85555555' })).toBe('DIRECTED');
    expect(firstInquiryOutcome({ directedUnit: '武侯区政务服务中心' })).toBeNull();
    expect(firstInquiryOutcome({ answer: '  ' })).toBeNull();
  });

  it('numbers records per day', () => {
    expect(firstInquiryNumber('2026-03-18', 7)).toBe('SW-20260318-0007');
    expect(isFirstInquiryNumber('SW-20260318-0007')).toBe(true);
    expect(isFirstInquiryNumber('SW-2026318-7')).toBe(false);
  });
});
