import { createLogger } from './logger.js';
import { redactForLog, redactText } from './redact.js';

const ID = '510107198804129130';
const PHONE = '13912345678';
const JWT = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJkZW1vOmRlbW8tY2xlcmsifQ.c2lnbmF0dXJlLXNpZ25hdHVyZQ';

describe('log redaction (PIPL: no ID number, phone, name, address or token in any log line)', () => {
  it('masks ID numbers (18 and 15 digits), mobiles and tokens inside any string, not other numbers', () => {
    expect(redactText(`证件 ${ID} 电话 +86 ${PHONE} 旧证 510107880412913 Bearer ${JWT}`)).toBe('证件 [id-number] 电话 [phone] 旧证 [id-number] Bearer [token]');
    expect(redactText('办件 HJ20260916000123 序号 1764100000002 金额 20')).toBe('办件 HJ20260916000123 序号 1764100000002 金额 20');
    expect(redactText('11010519491231002x')).toBe('[id-number]');
  });

  it('replaces sensitive keys at any depth, keeps officers\' and units\' names, reduces errors to masked text', () => {
    const err = Object.assign(new Error(`duplicate key value (id_number)=(${ID})`), { code: '23505', parameters: [ID, '张三'] });
    const out = redactForLog({
      applicant: { name: '张三', idNumber: ID, address: '武侯区浆洗街1号', nested: [{ contactPhone: PHONE }] },
      actor: { displayName: '王窗口', unitName: '浆洗街派出所' },
      headers: { authorization: `Bearer ${JWT}`, 'x-identity': JWT },
      note: `来电 ${PHONE}`,
      err,
    }) as Record<string, Record<string, unknown>>;
    const text = JSON.stringify(out);
    for (const secret of [ID, PHONE, '张三', '浆洗街1号', JWT]) expect(text).not.toContain(secret);
    expect(out['actor']).toEqual({ displayName: '王窗口', unitName: '浆洗街派出所' });
    expect(out['err']).toMatchObject({ type: 'Error', code: '23505', message: 'duplicate key value (id_number)=([id-number])' });
    expect(text).not.toContain('parameters');
  });

  it('the services\' logger writes no personal data, whatever is handed to it', () => {
    const lines: string[] = [];
    const logger = createLogger('redact-spec', 'info', { write: (s: string) => void lines.push(s) });
    logger.info({ citizen: { name: '李四', idNumber: ID } }, `lookup of ${ID} by phone ${PHONE}`);
    logger.error({ err: new Error(`insert failed for ${ID}`) }, 'audit insert failed');
    logger.warn(`token ${JWT}`);
    const all = lines.join('\n');
    expect(lines).toHaveLength(3);
    for (const secret of [ID, PHONE, '李四', JWT]) expect(all).not.toContain(secret);
    expect(all).toContain('lookup of [id-number] by phone [phone]');
  });

  it('drops the values a failed query carried, in driver texts and in plain error objects (names and addresses have no pattern)', () => {
    const texts = [
      'query failed: INSERT INTO "audit_log"("actor", "subject") VALUES ($1, $2) -- PARAMETERS: ["demo-clerk","张伟"]',
      'duplicate key value violates unique constraint "uq_person" Key (name, address)=(张伟, 武侯区浆洗街1号) already exists.',
      'new row for relation "audit_log" violates check constraint "c" Failing row contains (1, 张伟, 武侯区浆洗街1号(东), null).',
      'Could not find any entity of type "Person" matching: {\n    "name": "张伟"\n}',
      'reply {"holderName":"张伟","unitName":"浆洗街派出所"}',
    ];
    const out = texts.map(redactText).join('\n');
    for (const secret of ['张伟', '武侯区浆洗街1号']) expect(out).not.toContain(secret);
    expect(out).toContain('PARAMETERS: [redacted]');
    expect(out).toContain('Key (name, address)=([redacted]) already exists.');
    expect(out).toContain('Failing row contains ([redacted]).');
    expect(out).toContain('"unitName":"浆洗街派出所"');
    // An error that crossed a transport as a plain object keeps no driver fields.
    const plain = JSON.stringify(redactForLog({ error: { message: 'insert failed', detail: 'Failing row contains (张伟).', parameters: ['张伟', '武侯区浆洗街1号'], driverError: { where: '张伟' } } }));
    for (const secret of ['张伟', '武侯区浆洗街1号']) expect(plain).not.toContain(secret);
    expect(plain).toContain('insert failed');
  });
});
