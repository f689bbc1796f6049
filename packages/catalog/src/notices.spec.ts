import { catalogText, plainItem } from '../test/fixtures.js';
import { loadCatalog } from './loader.js';
import { citizenText, describeMaterial, sixNotices, sixNoticesText } from './notices.js';

const item = loadCatalog(
  catalogText([
    plainItem({
      code: 'HH-ID-CARD-REPLACE',
      name: '居民身份证补领',
      fee: { amountFen: 4000, description: '居民身份证工本费', basis: '发改价格〔2003〕2322号 [unverified: reprint only]', waivers: [] },
      statutoryTimeLimit: { value: 60, unit: 'CALENDAR_DAYS', note: '居民身份证法第十二条' },
      promisedTimeLimit: { value: 15, unit: 'WORKING_DAYS', note: '[unverified: local promise]' },
      pickupNotice: '凭受理回执到窗口领取',
      channels: ['COUNTER', 'HOME_VISIT'],
    }),
  ]),
  'fixture',
).items[0]!;

describe('sixNotices', () => {
  const notices = sixNotices(item);

  it('has the six sections in order', () => {
    expect(notices.map((s) => s.key)).toEqual(['SERVICE_ITEM', 'MATERIALS', 'FEE', 'PROCESS', 'TIME_LIMIT', 'SUPERVISION']);
    expect(notices.map((s) => s.title)).toEqual(['一、服务事项', '二、申请材料', '三、收费标准', '四、办理流程', '五、办理时限', '六、监督方式']);
    for (const s of notices) expect(s.lines.length).toBeGreaterThan(0);
  });

  it('describes the item, its materials, fee, process, limits and supervision in Chinese', () => {
    const text = (key: string) => notices.find((s) => s.key === key)!.lines.join('\n');
    expect(text('SERVICE_ITEM')).toContain('居民身份证补领（事项编码 HH-ID-CARD-REPLACE）');
    expect(text('SERVICE_ITEM')).toContain('办理警种：户政');
    expect(text('SERVICE_ITEM')).toContain('窗口办理、预约上门办理');
    expect(text('MATERIALS')).toContain('1. 数字相片采集回执（必交）');
    expect(text('MATERIALS')).toContain('居民户口簿（必交；可容缺受理，须签署书面承诺后补交）');
    expect(text('MATERIALS')).toContain('出生医学证明（必交；免提交，由窗口向卫健部门网上核验）');
    expect(text('MATERIALS')).toContain('监护人居民身份证（视情提交）');
    expect(text('FEE')).toContain('收费金额：40.00元\n收费说明：居民身份证工本费');
    expect(text('PROCESS')).toContain('3. 发证');
    expect(text('PROCESS')).toContain('领取说明：凭受理回执到窗口领取');
    expect(text('TIME_LIMIT')).toContain('法定时限：60日（自然日）（居民身份证法第十二条）');
    expect(text('SUPERVISION')).toContain('监督电话：12389');
  });

  it('strips internal [unverified] remarks and leaves no empty brackets', () => {
    const all = sixNoticesText(item).join('\n');
    expect(all).not.toMatch(/\[|\]|unverified/);
    expect(all).toContain('收费依据：发改价格〔2003〕2322号');
    expect(all).toContain('承诺时限：15个工作日\n');
  });

  it('prints free items and waivers', () => {
    const free = loadCatalog(catalogText([plainItem({ fee: { amountFen: 0, description: '出生登记不收费' } })]), 'f').items[0]!;
    expect(sixNotices(free)[2]!.lines.slice(0, 2)).toEqual(['收费金额：不收费', '收费说明：出生登记不收费']);
    const withWaiver = loadCatalog(catalogText([plainItem()]), 'w').items[0]!;
    expect(sixNotices(withWaiver)[2]!.lines).toContain('免收情形：低保免收（领取最低生活保障金的）');
  });

  it('flattens to printable lines with indented bodies', () => {
    const lines = sixNoticesText(item);
    expect(lines[0]).toBe('一、服务事项');
    expect(lines[1]!.startsWith('　　事项名称：')).toBe(true);
  });
});

describe('citizenText / describeMaterial', () => {
  it('removes ASCII-bracket remarks only', () => {
    expect(citizenText('十五日内签发 [unverified: not checked]')).toBe('十五日内签发');
    expect(citizenText('【XX市公安局】（说明）')).toBe('【XX市公安局】（说明）');
  });

  it('adds the note after a colon', () => {
    expect(describeMaterial({ code: 'A', name: '丢失声明', required: true, toleratedIfMissing: false, verifiedOnline: false, note: '可当场填写' })).toBe(
      '丢失声明（必交）：可当场填写',
    );
  });
});
