import { csvRecords, parseWorkOrders } from './work-order-12345.parser.js';

const HEADER = '工单编号,受理日期,诉求人姓名,联系电话,身份证号码,诉求内容,被投诉警种,被投诉单位代码,投诉类别,涉及民警,受理编号';

describe('12345 work-order file', () => {
  it('reads RFC 4180 records: BOM, CRLF, quoted commas, quotes and newlines; row numbers of the file', () => {
    const recs = csvRecords('\uFEFFa,b\r\n"x, ""y""",2\n"multi\nline",3\n\n4,5');
    expect(recs).toEqual([
      { row: 1, fields: ['a', 'b'] },
      { row: 2, fields: ['x, "y"', '2'] },
      { row: 3, fields: ['multi\nline', '3'] },
      { row: 6, fields: ['4', '5'] },
    ]);
  });

  it('takes well-formed rows (codes or Chinese labels) and reports each malformed row with its field and a Chinese reason', () => {
    const csv = [
      `\uFEFF${HEADER}`,
      'GD20260915001,2026-09-15,李娜,13900139000,,"办理居住证时窗口人员态度生硬，多次催促",户政,510107001,态度,,',
      'GD20260915002,2026-09-15,王强,028-85551234,,交管窗口排队两小时无人办理,TRAFFIC,510107002,DELAY,赵交管,TR20260901000001',
      'GD20260915003,2026-02-30,陈静,12345,,内容过短,户政,510107001,吐槽,,',
      ',2026-09-15,刘洋,13700137000,,没有工单编号的投诉内容,户政,510107001,态度,,',
    ].join('\r\n');
    const { orders, errors } = parseWorkOrders(csv);
    expect(orders).toEqual([
      { row: 2, workOrderNumber: 'GD20260915001', receivedOn: '2026-09-15', complainantName: '李娜', complainantPhone: '13900139000', content: '办理居住证时窗口人员态度生硬，多次催促', policeType: 'HOUSEHOLD', responsibleUnitCode: '510107001', kind: 'ATTITUDE' },
      { row: 3, workOrderNumber: 'GD20260915002', receivedOn: '2026-09-15', complainantName: '王强', complainantPhone: '028-85551234', content: '交管窗口排队两小时无人办理', policeType: 'TRAFFIC', responsibleUnitCode: '510107002', kind: 'DELAY', officerName: '赵交管', applicationNumber: 'TR20260901000001' },
    ]);
    expect(errors).toEqual([
      { row: 4, field: '受理日期', reason: '日期格式应为 YYYY-MM-DD，且为真实日期', workOrderNumber: 'GD20260915003' },
      { row: 4, field: '联系电话', reason: expect.stringMatching(/^联系电话应为/), workOrderNumber: 'GD20260915003' },
      { row: 4, field: '诉求内容', reason: '诉求内容应为 5 至 4000 个字', workOrderNumber: 'GD20260915003' },
      { row: 4, field: '投诉类别', reason: expect.stringMatching(/^投诉类别应为：态度、拖延/), workOrderNumber: 'GD20260915003' },
      { row: 5, field: '工单编号', reason: '不能为空' },
    ]);
  });

  it('refuses a file without the required columns, or empty, as a whole', () => {
    expect(parseWorkOrders('工单编号,受理日期\nA1,2026-09-15').errors).toEqual([{ row: 1, field: '文件', reason: expect.stringMatching(/^表头缺少列：诉求人姓名、联系电话/) }]);
    expect(parseWorkOrders('').errors[0]).toMatchObject({ row: 0, field: '文件' });
  });

  it('checks an ID number when one is given', () => {
    const { errors } = parseWorkOrders(`${HEADER}\nGD1,2026-09-15,李娜,13900139000,510107198804129999,窗口态度不好的问题,户政,510107001,态度,,`);
    expect(errors[0]).toMatchObject({ row: 2, field: '身份证号码', reason: expect.stringMatching(/^身份证号码无效/) });
  });
});
