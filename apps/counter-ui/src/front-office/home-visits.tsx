import { useMutation, useQuery } from '@apollo/client';
import { Button, Card, Checkbox, Descriptions, Form, Input, Modal, Radio, Select, Space, Table, Tag, Timeline, Typography } from 'antd';
import * as echarts from 'echarts/core';
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
import ReactEChartsCore from 'echarts-for-react/lib/core';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { RefSelectProps } from 'antd/es/select';
import { formatDateTime } from '../china-time';
import { ErrorAlert } from '../components/ErrorAlert';
import {
  AssignHomeVisitDocument, CommunityOfficersDocument, HomeVisitDocument, HomeVisitItemsDocument, HomeVisitsDocument, RecordHomeVisitOutcomeDocument,
  RequestHomeVisitDocument, ScheduleHomeVisitDocument,
} from '../graphql/home-visits.operations';
import type { HomeVisitFieldsFragment, HomeVisitReason, HomeVisitStatus } from '../gql/graphql';
import { label } from '../labels';
import { hasRole, useSession, type SessionUser } from '../session';

echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

type Visit = HomeVisitFieldsFragment;

/** Who may open 上门服务 (mirror the resolvers' @Roles). */
export const homeVisitsVisible = (u: SessionUser): boolean => hasRole(u, 'CLERK', 'OFFICER', 'SUPERVISOR');

export const HOME_VISIT_STATUS_LABELS: Record<HomeVisitStatus, string> = {
  REQUESTED: '待派单', ASSIGNED: '已派单', SCHEDULED: '已预约', DONE: '已上门办理', NOT_POSSIBLE: '无法上门',
};
const STATUS_COLORS: Record<HomeVisitStatus, string> = { REQUESTED: 'orange', ASSIGNED: 'blue', SCHEDULED: 'geekblue', DONE: 'green', NOT_POSSIBLE: 'default' };
export const HOME_VISIT_REASON_LABELS: Record<HomeVisitReason, string> = { BEDRIDDEN: '长期卧床', ELDERLY: '行动不便老年人', DISABLED: '残疾人', OTHER: '其他' };
const OPEN: ReadonlySet<HomeVisitStatus> = new Set(['REQUESTED', 'ASSIGNED', 'SCHEDULED']);

type Dialog = { kind: 'request' } | { kind: 'assign' | 'schedule' | 'outcome' | 'view'; visit: Visit };

/**
 * 上门服务 (出诊式): the window records a request for a citizen who cannot come (长期卧床、行动不便
 * 老年人、残疾人) and assigns it to a community officer of the station; the officer sees the
 * schedule, sets the visit time and records the outcome (accepted at home, with the application's
 * number; or not possible, why). Deadline 5 working days (城区) or 10 (农村地区); overdue in red on
 * top. Lists are masked; the full record is shown after a purpose is given (audited).
 * Keyboard: N 登记申请 (clerk), O 只看超期, M 只看我的 (officer).
 */
export function HomeVisitsPage() {
  const { user } = useSession();
  const clerk = hasRole(user, 'CLERK');
  const officer = hasRole(user, 'OFFICER');
  const supervisor = hasRole(user, 'SUPERVISOR');
  const [status, setStatus] = useState<HomeVisitStatus | undefined>();
  const [overdueOnly, setOverdueOnly] = useState(false);
  const [mine, setMine] = useState(officer);
  const { data, loading, error, refetch } = useQuery(HomeVisitsDocument, { variables: { status, overdueOnly, mine }, fetchPolicy: 'cache-and-network' });
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const rows = useMemo(() => data?.homeVisits.items ?? [], [data]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const t = e.target as HTMLElement | null;
      if (dialog || e.altKey || e.ctrlKey || e.metaKey || (t && ['INPUT', 'TEXTAREA', 'SELECT'].includes(t.tagName)) || t?.isContentEditable) return;
      const k = e.key.toLowerCase();
      if (k === 'n' && clerk) { e.preventDefault(); setDialog({ kind: 'request' }); }
      if (k === 'o') setOverdueOnly((v) => !v);
      if (k === 'm' && officer) setMine((v) => !v);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [dialog, clerk, officer]);

  const chart = useMemo(() => {
    const keys = Object.keys(HOME_VISIT_STATUS_LABELS) as HomeVisitStatus[];
    return {
      grid: { left: 40, right: 16, top: 32, bottom: 28 },
      legend: { top: 0, data: ['件数', '已超期'] },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'category', data: keys.map((k) => HOME_VISIT_STATUS_LABELS[k]) },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        { name: '件数', type: 'bar', barMaxWidth: 40, data: keys.map((k) => rows.filter((r) => r.status === k).length), itemStyle: { color: '#1d4ed8' } },
        { name: '已超期', type: 'bar', barMaxWidth: 40, data: keys.map((k) => rows.filter((r) => r.status === k && r.overdue).length), itemStyle: { color: '#b91c1c' } },
      ],
    };
  }, [rows]);

  const done = () => { setDialog(null); void refetch(); };

  return (
    <Card title="上门服务" data-testid="home-visits-page" extra={
      <Space wrap>
        {clerk && <Button type="primary" onClick={() => setDialog({ kind: 'request' })} data-testid="home-visit-new" title="快捷键 N">登记申请 (N)</Button>}
        <Checkbox checked={overdueOnly} onChange={(e) => setOverdueOnly(e.target.checked)} data-testid="home-visits-overdue-only">只看超期 (O)</Checkbox>
        {officer && <Checkbox checked={mine} onChange={(e) => setMine(e.target.checked)} data-testid="home-visits-mine">只看派给我的 (M)</Checkbox>}
        <Select allowClear placeholder="全部状态" style={{ width: 140 }} value={status} onChange={(v: HomeVisitStatus | undefined) => setStatus(v)}
          options={Object.entries(HOME_VISIT_STATUS_LABELS).map(([value, l]) => ({ value, label: l }))} data-testid="home-visits-status" />
      </Space>
    }>
      <ErrorAlert error={error} />
      <Typography.Paragraph type="secondary" data-testid="home-visits-summary">
        共 {data?.homeVisits.total ?? 0} 件，其中已超期 <Typography.Text type="danger" strong>{data?.homeVisits.overdue ?? 0}</Typography.Text> 件。
        自申请之日起城区 5 个工作日、农村地区 10 个工作日内上门办理；个人信息已脱敏，查看完整信息须填写事由并留痕。
      </Typography.Paragraph>
      {rows.length > 0 && (
        <div data-testid="home-visits-chart" style={{ maxWidth: 560 }}>
          <ReactEChartsCore echarts={echarts} option={chart} opts={{ renderer: 'svg' }} style={{ height: 200 }} notMerge />
        </div>
      )}
      <Table<Visit> rowKey="id" size="middle" loading={loading} dataSource={rows} pagination={false} data-testid="home-visits-table"
        onRow={(v) => ({ 'data-number': v.number, 'data-status': v.status, 'data-overdue': String(v.overdue), style: v.overdue ? { background: '#fff1f0' } : undefined } as React.HTMLAttributes<HTMLElement>)}
        expandable={{ expandedRowRender: (v) => (
          <Timeline items={v.history.map((h) => ({ children: <span>{formatDateTime(h.at)} · {h.actorName} · {h.action}{h.note ? `：${h.note}` : ''}</span> }))} />
        ) }}
        columns={[
          { title: '编号', dataIndex: 'number' },
          { title: '状态', key: 'status', render: (_: unknown, v) => (
            <Space direction="vertical" size={2}>
              <Tag color={STATUS_COLORS[v.status]} data-testid="home-visit-status">{label(HOME_VISIT_STATUS_LABELS, v.status)}</Tag>
              {v.overdue && <Tag color="red" data-testid="home-visit-overdue">已超期</Tag>}
            </Space>
          ) },
          { title: '办结期限', key: 'deadline', render: (_: unknown, v) => (
            <Space direction="vertical" size={0}><span>{v.deadline}</span>
              <Typography.Text type="secondary">{v.unitType === 'RURAL' ? '农村' : '城区'} {v.dueDays} 个工作日{v.deadlineProvisional ? '（暂定）' : ''}</Typography.Text></Space>
          ) },
          { title: '事项', dataIndex: 'itemName' },
          { title: '群众', key: 'citizen', render: (_: unknown, v) => (
            <Space direction="vertical" size={0}><span>{v.citizenName} · {v.phone}</span><Typography.Text type="secondary">{v.address}</Typography.Text></Space>
          ) },
          { title: '原因', key: 'reason', render: (_: unknown, v) => label(HOME_VISIT_REASON_LABELS, v.reason) },
          { title: '社区民警 / 上门时间', key: 'officer', render: (_: unknown, v) => (
            <Space direction="vertical" size={0}><span>{v.officerName ?? '—'}</span>{v.scheduledAt && <Typography.Text type="secondary">{formatDateTime(v.scheduledAt)}</Typography.Text>}</Space>
          ) },
          { title: '结果', key: 'outcome', render: (_: unknown, v) => (v.applicationNumber ? `受理编号 ${v.applicationNumber}` : v.status === 'NOT_POSSIBLE' ? v.outcomeNote : '') },
          { title: '操作', key: 'actions', render: (_: unknown, v) => (
            <Space wrap>
              {(clerk || supervisor) && OPEN.has(v.status) && (
                <Button size="small" onClick={() => setDialog({ kind: 'assign', visit: v })} data-testid="home-visit-assign">{v.officerAccount ? '改派' : '派单'}</Button>
              )}
              {officer && v.officerAccount === user?.username && (v.status === 'ASSIGNED' || v.status === 'SCHEDULED') && (
                <Button size="small" onClick={() => setDialog({ kind: 'schedule', visit: v })} data-testid="home-visit-schedule">{v.scheduledAt ? '改约' : '预约时间'}</Button>
              )}
              {officer && v.officerAccount === user?.username && (v.status === 'ASSIGNED' || v.status === 'SCHEDULED') && (
                <Button size="small" type="primary" onClick={() => setDialog({ kind: 'outcome', visit: v })} data-testid="home-visit-outcome">登记结果</Button>
              )}
              <Button size="small" type="link" onClick={() => setDialog({ kind: 'view', visit: v })} data-testid="home-visit-view">完整信息</Button>
            </Space>
          ) },
        ]} />
      {dialog?.kind === 'request' && <RequestDialog onClose={() => setDialog(null)} onDone={done} />}
      {dialog?.kind === 'assign' && <AssignDialog visit={dialog.visit} onClose={() => setDialog(null)} onDone={done} />}
      {dialog?.kind === 'schedule' && <ScheduleDialog visit={dialog.visit} onClose={() => setDialog(null)} onDone={done} />}
      {dialog?.kind === 'outcome' && <OutcomeDialog visit={dialog.visit} onClose={() => setDialog(null)} onDone={done} />}
      {dialog?.kind === 'view' && <ViewDialog visit={dialog.visit} onClose={() => setDialog(null)} />}
    </Card>
  );
}

interface RequestValues {
  itemCode: string;
  citizenName: string;
  citizenIdNumber: string;
  phone: string;
  address: string;
  reason: HomeVisitReason;
  reasonNote?: string;
}

function RequestDialog({ onClose, onDone }: { onClose: () => void; onDone: () => void }) {
  const [form] = Form.useForm<RequestValues>();
  const [keyword, setKeyword] = useState<string | undefined>();
  const items = useQuery(HomeVisitItemsDocument, { variables: { keyword } });
  const [request, r] = useMutation(RequestHomeVisitDocument);
  const reason = Form.useWatch('reason', form);
  const itemRef = useRef<RefSelectProps>(null);
  const submit = async (v: RequestValues) => {
    const res = await request({ variables: { input: { ...v, citizenIdNumber: v.citizenIdNumber.trim().toUpperCase(), reasonNote: v.reasonNote?.trim() || undefined } } }).catch(() => null);
    if (res?.data) onDone();
  };
  return (
    <Modal open title="登记上门服务申请" onCancel={onClose} onOk={() => form.submit()} okText="登记" cancelText="取消" width={640}
      afterOpenChange={(open) => { if (open) itemRef.current?.focus(); }}
      confirmLoading={r.loading} okButtonProps={{ 'data-testid': 'home-visit-request-ok' } as never} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ reason: 'BEDRIDDEN' }}>
        <Form.Item name="itemCode" label="办理事项" rules={[{ required: true, message: '请选择事项' }]}>
          <Select ref={itemRef} showSearch autoFocus filterOption={false} onSearch={(k) => setKeyword(k || undefined)} placeholder="输入事项名称搜索" data-testid="home-visit-item"
            options={(items.data?.catalogItems ?? []).map((i) => ({ value: i.code, label: i.name }))} />
        </Form.Item>
        <Space.Compact block>
          <Form.Item name="citizenName" label="群众姓名" style={{ width: '40%' }} rules={[{ required: true, whitespace: true, message: '请填写姓名' }]}>
            <Input data-testid="home-visit-name" />
          </Form.Item>
          <Form.Item name="citizenIdNumber" label="身份证号码" style={{ width: '60%' }} rules={[{ required: true, pattern: /^\d{17}[\dXx]$/, message: '请填写 18 位身份证号码' }]}>
            <Input data-testid="home-visit-id" />
          </Form.Item>
        </Space.Compact>
        <Form.Item name="phone" label="联系电话（手机）" rules={[{ required: true, pattern: /^1[3-9]\d{9}$/, message: '请填写 11 位手机号码' }]}>
          <Input data-testid="home-visit-phone" />
        </Form.Item>
        <Form.Item name="address" label="上门地址" rules={[{ required: true, whitespace: true, min: 4, message: '请填写详细地址' }]}>
          <Input data-testid="home-visit-address" />
        </Form.Item>
        <Form.Item name="reason" label="上门原因" rules={[{ required: true }]}>
          <Radio.Group data-testid="home-visit-reason" options={Object.entries(HOME_VISIT_REASON_LABELS).map(([value, l]) => ({ value, label: l }))} />
        </Form.Item>
        <Form.Item name="reasonNote" label={reason === 'OTHER' ? '情况说明（必填）' : '情况说明'}
          rules={reason === 'OTHER' ? [{ required: true, whitespace: true, message: '原因为"其他"时请填写情况说明' }] : []}>
          <Input.TextArea rows={2} data-testid="home-visit-note" />
        </Form.Item>
      </Form>
      <ErrorAlert error={r.error} />
    </Modal>
  );
}

function AssignDialog({ visit, onClose, onDone }: { visit: Visit; onClose: () => void; onDone: () => void }) {
  const [form] = Form.useForm<{ officerAccount: string }>();
  const officers = useQuery(CommunityOfficersDocument);
  const [assign, r] = useMutation(AssignHomeVisitDocument);
  const submit = async (v: { officerAccount: string }) => {
    const res = await assign({ variables: { input: { visitId: visit.id, officerAccount: v.officerAccount } } }).catch(() => null);
    if (res?.data) onDone();
  };
  return (
    <Modal open title={`派单 · ${visit.number}`} onCancel={onClose} onOk={() => form.submit()} okText="派单" cancelText="取消"
      confirmLoading={r.loading} okButtonProps={{ 'data-testid': 'home-visit-assign-ok' } as never} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ officerAccount: visit.officerAccount ?? undefined }}>
        <Form.Item name="officerAccount" label="本所社区民警" rules={[{ required: true, message: '请选择社区民警' }]}>
          <Select autoFocus data-testid="home-visit-officer" options={(officers.data?.communityOfficers ?? []).filter((o) => o.unitCode === visit.unitCode)
            .map((o) => ({ value: o.account, label: `${o.name}（${o.area || o.account}，在办 ${o.openVisits} 件）` }))} />
        </Form.Item>
      </Form>
      <ErrorAlert error={officers.error ?? r.error} />
    </Modal>
  );
}

function ScheduleDialog({ visit, onClose, onDone }: { visit: Visit; onClose: () => void; onDone: () => void }) {
  const [form] = Form.useForm<{ at: string }>();
  const [schedule, r] = useMutation(ScheduleHomeVisitDocument);
  const submit = async (v: { at: string }) => {
    // The officer enters China time (datetime-local, no zone): send it with +08:00.
    const res = await schedule({ variables: { input: { visitId: visit.id, scheduledAt: `${v.at.length === 16 ? `${v.at}:00` : v.at}+08:00` } } }).catch(() => null);
    if (res?.data) onDone();
  };
  return (
    <Modal open title={`预约上门时间 · ${visit.number}`} onCancel={onClose} onOk={() => form.submit()} okText="确定" cancelText="取消"
      confirmLoading={r.loading} okButtonProps={{ 'data-testid': 'home-visit-schedule-ok' } as never} destroyOnHidden>
      <Typography.Paragraph type="secondary">办结期限 {visit.deadline}；请与群众电话约定后填写（北京时间）。</Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="at" label="上门时间" rules={[{ required: true, message: '请填写上门时间' }]}>
          <Input type="datetime-local" autoFocus data-testid="home-visit-schedule-at" />
        </Form.Item>
      </Form>
      <ErrorAlert error={r.error} />
    </Modal>
  );
}

interface OutcomeValues {
  outcome: 'DONE' | 'NOT_POSSIBLE';
  applicationNumber?: string;
  outcomeNote?: string;
}

function OutcomeDialog({ visit, onClose, onDone }: { visit: Visit; onClose: () => void; onDone: () => void }) {
  const [form] = Form.useForm<OutcomeValues>();
  const outcome = Form.useWatch('outcome', form);
  const [record, r] = useMutation(RecordHomeVisitOutcomeDocument);
  const submit = async (v: OutcomeValues) => {
    const res = await record({ variables: { input: {
      visitId: visit.id, outcome: v.outcome, applicationNumber: v.outcome === 'DONE' ? v.applicationNumber?.trim().toUpperCase() : undefined, outcomeNote: v.outcomeNote?.trim() || undefined,
    } } }).catch(() => null);
    if (res?.data) onDone();
  };
  return (
    <Modal open title={`登记上门结果 · ${visit.number}`} onCancel={onClose} onOk={() => form.submit()} okText="登记" cancelText="取消"
      confirmLoading={r.loading} okButtonProps={{ 'data-testid': 'home-visit-outcome-ok' } as never} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ outcome: 'DONE' }}>
        <Form.Item name="outcome" label="结果">
          <Radio.Group data-testid="home-visit-outcome-kind" options={[{ value: 'DONE', label: '已上门受理' }, { value: 'NOT_POSSIBLE', label: '无法上门' }]} />
        </Form.Item>
        {outcome !== 'NOT_POSSIBLE' && (
          <Form.Item name="applicationNumber" label="上门受理的申请编号" rules={[{ required: true, whitespace: true, message: '请填写受理的申请编号' }]}>
            <Input autoFocus data-testid="home-visit-application" placeholder="如 HH20260318000001" />
          </Form.Item>
        )}
        <Form.Item name="outcomeNote" label={outcome === 'NOT_POSSIBLE' ? '无法上门的原因（必填）' : '说明'}
          rules={outcome === 'NOT_POSSIBLE' ? [{ required: true, whitespace: true, message: '请写明原因' }] : []}>
          <Input.TextArea rows={2} data-testid="home-visit-outcome-note" />
        </Form.Item>
      </Form>
      <ErrorAlert error={r.error} />
    </Modal>
  );
}

function ViewDialog({ visit, onClose }: { visit: Visit; onClose: () => void }) {
  const [purpose, setPurpose] = useState<string | null>(null);
  const [draft, setDraft] = useState('');
  const full = useQuery(HomeVisitDocument, { variables: { id: visit.id, purpose: purpose ?? '' }, skip: !purpose, fetchPolicy: 'network-only' });
  const v = full.data?.homeVisit;
  return (
    <Modal open title={`上门服务 · ${visit.number}`} onCancel={onClose} footer={null} width={640} destroyOnHidden>
      {!purpose ? (
        <Space.Compact block>
          <Input autoFocus placeholder="查看事由（留痕审计），如：上门前核对地址" value={draft} onChange={(e) => setDraft(e.target.value)} data-testid="home-visit-purpose"
            onPressEnter={() => draft.trim().length >= 2 && setPurpose(draft.trim())} />
          <Button type="primary" disabled={draft.trim().length < 2} onClick={() => setPurpose(draft.trim())} data-testid="home-visit-purpose-ok">查看</Button>
        </Space.Compact>
      ) : (
        <>
          <ErrorAlert error={full.error} />
          {v && (
            <Descriptions column={1} size="small" bordered data-testid="home-visit-full">
              <Descriptions.Item label="群众">{v.citizenName}</Descriptions.Item>
              <Descriptions.Item label="身份证号码">{v.citizenIdNumber}</Descriptions.Item>
              <Descriptions.Item label="联系电话">{v.phone}</Descriptions.Item>
              <Descriptions.Item label="上门地址">{v.address}</Descriptions.Item>
              <Descriptions.Item label="事项">{v.itemName}</Descriptions.Item>
              <Descriptions.Item label="原因">{label(HOME_VISIT_REASON_LABELS, v.reason)}{v.reasonNote ? `：${v.reasonNote}` : ''}</Descriptions.Item>
              <Descriptions.Item label="办结期限">{v.deadline}（{v.dueDays} 个工作日）</Descriptions.Item>
            </Descriptions>
          )}
          <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>本次查看已记录（事由：{purpose}）。</Typography.Paragraph>
        </>
      )}
    </Modal>
  );
}
