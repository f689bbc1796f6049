import { useMutation, useQuery } from '@apollo/client';
import { Button, Card, Col, Empty, Input, Modal, Row, Space, Statistic, Table, Tabs, Tag, Typography, message } from 'antd';
import * as echarts from 'echarts/core';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
import ReactEChartsCore from 'echarts-for-react/lib/core';
import { useState } from 'react';
import { formatDateTime } from '../china-time';
import { ErrorAlert } from '../components/ErrorAlert';
import type { QueueFigureRowFieldsFragment, QueueRebalanceProposalFieldsFragment } from '../gql/graphql';
import {
  DecideQueueRebalanceDocument, EvaluateQueueBalancingDocument, QueueFiguresDocument, QueueRebalanceProposalsDocument,
} from '../graphql/queue-figures.operations';
import { hasRole, useSession, type SessionUser } from '../session';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

type FigureRow = QueueFigureRowFieldsFragment;
type Proposal = QueueRebalanceProposalFieldsFragment;

/**
 * Who may open 排队统计 (mirrors the resolvers' @Roles): supervisors (their district, and they
 * decide the balancing proposals), analysts (the city, figures only) and clerks (their own hall's
 * figures — the people at the windows see the same numbers staffing is planned from).
 */
export const queueFiguresVisible = (u: SessionUser): boolean => hasRole(u, 'SUPERVISOR', 'ANALYST', 'CLERK');

const STATUS: Record<string, { label: string; color: string }> = {
  OPEN: { label: '待决定', color: 'orange' },
  ACCEPTED: { label: '已采纳', color: 'green' },
  DECLINED: { label: '不采纳', color: 'default' },
  EXPIRED: { label: '已失效', color: 'default' },
};
/** The default service groups' names (the proposal names only the waiting group; windows list codes). */
const GROUP_NAMES: Record<string, string> = { HOUSEHOLD: '户政', EXIT_ENTRY: '出入境', TRAFFIC: '交管', PUBLIC_SECURITY: '治安', GENERAL: '综合' };
const groups = (codes: readonly string[]) => (codes.length ? codes.map((c) => GROUP_NAMES[c] ?? c).join('、') : '—');
const minutes = (v: number | null | undefined) => (v === null || v === undefined ? '—' : `${v} 分钟`);
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Waiting p50/p90 as bars, tickets and no-shows as lines on the right axis (SVG: stable screenshots). */
function FigureChart({ rows, testId }: { rows: FigureRow[]; testId: string }) {
  const option = {
    animation: false,
    legend: { top: 0 },
    grid: { left: 56, right: 56, top: 36, bottom: 40 },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: rows.map((r) => r.label), axisLabel: { interval: 0 } },
    yAxis: [
      { type: 'value', name: '分钟', min: 0 },
      { type: 'value', name: '人次', min: 0, splitLine: { show: false } },
    ],
    series: [
      { name: '等候 p50', type: 'bar', barMaxWidth: 32, data: rows.map((r) => r.waitP50 ?? 0), itemStyle: { color: '#1677ff' } },
      { name: '等候 p90', type: 'bar', barMaxWidth: 32, data: rows.map((r) => r.waitP90 ?? 0), itemStyle: { color: '#d97706' } },
      { name: '办理时长 p50', type: 'bar', barMaxWidth: 32, data: rows.map((r) => r.serviceP50 ?? 0), itemStyle: { color: '#15803d' } },
      { name: '取号数', type: 'line', yAxisIndex: 1, data: rows.map((r) => r.tickets), itemStyle: { color: '#6b7280' } },
      { name: '过号', type: 'line', yAxisIndex: 1, data: rows.map((r) => r.noShows), itemStyle: { color: '#b91c1c' } },
    ],
  };
  return (
    <div data-testid={`${testId}-chart`}>
      <ReactEChartsCore echarts={echarts} option={option} opts={{ renderer: 'svg' }} style={{ height: 300 }} notMerge />
    </div>
  );
}

function FigureTable({ rows, testId, first }: { rows: FigureRow[]; testId: string; first: string }) {
  return (
    <Table<FigureRow> rowKey={(r) => `${r.unitCode ?? ''}:${r.key}`} size="small" pagination={false} dataSource={rows} data-testid={testId}
      onRow={(r) => ({ 'data-figure': r.key } as React.HTMLAttributes<HTMLElement>)}
      columns={[
        { title: first, dataIndex: 'label' },
        { title: '取号', dataIndex: 'tickets' },
        { title: '叫号', dataIndex: 'called' },
        { title: '办结', dataIndex: 'finished' },
        { title: '过号', dataIndex: 'noShows' },
        { title: '等候 p50', render: (_: unknown, r) => minutes(r.waitP50) },
        { title: '等候 p90', render: (_: unknown, r) => minutes(r.waitP90) },
        { title: '办理时长 p50', render: (_: unknown, r) => minutes(r.serviceP50) },
        { title: '办理时长 p90', render: (_: unknown, r) => minutes(r.serviceP90) },
      ]} />
  );
}

function Figures() {
  const { user } = useSession();
  // Empty dates: the service's business date (today), shown as the placeholder once answered.
  const [unitCode, setUnitCode] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const valid = (from === '' || DATE.test(from)) && (to === '' || DATE.test(to)) && (unitCode === '' || /^\d{4,12}$/.test(unitCode));
  const { data, previousData, loading, error } = useQuery(QueueFiguresDocument, {
    variables: { unitCode: unitCode || undefined, from: from || undefined, to: to || undefined }, skip: !valid, fetchPolicy: 'cache-and-network',
  });
  const shown = (data ?? previousData)?.queueFigures;
  const f = data?.queueFigures;
  const tab = (key: string, title: string, first: string, rows: FigureRow[]) => ({
    key, label: `${title}（${rows.length}）`,
    children: rows.length ? (
      <>
        <FigureChart rows={rows} testId={`queue-figures-${key}`} />
        <FigureTable rows={rows} testId={`queue-figures-${key}`} first={first} />
      </>
    ) : <Empty description="该期间没有取号记录" />,
  });
  return (
    <Card title="排队统计" data-testid="queue-figures" loading={loading && !f} extra={
      <Space wrap>
        <Input value={unitCode} onChange={(e) => setUnitCode(e.target.value.trim())} placeholder={`单位（默认 ${user?.unitCode ?? '本辖区'}）`} style={{ width: 170 }} data-testid="queue-figures-unit" />
        <Input value={from} onChange={(e) => setFrom(e.target.value.trim())} style={{ width: 120 }} placeholder={shown?.from ?? '开始 YYYY-MM-DD'} data-testid="queue-figures-from" />
        <span>至</span>
        <Input value={to} onChange={(e) => setTo(e.target.value.trim())} style={{ width: 120 }} placeholder={shown?.to ?? '结束 YYYY-MM-DD'} data-testid="queue-figures-to" />
      </Space>
    }>
      <ErrorAlert error={error} />
      <Typography.Paragraph type="secondary">
        {f && <Typography.Text strong data-testid="queue-figures-scope">{f.unitName}，{f.from === f.to ? f.from : `${f.from} 至 ${f.to}`}。</Typography.Text>}
        等候时间 = 首次叫号 − 取号；办理时长 = 办结 − 开始办理；p50 为中位数，p90 为 90% 的群众不超过的时间。按取号时段、业务分组和最后叫号的窗口统计，期间最长 31 天。
      </Typography.Paragraph>
      {f && (
        <>
          <Row gutter={16} style={{ marginBottom: 16 }} data-testid="queue-figures-total">
            <Col span={4}><Statistic title="取号" value={f.total.tickets} /></Col>
            <Col span={4}><Statistic title="过号" value={f.total.noShows} /></Col>
            <Col span={4}><Statistic title="等候 p50（分钟）" value={f.total.waitP50 ?? '—'} /></Col>
            <Col span={4}><Statistic title="等候 p90（分钟）" value={f.total.waitP90 ?? '—'} /></Col>
            <Col span={4}><Statistic title="办理时长 p50（分钟）" value={f.total.serviceP50 ?? '—'} /></Col>
            <Col span={4}><Statistic title="办理时长 p90（分钟）" value={f.total.serviceP90 ?? '—'} /></Col>
          </Row>
          <Tabs items={[tab('hour', '按时段', '时段', f.byHour), tab('group', '按分组', '业务分组', f.byGroup), tab('window', '按窗口', '窗口', f.byWindow)]} />
        </>
      )}
    </Card>
  );
}

/** 忙闲调配: open proposals with 采纳 / 不采纳 (reason), 立即检查 for one station, the decision history. */
function Balancing() {
  const [station, setStation] = useState('');
  const { data, loading, error, refetch } = useQuery(QueueRebalanceProposalsDocument, { variables: {}, fetchPolicy: 'cache-and-network', pollInterval: 30_000 });
  const [evaluate, evaluating] = useMutation(EvaluateQueueBalancingDocument);
  const [decide, deciding] = useMutation(DecideQueueRebalanceDocument);
  const [declining, setDeclining] = useState<Proposal | null>(null);
  const [reason, setReason] = useState('');
  const items = data?.queueRebalanceProposals.items ?? [];
  const open = items.filter((p) => p.status === 'OPEN');

  const accept = async (p: Proposal) => {
    await decide({ variables: { input: { proposalId: p.id, accept: true } } });
    message.success(`已采纳：${p.windows.map((w) => `${w.number}号`).join('、')}窗口增加办理${p.groupName}`);
    await refetch();
  };
  const decline = async () => {
    if (!declining) return;
    await decide({ variables: { input: { proposalId: declining.id, accept: false, reason } } });
    setDeclining(null);
    setReason('');
    await refetch();
  };
  const check = async () => {
    const r = await evaluate({ variables: { unitCode: station } });
    const n = r.data?.evaluateQueueBalancing.length ?? 0;
    message.info(n ? `提出 ${n} 条调配建议` : '当前无需调配（或已有建议）');
    await refetch();
  };

  return (
    <Card title="忙闲调配建议" style={{ marginTop: 16 }} data-testid="queue-balancing" extra={
      <Space>
        <Input value={station} onChange={(e) => setStation(e.target.value.trim())} placeholder="派出所代码（9 位）" style={{ width: 170 }} data-testid="balancing-station"
          onPressEnter={() => void check().catch(() => undefined)} />
        <Button onClick={() => void check().catch(() => undefined)} loading={evaluating.loading} disabled={!/^\d{9}$/.test(station)} data-testid="balancing-check">立即检查</Button>
      </Space>
    }>
      <ErrorAlert error={error ?? evaluating.error ?? deciding.error} style={{ marginBottom: 12 }} />
      <Typography.Paragraph type="secondary">
        某业务分组等候人数或最长等候时间超过阈值、而其他窗口空闲或排队较短时，系统提出把这些窗口调配为同时办理该分组；同一情况只提一次，情况结束后未决定的建议自动失效。
      </Typography.Paragraph>
      {open.length === 0 && <Empty description="暂无待决定的调配建议" data-testid="balancing-none" />}
      <Space direction="vertical" style={{ width: '100%' }}>
        {open.map((p) => (
          <Card key={p.id} size="small" type="inner" data-testid="balancing-proposal" data-group={p.groupCode}
            title={<Space><Tag color="orange">待决定</Tag><span>{p.unitName} · {p.groupName}</span></Space>}
            extra={<Typography.Text type="secondary">{formatDateTime(p.proposedAt)} · {p.trigger === 'JOB' ? '定时检查' : '立即检查'}</Typography.Text>}>
            <Typography.Paragraph data-testid="balancing-reason">{p.reason}</Typography.Paragraph>
            <ul style={{ paddingLeft: 20 }}>
              {p.windows.map((w) => (
                <li key={w.windowId} data-window={w.number}>
                  {w.number}号窗口（{w.idle ? '空闲' : `原分组 ${w.ownWaiting} 人等候`}）：{groups(w.fromGroups)} → {groups(w.toGroups)}
                </li>
              ))}
            </ul>
            <Space>
              <Button type="primary" onClick={() => void accept(p).catch(() => undefined)} loading={deciding.loading} data-testid="balancing-accept">采纳</Button>
              <Button onClick={() => setDeclining(p)} data-testid="balancing-decline">不采纳</Button>
            </Space>
          </Card>
        ))}
      </Space>
      <Typography.Title level={5} style={{ marginTop: 16 }}>决定记录</Typography.Title>
      <Table<Proposal> rowKey="id" size="small" loading={loading} pagination={false} data-testid="balancing-history"
        dataSource={items.filter((p) => p.status !== 'OPEN')}
        onRow={(p) => ({ 'data-status': p.status } as React.HTMLAttributes<HTMLElement>)}
        columns={[
          { title: '提出时间', render: (_: unknown, p) => formatDateTime(p.proposedAt) },
          { title: '派出所', dataIndex: 'unitName' },
          { title: '等候分组', render: (_: unknown, p) => `${p.groupName}（${p.waiting} 人，最长 ${p.oldestWaitMinutes} 分钟）` },
          { title: '窗口', render: (_: unknown, p) => p.windows.map((w) => `${w.number}号`).join('、') },
          { title: '结果', render: (_: unknown, p) => <Tag color={STATUS[p.status]?.color}>{STATUS[p.status]?.label ?? p.status}</Tag> },
          { title: '决定人', render: (_: unknown, p) => p.decidedByName ?? '—' },
          { title: '决定时间', render: (_: unknown, p) => (p.decidedAt ? formatDateTime(p.decidedAt) : '—') },
          { title: '理由', render: (_: unknown, p) => p.decisionReason ?? (p.status === 'EXPIRED' ? '情况已结束' : '—') },
        ]} />
      <Modal open={!!declining} title="不采纳调配建议" okText="确认不采纳" cancelText="取消" onOk={() => void decline().catch(() => undefined)} onCancel={() => setDeclining(null)}
        confirmLoading={deciding.loading} okButtonProps={{ disabled: !reason.trim(), 'data-testid': 'balancing-decline-ok' } as never} destroyOnHidden>
        <Typography.Paragraph>{declining?.unitName} · {declining?.groupName}：请写明不采纳的理由（将记录在案）。</Typography.Paragraph>
        <Input.TextArea autoFocus rows={3} maxLength={200} value={reason} onChange={(e) => setReason(e.target.value)} data-testid="balancing-decline-reason" />
      </Modal>
    </Card>
  );
}

/**
 * 排队统计 (issue 11): figures per hour of day, group and window — waiting p50/p90, service time,
 * tickets, no-shows — with charts, the input for staffing; for supervisors also the balancing
 * proposals (忙闲调配) to accept or decline, and the decision history.
 */
export function QueueFiguresPage() {
  const { user } = useSession();
  return (
    <>
      <Figures />
      {hasRole(user, 'SUPERVISOR') && <Balancing />}
    </>
  );
}
