import { useQuery } from '@apollo/client';
import { StarFilled } from '@ant-design/icons';
import { Card, Input, Space, Table, Tabs, Tag, Typography } from 'antd';
import * as echarts from 'echarts/core';
import { BarChart } from 'echarts/charts';
import { GridComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
import ReactEChartsCore from 'echarts-for-react/lib/core';
import { useState } from 'react';
import { ErrorAlert } from './components/ErrorAlert';
import { EvaluationFiguresDocument } from './graphql/evaluations.operations';
import type { FigureRowFieldsFragment } from './gql/graphql';

echarts.use([BarChart, GridComponent, MarkLineComponent, TooltipComponent, SVGRenderer]);

type Row = FigureRowFieldsFragment;

const thisMonth = () => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`;
};

/** Satisfaction rate per row with the 取消评优 and 全局通报 lines (SVG renderer: stable screenshots). */
function RateChart({ rows, noAwardsBelow, bureauNoticeBelow }: { rows: Row[]; noAwardsBelow: number; bureauNoticeBelow: number }) {
  const option = {
    animation: false,
    grid: { left: 48, right: 140, top: 24, bottom: 48 },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: rows.map((r) => r.label), axisLabel: { interval: 0 } },
    yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
    series: [{
      type: 'bar',
      barMaxWidth: 48,
      data: rows.map((r) => ({
        value: r.satisfactionRate ?? 0,
        itemStyle: { color: r.satisfactionRate === null || r.satisfactionRate === undefined ? '#d9d9d9' : r.satisfactionRate < bureauNoticeBelow ? '#b91c1c' : r.satisfactionRate < noAwardsBelow ? '#d97706' : '#15803d' },
      })),
      label: { show: true, position: 'top', formatter: '{c}%' },
      markLine: {
        symbol: 'none',
        data: [
          { yAxis: noAwardsBelow, name: '取消评优', lineStyle: { color: '#d97706', type: 'dashed' }, label: { formatter: `${noAwardsBelow}% 取消年度评优资格`, position: 'end' } },
          { yAxis: bureauNoticeBelow, name: '全局通报', lineStyle: { color: '#b91c1c', type: 'dashed' }, label: { formatter: `${bureauNoticeBelow}% 全局通报`, position: 'end' } },
        ],
      },
    }],
  };
  return (
    <div data-testid="figures-chart">
      <ReactEChartsCore echarts={echarts} option={option} opts={{ renderer: 'svg' }} style={{ height: 320 }} notMerge />
    </div>
  );
}

function FigureTable({ rows, testId }: { rows: Row[]; testId: string }) {
  return (
    <Table<Row> rowKey="key" size="small" pagination={false} dataSource={rows} data-testid={testId}
      onRow={(r) => ({ 'data-figure': r.key } as React.HTMLAttributes<HTMLElement>)}
      columns={[
        { title: '名称', dataIndex: 'label' },
        { title: '非常满意', render: (_: unknown, r) => r.counts.verySatisfied },
        { title: '满意', render: (_: unknown, r) => r.counts.satisfied },
        { title: '基本满意', render: (_: unknown, r) => r.counts.basic },
        { title: '不满意', render: (_: unknown, r) => r.counts.dissatisfied },
        { title: '非常不满意', render: (_: unknown, r) => r.counts.veryDissatisfied },
        { title: '有效评价', dataIndex: 'total' },
        { title: '满意率', render: (_: unknown, r) => (r.satisfactionRate === null || r.satisfactionRate === undefined ? '—' : `${r.satisfactionRate.toFixed(1)}%`) },
        { title: '星级', render: (_: unknown, r) => (r.stars ? <span style={{ color: '#faad14' }}>{Array.from({ length: r.stars }, (_, i) => <StarFilled key={i} />)}</span> : '—') },
        { title: '提示', render: (_: unknown, r) => <Space wrap>{r.flagLabels.map((f) => <Tag key={f} color={f === '全局通报' ? 'red' : 'orange'} data-testid="figure-flag">{f}</Tag>)}</Space> },
      ]} />
  );
}

/**
 * 好差评统计: per month, per officer, window and unit — counts per level, 满意率 ((非常满意 + 满意) /
 * valid evaluations), stars, and the officers' flags (< 90% 取消年度评优资格, < 70% 全局通报), with a
 * chart of the rates against both lines. Supervisors see their units, the analyst the city, a clerk
 * their own row and windows.
 */
export function EvaluationFiguresPage() {
  const [month, setMonth] = useState(thisMonth);
  const valid = /^\d{4}-(0[1-9]|1[0-2])$/.test(month);
  const { data, loading, error } = useQuery(EvaluationFiguresDocument, { variables: { month }, skip: !valid });
  const f = data?.evaluationFigures;
  const tab = (key: string, title: string, rows: Row[]) => ({
    key, label: `${title}（${rows.length}）`,
    children: rows.length ? (
      <>
        <RateChart rows={rows} noAwardsBelow={f!.noAwardsBelow} bureauNoticeBelow={f!.bureauNoticeBelow} />
        <FigureTable rows={rows} testId={`figures-${key}`} />
      </>
    ) : <Typography.Paragraph type="secondary">本月没有有效评价。</Typography.Paragraph>,
  });
  return (
    <Card title="好差评统计" loading={loading && !f} extra={
      <Space><span>月份</span><Input value={month} onChange={(e) => setMonth(e.target.value.trim())} style={{ width: 120 }} placeholder="YYYY-MM" data-testid="figures-month" /></Space>
    } data-testid="evaluation-figures">
      <ErrorAlert error={error} />
      <Typography.Paragraph type="secondary">满意率 =（非常满意 + 满意）÷ 有效评价数（不含已作废的差评）。民警满意率低于 {f?.noAwardsBelow ?? 90}% 取消年度评优资格，低于 {f?.bureauNoticeBelow ?? 70}% 全局通报。</Typography.Paragraph>
      {f && <Tabs items={[tab('officers', '民警', f.officers), tab('windows', '窗口', f.windows), tab('units', '单位', f.units)]} />}
    </Card>
  );
}
