import { APPLICATION_NUMBER_PATTERN, COMPLAINT_KINDS, POLICE_TYPE_LABELS, PoliceType, type ComplaintKind } from '@onewindow/contracts';
import { validateIdNumber } from '@onewindow/id-number';
import { PHONE_PATTERN } from '../complaint/dto/intake-complaint.input.js';

/**
 * The 12345 work-order file (docs/integrations/12345-work-orders.md): CSV, UTF-8 (a BOM is
 * tolerated), RFC 4180 quoting, a header row naming the columns in Chinese (any order). Each
 * malformed row is reported with its row number (the header is row 1), the column and a reason in
 * Chinese; the well-formed rows are returned to be taken one by one.
 */
export const WORK_ORDER_COLUMNS = {
  workOrderNumber: '工单编号',
  receivedOn: '受理日期',
  complainantName: '诉求人姓名',
  complainantPhone: '联系电话',
  complainantIdNumber: '身份证号码',
  content: '诉求内容',
  policeType: '被投诉警种',
  responsibleUnitCode: '被投诉单位代码',
  kind: '投诉类别',
  officerName: '涉及民警',
  applicationNumber: '受理编号',
} as const;
type Column = keyof typeof WORK_ORDER_COLUMNS;
const REQUIRED: readonly Column[] = ['workOrderNumber', 'receivedOn', 'complainantName', 'complainantPhone', 'content', 'policeType', 'responsibleUnitCode', 'kind'];

export const KIND_LABELS: Record<ComplaintKind, string> = {
  ATTITUDE: '态度', DELAY: '拖延', UNFAMILIAR: '业务不熟', MISCONDUCT: '违纪', CONSULTATION: '咨询', SUGGESTION: '建议', PRAISE: '表扬',
};

/** At most this many data rows per file (larger batches: split, or use the push). */
export const MAX_WORK_ORDER_ROWS = 2000;

export interface WorkOrder {
  row: number;
  workOrderNumber: string;
  receivedOn: string;
  complainantName: string;
  complainantPhone: string;
  complainantIdNumber?: string;
  content: string;
  policeType: PoliceType;
  responsibleUnitCode: string;
  kind: ComplaintKind;
  officerName?: string;
  applicationNumber?: string;
}

export interface WorkOrderRowError {
  /** Row of the file (header = 1); 0 for a problem of the whole file. */
  row: number;
  /** The column's Chinese header, or 文件. */
  field: string;
  reason: string;
  workOrderNumber?: string;
}

export interface ParsedWorkOrders {
  orders: WorkOrder[];
  errors: WorkOrderRowError[];
}

/** RFC 4180 records with the row number each starts on (quoted fields may hold commas, quotes and newlines). */
export function csvRecords(text: string): { row: number; fields: string[] }[] {
  const s = text.replace(/^\uFEFF/, '');
  const records: { row: number; fields: string[] }[] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let start = 1;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!;
    if (quoted) {
      if (ch === '"' && s[i + 1] === '"') { field += '"'; i++; }
      else if (ch === '"') quoted = false;
      else { if (ch === '\n') line++; field += ch; }
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === ',') { fields.push(field); field = ''; }
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && s[i + 1] === '\n') i++;
      fields.push(field);
      records.push({ row: start, fields });
      fields = []; field = ''; line++; start = line;
    } else field += ch;
  }
  if (field !== '' || fields.length) { fields.push(field); records.push({ row: start, fields }); }
  return records.filter((r) => r.fields.some((f) => f.trim() !== ''));
}

const isRealDate = (d: string) => /^\d{4}-\d{2}-\d{2}$/.test(d) && new Date(`${d}T00:00:00Z`).toISOString().slice(0, 10) === d;

const POLICE_TYPE_BY_TEXT = new Map<string, PoliceType>(Object.values(PoliceType).flatMap((p) => [[p, p], [POLICE_TYPE_LABELS[p], p]] as [string, PoliceType][]));
const KIND_BY_TEXT = new Map<string, ComplaintKind>(COMPLAINT_KINDS.flatMap((k) => [[k, k], [KIND_LABELS[k], k]] as [string, ComplaintKind][]));

export function parseWorkOrders(text: string): ParsedWorkOrders {
  const records = csvRecords(text);
  const header = records.shift();
  if (!header) return { orders: [], errors: [{ row: 0, field: '文件', reason: '文件为空，应有表头行和至少一行工单' }] };
  const index = new Map<Column, number>();
  for (const [key, label] of Object.entries(WORK_ORDER_COLUMNS) as [Column, string][]) {
    const at = header.fields.findIndex((h) => h.trim() === label);
    if (at >= 0) index.set(key, at);
  }
  const missing = REQUIRED.filter((c) => !index.has(c)).map((c) => WORK_ORDER_COLUMNS[c]);
  if (missing.length) return { orders: [], errors: [{ row: header.row, field: '文件', reason: `表头缺少列：${missing.join('、')}` }] };
  if (records.length > MAX_WORK_ORDER_ROWS) return { orders: [], errors: [{ row: 0, field: '文件', reason: `一次最多导入 ${MAX_WORK_ORDER_ROWS} 行工单，请分批导入` }] };

  const orders: WorkOrder[] = [];
  const errors: WorkOrderRowError[] = [];
  for (const { row, fields } of records) {
    const get = (c: Column) => (index.has(c) ? (fields[index.get(c)!] ?? '').trim() : '');
    const workOrderNumber = get('workOrderNumber');
    const rowErrors: WorkOrderRowError[] = [];
    const fail = (c: Column, reason: string) => rowErrors.push({ row, field: WORK_ORDER_COLUMNS[c], reason, ...(workOrderNumber ? { workOrderNumber } : {}) });
    for (const c of REQUIRED) if (!get(c)) fail(c, '不能为空');
    if (workOrderNumber && !/^[A-Za-z0-9-]{1,40}$/.test(workOrderNumber)) fail('workOrderNumber', '工单编号应为 1 至 40 位字母、数字或连字符');
    const receivedOn = get('receivedOn');
    if (receivedOn && !isRealDate(receivedOn)) fail('receivedOn', '日期格式应为 YYYY-MM-DD，且为真实日期');
    const name = get('complainantName');
    if (name.length > 50) fail('complainantName', '姓名不能超过 50 个字');
    const phone = get('complainantPhone').replace(/[\s]/g, '');
    if (phone && !PHONE_PATTERN.test(phone)) fail('complainantPhone', '联系电话应为 11 位手机号码，或带区号的固定电话（如 028-85551234）');
    const idNumber = get('complainantIdNumber');
    let normalizedId: string | undefined;
    if (idNumber) {
      const check = validateIdNumber(idNumber);
      if (check.valid) normalizedId = check.normalized;
      else fail('complainantIdNumber', `身份证号码无效：${check.message}`);
    }
    const content = get('content');
    if (content && (Array.from(content).length < 5 || Array.from(content).length > 4000)) fail('content', '诉求内容应为 5 至 4000 个字');
    const policeType = POLICE_TYPE_BY_TEXT.get(get('policeType'));
    if (get('policeType') && !policeType) fail('policeType', `警种应为：${Object.values(POLICE_TYPE_LABELS).join('、')}`);
    const unit = get('responsibleUnitCode');
    if (unit && !/^\d{4,12}$/.test(unit)) fail('responsibleUnitCode', '单位代码应为 4 至 12 位数字');
    const kind = KIND_BY_TEXT.get(get('kind'));
    if (get('kind') && !kind) fail('kind', `投诉类别应为：${Object.values(KIND_LABELS).join('、')}`);
    const officerName = get('officerName');
    if (officerName.length > 50) fail('officerName', '民警姓名不能超过 50 个字');
    const applicationNumber = get('applicationNumber').toUpperCase();
    if (applicationNumber && !APPLICATION_NUMBER_PATTERN.test(applicationNumber)) fail('applicationNumber', '受理编号格式不正确，应为警种代码加 14 位数字（如 HH20260210000001）');
    if (rowErrors.length) { errors.push(...rowErrors); continue; }
    orders.push({
      row, workOrderNumber, receivedOn, complainantName: name, complainantPhone: phone, content, policeType: policeType!, responsibleUnitCode: unit, kind: kind!,
      ...(normalizedId ? { complainantIdNumber: normalizedId } : {}),
      ...(officerName ? { officerName } : {}),
      ...(applicationNumber ? { applicationNumber } : {}),
    });
  }
  return { orders, errors };
}
