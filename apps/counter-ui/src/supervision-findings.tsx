import { useMutation, useQuery } from '@apollo/client';
import { Button, Card, Checkbox, Form, Input, Modal, Select, Space, Table, Tag, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { ErrorAlert } from './components/ErrorAlert';
import { ReportRectificationDocument, SupervisionFindingsDocument, VerifyRectificationDocument } from './graphql/supervision.operations';
import type { SupervisionFindingFieldsFragment, SupervisionFindingStatus } from './gql/graphql';
import { label } from './labels';
import { hasRole, useSession } from './session';
import { FINDING_STATUS_COLORS, FINDING_STATUS_LABELS } from './supervision-labels';
import { formatDateTime } from './china-time';

type Finding = SupervisionFindingFieldsFragment;
type Step = 'report' | 'verify' | 'sendBack';
const STEP_TITLES: Record<Step, string> = { report: '报告整改情况', verify: '核验销号', sendBack: '退回重新整改' };

/**
 * 整改跟踪: findings of the jurisdiction (a station's users: their own unit), overdue first and
 * highlighted; the unit reports what it did (整改中 → 已整改), the supervisor closes it (已销号)
 * or sends it back.
 */
export function SupervisionFindingsPage() {
  const { user } = useSession();
  const supervisor = hasRole(user, 'SUPERVISOR');
  const [status, setStatus] = useState<SupervisionFindingStatus | undefined>();
  const [overdueOnly, setOverdueOnly] = useState(false);
  const { data, loading, error, refetch } = useQuery(SupervisionFindingsDocument, { variables: { status, overdueOnly }, fetchPolicy: 'cache-and-network' });
  const [step, setStep] = useState<{ finding: Finding; step: Step } | null>(null);

  return (
    <Card title="整改跟踪" extra={
      <Space>
        <Checkbox checked={overdueOnly} onChange={(e) => setOverdueOnly(e.target.checked)} data-testid="findings-overdue-only">只看超期</Checkbox>
        <Select allowClear placeholder="全部状态" style={{ width: 160 }} value={status} onChange={(v: SupervisionFindingStatus | undefined) => setStatus(v)}
          options={Object.entries(FINDING_STATUS_LABELS).map(([value, l]) => ({ value, label: l }))} data-testid="findings-filter" />
      </Space>
    }>
      <ErrorAlert error={error} />
      <Typography.Paragraph type="secondary">共 {data?.supervisionFindings.total ?? 0} 项；整改期限按工作日计算，超期未整改的标红置顶。</Typography.Paragraph>
      <Table<Finding> rowKey="id" size="middle" loading={loading} dataSource={data?.supervisionFindings.items ?? []} pagination={false} data-testid="findings-table"
        rowClassName={(f) => (f.overdue ? 'row-overdue' : '')}
        onRow={(f) => ({ 'data-finding': f.itemCode, 'data-overdue': String(f.overdue), style: f.overdue ? { background: '#fff1f0' } : undefined } as React.HTMLAttributes<HTMLElement>)}
        expandable={{ expandedRowRender: (f) => (
          <Timeline items={f.history.map((h) => ({ children: <span>{formatDateTime(h.at)} · {h.actorName} · {h.action}{h.note ? `：${h.note}` : ''}</span> }))} />
        ) }}
        columns={[
          { title: '状态', key: 'status', render: (_: unknown, f) => (
            <Space direction="vertical" size={2}>
              <Tag color={FINDING_STATUS_COLORS[f.status]} data-testid="finding-status" data-status={f.status}>{label(FINDING_STATUS_LABELS, f.status)}</Tag>
              {f.overdue && <Tag color="red" data-testid="finding-overdue">已超期</Tag>}
            </Space>
          ) },
          { title: '整改期限', key: 'deadline', render: (_: unknown, f) => <Space direction="vertical" size={0}><span>{f.deadline}</span><Typography.Text type="secondary">{f.deadlineDays} 个工作日{f.deadlineProvisional ? '（暂定）' : ''}</Typography.Text></Space> },
          { title: '单位', dataIndex: 'unitName' },
          { title: '检查项 / 问题', key: 'item', render: (_: unknown, f) => <Space direction="vertical" size={0} style={{ maxWidth: 320 }}><Typography.Text strong>{f.itemText}</Typography.Text><span>{f.description}</span>{f.rectification && <Typography.Text type="secondary">整改：{f.rectification}</Typography.Text>}</Space> },
          { title: '责任人', key: 'officer', render: (_: unknown, f) => `${f.officerName}（${f.officerAccount}）` },
          { title: '操作', key: 'actions', render: (_: unknown, f) => (
            <Space wrap>
              {!supervisor && f.status === 'RECTIFYING' && <Button size="small" type="primary" onClick={() => setStep({ finding: f, step: 'report' })} data-testid="finding-report">报告整改</Button>}
              {supervisor && f.status === 'RECTIFIED' && <Button size="small" type="primary" onClick={() => setStep({ finding: f, step: 'verify' })} data-testid="finding-verify">销号</Button>}
              {supervisor && f.status === 'RECTIFIED' && <Button size="small" danger onClick={() => setStep({ finding: f, step: 'sendBack' })} data-testid="finding-send-back">退回</Button>}
            </Space>
          ) },
        ]} />
      {step && <StepDialog finding={step.finding} step={step.step} onClose={() => setStep(null)} onDone={() => { setStep(null); void refetch(); }} />}
    </Card>
  );
}

function StepDialog({ finding, step, onClose, onDone }: { finding: Finding; step: Step; onClose: () => void; onDone: () => void }) {
  const [form] = Form.useForm<{ text?: string }>();
  const [report, a] = useMutation(ReportRectificationDocument);
  const [verify, b] = useMutation(VerifyRectificationDocument);
  const submit = async (v: { text?: string }) => {
    const text = v.text?.trim() ?? '';
    const r = step === 'report'
      ? await report({ variables: { input: { findingId: finding.id, rectification: text } } }).catch(() => null)
      : await verify({ variables: { input: { findingId: finding.id, accept: step === 'verify', note: text || undefined } } }).catch(() => null);
    if (r?.data) onDone();
  };
  return (
    <Modal open title={`${STEP_TITLES[step]} · ${finding.itemText}`} onCancel={onClose} onOk={() => form.submit()} okText="确定" cancelText="取消"
      confirmLoading={a.loading || b.loading} okButtonProps={{ 'data-testid': 'finding-step-ok' } as never} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="text" label={step === 'report' ? '整改情况' : step === 'verify' ? '核验意见（可选）' : '退回理由'}
          rules={step === 'verify' ? [] : [{ required: true, whitespace: true, min: 2, message: '请至少填写 2 个字' }]}>
          <Input.TextArea rows={4} autoFocus data-testid="finding-step-text" />
        </Form.Item>
      </Form>
      <ErrorAlert error={a.error ?? b.error} />
    </Modal>
  );
}
