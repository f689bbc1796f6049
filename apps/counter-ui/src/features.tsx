import { CalendarOutlined, ClusterOutlined, HomeOutlined, LineChartOutlined, MessageOutlined, SoundOutlined } from '@ant-design/icons';
import { AppstoreOutlined, AuditOutlined, BankOutlined, BarChartOutlined, DashboardOutlined, BranchesOutlined, CarOutlined, CloudUploadOutlined, ExperimentOutlined, FileDoneOutlined, FormOutlined, GlobalOutlined, LikeOutlined, MinusCircleOutlined, PhoneOutlined, SafetyCertificateOutlined, SearchOutlined, SolutionOutlined, ToolOutlined } from '@ant-design/icons';
import type { MenuProps } from 'antd';
import type { ReactNode } from 'react';
import { AuditTrailPage } from './audit-trail';
import { BureauReportsPage } from './bureau-reports';
import { CallbacksPage } from './callbacks';
import { EvaluationFiguresPage } from './evaluation-figures';
import { RatingPairingPage } from './evaluation-pairing';
import { ReportDashboardPage } from './report-dashboard';
import { ComplaintAnalysisPage } from './pages/ComplaintAnalysisPage';
import { ComplaintDeductionsPage } from './pages/ComplaintDeductionsPage';
import { ComplaintImportPage } from './pages/ComplaintImportPage';
import { ViolationsPage } from './pages/ViolationsPage';
import { ComplaintIntakePage } from './pages/ComplaintIntakePage';
import { ComplaintRoutingPage } from './pages/ComplaintRoutingPage';
import { ComplaintsWorkbenchPage } from './pages/ComplaintsWorkbenchPage';
import { LostFoundPage } from './pages/LostFoundPage';
import { PermitsPage } from './pages/PermitsPage';
import { TravelDocumentsPage } from './pages/TravelDocumentsPage';
import { ReportClosePage } from './report-close';
import { navigate } from './router';
import { SupervisionFindingsPage } from './supervision-findings';
import { SupervisionInspectionsPage } from './supervision-inspections';
import { SupervisionRandomPage } from './supervision-random';
import { hasRole, type SessionUser } from './session';
import { QueueDeskPage, queueDeskVisible } from './front-office/queue-desk';
import { QueueFiguresPage, queueFiguresVisible } from './front-office/queue-figures';
import { AppointmentsPage, appointmentsVisible } from './front-office/appointments';
import { ServicePointsPage, servicePointsVisible } from './front-office/service-points';
import { HomeVisitsPage, homeVisitsVisible } from './front-office/home-visits';
import { FirstInquiryPage, firstInquiryVisible } from './front-office/first-inquiry';
import { SystemStatusPage, systemStatusVisible } from './system-status';


/**
 * Screens of the police types' own registers, grouped in the header under 警种业务. `visible`
 * mirrors who the backend lets in (the resolvers' @Roles and the services' own checks), so a user
 * never sees a screen that would only answer 没有权限.
 */
export interface FeatureScreen {
  key: string;
  path: string;
  label: string;
  icon: ReactNode;
  hotkey: string;
  visible: (u: SessionUser) => boolean;
  render: () => ReactNode;
}

const officerOf = (u: SessionUser, policeType: string) => hasRole(u, 'OFFICER') && u.policeType === policeType;

export const FEATURE_SCREENS: FeatureScreen[] = [
  // lost-found.service assertLostAndFoundStaff: clerks, supervisors, public-security officers.
  { key: 'lost-found', path: '/lost-found', label: '失物招领', icon: <SearchOutlined />, hotkey: '5', visible: (u) => hasRole(u, 'CLERK', 'SUPERVISOR') || officerOf(u, 'PUBLIC_SECURITY'), render: () => <LostFoundPage /> },
  // lost-found.service assertLostAndFoundStaff: clerks, supervisors, public-security officers.
  // violations: CLERK, OFFICER, SUPERVISOR (handling: clerks and traffic officers, checked on the page).
  { key: 'violations', path: '/violations', label: '交通违法', icon: <CarOutlined />, hotkey: '6', visible: (u) => hasRole(u, 'CLERK', 'OFFICER', 'SUPERVISOR'), render: () => <ViolationsPage /> },
  // travelDocument / citizen: CLERK, OFFICER, SUPERVISOR.
  { key: 'travel-documents', path: '/travel-documents', label: '出入境证件', icon: <GlobalOutlined />, hotkey: '7', visible: (u) => hasRole(u, 'CLERK', 'OFFICER', 'SUPERVISOR'), render: () => <TravelDocumentsPage /> },
  // publicSecurityPermit: CLERK, OFFICER, SUPERVISOR (register list: public-security officers and supervisors).
  { key: 'permits', path: '/permits', label: '治安许可证', icon: <SafetyCertificateOutlined />, hotkey: '8', visible: (u) => hasRole(u, 'CLERK', 'OFFICER', 'SUPERVISOR'), render: () => <PermitsPage /> },
  // intakeComplaint: @Roles(CLERK, OFFICER); clerks register window complaints, of the officers only complaints officers (OFFICER + COMPLAINTS).
  { key: 'complaint-intake', path: '/complaint-intake', label: '投诉登记', icon: <FormOutlined />, hotkey: '9', visible: (u) => hasRole(u, 'CLERK') || officerOf(u, 'COMPLAINTS'), render: () => <ComplaintIntakePage /> },
  // complaints (workbench): complaints officers, supervisors, analysts (complaint.service workbench).
  { key: 'complaints', path: '/complaints', label: '信访工作台', icon: <SolutionOutlined />, hotkey: '0', visible: (u) => hasRole(u, 'SUPERVISOR', 'ANALYST') || officerOf(u, 'COMPLAINTS'), render: () => <ComplaintsWorkbenchPage /> },
  // importComplaintWorkOrders: complaints officers (OFFICER + COMPLAINTS).
  { key: 'complaint-import', path: '/complaint-import', label: '12345 工单导入', icon: <CloudUploadOutlined />, hotkey: 'i', visible: (u) => officerOf(u, 'COMPLAINTS'), render: () => <ComplaintImportPage /> },
  // complaintRoutingRules: @Roles(OFFICER, SUPERVISOR, ANALYST); publishing: city-level supervisors (checked in the service).
  { key: 'complaint-routing', path: '/complaint-routing', label: '信访分派规则', icon: <BranchesOutlined />, hotkey: 'r', visible: (u) => hasRole(u, 'SUPERVISOR', 'ANALYST') || officerOf(u, 'COMPLAINTS'), render: () => <ComplaintRoutingPage /> },
  // complaintAnalysis: @Roles(OFFICER, SUPERVISOR, ANALYST); analysis.service: complaints officers, supervisors, analysts.
  { key: 'complaint-analysis', path: '/complaint-analysis', label: '信访分析', icon: <BarChartOutlined />, hotkey: 'x', visible: (u) => hasRole(u, 'SUPERVISOR', 'ANALYST') || officerOf(u, 'COMPLAINTS'), render: () => <ComplaintAnalysisPage /> },
  // complaintDeductions: @Roles(SUPERVISOR, ANALYST); reversal: supervisors (checked on the page and in the service).
  { key: 'complaint-deductions', path: '/complaint-deductions', label: '信访扣分', icon: <MinusCircleOutlined />, hotkey: 'k', visible: (u) => hasRole(u, 'SUPERVISOR', 'ANALYST'), render: () => <ComplaintDeductionsPage /> },
  // 好差评: startRatingPairing / presentVisitForRating are CLERK only.
  { key: 'rating-pairing', path: '/rating-pairing', label: '评价屏', icon: <LikeOutlined />, hotkey: 'p', visible: (u) => hasRole(u, 'CLERK'), render: () => <RatingPairingPage /> },
  // callbackTasks: SUPERVISOR (works their units), ANALYST (reads the city).
  { key: 'callbacks', path: '/callbacks', label: '回访核实', icon: <PhoneOutlined />, hotkey: 'h', visible: (u) => hasRole(u, 'SUPERVISOR', 'ANALYST'), render: () => <CallbacksPage /> },
  // evaluationFigures: CLERK (own row and windows), SUPERVISOR, ANALYST.
  { key: 'evaluation-figures', path: '/evaluation-figures', label: '好差评统计', icon: <BarChartOutlined />, hotkey: 'j', visible: (u) => hasRole(u, 'CLERK', 'SUPERVISOR', 'ANALYST'), render: () => <EvaluationFiguresPage /> },
  // monthlyReport (月报): SUPERVISOR (their unit and below), ANALYST (the city) — report resolver @Roles.
  { key: 'report-dashboard', path: '/report-dashboard', label: '月报看板', icon: <DashboardOutlined />, hotkey: 'm', visible: (u) => hasRole(u, 'SUPERVISOR', 'ANALYST'), render: () => <ReportDashboardPage /> },
  // issue 10, 月报报送: closeReportMonth / reportCloseVersions @Roles(SUPERVISOR, ANALYST); the deployment's district must be within the caller's unit (district or city).
  { key: 'report-close', path: '/report-close', label: '月报报送', icon: <FileDoneOutlined />, hotkey: 'b', visible: (u) => hasRole(u, 'SUPERVISOR', 'ANALYST') && u.unitCode.length <= 6, render: () => <ReportClosePage /> },
  // issue 10, 全市汇总: bureauCityReport @Roles(SUPERVISOR, ANALYST), city-level units only (bureau deployment).
  { key: 'bureau-reports', path: '/bureau-reports', label: '全市汇总', icon: <BankOutlined />, hotkey: 'u', visible: (u) => hasRole(u, 'SUPERVISOR', 'ANALYST') && u.unitCode.length === 4, render: () => <BureauReportsPage /> },
  // auditTrail / auditTrailExport: @Roles(SUPERVISOR, ADMIN); every service checks again (审计查询).
  { key: 'audit-trail', path: '/audit-trail', label: '审计查询', icon: <AuditOutlined />, hotkey: 'a', visible: (u) => hasRole(u, 'SUPERVISOR', 'ADMIN'), render: () => <AuditTrailPage /> },
  // Supervision (督察): recordInspection / drawRandomInspection @Roles(SUPERVISOR); supervisionFindings @Roles(SUPERVISOR, CLERK, OFFICER) — a station's users see and rectify their own unit's.
  { key: 'supervision-inspections', path: '/supervision-inspections', label: '督察检查', icon: <AuditOutlined />, hotkey: 'n', visible: (u) => hasRole(u, 'SUPERVISOR'), render: () => <SupervisionInspectionsPage /> },
  { key: 'supervision-findings', path: '/supervision-findings', label: '整改跟踪', icon: <ToolOutlined />, hotkey: 'g', visible: (u) => hasRole(u, 'SUPERVISOR', 'CLERK', 'OFFICER'), render: () => <SupervisionFindingsPage /> },
  { key: 'random-inspections', path: '/random-inspections', label: '双随机抽查', icon: <ExperimentOutlined />, hotkey: 'q', visible: (u) => hasRole(u, 'SUPERVISOR'), render: () => <SupervisionRandomPage /> },
  // issue 13: systemStatus (public health) — the screen is for supervisors and admins.
  { key: 'system-status', path: '/system-status', label: '系统状态', icon: <DashboardOutlined />, hotkey: 'z', visible: systemStatusVisible, render: () => <SystemStatusPage /> },
  // issue 11, the front office (大厅服务); each screen's role rule lives beside it
  { key: 'queue', path: '/queue', label: '叫号工作台', icon: <SoundOutlined />, hotkey: 'w', visible: queueDeskVisible, render: () => <QueueDeskPage /> },
  { key: 'queue-figures', path: '/queue-figures', label: '排队统计', icon: <LineChartOutlined />, hotkey: 'l', visible: queueFiguresVisible, render: () => <QueueFiguresPage /> },
  { key: 'appointments', path: '/appointments', label: '预约管理', icon: <CalendarOutlined />, hotkey: 'y', visible: appointmentsVisible, render: () => <AppointmentsPage /> },
  { key: 'service-points', path: '/service-points', label: '服务网点', icon: <ClusterOutlined />, hotkey: 't', visible: servicePointsVisible, render: () => <ServicePointsPage /> },
  { key: 'home-visits', path: '/home-visits', label: '上门服务', icon: <HomeOutlined />, hotkey: 'v', visible: homeVisitsVisible, render: () => <HomeVisitsPage /> },
  { key: 'first-inquiry', path: '/first-inquiry', label: '首问登记', icon: <MessageOutlined />, hotkey: 'f', visible: firstInquiryVisible, render: () => <FirstInquiryPage /> },
];

export function featureScreen(segment: string | undefined): FeatureScreen | undefined {
  return FEATURE_SCREENS.find((f) => f.path === `/${segment ?? ''}`);
}

/** Sections of the 警种业务 submenu (a screen not listed here is one of the police types' registers). */
const MENU_SECTIONS: { label: string; keys: readonly string[] }[] = [
  { label: '信访与评价', keys: ['complaint-intake', 'complaints', 'complaint-import', 'complaint-routing', 'complaint-analysis', 'complaint-deductions', 'rating-pairing', 'callbacks', 'evaluation-figures'] },
  { label: '统计与督察', keys: ['report-dashboard', 'report-close', 'bureau-reports', 'audit-trail', 'supervision-inspections', 'supervision-findings', 'random-inspections', 'system-status'] },
  { label: '大厅服务', keys: ['queue', 'queue-figures', 'appointments', 'service-points', 'home-visits', 'first-inquiry'] },
];

function sectionOf(key: string): string {
  return MENU_SECTIONS.find((s) => s.keys.includes(key))?.label ?? '警种业务';
}

/** The 警种业务 submenu with the screens this user may open, in sections (none → no submenu). */
export function featureMenuItems(user: SessionUser): NonNullable<MenuProps['items']> {
  const visible = FEATURE_SCREENS.filter((f) => f.visible(user));
  if (visible.length === 0) return [];
  const item = (f: FeatureScreen) => ({
    key: f.key,
    icon: f.icon,
    label: (
      <a href={f.path} onClick={(e) => { e.preventDefault(); navigate(f.path); }} data-testid={`nav-${f.key}`}>
        {f.label}<span style={{ marginLeft: 16, opacity: 0.55, fontSize: 12 }}>Alt+{f.hotkey}</span>
      </a>
    ),
  });
  const sections = new Map<string, FeatureScreen[]>();
  for (const f of visible) sections.set(sectionOf(f.key), [...(sections.get(sectionOf(f.key)) ?? []), f]);
  return [
    {
      key: 'features',
      icon: <AppstoreOutlined />,
      label: <span data-testid="nav-features">警种业务</span>,
      children:
        sections.size === 1
          ? visible.map(item)
          : [...sections].map(([label, screens]) => ({ key: `section-${label}`, type: 'group' as const, label, children: screens.map(item) })),
    },
  ];
}
