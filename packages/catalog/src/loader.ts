import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { plainToInstance } from 'class-transformer';
import { validateSync, type ValidationError } from 'class-validator';
import { parse as parseYaml } from 'yaml';
import { type CatalogProblem, CatalogValidationError } from './errors.js';
import { Catalog, type CatalogItem, POLICE_TYPE_CODE_PREFIX, POLICE_TYPES, type TimeLimit } from './schema.js';

/**
 * Parse, validate and return a catalog. Accepts YAML or JSON (JSON is YAML).
 * Throws CatalogValidationError listing every problem (item code + field path).
 */
export function loadCatalog(text: string, sourceName: string): Catalog {
  let raw: unknown;
  try {
    raw = parseYaml(text, { uniqueKeys: true, prettyErrors: true });
  } catch (e) {
    throw new CatalogValidationError(sourceName, [{ path: '(parse)', message: (e as Error).message }]);
  }
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    throw new CatalogValidationError(sourceName, [
      { path: '(root)', message: 'the file must contain a mapping with policeType, version, effectiveFrom and items' },
    ]);
  }

  const catalog = plainToInstance(Catalog, raw, { exposeDefaultValues: true });
  const rawItems = (raw as { items?: unknown }).items;
  const codeAt = (index: number): string => {
    const item = Array.isArray(rawItems) ? (rawItems[index] as { code?: unknown } | undefined) : undefined;
    return item && typeof item.code === 'string' && item.code.trim() !== '' ? item.code : `#${index}`;
  };

  const problems: CatalogProblem[] = [];
  const errors = validateSync(catalog, { whitelist: true, forbidNonWhitelisted: true, forbidUnknownValues: true });
  for (const err of errors) collectValidationErrors(err, [], problems, codeAt);
  problems.push(...checkRules(catalog));

  if (problems.length > 0) throw new CatalogValidationError(sourceName, problems);
  return catalog;
}

/** Read a UTF-8 YAML/JSON file and load it (synchronous: meant for start-up). */
export function loadCatalogFile(path: string): Catalog {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new CatalogValidationError(path, [{ path: '(file)', message: (e as Error).message }]);
  }
  return loadCatalog(text, path);
}

/** Asynchronous variant of loadCatalogFile. */
export async function loadCatalogFileAsync(path: string): Promise<Catalog> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    throw new CatalogValidationError(path, [{ path: '(file)', message: (e as Error).message }]);
  }
  return loadCatalog(text, path);
}

function collectValidationErrors(
  err: ValidationError,
  parent: string[],
  out: CatalogProblem[],
  codeAt: (index: number) => string,
): void {
  const segments = [...parent, err.property];
  if (err.constraints) {
    // A missing field fails every constraint on it; one message is enough.
    const messages = err.value === undefined && !('whitelistValidation' in err.constraints)
      ? [`${err.property} is required`]
      : Object.values(err.constraints);
    for (const message of messages) out.push(toProblem(segments, message, codeAt));
  }
  for (const child of err.children ?? []) collectValidationErrors(child, segments, out, codeAt);
}

/** ['items','3','materials','1','code'] → { itemCode: codeAt(3), path: 'materials[1].code' }. */
function toProblem(segments: string[], message: string, codeAt: (index: number) => string): CatalogProblem {
  if (segments[0] === 'items' && segments.length >= 2 && /^\d+$/.test(segments[1]!)) {
    const rest = segments.slice(2);
    return { itemCode: codeAt(Number(segments[1])), path: rest.length ? joinPath(rest) : '(item)', message };
  }
  return { path: joinPath(segments), message };
}

function joinPath(segments: string[]): string {
  let out = '';
  for (const s of segments) {
    if (/^\d+$/.test(s)) out += `[${s}]`;
    else out += out ? `.${s}` : s;
  }
  return out;
}

function isValidCalendarDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

function isTimeLimit(t: unknown): t is TimeLimit {
  return (
    typeof t === 'object' &&
    t !== null &&
    Number.isInteger((t as TimeLimit).value) &&
    ((t as TimeLimit).unit === 'WORKING_DAYS' || (t as TimeLimit).unit === 'CALENDAR_DAYS')
  );
}

function duplicates(values: unknown[]): string[] {
  const seen = new Set<string>();
  const dup = new Set<string>();
  for (const v of values) {
    if (typeof v !== 'string') continue;
    if (seen.has(v)) dup.add(v);
    seen.add(v);
  }
  return [...dup];
}

/** Cross-field rules that class-validator decorators cannot express. Defensive about malformed input. */
function checkRules(catalog: Catalog): CatalogProblem[] {
  const problems: CatalogProblem[] = [];
  if (typeof catalog.effectiveFrom === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(catalog.effectiveFrom)) {
    if (!isValidCalendarDate(catalog.effectiveFrom)) {
      problems.push({ path: 'effectiveFrom', message: `${catalog.effectiveFrom} is not a calendar date` });
    }
  }
  if (!Array.isArray(catalog.items)) return problems;

  for (const code of duplicates(catalog.items.map((i) => (i as CatalogItem | undefined)?.code))) {
    problems.push({ itemCode: code, path: 'code', message: `duplicate item code ${code}` });
  }

  catalog.items.forEach((item: CatalogItem | undefined, index) => {
    if (!item || typeof item !== 'object') return;
    const itemCode = typeof item.code === 'string' && item.code ? item.code : `#${index}`;
    const add = (path: string, message: string) => problems.push({ itemCode, path, message });

    const catalogTypeValid = (POLICE_TYPES as readonly string[]).includes(catalog.policeType);
    const itemTypeValid = (POLICE_TYPES as readonly string[]).includes(item.policeType);
    if (catalogTypeValid && itemTypeValid && item.policeType !== catalog.policeType) {
      add('policeType', `item police type ${String(item.policeType)} differs from the catalog's ${catalog.policeType}`);
    }
    if (catalogTypeValid && typeof item.code === 'string') {
      const prefix = POLICE_TYPE_CODE_PREFIX[catalog.policeType];
      if (!item.code.startsWith(`${prefix}-`)) add('code', `code must start with ${prefix}- in a ${catalog.policeType} catalog`);
    }

    if (Array.isArray(item.materials)) {
      for (const code of duplicates(item.materials.map((m) => m?.code))) add('materials', `duplicate material code ${code}`);
      item.materials.forEach((m, i) => {
        if (!m || typeof m !== 'object') return;
        if (m.toleratedIfMissing === true && m.required === false) {
          add(`materials[${i}].toleratedIfMissing`, 'only a required material can be tolerated (容缺)');
        }
        if (m.verifiedBy !== undefined && m.verifiedOnline !== true) {
          add(`materials[${i}].verifiedBy`, 'verifiedBy is set but verifiedOnline is false');
        }
      });
    }

    if (item.fee && Array.isArray(item.fee.waivers)) {
      for (const code of duplicates(item.fee.waivers.map((w) => w?.code))) add('fee.waivers', `duplicate waiver code ${code}`);
      if (item.fee.amountFen === 0 && item.fee.waivers.length > 0) add('fee.waivers', 'a free item cannot have waivers');
    }

    const statutory = item.statutoryTimeLimit;
    const promised = item.promisedTimeLimit;
    if (isTimeLimit(statutory) && isTimeLimit(promised)) {
      if (promised.unit === statutory.unit && promised.value > statutory.value) {
        add('promisedTimeLimit', `promised ${promised.value} exceeds statutory ${statutory.value} (${statutory.unit})`);
      }
      // n working days always span at least n calendar days.
      if (promised.unit === 'WORKING_DAYS' && statutory.unit === 'CALENDAR_DAYS' && promised.value > statutory.value) {
        add('promisedTimeLimit', `promised ${promised.value} working days exceeds statutory ${statutory.value} calendar days`);
      }
    }

    if (Array.isArray(item.acceptLevels) && !item.acceptLevels.includes('DISTRICT_HALL')) {
      add('acceptLevels', 'acceptLevels must include DISTRICT_HALL (the district hall takes every item)');
    }

    if (Array.isArray(item.formFields)) {
      for (const key of duplicates(item.formFields.map((f) => f?.key))) add('formFields', `duplicate form field key ${key}`);
      item.formFields.forEach((f, i) => {
        if (!f || typeof f !== 'object') return;
        if (f.type === 'enum' && (!Array.isArray(f.options) || f.options.length === 0)) {
          add(`formFields[${i}].options`, 'an enum field needs options');
        }
        if (f.type !== 'enum' && f.options !== undefined) add(`formFields[${i}].options`, `options are only for enum fields, not ${f.type}`);
      });
    }
  });
  return problems;
}
