import 'reflect-metadata';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Type } from 'class-transformer';
import {
  Allow,
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsEnum,
  IsIn,
  IsInt,
  IsISO8601,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  IsUrl,
  IsUUID,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { DomainException } from './domain.exception.js';
import { createValidationPipe } from './validation.js';
import { CONSTRAINT_MESSAGES, FIELD_LABELS, FieldLabel, type FieldProblem } from './validation-messages.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
/** Three Latin words in a row is an English sentence (`YYYY-MM-DD`, `HH-ID-CARD` are not). */
const LATIN_SENTENCE = /[A-Za-z]{2,}(?:[,.;:]?\s+[A-Za-z]{2,}){2,}/;
const CJK = /[\u4e00-\u9fff]/;

enum Colour {
  RED = 'RED',
  BLUE = 'BLUE',
}

class Material {
  @IsString() @Length(1, 20) name: string;
}

/** One property per constraint kind the services use (see the repository scan below). */
class EveryConstraint {
  @IsString() @MaxLength(200) purpose: string;
  @IsString() @MinLength(2) reason: string;
  @IsString() @Length(15, 18) idNumber: string;
  @IsString() @Length(4, 4) code: string;
  @Matches(/^\d{4}-\d{2}-\d{2}$/) dueDate: string;
  @IsISO8601({ strict: true }) from: string;
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'foundOn 格式应为 YYYY-MM-DD' }) foundOn: string;
  @IsIn(['WINDOW', 'POST']) deliveryMethod: string;
  @IsEnum(Colour) kind: string;
  @IsInt() @Min(1) extensionDays: number;
  @IsInt() @Max(100) limit: number;
  @IsNotEmpty() keyword: string;
  @IsUUID() transferId: string;
  @IsUrl() url: string;
  @IsBoolean() overdueOnly: boolean;
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(2) @IsString({ each: true }) toleratedMaterials: string[];
  @IsArray() @ArrayUnique() attachments: string[];
  @IsObject() form: Record<string, unknown>;
  @IsArray() @ValidateNested({ each: true }) @Type(() => Material) materials: Material[];
  @IsOptional() @IsString() note?: string;
  @Allow() params?: unknown;
  @FieldLabel('车架号') @IsString() @Length(17, 17) vin: string;
}

/** Decorators the test class exercises (those without a constraint of their own included). */
const EXERCISED = new Set(['IsString', 'MaxLength', 'MinLength', 'Length', 'Matches', 'IsIn', 'IsEnum', 'IsInt', 'Min', 'Max', 'IsNotEmpty', 'IsUUID', 'IsUrl', 'IsISO8601', 'IsBoolean', 'IsArray', 'ArrayMinSize', 'ArrayMaxSize', 'ArrayUnique', 'IsObject', 'ValidateNested', 'IsOptional', 'Allow', 'Type']);

const BAD = {
  purpose: 'x'.repeat(201),
  reason: 'x',
  idNumber: '123',
  code: 'ABCDE',
  dueDate: '2026/02/10',
  from: '2026-13-01 noon',
  foundOn: 'yesterday',
  deliveryMethod: 'DRONE',
  kind: 'GREEN',
  extensionDays: 0,
  limit: 1000,
  keyword: '',
  transferId: 'not-a-uuid',
  url: 'not a url',
  overdueOnly: 'yes',
  toleratedMaterials: ['a', 'b', 3],
  attachments: ['a', 'a'],
  form: 'text',
  materials: [{ name: '' }],
  note: 5,
  vin: 'short',
};

async function problemsOf(value: unknown): Promise<{ message: string; details: FieldProblem[] }> {
  try {
    await createValidationPipe().transform(value, { type: 'body', metatype: EveryConstraint });
  } catch (err) {
    expect(err).toBeInstanceOf(DomainException);
    const e = err as DomainException;
    expect(e.code).toBe('VALIDATION_FAILED');
    return { message: e.message, details: e.details as FieldProblem[] };
  }
  throw new Error('expected a validation error');
}

describe('validation messages are Chinese and say what to do', () => {
  it('every constraint kind, through the platform ValidationPipe', async () => {
    const { message, details } = await problemsOf(BAD);
    const byField = Object.fromEntries(details.map((d) => [d.field, d]));
    for (const d of details) {
      expect(d.label).toMatch(CJK);
      for (const p of d.problems) {
        expect(p).toMatch(CJK);
        expect(p).not.toMatch(LATIN_SENTENCE);
        expect(p).toContain(d.label);
        expect(p).toMatch(/请|应为|只能|不能|至少|最多/);
      }
    }
    expect(message).toMatch(/^填写的内容不符合要求：/);
    expect(message).not.toMatch(LATIN_SENTENCE);
    expect(byField['purpose']!.problems).toEqual(['查询事由不能超过 200 个字，请删减后重新提交。']);
    expect(byField['reason']!.problems).toEqual(['理由至少 2 个字，请补充后重新提交。']);
    expect(byField['idNumber']!.problems).toEqual(['身份证号码应为 15 至 18 个字，请修改后重新提交。']);
    expect(byField['code']!.problems).toEqual(['代码应为 4 个字符，请修改后重新提交。']);
    expect(byField['deliveryMethod']!.problems[0]).toContain('WINDOW、POST');
    expect(byField['kind']!.problems[0]).toContain('RED、BLUE');
    expect(byField['extensionDays']!.problems).toEqual(['延期天数不能小于 1，请修改后重新提交。']);
    expect(byField['limit']!.problems).toEqual(['每页条数不能大于 100，请修改后重新提交。']);
    expect(byField['toleratedMaterials']!.problems).toEqual(expect.arrayContaining(['容缺材料的每一项应为文字，请修改后重新提交。', '容缺材料最多 2 项，请删减后重新提交。']));
    // The DTO's own Chinese message is kept, with the English property name replaced.
    expect(byField['attachments']!.problems).toEqual(['附件中有重复的项，请删去重复项后重新提交。']);
    expect(byField['foundOn']!.problems).toEqual(['拾得日期 格式应为 YYYY-MM-DD']);
    // Nested: the path is labelled too.
    expect(byField['materials.0.name']!.label).toBe('材料第 1 项的名称');
    // @FieldLabel wins over the shared map.
    expect(byField['vin']!.problems).toEqual(['车架号应为 17 个字符，请修改后重新提交。']);
    expect(byField['from']!.problems).toEqual(['起始日期应为完整的日期时间（例如 2026-11-30T16:00:00Z），请修改后重新提交。']);
    expect(Object.keys(byField)).toHaveLength(21);
  });

  it('empty and missing values, unknown shapes', async () => {
    const empty = await problemsOf({});
    for (const d of empty.details) for (const p of d.problems) expect(p).not.toMatch(LATIN_SENTENCE);
    const nested = await problemsOf({ ...BAD, materials: 'none' });
    expect(nested.details.find((d) => d.field === 'materials')!.problems.join()).toMatch(/材料/);
  });

  it('every message template is Chinese', () => {
    for (const [name, t] of Object.entries(CONSTRAINT_MESSAGES)) {
      const text = t('某项', [1, 2], false);
      expect({ name, text }).toEqual({ name, text: expect.stringMatching(CJK) });
      expect(text).not.toMatch(LATIN_SENTENCE);
    }
  });

  describe('the repository uses no constraint this test does not exercise, and every DTO field has a label', () => {
    const files = execFileSync('git', ['ls-files', 'apps/*/src/*.ts', 'packages/*/src/*.ts'], { cwd: ROOT, encoding: 'utf8' })
      .split('\n')
      .filter((f) => f && !f.startsWith('apps/counter-ui/') && !f.endsWith('.spec.ts') && !/(^|\/)config\.ts$/.test(f))
      .map((f) => ({ f, src: readFileSync(path.join(ROOT, f), 'utf8') }))
      .filter(({ src }) => /from 'class-validator'/.test(src));

    it('constraint kinds', () => {
      const used = new Set<string>();
      for (const { src } of files) {
        const imported = src.match(/import\s*\{([^}]*)\}\s*from 'class-validator'/)?.[1] ?? '';
        for (const name of imported.split(',').map((s) => s.trim().replace(/^type\s+/, ''))) if (/^[A-Z]/.test(name) && src.includes(`@${name}(`)) used.add(name);
      }
      const missing = [...used].filter((d) => !EXERCISED.has(d));
      // A new decorator: add a Chinese template to CONSTRAINT_MESSAGES and a property above.
      expect(missing).toEqual([]);
    });

    it('field labels', () => {
      const DECORATOR = /@(Is[A-Z]\w*|Min|Max|MinLength|MaxLength|Length|Matches|ValidateNested|ArrayMinSize|ArrayMaxSize|Allow)\b/;
      const unlabelled = new Set<string>();
      for (const { f, src } of files) {
        let pending = false;
        let labelled = false;
        for (const line of src.split('\n')) {
          if (DECORATOR.test(line)) pending = true;
          if (/@FieldLabel\(/.test(line)) labelled = true;
          const rest = line.replace(/@\w+\((?:[^()]|\([^()]*\))*\)\s*/g, '').replace(/@\w+\s*/g, '');
          const m = rest.match(/^\s*(?:readonly\s+|declare\s+|public\s+)*(\w+)[?!]?\s*:\s*[^=]/);
          if (m && pending) {
            if (!labelled && !FIELD_LABELS[m[1]!]) unlabelled.add(`${m[1]} (${f})`);
            pending = false;
            labelled = false;
          }
        }
      }
      // A new DTO field: add its Chinese label to FIELD_LABELS, or @FieldLabel('…') on the property.
      expect([...unlabelled]).toEqual([]);
    });
  });
});
