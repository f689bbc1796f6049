import type { ChecklistItem } from '../supervision.entities.js';

/**
 * The seeded checklists (version 1 of each template), drawn from the seed reports (DOMAIN.md:
 * 000 Wuhou, 001 Tongguan, 002 Ju county, 003 Guangzhou, 004 Huangdao). Seeded once at boot when
 * the template has no version yet; later versions are published by a city supervisor and kept
 * beside the old ones. Edit here only for a fresh deployment's first version.
 */
export interface ChecklistTemplateData {
  code: 'DAILY_PATROL' | 'MONTHLY_CHECK' | 'QUARTERLY_ASSESSMENT';
  name: string;
  cadence: 'DAILY' | 'MONTHLY' | 'QUARTERLY';
  items: ChecklistItem[];
}

export const CHECKLIST_TEMPLATES: readonly ChecklistTemplateData[] = [
  {
    code: 'DAILY_PATROL',
    name: '日常巡查',
    cadence: 'DAILY',
    items: [
      { code: 'WINDOW_STAFFED', text: '窗口在岗在位，离岗时摆放"暂停服务"标识', method: '现场查看各窗口（003）' },
      { code: 'WINDOW_DISCIPLINE', text: '着装规范、文明用语，无推诿、无"冷硬横推"', method: '现场观察' },
      { code: 'FIRST_INQUIRY', text: '落实首问责任制，首问民警全程负责', method: '随机询问办事群众（001、004）' },
      { code: 'EVALUATION_SCREEN', text: '评价器正常使用，办事后群众当场评价', method: '查看评价器和评价记录（002）' },
      { code: 'SIX_NOTICES', text: '"六告知"公示齐全（事项、材料、收费、流程、时限、监督渠道）', method: '查看公示栏（004）' },
      { code: 'SELF_SERVICE', text: '自助设备运行正常，有引导人员或指引', method: '现场查看自助区（003）' },
      { code: 'QUEUE_BALANCE', text: '各警种窗口负荷均衡，忙闲不均时及时调配', method: '查看排队叫号情况（003）' },
    ],
  },
  {
    code: 'MONTHLY_CHECK',
    name: '月度检查',
    cadence: 'MONTHLY',
    items: [
      { code: 'ONE_TIME_NOTICE', text: '材料不全时出具一次性书面告知单，"一次告知、二次办结"', method: '抽查告知单存根（004）' },
      { code: 'MATERIAL_CHECKLIST', text: '按目录收取材料，不额外索要可在线核验的材料', method: '抽查受理材料（000）' },
      { code: 'DEADLINE_COMPLIANCE', text: '限时办结，无超期积压（"零积压"）', method: '查看超期办件清单（001）' },
      { code: 'TOLERANCE_ACCEPTANCE', text: '容缺受理有书面承诺并按期补齐', method: '抽查容缺办件（003）' },
      { code: 'SMS_NOTICE', text: '证照制成后及时短信通知领取', method: '查看短信发送记录（001）' },
      { code: 'BAD_REVIEW_FOLLOWUP', text: '差评按期回访核实整改', method: '查看差评处理记录（004）' },
      { code: 'PERSONAL_DATA', text: '查询公民个人信息有事由、有留痕', method: '抽查审计日志' },
    ],
  },
  {
    code: 'QUARTERLY_ASSESSMENT',
    name: '季度考核',
    cadence: 'QUARTERLY',
    items: [
      { code: 'SATISFACTION_RATE', text: '群众满意率达到考核要求（低于 90% 不得评优）', method: '统计好差评（002、004）' },
      { code: 'ON_TIME_RATE', text: '按时办结率达到考核要求', method: '统计月报' },
      { code: 'COMPLAINT_HANDLING', text: '投诉按期办结，责任倒查落实到人', method: '查看信访台账（004）' },
      { code: 'HOME_VISIT', text: '预约上门服务按期完成（城区 5 个工作日、农村 10 个工作日）', method: '抽查上门服务记录（001、004）' },
      { code: 'CROSS_TRAINING', text: '窗口人员全科受理培训到位', method: '抽问窗口人员（001）' },
      { code: 'RECTIFICATION', text: '上季度督察发现问题均已整改销号', method: '查看整改台账' },
    ],
  },
];
