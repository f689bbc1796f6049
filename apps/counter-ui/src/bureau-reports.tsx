import { useLazyQuery, useQuery } from '@apollo/client';
import { BankOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Empty, Input, Modal, Row, Space, Statistic, Table, Typography } from 'antd';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import ReactEChartsCore from 'echarts-for-react/lib/core';
import { useState } from 'react';
import { dateTime, lastMonth, oneDecimal, percent } from './bureau-format';
import { ErrorAlert } from './components/ErrorAlert';
import type { BureauCityReportQuery } from './gql/graphql';
import { BureauCityReportDocument, BureauReportVersionsDocument } from './graphql/bureau-reports.operations';
import { useUnitName } from './units';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

type District = BureauCityReportQuery['bureauCityReport']['districts'][number];

/** Accepted and completed per district (bars) with the on-time rate (line, right axis). SVG: stable screenshots. */
function DistrictChart({ districts }: { districts: District[] }) {
  const names = districts.map((d) => d.districtName.replace(/^成都市公安局/, ''));
  const option = {
    animation: false,
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 48, right: 56, top: 40, bottom: 40 },
    xAxis: { type: 'category', data: names, axisLabel: { interval: 0 } },
    yAxis: [{ type: 'value', name: '件', minInterval: 1 }, { type: 'value', name: '按时办结率', min: 0, max: 100, axisLabel: { formatter: '{value}%' } }],
    series: [
      { name: '受理', type: 'bar', barMaxWidth: 40, data: districts.map((d) => d.figures.accepted), label: { show: true, position: 'top' } },
      { name: '办结', type: 'bar', barMaxWidth: 40, data: districts.map((d) => d.figures.completed), label: { show: true, position: 'top' } },
      { name: '按时办结率', type: 'line', yAxisIndex: 1, symbolSize: 8, data: districts.map((d) => (d.figures.onTimeRate == null ? null : Math.round(d.figures.onTimeRate * 1000) / 10)) },
    ],
  };
  return (
    <div data-testid="city-chart">
      <ReactEChartsCore echarts={echarts} option={option} opts={{ renderer: 'svg' }} notMerge style={{ height: 340 }} />
    </div>
  );
}

function VersionsDialog({ district, month, onClose }: { district: District; month: string; onClose: () => void }) {
  const { data, error, loading } = useQuery(BureauReportVersionsDocument, { variables: { districtCode: district.districtCode, month }, fetchPolicy: 'network-only' });
  return (
    <Modal open title={`${district.districtName} ${month} 全部报送版本`} onCancel={onClose} footer={null} width={760}>
      {error && <ErrorAlert error={error} />}
      <Table rowKey="version" size="small" loading={loading} pagination={false} dataSource={data?.bureauReportVersions ?? []} data-testid="city-versions"
        columns={[
          { title: '版本', dataIndex: 'version', render: (v: number) => `第 ${v} 版` },
          { title: '结账时间', dataIndex: 'closedAt', render: dateTime },
          { title: '结账人', dataIndex: 'closedBy' },
          { title: '接收时间', dataIndex: 'receivedAt', render: dateTime },
          { title: '受理', key: 'a', align: 'right', render: (_: unknown, v) => v.figures.accepted },
          { title: '办结', key: 'c', align: 'right', render: (_: unknown, v) => v.figures.completed },
        ]}
      />
    </Modal>
  );
}

/**
 * 全市汇总 (city bureau): each district's newest pushed version of the month, the city totals (sum
 * of the newest versions), districts still missing, a chart per district, and every version of a
 * district on demand.
 */
export function BureauReportsPage() {
  const [month, setMonth] = useState(lastMonth());
  const [load, { data, loading, error }] = useLazyQuery(BureauCityReportDocument, { fetchPolicy: 'network-only' });
  const [opened, setOpened] = useState<District | null>(null);
  const unitName = useUnitName();
  const c = data?.bureauCityReport;
  const columns = [
    { title: '分局', dataIndex: 'districtName', render: (n: string, d: District) => <Button type="link" size="small" onClick={() => setOpened(d)} data-testid={`city-district-${d.districtCode}`}>{n}</Button> },
    { title: '版本', dataIndex: 'version', render: (v: number) => `第 ${v} 版` },
    { title: '结账时间', dataIndex: 'closedAt', render: dateTime },
    { title: '接收时间', dataIndex: 'receivedAt', render: dateTime },
    { title: '受理', key: 'accepted', align: 'right' as const, render: (_: unknown, d: District) => d.figures.accepted },
    { title: '办结', key: 'completed', align: 'right' as const, render: (_: unknown, d: District) => d.figures.completed },
    { title: '按时办结率', key: 'onTime', align: 'right' as const, render: (_: unknown, d: District) => percent(d.figures.onTimeRate) },
    { title: '平均用时（工作日）', key: 'avg', align: 'right' as const, render: (_: unknown, d: District) => oneDecimal(d.figures.averageWorkingDays) },
    { title: '月末超期积压', key: 'backlog', align: 'right' as const, render: (_: unknown, d: District) => d.figures.overdueBacklog },
    { title: '满意率', key: 'sat', align: 'right' as const, render: (_: unknown, d: District) => percent(d.figures.satisfactionRate) },
    { title: '投诉咨询建议表扬', key: 'complaints', align: 'right' as const, render: (_: unknown, d: District) => d.figures.complaints },
  ];

  return (
    <Card title={<Space><BankOutlined />全市汇总</Space>} extra={<Typography.Text type="secondary">各分局最新报送版本之和；分局更正后重新报送，汇总随之更新</Typography.Text>}>
      <Space wrap style={{ marginBottom: 16 }}>
        统计月份
        <Input style={{ width: 120 }} value={month} onChange={(e) => setMonth(e.target.value.trim())} placeholder="YYYY-MM" data-testid="city-month" />
        <Button type="primary" loading={loading} onClick={() => void load({ variables: { month } })} data-testid="city-run">汇总</Button>
      </Space>
      {error && <ErrorAlert error={error} style={{ marginBottom: 16 }} />}
      {!c && !error && <Empty description="选择月份后点击“汇总”" />}
      {c && (
        <div data-testid="city-result" data-month={c.month}>
          {c.districtsMissing.length > 0 && (
            <Alert type="warning" showIcon style={{ marginBottom: 16 }} message={`尚未报送：${c.districtsMissing.map((d) => unitName(d).replace(/^成都市公安局/, '')).join('、')}`} data-testid="city-missing" />
          )}
          <Row gutter={16} style={{ marginBottom: 16 }}>
            <Col span={4}><Statistic title="已报送分局" value={c.districtsReported} /></Col>
            <Col span={4}><Statistic title="全市受理" value={c.total.accepted} /></Col>
            <Col span={4}><Statistic title="全市办结" value={c.total.completed} /></Col>
            <Col span={4}><Statistic title="按时办结率" value={percent(c.total.onTimeRate)} /></Col>
            <Col span={4}><Statistic title="月末超期积压" value={c.total.overdueBacklog} /></Col>
            <Col span={4}><Statistic title="满意率" value={percent(c.total.satisfactionRate)} /></Col>
          </Row>
          {c.districts.length > 0 && <DistrictChart districts={c.districts} />}
          <Table<District> rowKey="districtCode" size="small" pagination={false} dataSource={c.districts} columns={columns} data-testid="city-districts"
            locale={{ emptyText: '本月尚无分局报送' }}
            summary={() => (
              <Table.Summary.Row data-testid="city-total">
                <Table.Summary.Cell index={0} colSpan={4}><b>全市合计</b></Table.Summary.Cell>
                <Table.Summary.Cell index={4} align="right"><b>{c.total.accepted}</b></Table.Summary.Cell>
                <Table.Summary.Cell index={5} align="right"><b>{c.total.completed}</b></Table.Summary.Cell>
                <Table.Summary.Cell index={6} align="right"><b>{percent(c.total.onTimeRate)}</b></Table.Summary.Cell>
                <Table.Summary.Cell index={7} align="right"><b>{oneDecimal(c.total.averageWorkingDays)}</b></Table.Summary.Cell>
                <Table.Summary.Cell index={8} align="right"><b>{c.total.overdueBacklog}</b></Table.Summary.Cell>
                <Table.Summary.Cell index={9} align="right"><b>{percent(c.total.satisfactionRate)}</b></Table.Summary.Cell>
                <Table.Summary.Cell index={10} align="right"><b>{c.total.complaints}</b></Table.Summary.Cell>
              </Table.Summary.Row>
            )}
          />
        </div>
      )}
      {opened && c && <VersionsDialog district={opened} month={c.month} onClose={() => setOpened(null)} />}
    </Card>
  );
}
