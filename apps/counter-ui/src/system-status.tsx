import { useQuery } from '@apollo/client';
import { CheckCircleTwoTone, CloseCircleTwoTone, ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Space, Statistic, Table, Tag, Typography } from 'antd';
import * as echarts from 'echarts/core';
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
import ReactEChartsCore from 'echarts-for-react/lib/core';
import { ErrorAlert } from './components/ErrorAlert';
import { SystemStatusDocument } from './graphql/system-status.operations';
import type { ServiceHealthFieldsFragment } from './gql/graphql';
import { hasRole, type SessionUser } from './session';

echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

/** 系统状态 is for the people who answer for the system: supervisors and admins. */
export const systemStatusVisible = (u: SessionUser): boolean => hasRole(u, 'SUPERVISOR', 'ADMIN');

const SERVICE_LABELS: Record<string, string> = {
  counter: '综合窗口', household: '户政', 'exit-entry': '出入境', traffic: '交管', 'public-security': '治安', complaints: '信访',
};

function Up({ ok, testId }: { ok: boolean; testId: string }) {
  return ok
    ? <Tag color="green" data-testid={testId} data-ok="true"><CheckCircleTwoTone twoToneColor="#52c41a" /> 正常</Tag>
    : <Tag color="red" data-testid={testId} data-ok="false"><CloseCircleTwoTone twoToneColor="#ff4d4f" /> 不可用</Tag>;
}

/**
 * 系统状态: each service's database and NATS, and the messages its consumers could not apply — 暂存
 * (parked, being retried with backoff) and 死信 (dead letters, given up; an operator replays or
 * discards them with `npm run dead-letters`, see docs/runbook.md). A service that does not answer
 * shows as 不可用 while the others still report.
 */
export function SystemStatusPage() {
  const { data, loading, error, refetch } = useQuery(SystemStatusDocument, { fetchPolicy: 'network-only', errorPolicy: 'all' });
  const s = data?.systemStatus;
  const services: { key: string; health: ServiceHealthFieldsFragment | null | undefined }[] = [
    { key: 'counter', health: s?.counter }, { key: 'household', health: s?.household }, { key: 'exit-entry', health: s?.exitEntry },
    { key: 'traffic', health: s?.traffic }, { key: 'public-security', health: s?.publicSecurity }, { key: 'complaints', health: s?.complaints },
  ];
  const dead = services.reduce((n, x) => n + Math.max(0, x.health?.deadLetters ?? 0), 0);
  const parked = services.reduce((n, x) => n + Math.max(0, x.health?.parkedMessages ?? 0), 0);
  const down = services.filter((x) => !x.health || !x.health.database || !x.health.nats).length;
  const option = {
    tooltip: { trigger: 'axis' },
    legend: { data: ['暂存待重试', '死信'], top: 0 },
    grid: { left: 40, right: 20, top: 40, bottom: 30 },
    xAxis: { type: 'category', data: services.map((x) => SERVICE_LABELS[x.key]) },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      { name: '暂存待重试', type: 'bar', data: services.map((x) => Math.max(0, x.health?.parkedMessages ?? 0)), itemStyle: { color: '#faad14' } },
      { name: '死信', type: 'bar', data: services.map((x) => Math.max(0, x.health?.deadLetters ?? 0)), itemStyle: { color: '#ff4d4f' } },
    ],
  };
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="system-status">
      <Space style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={4} style={{ margin: 0 }}>系统状态</Typography.Title>
        <Button icon={<ReloadOutlined />} onClick={() => void refetch()} loading={loading} data-testid="system-status-refresh">刷新</Button>
      </Space>
      {error && !s && <ErrorAlert error={error} />}
      {dead > 0 && (
        <Alert type="error" showIcon data-testid="system-status-dead-alert"
          message={`共有 ${dead} 条死信：消息重试用尽仍无法处理，其后同一业务的消息暂停处理。`}
          description="请运维人员排查原因后重放或废弃（npm run dead-letters，见运维手册）。" />
      )}
      <Space size="large">
        <Card size="small"><Statistic title="服务不可用" value={down} valueStyle={{ color: down ? '#cf1322' : undefined }} /></Card>
        <Card size="small"><Statistic title="暂存待重试" value={parked} /></Card>
        <Card size="small"><Statistic title="死信" value={dead} valueStyle={{ color: dead ? '#cf1322' : undefined }} /></Card>
      </Space>
      <Table
        rowKey="key"
        size="small"
        pagination={false}
        loading={loading && !s}
        dataSource={services}
        onRow={(r) => ({ 'data-testid': 'system-status-row', 'data-service': r.key } as React.HTMLAttributes<HTMLElement>)}
        columns={[
          { title: '服务', key: 'name', render: (_, r) => SERVICE_LABELS[r.key] },
          { title: '版本', key: 'version', render: (_, r) => r.health?.version ?? '—' },
          { title: '数据库', key: 'db', render: (_, r) => <Up ok={!!r.health?.database} testId="system-status-db" /> },
          { title: 'NATS', key: 'nats', render: (_, r) => <Up ok={!!r.health?.nats} testId="system-status-nats" /> },
          { title: '暂存待重试', key: 'parked', render: (_, r) => <span data-testid="system-status-parked">{(r.health?.parkedMessages ?? -1) < 0 ? '—' : r.health!.parkedMessages}</span> },
          { title: '死信', key: 'dead', render: (_, r) => {
            const n = r.health?.deadLetters ?? -1;
            return <span data-testid="system-status-dead">{n < 0 ? '—' : n > 0 ? <Tag color="red">{n}</Tag> : 0}</span>;
          } },
          { title: '检查时间', key: 'at', render: (_, r) => (r.health ? new Date(r.health.checkedAt).toLocaleTimeString('zh-CN', { hour12: false }) : '—') },
        ]}
      />
      <Card size="small" title="各服务暂存与死信">
        <ReactEChartsCore echarts={echarts} option={option} style={{ height: 260 }} notMerge />
      </Card>
    </Space>
  );
}
