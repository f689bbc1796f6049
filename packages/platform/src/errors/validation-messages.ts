import type { ValidationError } from '@nestjs/common';
import { getMetadataStorage } from 'class-validator';

/**
 * Chinese validation messages for every class-validator constraint the services use, with the
 * field's Chinese label, in one place: DTOs keep their plain decorators (`@MaxLength(200)`), the
 * global ValidationPipe's exceptionFactory turns each failed constraint into a sentence that says
 * what is wrong and what to do ("查询事由不能超过 200 个字，请删减后重新提交。").
 *
 * Labels come from `@FieldLabel('…')` on the property (wins), else `FIELD_LABELS` by property name.
 * A DTO's own Chinese `message` option is kept (property names in it are replaced by the label).
 */

/** Property name → Chinese label, shared by every DTO and NATS message class. */
export const FIELD_LABELS: Readonly<Record<string, string>> = {
  reveal: '查看完整信息',
  claimedUsername: '令牌声明的用户名',
  accept: '是否受理',
  acceptedAt: '受理时间',
  acceptLevels: '可受理的网点层级',
  account: '账号',
  action: '操作',
  active: '是否在册',
  after: '翻页位置',
  aliases: '别名',
  allVersions: '是否包括历史版本',
  amountFen: '金额',
  answerChannel: '答复方式',
  answeredOn: '答复日期',
  applicantIdNumber: '申请人身份证号码',
  applicantName: '申请人姓名',
  applicantPhone: '申请人手机号码',
  applicationNumber: '受理编号',
  at: '时间',
  attachments: '附件',
  basis: '依据',
  batchReference: '移交批次号',
  by: '操作人',
  callbackDue: '回访期限',
  caseCount: '抽取案件数',
  caseNumber: '案件编号',
  caseRef: '办件编号',
  category: '类别',
  channel: '信访渠道',
  channelReference: '渠道编号',
  channels: '办理渠道',
  claimantIdNumber: '认领人身份证号码',
  claimantPhone: '认领人手机号码',
  claimedWaivers: '申请的减免',
  clockStoppedSince: '暂停计时起始日',
  clockStopsAt: '停止计时的环节',
  closedAt: '报送时间',
  closedBy: '报送人',
  code: '代码',
  comment: '意见建议',
  commitment: '书面承诺',
  complainantIdNumber: '投诉人身份证号码',
  complainantName: '投诉人姓名',
  complainantPhone: '投诉人联系电话',
  complaintNumber: '信访编号',
  condition: '条件',
  content: '投诉内容',
  days: '天数',
  deadline: '办结期限',
  deadlineDays: '整改期限（工作日）',
  deadlineProvisional: '期限是否暂定',
  deadlineState: '期限状态',
  decisionNumber: '处罚决定书编号',
  deductionId: '扣分记录编号',
  deliveredOn: '发送日期',
  deliveryMethod: '交付方式',
  description: '描述',
  descriptionGiven: '认领人描述',
  details: '详细信息',
  deviceToken: '评价屏令牌',
  direction: '移交方向',
  districtCode: '分局代码',
  drawId: '抽查批次',
  driverIdNumber: '驾驶人身份证号码',
  dueDate: '补交日期',
  duplicateOpenApplication: '重复在办申请处理方式',
  effectiveFrom: '生效日期',
  evaluatedOn: '评价日期',
  evaluationId: '评价编号',
  expectedVersion: '数据版本',
  extended: '是否已延期',
  extendedWorkingDays: '已延期工作日数',
  extensionDays: '延期天数',
  fee: '收费',
  feeFen: '费用',
  filter: '查询条件',
  finding: '核查结论',
  findingId: '发现问题编号',
  firstInquiryOwnerName: '首问责任人',
  firstInquiryOwnerSub: '首问责任人',
  flaggedOn: '标记日期',
  form: '申请表',
  formFields: '申请表字段',
  format: '导出格式',
  foundFrom: '拾得日期（起）',
  foundItemNumber: '拾得物编号',
  foundOn: '拾得日期',
  foundPlace: '拾得地点',
  foundTo: '拾得日期（止）',
  from: '起始日期',
  fromNoticeNumber: '一次性告知单编号',
  fromService: '发起警种',
  full: '是否显示完整信息',
  handedInBy: '交来单位',
  handedInByName: '交来人姓名',
  householdNumber: '户号',
  id: '编号',
  idNumber: '身份证号码',
  idempotencyKey: '提交标识',
  identityVerified: '身份核验',
  inspectedOn: '检查日期',
  inspectorCount: '抽取检查人员数',
  issuedOn: '出具日期',
  item: '事项',
  itemCode: '事项代码',
  itemName: '事项名称',
  items: '条目',
  key: '字段代码',
  keyword: '关键词',
  kind: '类型',
  label: '名称',
  legalBasis: '法律依据',
  level: '级别',
  limit: '每页条数',
  lostOn: '遗失日期',
  lostPlace: '遗失地点',
  lostReportId: '遗失登记编号',
  materialCode: '材料代码',
  materials: '材料',
  maxExtension: '最长延期',
  maxExtensionWorkingDays: '最长延期工作日数',
  messageId: '短信编号',
  method: '检查方式',
  metrics: '统计指标',
  month: '统计月份',
  name: '名称',
  note: '备注',
  notice: '延期告知内容',
  noticeNumber: '告知书编号',
  notificationId: '通知编号',
  number: '编号',
  officer: '民警账号',
  officerAccount: '责任民警账号',
  officerCountInYear: '民警年度被扣分次数',
  officerName: '被投诉民警姓名',
  officerPoints: '民警扣分',
  officerUsername: '被投诉民警账号',
  offset: '起始位置',
  options: '选项',
  outcome: '核实结果',
  overdueOnly: '仅看超期',
  params: '参数',
  password: '密码',
  paymentReference: '缴款凭证号',
  personRef: '当事人（身份证号码或编号）',
  phone: '手机号码',
  pickupNotice: '领取须知',
  place: '地点',
  plate: '号牌号码',
  policeType: '警种',
  presentedMaterials: '已提交材料',
  processSteps: '办理流程',
  promisedTimeLimit: '承诺时限',
  purpose: '查询事由',
  rating: '评价等级',
  reason: '理由',
  reasons: '不满意原因',
  receivedOn: '收到日期',
  rectification: '整改情况',
  ref: '材料编号',
  reference: '参考编号',
  rejectionReason: '不予批准理由',
  repeatOf: '重复投诉的首件编号',
  reportId: '月报编号',
  reporterIdNumber: '登记人身份证号码',
  reporterName: '登记人姓名',
  requestedAt: '申请时间',
  requestedBy: '申请人',
  requestedDeadline: '要求办结日期',
  requestedDeadlineDays: '要求办结天数',
  required: '是否必需',
  resolveDue: '整改期限',
  responsibleOfficerName: '责任民警姓名',
  responsibleOfficerUsername: '责任民警账号',
  responsibleUnitCode: '被投诉单位代码',
  result: '办理结果',
  resultName: '办理结果名称',
  results: '检查结果',
  rows: '月报明细',
  rules: '分派规则',
  search: '搜索内容',
  seed: '随机种子',
  service: '业务系统',
  smsId: '短信编号',
  sources: '来源',
  status: '状态',
  statutoryDeadline: '法定办结期限',
  statutoryDeadlineProvisional: '法定期限是否暂定',
  statutoryTimeLimit: '法定时限',
  storagePlace: '保管地点',
  storageSlot: '保管位置',
  sub: '用户标识',
  subjectIdNumber: '当事人身份证号码',
  supervisionPhone: '监督电话',
  target: '承办单位',
  targetUnitCode: '指定承办单位代码',
  taskId: '任务编号',
  template: '短信模板',
  templateCode: '检查表',
  text: '内容',
  timeline: '办理记录',
  title: '标题',
  to: '截止时间',
  toPoliceType: '接收警种',
  toService: '接收警种',
  toleratedIfMissing: '可否容缺',
  toleratedMaterials: '容缺材料',
  transferId: '移交编号',
  type: '类型',
  unit: '单位',
  unitCode: '单位代码',
  unitName: '单位名称',
  unitPoints: '单位扣分',
  unitPrefix: '单位代码前缀',
  updatedAt: '更新时间',
  url: '链接',
  username: '用户名',
  value: '值',
  verificationCode: '短信验证码',
  verificationMethod: '核验方式',
  verifications: '网上核验结果',
  verifiedBy: '核验方式',
  verifiedOnline: '是否在线核验',
  version: '版本',
  visitId: '推送编号',
  voided: '是否作废',
  waiverCode: '减免代码',
  waivers: '减免',
  windowNo: '窗口号',
  workOrdersCsv: '12345 工单文件内容',
  workingDays: '工作日数',
  year: '年度',
  // 排队叫号 (issue 11)
  windowId: '窗口',
  ticketId: '排队号',
  groupCode: '业务分组',
  originGroupCode: '取号分组',
  priorityReason: '绿色通道类别',
  notifyPhone: '短信提醒手机号',
  servesAll: '是否全科窗口',
  groupCodes: '办理的业务分组',
  windowNumber: '窗口号',
  priorityCap: '优先号连续呼叫上限',
  maxRecalls: '过号前重呼次数',
  notifyAhead: '短信提醒的等候人数',
  businessDate: '营业日',
  state: '状态',
  priority: '是否优先',
  source: '来源',
  appointmentId: '预约编号',
  recallCount: '重呼次数',
  takenAt: '取号时间',
  firstCalledAt: '首次呼叫时间',
  calledAt: '呼叫时间',
  startedAt: '开始办理时间',
  finishedAt: '办结时间',
  noShowAt: '过号时间',
  transferredAt: '转出时间',
  pauseReason: '暂停原因',
  clerkSub: '窗口人员账号',
  // issue 11: 忙闲调配 (queue balancing) inputs and events.
  proposalId: '调配建议',
  minWaiting: '等候人数阈值',
  maxWaitMinutes: '最长等候分钟阈值',
  shortQueue: '短队列人数',
  targetPerWindow: '每窗口目标等候人数',
  windowIds: '窗口',
  waiting: '等候人数',
  // 预约 (appointments, issue 11): the appointment.changed event
  date: '日期',
  slot: '时段',
  onTime: '是否按时签到',
  // issue 11: 上门服务 home visits and 首问登记 first-inquiry records
  citizenName: '群众姓名',
  citizenIdNumber: '群众身份证号码',
  address: '上门地址',
  reasonNote: '情况说明',
  scheduledAt: '上门时间',
  outcomeNote: '上门结果说明',
  personName: '来访人姓名',
  contact: '联系方式',
  inquiredAt: '来访时间',
  matter: '咨询事项',
  answer: '答复内容',
  directedUnit: '引导前往的单位',
  directedContact: '引导单位的联系方式',
  mine: '只看我的',
  firstInquiryNumber: '首问登记编号',
  visitNumber: '上门服务编号',
  overdue: '是否超期',
  closedOn: '办结日期',
  inquiredOn: '来访日期',
};

const LABELS = Symbol('onewindow:field-labels');
type Labelled = { [LABELS]?: Record<string, string> };

/** The Chinese label of one property, when `FIELD_LABELS` would name it wrongly for this class. */
export function FieldLabel(label: string): PropertyDecorator {
  return (target, property) => {
    const holder = target as Labelled;
    // Own copy per class, so a subclass's label does not leak into its parent.
    if (!Object.prototype.hasOwnProperty.call(holder, LABELS)) holder[LABELS] = { ...holder[LABELS] };
    holder[LABELS]![String(property)] = label;
  };
}

/** The label of `property` of `target` (an instance of the validated class, when known). */
export function fieldLabel(property: string, target?: object): string {
  const own = (target as Labelled | undefined)?.[LABELS]?.[property];
  return own ?? FIELD_LABELS[property] ?? `“${property}”一项`;
}

type Template = (label: string, c: unknown[], each: boolean) => string;
const list = (v: unknown): string => (Array.isArray(v) ? v.join('、') : typeof v === 'object' && v !== null ? Object.values(v).join('、') : String(v));
const fix = '，请修改后重新提交。';

/**
 * Constraint name (the key in `ValidationError.constraints`) → Chinese sentence. Every constraint
 * used in the repository has one (validation-messages.spec.ts fails on a new one without).
 */
export const CONSTRAINT_MESSAGES: Readonly<Record<string, Template>> = {
  isDefined: (l) => `请填写${l}。`,
  isNotEmpty: (l) => `请填写${l}，不能为空。`,
  isString: (l, _c, each) => `${l}${each ? '的每一项' : ''}应为文字${fix}`,
  isBoolean: (l) => `${l}应为“是”或“否”${fix}`,
  isInt: (l, _c, each) => `${l}${each ? '的每一项' : ''}应为整数${fix}`,
  isNumber: (l) => `${l}应为数字${fix}`,
  isArray: (l) => `${l}应为列表${fix}`,
  isObject: (l) => `${l}格式不正确，请按页面提示重新填写。`,
  isUuid: (l) => `${l}格式不正确（应为系统生成的编号），请刷新页面后重试。`,
  isUrl: (l) => `${l}应为有效的网址（以 http:// 或 https:// 开头）${fix}`,
  isIn: (l, c) => `${l}只能是以下之一：${list(c[0])}${fix}`,
  isEnum: (l, c) => `${l}只能是以下之一：${list(c[0])}${fix}`,
  min: (l, c) => `${l}不能小于 ${String(c[0])}${fix}`,
  max: (l, c) => `${l}不能大于 ${String(c[0])}${fix}`,
  minLength: (l, c) => `${l}至少 ${String(c[0])} 个字，请补充后重新提交。`,
  maxLength: (l, c) => `${l}不能超过 ${String(c[0])} 个字，请删减后重新提交。`,
  isLength: (l, c) =>
    c[1] === undefined ? `${l}至少 ${String(c[0])} 个字，请补充后重新提交。`
    : c[0] === c[1] ? `${l}应为 ${String(c[0])} 个字符${fix}`
    : `${l}应为 ${String(c[0])} 至 ${String(c[1])} 个字${fix}`,
  matches: (l) => `${l}格式不正确${fix}`,
  isIso8601: (l) => `${l}应为完整的日期时间（例如 2026-11-30T16:00:00Z）${fix}`,
  arrayMinSize: (l, c) => `${l}至少需要 ${String(c[0])} 项，请补充后重新提交。`,
  arrayMaxSize: (l, c) => `${l}最多 ${String(c[0])} 项，请删减后重新提交。`,
  arrayUnique: (l) => `${l}中有重复的项，请删去重复项后重新提交。`,
  arrayNotEmpty: (l) => `${l}至少需要一项，请补充后重新提交。`,
  nestedValidation: (l) => `${l}格式不正确（应为对象或列表），请按页面提示重新填写。`,
  whitelistValidation: (l) => `不能提交${l}，请刷新页面后重试。`,
  unknownValue: () => `提交的内容无法识别，请刷新页面后重试。`,
};

const CJK = /[\u4e00-\u9fff]/;

export interface FieldProblem {
  /** Path of the property, e.g. `materials.0.name` (for logs and tests). */
  field: string;
  /** Chinese label of the path, e.g. `材料第 1 项的名称`. */
  label: string;
  /** Chinese sentences, each saying what to do. */
  problems: string[];
}

interface ConstraintMeta {
  constraints: unknown[];
  each: boolean;
}

function constraintMeta(target: object | undefined, property: string, name: string): ConstraintMeta {
  if (!target) return { constraints: [], each: false };
  const metas = getMetadataStorage().getTargetValidationMetadatas(target.constructor, '', true, false);
  const m = metas.find((x) => x.propertyName === property && (x.name === name || x.type === name));
  return { constraints: (m?.constraints as unknown[] | undefined) ?? [], each: !!m?.each };
}

/** One constraint's Chinese sentence. */
export function constraintMessage(name: string, original: string, label: string, property: string, target?: object): string {
  // A DTO's own Chinese message says it best; it may still name the property in English.
  if (CJK.test(original)) return original.split(property).join(label);
  const template = CONSTRAINT_MESSAGES[name];
  if (!template) return `${label}填写不正确${fix}`;
  const meta = constraintMeta(target, property, name);
  return template(label, meta.constraints, meta.each);
}

/** class-validator errors (nested too) → labelled Chinese problems, one entry per property. */
export function describeValidationErrors(errors: ValidationError[], parent?: { field: string; label: string }): FieldProblem[] {
  return errors.flatMap((e) => {
    const field = parent ? `${parent.field}.${e.property}` : e.property;
    const numeric = /^\d+$/.test(e.property);
    const own = numeric ? `第 ${Number(e.property) + 1} 项` : fieldLabel(e.property, e.target);
    const label = parent ? (numeric ? `${parent.label}${own}` : `${parent.label}的${own}`) : own;
    const problems = Object.entries(e.constraints ?? {}).map(([name, msg]) => constraintMessage(name, msg, label, e.property, e.target));
    const mine: FieldProblem[] = problems.length ? [{ field, label, problems }] : [];
    return mine.concat(describeValidationErrors(e.children ?? [], { field, label }));
  });
}
