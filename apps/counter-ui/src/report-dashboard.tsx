import { useQuery } from '@apollo/client';
import { ArrowDownOutlined, ArrowUpOutlined, DashboardOutlined } from '@ant-design/icons';
import { Breadcrumb, Button, Card, Col, DatePicker, Empty, Row, Space, Spin, Statistic, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs, { type Dayjs } from 'dayjs';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TitleComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import ReactEChartsCore from 'echarts-for-react/lib/core';
import { useEffect, useState } from 'react';
import { chinaToday } from './china-time';
import { ErrorAlert } from './components/ErrorAlert';
import type { MonthlyReportQuery, ReportLineFieldsFragment } from './gql/graphql';
import { MonthlyReportDocument } from './graphql/report-dashboard.operations';
import { POLICE_TYPE_LABELS, label } from './labels';
import { days, kpiChange, kpiValue, percent, REPORT_CHILD_LABELS, REPORT_KPIS, REPORT_LEVEL_LABELS, shortUnitName, type Kpi, type ReportFigures } from './report-labels';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, TitleComponent, SVGRenderer]);

type Report = MonthlyReportQuery['monthlyReport'];
type Line = ReportLineFieldsFragment;
/** One step of the drill-down trail: null = the caller's own unit (the server's default). */
interface Crumb { unitCode: string | null; name: string }

const rate100 = (v: number | null | undefined) => (v == null ? null : Math.round(v * 1000) / 10);
const lineName = (l: Line) => {
  if (l.unitCode || !l.policeType) return shortUnitName(l.label);
  const type = label(POLICE_TYPE_LABELS, l.policeType);
  return l.label.startsWith(type) ? l.label : `${type}·${l.label}`;
};

function Chart({ option, testId, height = 300 }: { option: object; testId: string; height?: number }) {
  return (
    <div data-testid={testId}>
      <ReactEChartsCore echarts={echarts} option={{ animation: false, ...option }} opts={{ renderer: 'svg' }} notMerge style={{ height }} />
    </div>
  );
}

/** 按时办结率 per line (district, station or item), last month's as a line; "—" lines have no bar. */
function OnTimeChart({ lines, what }: { lines: Line[]; what: string }) {
  const names = lines.map(lineName);
  return (
    <Chart
      testId="report-chart-on-time"
      option={{
        title: { text: `按时办结率（按${what}）`, textStyle: { fontSize: 14 } },
        tooltip: { trigger: 'axis', valueFormatter: (v: number | null) => (v == null ? '—' : `${v}%`) },
        legend: { top: 24, right: 0 },
        grid: { left: 48, right: 16, top: 64, bottom: 70 },
        xAxis: { type: 'category', data: names, axisLabel: { interval: 0, rotate: names.length > 4 ? 25 : 0 } },
        yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
        series: [
          { name: '本月', type: 'bar', data: lines.map((l) => rate100(l.figures.onTimeRate)), label: { show: true, position: 'top', formatter: '{c}%' } },
          { name: '上月', type: 'line', data: lines.map((l) => rate100(l.previousMonth.onTimeRate)), symbolSize: 8, connectNulls: false },
        ],
      }}
    />
  );
}

/** The 12 months ending with the chosen month: overdue backlog at month end, accepted and completed. */
function BacklogTrendChart({ trend }: { trend: Report['trend'] }) {
  return (
    <Chart
      testId="report-chart-backlog"
      option={{
        title: { text: '超期积压走势（近 12 个月）', textStyle: { fontSize: 14 } },
        tooltip: { trigger: 'axis' },
        legend: { top: 24, right: 0 },
        grid: { left: 48, right: 16, top: 64, bottom: 40 },
        xAxis: { type: 'category', data: trend.map((t) => t.month) },
        yAxis: { type: 'value', minInterval: 1, name: '件' },
        series: [
          { name: '受理', type: 'bar', data: trend.map((t) => t.figures.accepted), itemStyle: { opacity: 0.45 } },
          { name: '办结', type: 'bar', data: trend.map((t) => t.figures.completed), itemStyle: { opacity: 0.45 } },
          { name: '月末超期积压', type: 'line', data: trend.map((t) => t.figures.overdueBacklog), symbolSize: 8, lineStyle: { width: 3 }, itemStyle: { color: '#cf1322' } },
        ],
      }}
    />
  );
}

/** 满意率 per line with the number of evaluations behind it (a rate of 2 evaluations is not one of 200). */
function SatisfactionChart({ lines, what }: { lines: Line[]; what: string }) {
  const names = lines.map(lineName);
  return (
    <Chart
      testId="report-chart-satisfaction"
      option={{
        title: { text: `满意率（按${what}）`, textStyle: { fontSize: 14 } },
        tooltip: { trigger: 'axis' },
        legend: { top: 24, right: 0 },
        grid: { left: 48, right: 48, top: 64, bottom: 70 },
        xAxis: { type: 'category', data: names, axisLabel: { interval: 0, rotate: names.length > 4 ? 25 : 0 } },
        yAxis: [
          { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
          { type: 'value', minInterval: 1, name: '评价数', splitLine: { show: false } },
        ],
        series: [
          { name: '满意率', type: 'bar', data: lines.map((l) => rate100(l.figures.satisfactionRate)), label: { show: true, position: 'top', formatter: '{c}%' }, itemStyle: { color: '#52c41a' } },
          { name: '评价数', type: 'line', yAxisIndex: 1, data: lines.map((l) => l.figures.evaluations), symbolSize: 8 },
        ],
      }}
    />
  );
}

/** The items with the most one-time notices (一次性告知), and how many came back complete. */
function NoticesChart({ items }: { items: Line[] }) {
  const top = items.filter((i) => i.figures.noticesIssued > 0).slice(0, 10).reverse();
  if (top.length === 0) return <div data-testid="report-chart-notices"><Empty description="本月未出具一次性告知书" /></div>;
  return (
    <Chart
      testId="report-chart-notices"
      height={Math.max(220, 60 + top.length * 32)}
      option={{
        title: { text: '一次性告知书最多的事项', textStyle: { fontSize: 14 } },
        tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
        legend: { top: 24, right: 0 },
        grid: { left: 8, right: 32, top: 64, bottom: 24, containLabel: true },
        xAxis: { type: 'value', minInterval: 1, name: '份' },
        yAxis: { type: 'category', data: top.map(lineName) },
        series: [
          { name: '出具', type: 'bar', data: top.map((i) => i.figures.noticesIssued), label: { show: true, position: 'right' } },
          { name: '告知后补齐', type: 'bar', data: top.map((i) => i.figures.noticesReturnedComplete), label: { show: true, position: 'right' } },
        ],
      }}
    />
  );
}

function KpiCard({ kpi, report }: { kpi: Kpi; report: Report }) {
  const change = (title: string, base: ReportFigures) => {
    const c = kpiChange(kpi, report.figures, base);
    const bad = c.direction !== 0 && (c.direction > 0) === !!kpi.badWhenUp;
    const color = c.direction === 0 ? undefined : bad ? '#cf1322' : '#389e0d';
    return (
      <div style={{ fontSize: 12 }} data-testid={`report-kpi-${kpi.key}-${title === '环比' ? 'mom' : 'yoy'}`}>
        <Typography.Text type="secondary">{title} </Typography.Text>
        <span style={{ color }}>{c.direction > 0 ? <ArrowUpOutlined /> : c.direction < 0 ? <ArrowDownOutlined /> : null} {c.text}</span>
      </div>
    );
  };
  return (
    <Card size="small" data-testid={`report-kpi-${kpi.key}`}>
      <Statistic title={kpi.title} value={kpiValue(kpi, report.figures)} suffix={kpi.kind === 'count' ? kpi.suffix : undefined} />
      {change('环比', report.previousMonth)}
      {change('同比', report.sameMonthLastYear)}
    </Card>
  );
}

const count = (key: keyof ReportFigures, title: string) => ({ title, key, align: 'right' as const, render: (_: unknown, l: Line) => l.figures[key] as number });

function lineColumns(first: string, onDrill: ((l: Line) => void) | null): ColumnsType<Line> {
  return [
    {
      title: first,
      key: 'label',
      fixed: 'left',
      render: (_: unknown, l: Line) =>
        l.policeType && !l.unitCode && l.key !== l.policeType ? (
          <Space size={4}><Tag>{label(POLICE_TYPE_LABELS, l.policeType)}</Tag>{l.label}</Space>
        ) : (
          l.label
        ),
    },
    count('accepted', '受理'),
    { title: '受理环比', key: 'acceptedChange', align: 'right', render: (_: unknown, l: Line) => { const d = l.figures.accepted - l.previousMonth.accepted; return d > 0 ? `+${d}` : String(d); } },
    count('completed', '办结'),
    { title: '按时办结率', key: 'onTimeRate', align: 'right', render: (_: unknown, l: Line) => percent(l.figures.onTimeRate) },
    count('overdueBacklog', '超期积压'),
    { title: '平均用时', key: 'averageWorkingDays', align: 'right', render: (_: unknown, l: Line) => days(l.figures.averageWorkingDays) },
    count('noticesIssued', '告知书'),
    { title: '告知后补齐率', key: 'noticeReturnRate', align: 'right', render: (_: unknown, l: Line) => percent(l.figures.noticeReturnRate) },
    { title: '容缺（受理/补齐）', key: 'tolerated', align: 'right', render: (_: unknown, l: Line) => `${l.figures.toleratedAccepted}/${l.figures.toleratedSupplied}` },
    count('transfersOpened', '移交'),
    { title: '移交按时率', key: 'transferOnTimeRate', align: 'right', render: (_: unknown, l: Line) => percent(l.figures.transferOnTimeRate) },
    { title: '短信（成功/失败）', key: 'sms', align: 'right', render: (_: unknown, l: Line) => `${l.figures.smsSent}/${l.figures.smsFailed}` },
    count('homeVisits', '上门'),
    count('evaluations', '评价'),
    { title: '满意率', key: 'satisfactionRate', align: 'right', render: (_: unknown, l: Line) => percent(l.figures.satisfactionRate) },
    count('complaints', '信访投诉'),
    ...(onDrill
      ? [{ title: '', key: 'drill', fixed: 'right' as const, render: (_: unknown, l: Line) => (l.unitCode ? <Button size="small" type="link" onClick={() => onDrill(l)} data-testid="report-drill">下钻</Button> : null) }]
      : []),
  ];
}

/** month and unit of a shared link (?month=YYYY-MM&unit=510107); anything malformed is ignored. */
function linked(): { month?: Dayjs; unit?: string } {
  const q = new URLSearchParams(location.search);
  const month = q.get('month');
  const unit = q.get('unit');
  return {
    month: month && /^\d{4}-(0[1-9]|1[0-2])$/.test(month) ? dayjs(`${month}-01`) : undefined,
    unit: unit && /^\d{4,12}$/.test(unit) ? unit : undefined,
  };
}

/**
 * 月报看板: the bureau's monthly figures for the caller's scope (the server decides it: a station
 * sees itself, a district its stations, the analyst the city), with drill-down city → district →
 * station → items, 环比 / 同比, charts and the lines of the monthly notice. Read-only.
 */
export function ReportDashboardPage() {
  const [month, setMonth] = useState<Dayjs>(() => linked().month ?? chinaToday().startOf('month'));
  const [trail, setTrail] = useState<Crumb[]>(() => {
    const unit = linked().unit;
    return unit ? [{ unitCode: null, name: '本单位' }, { unitCode: unit, name: unit }] : [];
  });
  const unitCode = trail.at(-1)?.unitCode ?? null;
  // Keep the address a link to what is shown (月报看板?month=2026-03&unit=510107), without a navigation.
  useEffect(() => {
    const q = new URLSearchParams({ month: month.format('YYYY-MM'), ...(unitCode ? { unit: unitCode } : {}) });
    history.replaceState(history.state, '', `${location.pathname}?${q}`);
  }, [month, unitCode]);
  const { data, previousData, loading, error } = useQuery(MonthlyReportDocument, {
    variables: { month: month.format('YYYY-MM'), unitCode },
    fetchPolicy: 'network-only',
  });
  const r = (data ?? (loading ? previousData : undefined))?.monthlyReport;

  const drill = (l: Line) => {
    if (!r || !l.unitCode) return;
    setTrail((t) => [...(t.length ? t : [{ unitCode: null, name: r.unitName }]), { unitCode: l.unitCode!, name: l.label }]);
  };
  const crumbs = (trail.length ? trail : r ? [{ unitCode: null, name: r.unitName }] : []).map((c, i, all) =>
    i === all.length - 1 && r && c.unitCode === r.unitCode && c.name === c.unitCode ? { ...c, name: r.unitName } : c, // a shared link knows only the code
  );
  const what = r ? REPORT_CHILD_LABELS[r.level] : '';
  const unitLines = r?.children.filter((c) => c.unitCode) ?? [];

  return (
    <Card
      title={<Space><DashboardOutlined />月报看板</Space>}
      extra={<Typography.Text type="secondary">按时办结率 = 按时办结 / 办结；满意率 =（非常满意 + 满意）/ 评价数；分母为 0 时显示“—”</Typography.Text>}
    >
      <Space wrap style={{ marginBottom: 16 }}>
        统计月份
        <span data-testid="report-month">
          <DatePicker
            picker="month"
            format="YYYY-MM"
            allowClear={false}
            value={month}
            disabledDate={(d) => d.isAfter(chinaToday(), 'month')}
            onChange={(d) => d && setMonth(d.startOf('month'))}
          />
        </span>
        <Breadcrumb
          data-testid="report-breadcrumb"
          items={crumbs.map((c, i) => ({
            title:
              i < crumbs.length - 1 ? (
                <a onClick={(e) => { e.preventDefault(); setTrail((t) => (i === 0 ? [] : t.slice(0, i + 1))); }} data-testid={`report-crumb-${i}`}>{c.name}</a>
              ) : (
                <span data-testid={`report-crumb-${i}`}>{c.name}</span>
              ),
          }))}
        />
        {loading && <Spin size="small" />}
      </Space>
      {error && <ErrorAlert error={error} style={{ marginBottom: 16 }} />}
      {!r && !error && !loading && <Empty />}
      {r && !error && (
        <div data-testid="report-result" data-month={r.month} data-unit={r.unitCode} data-level={r.level} data-loading={loading ? 'true' : 'false'}>
          <Typography.Title level={5} style={{ marginTop: 0 }}>
            {r.unitName}（{REPORT_LEVEL_LABELS[r.level]}）{r.month} 月报
          </Typography.Title>
          <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
            {REPORT_KPIS.map((k) => (
              <Col key={k.key} xs={12} md={6} xl={3}><KpiCard kpi={k} report={r} /></Col>
            ))}
          </Row>
          <Row gutter={16}>
            <Col xs={24} xl={12}>
              {r.children.length ? <OnTimeChart lines={r.children} what={what} /> : <div data-testid="report-chart-on-time"><Empty description={`本月没有${what}数据`} /></div>}
            </Col>
            <Col xs={24} xl={12}><BacklogTrendChart trend={r.trend} /></Col>
            <Col xs={24} xl={12}>
              {r.children.length ? <SatisfactionChart lines={unitLines.length ? unitLines : r.children} what={what} /> : <div data-testid="report-chart-satisfaction"><Empty description="本月没有评价" /></div>}
            </Col>
            <Col xs={24} xl={12}><NoticesChart items={r.items} /></Col>
          </Row>
          <Typography.Title level={5} style={{ marginTop: 16 }}>按{what}{r.level !== 'STATION' && <Typography.Text type="secondary" style={{ fontSize: 12, marginLeft: 8 }}>点击“下钻”查看下级单位</Typography.Text>}</Typography.Title>
          <Table<Line>
            rowKey="key"
            size="small"
            pagination={false}
            scroll={{ x: 'max-content' }}
            dataSource={r.children}
            onRow={(l) => ({ 'data-key': l.key } as React.HTMLAttributes<HTMLElement>)}
            locale={{ emptyText: `本月没有${what}数据` }}
            data-testid="report-children"
            columns={lineColumns(what, drill)}
          />
          <Typography.Title level={5} style={{ marginTop: 16 }}>按警种</Typography.Title>
          <Table<Line>
            rowKey="key"
            size="small"
            pagination={false}
            scroll={{ x: 'max-content' }}
            dataSource={r.byPoliceType}
            onRow={(l) => ({ 'data-key': l.key } as React.HTMLAttributes<HTMLElement>)}
            data-testid="report-by-police-type"
            columns={lineColumns('警种', null)}
          />
        </div>
      )}
    </Card>
  );
}
