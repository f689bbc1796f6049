import 'reflect-metadata';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { IntakeComplaintInput } from './intake-complaint.input.js';

const base = {
  channel: 'WINDOW', complainantName: '孙先生', complainantPhone: '13700001111', content: '窗口民警推诿，未告知去哪里办理',
  policeType: 'HOUSEHOLD', responsibleUnitCode: '510107001', kind: 'ATTITUDE',
};

describe('complaint intake: the first-inquiry record it cites (issue 11)', () => {
  const problems = async (over: Record<string, unknown>) =>
    (await validate(plainToInstance(IntakeComplaintInput, { ...base, ...over }))).map((e) => e.property);

  it('is optional and must look like SW-yyyymmdd-nnnn', async () => {
    expect(await problems({})).toEqual([]);
    expect(await problems({ firstInquiryNumber: 'SW-20260318-0001' })).toEqual([]);
    expect(await problems({ firstInquiryNumber: 'SW-2026318-1' })).toEqual(['firstInquiryNumber']);
    expect(await problems({ firstInquiryNumber: 'HH20260318000001' })).toEqual(['firstInquiryNumber']);
  });
});
