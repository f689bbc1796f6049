import { useLazyQuery, useMutation, useQuery } from '@apollo/client';
import { SolutionOutlined } from '@ant-design/icons';
import { App as AntApp, Button, Card, Descriptions, Drawer, Form, Input, Modal, Select, Space, Table, Tag, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { formatDateTime } from '../china-time';
import {
  COMPLAINT_ACTION_LABELS, COMPLAINT_ANSWER_CHANNEL_LABELS, COMPLAINT_CHANNEL_LABELS, COMPLAINT_DEADLINE_STATE_COLORS, COMPLAINT_DEADLINE_STATE_LABELS, COMPLAINT_KIND_LABELS,
  COMPLAINT_STATUS_COLORS, COMPLAINT_STATUS_LABELS, options,
} from '../complaint-labels';
import { COMPLAINT_FINDING_COLORS, COMPLAINT_FINDING_LABELS, findingOptions } from '../complaint-analysis-labels';
import { ComplaintTransferButton } from '../complaint-transfer';
import { ErrorAlert } from '../components/ErrorAlert';
import { LEVEL_LABELS } from '../evaluation-labels';
import {
  AcceptComplaintDocument, AnswerComplaintDocument, ApproveComplaintExtensionDocument, CloseComplaintDocument, ComplaintDocument, ComplaintsDocument, ReopenComplaintDocument,
  RequestComplaintExtensionDocument,
} from '../graphql/complaints.operations';
import type { ComplaintAnswerChannel, ComplaintChannel, ComplaintDeadlineState, ComplaintFieldsFragment, ComplaintFinding, ComplaintKind, ComplaintStatus } from '../gql/graphql';
import { LOOKUP_PURPOSES, POLICE_TYPE_LABELS, label } from '../labels';
import { hasRole, useSession, type SessionUser } from '../session';
import { useUnitName } from '../units';

type Complaint = ComplaintFieldsFragment;
type ActionKind = 'accept' | 'notAccept' | 'extend' | 'approve' | 'answer' | 'reopen' | 'close';

const ACTION_TITLES: Record<ActionKind, string> = {
  accept: '受理', notAccept: '不予受理', extend: '申请延期', approve: '审批延期', answer: '答复', reopen: '重新办理', close: '办结',
};

export function ComplaintStatusTag({ status }: { status: string }) {
  return <Tag color={COMPLAINT_STATUS_COLORS[status] ?? 'default'} data-testid="complaint-status" data-status={status}>{label(COMPLAINT_STATUS_LABELS, status)}</Tag>;
}
export function ComplaintDeadlineTag({ state }: { state: string }) {
  return <Tag color={COMPLAINT_DEADLINE_STATE_COLORS[state] ?? 'default'} data-testid="complaint-deadline-state" data-state={state}>{label(COMPLAINT_DEADLINE_STATE_LABELS, state)}</Tag>;
}

const isComplaintsOfficer = (u: SessionUser | null) => !!u && hasRole(u, 'OFFICER') && u.policeType === 'COMPLAINTS';

/** What the caller may do with the complaint in its state (mirrors the service's lifecycle; the server decides). */
function actionsFor(u: SessionUser | null, c: Complaint): ActionKind[] {
  const out: ActionKind[] = [];
  if (isComplaintsOfficer(u)) {
    if (c.status === 'RECEIVED') out.push('accept', 'notAccept');
    if ((c.status === 'ACCEPTED' || c.status === 'REOPENED') && !c.extended && !c.extensionPending) out.push('extend');
    if (c.status === 'ACCEPTED' || c.status === 'REOPENED') out.push('answer');
    if (c.status === 'ANSWERED') out.push('reopen', 'close');
    if (c.status === 'NOT_ACCEPTED') out.push('close');
  }
  if (u && hasRole(u, 'SUPERVISOR') && c.extensionPending) out.push('approve');
  // A disputed answer is registered again at the window too (一窗通办).
  if (u && hasRole(u, 'CLERK') && c.status === 'ANSWERED') out.push('reopen');
  return out;
}

/**
 * 信访工作台: the jurisdiction's complaints, the nearest deadline first (server order), complainants
 * masked; filters by status, deadline state, kind and channel. A row opens the detail (asked with a
 * 查询事由, audited) with the timeline and the steps the caller may take.
 */
export function ComplaintsWorkbenchPage() {
  const [filters, setFilters] = useState<{ status?: ComplaintStatus; deadlineState?: ComplaintDeadlineState; kind?: ComplaintKind; channel?: ComplaintChannel }>({});
  const [page, setPage] = useState(1);
  const pageSize = 20;
  const { data, loading, error, refetch } = useQuery(ComplaintsDocument, { variables: { ...filters, limit: pageSize + 1, offset: (page - 1) * pageSize }, fetchPolicy: 'cache-and-network' });
  const [open, setOpen] = useState<string | null>(null);
  const unitName = useUnitName();
  const rows = (data?.complaints ?? []).slice(0, pageSize);
  const more = (data?.complaints.length ?? 0) > pageSize;
  const filter = (key: keyof typeof filters, labels: Record<string, string>, placeholder: string) => (
    <Select
      allowClear
      placeholder={placeholder}
      style={{ width: 150 }}
      options={options(labels)}
      value={filters[key]}
      onChange={(v: string | undefined) => { setFilters({ ...filters, [key]: v }); setPage(1); }}
      data-testid={`complaints-filter-${key}`}
    />
  );
  return (
    <Card title={<Space><SolutionOutlined />信访工作台</Space>} extra={<Typography.Text type="secondary">按期限先后排列；逾期标红、即将到期标橙；投诉人信息脱敏</Typography.Text>}>
      <Space wrap style={{ marginBottom: 16 }}>
        {filter('status', COMPLAINT_STATUS_LABELS, '状态')}
        {filter('deadlineState', COMPLAINT_DEADLINE_STATE_LABELS, '期限状态')}
        {filter('kind', COMPLAINT_KIND_LABELS, '投诉类别')}
        {filter('channel', COMPLAINT_CHANNEL_LABELS, '信访渠道')}
        <Button onClick={() => void refetch()}>刷新</Button>
      </Space>
      {error && <ErrorAlert error={error} style={{ marginBottom: 16 }} />}
      <Table<Complaint>
        rowKey="number"
        size="middle"
        loading={loading}
        dataSource={rows}
        data-testid="complaints-table"
        onRow={(c) => ({ onClick: () => setOpen(c.number), style: { cursor: 'pointer' }, 'data-complaint': c.number }) as React.HTMLAttributes<HTMLElement>}
        rowClassName={(c) => (c.deadlineState === 'OVERDUE' ? 'ow-row-overdue' : c.deadlineState === 'DUE_SOON' ? 'ow-row-due-soon' : '')}
        pagination={{ current: page, pageSize, total: (page - 1) * pageSize + rows.length + (more ? 1 : 0), onChange: setPage, showSizeChanger: false }}
        columns={[
          { title: '信访编号', dataIndex: 'number', render: (n: string) => <Typography.Link>{n}</Typography.Link> },
          { title: '状态', dataIndex: 'status', render: (s: string, c) => <Space size={4}><ComplaintStatusTag status={s} />{c.extensionPending && <Tag color="gold">延期待批</Tag>}</Space> },
          { title: '期限', dataIndex: 'deadline', render: (d: string | null, c) => <Space size={4}>{d ?? '—'}<ComplaintDeadlineTag state={c.deadlineState} /></Space> },
          { title: '类别', dataIndex: 'kind', render: (k: string) => label(COMPLAINT_KIND_LABELS, k) },
          { title: '渠道', dataIndex: 'channel', render: (k: string) => label(COMPLAINT_CHANNEL_LABELS, k) },
          { title: '投诉人', dataIndex: 'complainantName', render: (n: string, c) => `${n} ${c.complainantPhone}` },
          { title: '被投诉', dataIndex: 'unitCode', render: (u: string, c) => <span>{label(POLICE_TYPE_LABELS, c.policeType)} · {unitName(u)}{c.officerName ? ` · ${c.officerName}` : ''}</span> },
          { title: '收到日期', dataIndex: 'receivedOn' },
        ]}
      />
      <ComplaintDrawer number={open} onClose={() => setOpen(null)} onChanged={() => void refetch()} />
    </Card>
  );
}

/** One complaint (asked with a 查询事由), its timeline and the caller's steps; also the intake screen's lookup by number. */
export function ComplaintDrawer({ number, onClose, onChanged }: { number: string | null; onClose: () => void; onChanged: () => void }) {
  const { user } = useSession();
  const [purpose, setPurpose] = useState(hasRole(user, 'CLERK') ? LOOKUP_PURPOSES[2]! : LOOKUP_PURPOSES[3]!);
  const [load, { data, loading, error, refetch }] = useLazyQuery(ComplaintDocument, { fetchPolicy: 'network-only' });
  const [action, setAction] = useState<ActionKind | null>(null);
  const unitName = useUnitName();
  const c = data?.complaint && data.complaint.number === number ? data.complaint : null;
  const done = () => { setAction(null); void refetch(); onChanged(); };
  return (
    <Drawer open={!!number} onClose={onClose} width={760} title={`信访事项 ${number ?? ''}`} destroyOnHidden data-testid="complaint-drawer">
      <Space style={{ marginBottom: 16 }}>
        查询事由
        <Select style={{ width: 200 }} value={purpose} onChange={setPurpose} options={LOOKUP_PURPOSES.map((v) => ({ value: v, label: v }))} data-testid="complaint-purpose" />
        <Button type="primary" loading={loading} onClick={() => number && void load({ variables: { number, purpose } })} data-testid="complaint-open">查看详情</Button>
      </Space>
      {error && <ErrorAlert error={error} />}
      {c && (
        <div data-testid="complaint-detail">
          <Space style={{ marginBottom: 12 }} wrap>
            {actionsFor(user, c).map((a) => (
              <Button key={a} type={a === 'notAccept' ? 'default' : 'primary'} danger={a === 'notAccept'} onClick={() => setAction(a)} data-testid={`complaint-action-${a}`}>{ACTION_TITLES[a]}</Button>
            ))}
            <ComplaintTransferButton complaint={c} onDone={done} />
          </Space>
          <Descriptions bordered size="small" column={2}>
            <Descriptions.Item label="状态"><ComplaintStatusTag status={c.status} /></Descriptions.Item>
            <Descriptions.Item label="期限">{c.deadline ?? '—'} <ComplaintDeadlineTag state={c.deadlineState} /></Descriptions.Item>
            <Descriptions.Item label="信访渠道">{label(COMPLAINT_CHANNEL_LABELS, c.channel)}</Descriptions.Item>
            <Descriptions.Item label="投诉类别">{label(COMPLAINT_KIND_LABELS, c.kind)}</Descriptions.Item>
            <Descriptions.Item label="投诉人">{c.complainantName}</Descriptions.Item>
            <Descriptions.Item label="联系电话">{c.complainantPhone}</Descriptions.Item>
            <Descriptions.Item label="身份证号码">{c.complainantIdNumber ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="所涉办件">{c.applicationNumber ?? '—'}</Descriptions.Item>
            {c.firstInquiryNumber && <Descriptions.Item label="所涉首问登记">{c.firstInquiryNumber}</Descriptions.Item>}
            <Descriptions.Item label="被投诉" span={2}>{label(POLICE_TYPE_LABELS, c.policeType)} · {unitName(c.unitCode)}{c.officerName ? ` · ${c.officerName}` : ''}</Descriptions.Item>
            <Descriptions.Item label="承办单位">{unitName(c.handlingUnitCode)}</Descriptions.Item>
            <Descriptions.Item label="分派规则">{c.routingRule ?? '—'}</Descriptions.Item>
            {c.channelReference && <Descriptions.Item label="渠道编号" span={2}>{c.channelReference}</Descriptions.Item>}
            <Descriptions.Item label="投诉内容" span={2}>{c.content}</Descriptions.Item>
            <Descriptions.Item label="收到日期">{c.receivedOn}</Descriptions.Item>
            <Descriptions.Item label="受理期限">{c.acceptanceDeadline}</Descriptions.Item>
            <Descriptions.Item label="受理日期">{c.acceptedOn ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="办结期限">{c.answerDeadline ?? '—'}{c.extended ? '（已延期）' : ''}{c.extensionPending ? '（延期待批）' : ''}</Descriptions.Item>
            {c.extensionReason && <Descriptions.Item label="延期理由" span={2}>{c.extensionReason}</Descriptions.Item>}
            {c.notAcceptedReason && <Descriptions.Item label="不予受理理由" span={2}>{c.notAcceptedReason}</Descriptions.Item>}
            {c.answerText && <Descriptions.Item label="答复" span={2}>{c.answeredOn}（{label(COMPLAINT_ANSWER_CHANNEL_LABELS, c.answerChannel)}）：{c.answerText}</Descriptions.Item>}
            {c.answerText && (
              <Descriptions.Item label="答复评价" span={2}>
                <span data-testid="complaint-answer-rating">{c.answerRating ? label(LEVEL_LABELS, c.answerRating) : '尚未评价（答复后已短信邀请投诉人评价）'}</span>
              </Descriptions.Item>
            )}
            {c.repeatOf && <Descriptions.Item label="重复投诉" span={2}>首件信访编号 {c.repeatOf}</Descriptions.Item>}
            {c.finding && (
              <Descriptions.Item label="核查结论" span={2}>
                <Tag color={COMPLAINT_FINDING_COLORS[c.finding]} data-testid="complaint-finding" data-finding={c.finding}>{label(COMPLAINT_FINDING_LABELS, c.finding)}</Tag>
                {c.responsibleOfficerName || c.responsibleOfficerUsername ? `责任民警：${c.responsibleOfficerName ?? ''}（${c.responsibleOfficerUsername ?? ''}）` : ''}
              </Descriptions.Item>
            )}
            {c.closedOn && <Descriptions.Item label="办结日期">{c.closedOn}</Descriptions.Item>}
          </Descriptions>
          <Typography.Title level={5} style={{ marginTop: 20 }}>办理记录</Typography.Title>
          <Timeline
            data-testid="complaint-timeline"
            items={(data?.complaint.timeline ?? []).map((t) => ({
              children: (
                <div data-action={t.action}>
                  <Typography.Text strong>{label(COMPLAINT_ACTION_LABELS, t.action)}</Typography.Text>
                  <Typography.Text type="secondary" style={{ marginLeft: 8 }}>{formatDateTime(t.at)} · {t.actorName}</Typography.Text>
                  {t.fromStatus && t.fromStatus !== t.toStatus && <span style={{ marginLeft: 8 }}>{label(COMPLAINT_STATUS_LABELS, t.fromStatus)} → {label(COMPLAINT_STATUS_LABELS, t.toStatus)}</span>}
                  {t.note && <div>{t.note}</div>}
                </div>
              ),
            }))}
          />
        </div>
      )}
      {c && action && <ActionDialog complaint={c} action={action} onCancel={() => setAction(null)} onDone={done} />}
    </Drawer>
  );
}

interface ActionValues {
  reason?: string; text?: string; answerChannel?: ComplaintAnswerChannel; notice?: string; note?: string;
  finding?: ComplaintFinding; responsibleOfficerUsername?: string; responsibleOfficerName?: string;
}

/** 核查结论 and the responsible officer (confirmed as named at intake, or corrected); 属实/部分属实 with an officer leads to a deduction. */
function FindingFields({ complaint }: { complaint: Complaint }) {
  const finding = Form.useWatch<ComplaintFinding | undefined>('finding');
  const substantiated = finding === 'SUBSTANTIATED' || finding === 'PARTLY_SUBSTANTIATED';
  return (
    <>
      <Form.Item name="finding" label="核查结论" rules={[{ required: true, message: '请选择核查结论' }]} extra="属实或部分属实且民警确有责任的，对责任单位和责任民警扣分">
        <Select options={findingOptions(complaint.kind)} placeholder="请选择" data-testid="complaint-action-finding" />
      </Form.Item>
      {substantiated && (
        <Space.Compact block>
          <Form.Item name="responsibleOfficerUsername" label="责任民警账号" tooltip="不填即确认登记时指名的民警；填写即更正" style={{ width: '50%' }}>
            <Input placeholder={complaint.responsibleOfficerUsername ?? `不填：${complaint.officerName ?? '登记时指名的民警'}`} maxLength={64} data-testid="complaint-action-officer-username" />
          </Form.Item>
          <Form.Item name="responsibleOfficerName" label="责任民警姓名" tooltip="更正责任民警时填写" style={{ width: '50%' }}>
            <Input placeholder={complaint.officerName ?? ''} maxLength={50} data-testid="complaint-action-officer-name" />
          </Form.Item>
        </Space.Compact>
      )}
    </>
  );
}

function ActionDialog({ complaint, action, onCancel, onDone }: { complaint: Complaint; action: ActionKind; onCancel: () => void; onDone: () => void }) {
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<ActionValues>();
  const [accept, a] = useMutation(AcceptComplaintDocument);
  const [answer, b] = useMutation(AnswerComplaintDocument);
  const [extend, d] = useMutation(RequestComplaintExtensionDocument);
  const [approve, e] = useMutation(ApproveComplaintExtensionDocument);
  const [reopen, f] = useMutation(ReopenComplaintDocument);
  const [close, g] = useMutation(CloseComplaintDocument);
  const [error, setError] = useState<unknown>(null);
  const busy = [a, b, d, e, f, g].some((m) => m.loading);
  const number = complaint.number;
  const run = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    setError(null);
    try {
      if (action === 'accept') await accept({ variables: { input: { number, accept: true } } });
      if (action === 'notAccept') await accept({ variables: { input: { number, accept: false, reason: v.reason!.trim() } } });
      if (action === 'extend') await extend({ variables: { input: { number, reason: v.reason!.trim() } } });
      if (action === 'reopen') await reopen({ variables: { input: { number, reason: v.reason!.trim() } } });
      if (action === 'approve') await approve({ variables: { input: { number, notice: v.notice!.trim() } } });
      // 核查结论: the responsible officer left as named at intake is confirmed; a different account corrects it.
      const finding = v.finding
        ? { finding: v.finding, responsibleOfficerUsername: v.responsibleOfficerUsername?.trim() || null, responsibleOfficerName: v.responsibleOfficerName?.trim() || null }
        : {};
      if (action === 'answer') await answer({ variables: { input: { number, text: v.text!.trim(), answerChannel: v.answerChannel!, ...finding } } });
      if (action === 'close') await close({ variables: { input: { number, note: v.note?.trim() || null, ...finding } } });
      void message.success(`${ACTION_TITLES[action]}：${number}`);
      onDone();
    } catch (err) {
      setError(err);
    }
  };
  const required = (msg: string) => [{ required: true, whitespace: true, message: msg }];
  return (
    <Modal open title={`${ACTION_TITLES[action]} — ${number}`} onCancel={onCancel} onOk={() => void run()} confirmLoading={busy} okText="确定" cancelText="取消" okButtonProps={{ 'data-testid': 'complaint-action-ok' } as Record<string, string>} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={{ answerChannel: 'WRITTEN', finding: complaint.finding ?? undefined }} data-testid="complaint-action-form">
        {action === 'accept' && <Typography.Paragraph>受理后办结期限为受理之日起 60 日。</Typography.Paragraph>}
        {(action === 'notAccept' || action === 'extend' || action === 'reopen') && (
          <Form.Item name="reason" label={action === 'notAccept' ? '不予受理理由' : action === 'extend' ? '延期理由' : '重新办理理由'} rules={required('请填写理由')}>
            <Input.TextArea rows={3} maxLength={500} data-testid="complaint-action-reason" />
          </Form.Item>
        )}
        {action === 'approve' && (
          <>
            <Typography.Paragraph>延期理由：{complaint.extensionReason ?? '—'}</Typography.Paragraph>
            <Form.Item name="notice" label="告知投诉人的内容（延期理由与新的办结期限）" rules={required('请填写告知内容')}>
              <Input.TextArea rows={3} maxLength={500} data-testid="complaint-action-notice" />
            </Form.Item>
          </>
        )}
        {action === 'answer' && (
          <>
            <Form.Item name="answerChannel" label="答复方式" rules={[{ required: true, message: '请选择答复方式' }]}>
              <Select options={options(COMPLAINT_ANSWER_CHANNEL_LABELS)} data-testid="complaint-action-channel" />
            </Form.Item>
            <Form.Item name="text" label="答复内容" rules={required('请填写答复内容')}>
              <Input.TextArea rows={4} maxLength={2000} data-testid="complaint-action-text" />
            </Form.Item>
          </>
        )}
        {action === 'close' && (
          <Form.Item name="note" label="备注（可不填）">
            <Input.TextArea rows={2} maxLength={500} data-testid="complaint-action-note" />
          </Form.Item>
        )}
        {(action === 'answer' || (action === 'close' && complaint.status === 'ANSWERED')) && <FindingFields complaint={complaint} />}
      </Form>
      {error != null && <ErrorAlert error={error} />}
    </Modal>
  );
}
