import { maskIdNumber, maskName, maskPhone } from './index.js';

describe('maskIdNumber', () => {
  it('keeps the first 6 and last 4 of 18 characters', () => {
    expect(maskIdNumber('110105194912311234')).toBe('110105********1234');
    expect(maskIdNumber('11010519491231002x')).toBe('110105********002X');
    expect(maskIdNumber(' 110105 19491231 002X ')).toBe('110105********002X');
  });

  it('keeps the length of a 15-digit number', () => {
    expect(maskIdNumber('110105491231002')).toBe('110105*****1002');
  });

  it('masks everything when the input is too short to mask safely', () => {
    expect(maskIdNumber('1101051949')).toBe('**********');
    expect(maskIdNumber('')).toBe('');
  });
});

describe('maskPhone', () => {
  it.each([
    ['13812345678', '138****5678'],
    ['138 1234 5678', '138****5678'],
    ['138-1234-5678', '138****5678'],
    ['+86 138 1234 5678', '138****5678'],
    ['008613812345678', '138****5678'],
    ['8613812345678', '138****5678'],
    ['028-85551234', '028****1234'],
    ['85551234', '****1234'],
    ['96166', '*****'],
    ['', ''],
  ])('%s → %s', (input, masked) => {
    expect(maskPhone(input)).toBe(masked);
  });
});

describe('maskName', () => {
  it.each([
    ['张三', '张*'],
    ['王小明', '王**'],
    [' 李四 ', '李*'],
    ['欧阳娜娜', '欧阳**'],
    ['诸葛亮', '诸葛*'],
    ['欧阳', '欧*'],
    ['阿卜杜·热合曼', '阿******'],
    ['𠮷野家', '𠮷**'],
    ['张', '张'],
    ['', ''],
  ])('%s → %s', (input, masked) => {
    expect(maskName(input)).toBe(masked);
  });
});
