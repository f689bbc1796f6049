import { useApolloClient, useLazyQuery } from '@apollo/client';
import { BarChartOutlined, DownloadOutlined } from '@ant-design/icons';
import { Button, Card, Col, Empty, Input, Row, Select, Space, Statistic, Table, Typography } from 'antd';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TitleComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import ReactEChartsCore from 'echarts-for-react/lib/core';
import { useState } from 'react';
import { chinaToday } from '../china-time';
import { UNIT_LEVEL_LABELS } from '../complaint-analysis-labels';
import { COMPLAINT_CHANNEL_LABELS, COMPLAINT_KIND_LABELS } from '../complaint-labels';
import { ErrorAlert } from '../components/ErrorAlert';
import type { AnalysisFiguresFragment, ComplaintAnalysisExportFormat, ComplaintAnalysisUnitLevel } from '../gql/graphql';
import { ComplaintAnalysisDocument, ComplaintAnalysisExportDocument } from '../graphql/complaint-analysis.operations';
import { POLICE_TYPE_LABELS, label } from '../labels';
import { downloadBase64 } from '../pdf';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, TitleComponent, SVGRenderer]);

type Figures = AnalysisFiguresFragment;
const KINDS = Object.keys(COMPLAINT_KIND_LABELS);
const percent = (v: number | null | undefined) => (v == null ? '—' : `${(v * 100).toFixed(1)}%`);
const signed = (v: number) => (v > 0 ? `+${v}` : String(v));
const count = (f: Figures, kind: string) => f.byKind.find((k) => k.kind === kind)?.count ?? 0;

/** Save a file the API returned as Base64 (the way the counter hands out its PDFs, as a download). */

/** Counts by kind stacked per unit, and last month's total per unit as a line (SVG: stable screenshots). */
function KindsPerUnitChart({ units }: { units: Figures[] }) {
  const names = units.map((u) => u.unitName?.replace(/^成都市公安局/, '') ?? u.unitCode ?? '');
  const option = {
    animation: false,
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0 },
    grid: { left: 40, right: 20, top: 60, bottom: 60 },
    xAxis: { type: 'category', data: names, axisLabel: { interval: 0, rotate: names.length > 4 ? 20 : 0 } },
    yAxis: { type: 'value', minInterval: 1, name: '件' },
    series: [
      ...KINDS.map((k) => ({ name: COMPLAINT_KIND_LABELS[k], type: 'bar', stack: 'kinds', data: units.map((u) => count(u, k)) })),
      { name: '上月合计', type: 'line', data: units.map((u) => u.previousTotal), symbolSize: 8 },
    ],
  };
  return <ReactEChartsCore echarts={echarts} option={option} opts={{ renderer: 'svg' }} notMerge style={{ height: 360 }} />;
}

/**
 * 信访分析: the month's complaints per unit and police type — counts by kind and channel, trend
 * against last month, repeats, overdue, substantiated rate, deductions — a chart, the tables of
 * the monthly notice and the exports (Excel / CSV, complainants masked). Scope is the server's.
 */
export function ComplaintAnalysisPage() {
  const client = useApolloClient();
  const [month, setMonth] = useState(chinaToday().format('YYYY-MM'));
  const [level, setLevel] = useState<ComplaintAnalysisUnitLevel>('STATION');
  const [load, { data, loading, error }] = useLazyQuery(ComplaintAnalysisDocument, { fetchPolicy: 'network-only' });
  const [exporting, setExporting] = useState<ComplaintAnalysisExportFormat | null>(null);
  const [exportError, setExportError] = useState<unknown>(null);
  const a = data?.complaintAnalysis;

  const exportAs = async (format: ComplaintAnalysisExportFormat) => {
    setExporting(format);
    setExportError(null);
    try {
      const r = await client.query({ query: ComplaintAnalysisExportDocument, variables: { month, level, format }, fetchPolicy: 'network-only' });
      const f = r.data!.complaintAnalysisExport;
      downloadBase64(f.contentBase64, f.fileName, f.mimeType);
    } catch (err) {
      setExportError(err);
    } finally {
      setExporting(null);
    }
  };

  const figureColumns = [
    { title: '本月', dataIndex: 'total', align: 'right' as const },
    { title: '上月', dataIndex: 'previousTotal', align: 'right' as const },
    { title: '环比', dataIndex: 'change', align: 'right' as const, render: (v: number, f: Figures) => `${signed(v)}（${percent(f.changeRate)}）` },
    ...KINDS.map((k) => ({ title: COMPLAINT_KIND_LABELS[k], key: k, align: 'right' as const, render: (_: unknown, f: Figures) => count(f, k) })),
    { title: '重复', dataIndex: 'repeatComplaints', align: 'right' as const },
    { title: '超期', dataIndex: 'overdue', align: 'right' as const },
    { title: '属实率', dataIndex: 'substantiatedRate', align: 'right' as const, render: (v: number | null, f: Figures) => `${percent(v)}（${f.substantiated}/${f.investigated}）` },
    { title: '扣分', dataIndex: 'deductions', align: 'right' as const, render: (v: number, f: Figures) => `${v} 次 / ${f.deductionPoints} 分` },
  ];

  return (
    <Card title={<Space><BarChartOutlined />信访投诉月度分析</Space>} extra={<Typography.Text type="secondary">新发件不含重复投诉；超期：受理或办结期限在本月届满而未按期完成</Typography.Text>}>
      <Space wrap style={{ marginBottom: 16 }}>
        统计月份
        <Input style={{ width: 120 }} value={month} onChange={(e) => setMonth(e.target.value.trim())} placeholder="YYYY-MM" data-testid="analysis-month" />
        <Select<ComplaintAnalysisUnitLevel> style={{ width: 120 }} value={level} onChange={setLevel} options={Object.entries(UNIT_LEVEL_LABELS).map(([value, l]) => ({ value: value as ComplaintAnalysisUnitLevel, label: l }))} data-testid="analysis-level" />
        <Button type="primary" loading={loading} onClick={() => void load({ variables: { month, level } })} data-testid="analysis-run">统计</Button>
        <Button icon={<DownloadOutlined />} disabled={!a} loading={exporting === 'XLSX'} onClick={() => void exportAs('XLSX')} data-testid="analysis-export-xlsx">导出 Excel</Button>
        <Button icon={<DownloadOutlined />} disabled={!a} loading={exporting === 'CSV'} onClick={() => void exportAs('CSV')} data-testid="analysis-export-csv">导出 CSV</Button>
      </Space>
      {error && <ErrorAlert error={error} style={{ marginBottom: 16 }} />}
      {exportError != null && <ErrorAlert error={exportError} style={{ marginBottom: 16 }} />}
      {!a && !error && <Empty description="选择月份后点击“统计”" />}
      {a && (
        <div data-testid="analysis-result" data-month={a.month}>
          <Row gutter={16} style={{ marginBottom: 16 }}>
            <Col span={4}><Statistic title={`${a.month} 新发件数`} value={a.total.total} /></Col>
            <Col span={4}><Statistic title={`环比（上月 ${a.total.previousTotal}）`} value={signed(a.total.change)} suffix={a.total.changeRate == null ? '' : `（${percent(a.total.changeRate)}）`} /></Col>
            <Col span={4}><Statistic title="重复投诉（件 / 人）" value={`${a.total.repeatComplaints} / ${a.total.repeatComplainants}`} /></Col>
            <Col span={4}><Statistic title="超期" value={a.total.overdue} valueStyle={a.total.overdue ? { color: '#cf1322' } : undefined} /></Col>
            <Col span={4}><Statistic title={`属实率（${a.total.substantiated}/${a.total.investigated}）`} value={percent(a.total.substantiatedRate)} /></Col>
            <Col span={4}><Statistic title="扣分（次 / 分）" value={`${a.total.deductions} / ${a.total.deductionPoints}`} /></Col>
          </Row>
          <div data-testid="analysis-chart">
            {a.byUnit.length ? <KindsPerUnitChart units={a.byUnit} /> : <Empty description="本月无信访投诉" />}
          </div>
          <Typography.Title level={5}>按警种</Typography.Title>
          <Table<Figures>
            rowKey={(f) => f.policeType ?? 'all'}
            size="small"
            pagination={false}
            dataSource={[...a.byPoliceType, a.total]}
            data-testid="analysis-by-police-type"
            columns={[{ title: '警种', dataIndex: 'policeType', render: (t: string | null) => (t ? label(POLICE_TYPE_LABELS, t) : <b>合计</b>) }, ...figureColumns]}
          />
          <Typography.Title level={5} style={{ marginTop: 16 }}>按单位和警种</Typography.Title>
          <Table<Figures>
            rowKey={(f) => `${f.unitCode}|${f.policeType}`}
            size="small"
            pagination={false}
            dataSource={a.groups}
            data-testid="analysis-groups"
            columns={[
              { title: '单位', dataIndex: 'unitName' },
              { title: '警种', dataIndex: 'policeType', render: (t: string) => label(POLICE_TYPE_LABELS, t) },
              ...figureColumns,
              { title: '渠道', key: 'channels', render: (_: unknown, f: Figures) => f.byChannel.filter((c) => c.count).map((c) => `${label(COMPLAINT_CHANNEL_LABELS, c.channel)} ${c.count}`).join('，') },
            ]}
          />
          <Typography.Title level={5} style={{ marginTop: 16 }}>重复投诉人</Typography.Title>
          <Table
            rowKey="firstNumber"
            size="small"
            pagination={false}
            dataSource={a.repeatComplainants}
            data-testid="analysis-repeat-complainants"
            locale={{ emptyText: '本月无重复投诉' }}
            columns={[
              { title: '投诉人', dataIndex: 'complainantName' },
              { title: '联系电话', dataIndex: 'complainantPhone' },
              { title: '本月件数', dataIndex: 'complaints', align: 'right' as const },
              { title: '其中重复', dataIndex: 'repeats', align: 'right' as const },
              { title: '首件信访编号', dataIndex: 'firstNumber' },
            ]}
          />
          <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>统计截止 {a.asOf}；范围 {a.unitPrefix || '全局'}。</Typography.Paragraph>
        </div>
      )}
    </Card>
  );
}
