import { useMutation, useQuery } from '@apollo/client';
import { Button, Card, Checkbox, Col, Form, Modal, Row, Select, Space, Switch, Table, Tag, Typography, message } from 'antd';
import * as echarts from 'echarts/core';
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
import ReactEChartsCore from 'echarts-for-react/lib/core';
import { useState } from 'react';
import { ErrorAlert } from '../components/ErrorAlert';
import { formatDateTime } from '../china-time';
import type { QueueHallQuery, QueueWindowFieldsFragment } from '../gql/graphql';
import {
  CallQueueTicketDocument, CloseQueueWindowDocument, IssueQueueTicketDocument, MyQueueWindowDocument, OpenQueueWindowDocument, PauseQueueWindowDocument, QueueHallDocument,
  SetQueueWindowGroupsDocument, SignInQueueWindowDocument, SignOutQueueWindowDocument,
} from '../graphql/queue.operations';
import { label } from '../labels';
import { hasRole, useSession, type SessionUser } from '../session';
import { PAUSE_REASONS, QUEUE_KEYS, TICKET_SOURCE_LABELS, TICKET_STATE_COLORS, TICKET_STATE_LABELS, WINDOW_STATE_COLORS, WINDOW_STATE_LABELS } from './queue-labels';

echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

type Hall = QueueHallQuery['queueHall'];
type QueueWindow = QueueWindowFieldsFragment;

/** Who may open 叫号工作台 (mirror the resolvers' @Roles). */
export const queueDeskVisible = (u: SessionUser): boolean => u.roles.includes('CLERK') || u.roles.includes('SUPERVISOR');

/**
 * 叫号工作台: the hall's windows (state, groups, clerk, current ticket) and its lines per group.
 * A clerk signs in at a window of their own station (then the queue bar above every screen calls
 * with F-keys), opens, pauses (the dialog asks for a reason) or closes windows, sets what a window
 * serves, takes a ticket for a citizen and calls a particular waiting ticket.
 */
export function QueueDeskPage() {
  const { user } = useSession();
  const clerk = hasRole(user, 'CLERK');
  const { data, loading, error, refetch } = useQuery(QueueHallDocument, { pollInterval: 5000, fetchPolicy: 'cache-and-network' });
  const refetchQueries = [QueueHallDocument, MyQueueWindowDocument];
  const [signIn] = useMutation(SignInQueueWindowDocument, { refetchQueries });
  const [signOut] = useMutation(SignOutQueueWindowDocument, { refetchQueries });
  const [open] = useMutation(OpenQueueWindowDocument, { refetchQueries });
  const [close] = useMutation(CloseQueueWindowDocument, { refetchQueries });
  const [callOne] = useMutation(CallQueueTicketDocument, { refetchQueries });
  const [actionError, setActionError] = useState<unknown>(null);
  const [groupsOf, setGroupsOf] = useState<QueueWindow | null>(null);
  const [pausing, setPausing] = useState<QueueWindow | null>(null);
  const hall = data?.queueHall;
  const signedIn = hall?.windows.some((w) => w.mine) ?? false;
  const act = async (work: () => Promise<unknown>) => {
    setActionError(null);
    try {
      await work();
    } catch (e) {
      setActionError(e);
    }
  };

  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Card title={`叫号工作台${hall ? ` · ${hall.unitName}` : ''}`} extra={hall && <Typography.Text type="secondary">营业日 {hall.businessDate} · 优先号连续上限 {hall.setting.priorityCap} · 重呼 {hall.setting.maxRecalls} 次后可过号</Typography.Text>}>
        <ErrorAlert error={error ?? actionError} style={{ marginBottom: 12 }} />
        {clerk && !signedIn && <Typography.Paragraph type="warning" data-testid="queue-desk-hint">请选择一个窗口签到；签到后每个页面上方都有叫号条（{QUEUE_KEYS.callNext} 呼叫下一位、{QUEUE_KEYS.recall} 重呼、{QUEUE_KEYS.finish} 办结）。</Typography.Paragraph>}
        <Row gutter={[12, 12]}>
          {(hall?.windows ?? []).map((w) => (
            <Col key={w.id} xs={24} sm={12} lg={8} xl={6}>
              <Card size="small" data-testid={`queue-window-${w.number}`} data-state={w.state}
                title={<Space><span style={{ fontSize: 16 }}>{w.number} 号窗口</span><Tag color={WINDOW_STATE_COLORS[w.state]} data-testid="queue-window-state">{label(WINDOW_STATE_LABELS, w.state)}</Tag>{w.mine && <Tag color="blue">本人</Tag>}</Space>}
                style={w.mine ? { borderColor: '#1677ff' } : undefined}>
                <div>业务：{w.servesAll ? <Tag color="purple">全科</Tag> : w.groupCodes.map((c) => <Tag key={c}>{groupName(hall!, c)}</Tag>)}</div>
                <div>人员：{w.clerkName ?? <Typography.Text type="secondary">未签到</Typography.Text>}</div>
                {w.state === 'PAUSED' && <div>暂停原因：{w.pauseReason}</div>}
                <div>当前号：{w.currentTicket ? <Typography.Text strong data-testid="queue-window-ticket">{w.currentTicket.number}（{label(TICKET_STATE_LABELS, w.currentTicket.state)}）</Typography.Text> : '—'}</div>
                <Space wrap style={{ marginTop: 8 }}>
                  {clerk && !w.clerkName && <Button size="small" type="primary" onClick={() => void act(() => signIn({ variables: { windowId: w.id } }))} data-testid="queue-window-sign-in">签到</Button>}
                  {w.mine && <Button size="small" onClick={() => void act(() => signOut())} data-testid="queue-window-sign-out">签退</Button>}
                  {w.state !== 'OPEN' && <Button size="small" onClick={() => void act(() => open({ variables: { windowId: w.id } }))} data-testid="queue-window-open">{w.state === 'PAUSED' ? '恢复服务' : '开放'}</Button>}
                  {w.state === 'OPEN' && <Button size="small" onClick={() => setPausing(w)} data-testid="queue-window-pause">暂停</Button>}
                  {w.state !== 'CLOSED' && <Button size="small" danger onClick={() => void act(() => close({ variables: { windowId: w.id } }))} data-testid="queue-window-close">关闭</Button>}
                  <Button size="small" onClick={() => setGroupsOf(w)} data-testid="queue-window-groups">业务分组</Button>
                </Space>
              </Card>
            </Col>
          ))}
        </Row>
        {!loading && hall && hall.windows.length === 0 && <Typography.Text type="secondary">本所还没有窗口。</Typography.Text>}
      </Card>

      <Row gutter={12}>
        <Col xs={24} lg={14}>
          <Card title="各分组等候" size="small">
            {hall && <WaitingChart hall={hall} />}
            <Table rowKey="code" size="small" pagination={false} dataSource={hall?.groups ?? []} data-testid="queue-groups"
              columns={[
                { title: '分组', key: 'name', render: (_: unknown, g) => `${g.prefix} ${g.name}` },
                { title: '等候', dataIndex: 'waiting' },
                { title: '其中优先', dataIndex: 'priorityWaiting' },
                { title: '接下来', key: 'next', render: (_: unknown, g) => g.nextNumbers.join('、') || '—' },
              ]} />
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          {clerk && hall && <IssueTicketCard hall={hall} />}
        </Col>
      </Row>

      <Card title={`等候中的号（${hall?.waiting.length ?? 0}）`} size="small">
        <Table rowKey="id" size="small" pagination={{ pageSize: 20 }} dataSource={hall?.waiting ?? []} data-testid="queue-waiting"
          columns={[
            { title: '号码', key: 'number', render: (_: unknown, t) => <Space><Typography.Text strong>{t.number}</Typography.Text>{t.priority && <Tag color="magenta">{t.priorityLabel}</Tag>}</Space> },
            { title: '分组', dataIndex: 'groupName' },
            { title: '状态', key: 'state', render: (_: unknown, t) => <Tag color={TICKET_STATE_COLORS[t.state]}>{label(TICKET_STATE_LABELS, t.state)}{t.targetWindowNumber ? ` · 转 ${t.targetWindowNumber} 号窗口` : ''}</Tag> },
            { title: '取号', key: 'taken', render: (_: unknown, t) => `${formatDateTime(t.takenAt)} · ${label(TICKET_SOURCE_LABELS, t.source)}` },
            { title: '短信提醒', key: 'phone', render: (_: unknown, t) => t.notifyPhone ?? '—' },
            { title: '操作', key: 'call', render: (_: unknown, t) => signedIn && (
              <Button size="small" onClick={() => void act(async () => { const r = await callOne({ variables: { ticketId: t.id } }); void message.info(`已呼叫 ${r.data?.callQueueTicket.number ?? ''}`); })} data-testid="queue-call-one">指定叫号</Button>
            ) },
          ]} />
      </Card>
      {groupsOf && hall && <GroupsDialog hall={hall} window={groupsOf} onClose={() => setGroupsOf(null)} />}
      {pausing && <DeskPauseDialog window={pausing} onClose={() => setPausing(null)} onDone={() => { setPausing(null); void refetch(); }} />}
    </Space>
  );
}

const groupName = (hall: Hall, code: string) => hall.groups.find((g) => g.code === code)?.name ?? code;

/** Waiting per group, ordinary and priority stacked (SVG: stable screenshots). */
function WaitingChart({ hall }: { hall: Hall }) {
  const option = {
    animation: false,
    grid: { left: 40, right: 16, top: 32, bottom: 32 },
    legend: { data: ['普通', '优先'], top: 0, right: 0 },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: hall.groups.map((g) => `${g.prefix} ${g.name}`) },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      { name: '普通', type: 'bar', stack: 'w', data: hall.groups.map((g) => g.waiting - g.priorityWaiting), itemStyle: { color: '#1677ff' } },
      { name: '优先', type: 'bar', stack: 'w', data: hall.groups.map((g) => g.priorityWaiting), itemStyle: { color: '#eb2f96' } },
    ],
  };
  return <div data-testid="queue-waiting-chart"><ReactEChartsCore echarts={echarts} option={option} opts={{ renderer: 'svg' }} style={{ height: 220 }} notMerge /></div>;
}

function IssueTicketCard({ hall }: { hall: Hall }) {
  const [form] = Form.useForm<{ groupCode: string; priorityReason?: string }>();
  const [issue, { data, loading, error }] = useMutation(IssueQueueTicketDocument, { refetchQueries: [QueueHallDocument, MyQueueWindowDocument] });
  const submit = async (v: { groupCode: string; priorityReason?: string }) => {
    await issue({ variables: { input: { unitCode: hall.unitCode, groupCode: v.groupCode, priorityReason: v.priorityReason || undefined } } }).catch(() => null);
  };
  const issued = data?.issueQueueTicket;
  return (
    <Card title="窗口代取号" size="small">
      <Form form={form} layout="inline" onFinish={(v) => void submit(v)}>
        <Form.Item name="groupCode" rules={[{ required: true, message: '请选择业务分组' }]}>
          <Select style={{ width: 160 }} placeholder="业务分组" options={hall.groups.map((g) => ({ value: g.code, label: `${g.prefix} ${g.name}` }))} data-testid="queue-issue-group" />
        </Form.Item>
        <Form.Item name="priorityReason">
          <Select allowClear style={{ width: 160 }} placeholder="绿色通道（可选）" options={hall.priorityReasons.filter((r) => r.selectable).map((r) => ({ value: r.code, label: r.label }))} data-testid="queue-issue-priority" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={loading} data-testid="queue-issue-submit">取号</Button>
      </Form>
      <ErrorAlert error={error} style={{ marginTop: 8 }} />
      {issued && <Typography.Paragraph style={{ marginTop: 8 }} data-testid="queue-issued">已取号 <Typography.Text strong>{issued.number}</Typography.Text>（{issued.groupName}{issued.priority ? ` · ${issued.priorityLabel}` : ''}），前面还有 {issued.ahead} 人</Typography.Paragraph>}
    </Card>
  );
}

function GroupsDialog({ hall, window: w, onClose }: { hall: Hall; window: QueueWindow; onClose: () => void }) {
  const [servesAll, setServesAll] = useState(w.servesAll);
  const [codes, setCodes] = useState<string[]>(w.groupCodes);
  const [save, { loading, error }] = useMutation(SetQueueWindowGroupsDocument, { refetchQueries: [QueueHallDocument, MyQueueWindowDocument] });
  const submit = async () => {
    const r = await save({ variables: { input: { windowId: w.id, servesAll, groupCodes: servesAll ? [] : codes } } }).catch(() => null);
    if (r?.data) onClose();
  };
  return (
    <Modal open title={`${w.number} 号窗口办理的业务`} okText="保存" cancelText="取消" onOk={() => void submit()} onCancel={onClose} confirmLoading={loading} okButtonProps={{ 'data-testid': 'queue-groups-ok' } as never}>
      <Space direction="vertical">
        <Space><Switch checked={servesAll} onChange={setServesAll} data-testid="queue-groups-all" /> 全科窗口（办理所有分组）</Space>
        <Checkbox.Group disabled={servesAll} value={codes} onChange={(v) => setCodes(v as string[])}
          options={hall.groups.map((g) => ({ value: g.code, label: `${g.prefix} ${g.name}` }))} data-testid="queue-groups-list" />
      </Space>
      <ErrorAlert error={error} style={{ marginTop: 8 }} />
    </Modal>
  );
}

function DeskPauseDialog({ window: w, onClose, onDone }: { window: QueueWindow; onClose: () => void; onDone: () => void }) {
  const [form] = Form.useForm<{ reason: string }>();
  const [pause, { loading, error }] = useMutation(PauseQueueWindowDocument, { refetchQueries: [QueueHallDocument, MyQueueWindowDocument] });
  const submit = async (v: { reason: string }) => {
    const r = await pause({ variables: { input: { windowId: w.id, reason: v.reason } } }).catch(() => null);
    if (r?.data) onDone();
  };
  return (
    <Modal open title={`${w.number} 号窗口暂停服务`} okText="暂停" cancelText="取消" onOk={() => form.submit()} onCancel={onClose} confirmLoading={loading} okButtonProps={{ 'data-testid': 'queue-desk-pause-ok' } as never}>
      <Form form={form} onFinish={(v) => void submit(v)} initialValues={{ reason: '午间休息' }}>
        <Form.Item name="reason" label="暂停原因" rules={[{ required: true, whitespace: true, message: '请填写暂停原因' }]}>
          <Select options={PAUSE_REASONS.map((r) => ({ value: r, label: r }))} data-testid="queue-desk-pause-reason" />
        </Form.Item>
      </Form>
      <ErrorAlert error={error} />
    </Modal>
  );
}
