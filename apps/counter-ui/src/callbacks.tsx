import { useLazyQuery, useMutation, useQuery } from '@apollo/client';
import { PhoneOutlined } from '@ant-design/icons';
import { App as AntApp, Button, Card, Form, Input, Modal, Radio, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { ErrorAlert } from './components/ErrorAlert';
import { errorText } from './errors';
import {
  CALLBACK_DEADLINE_COLORS, CALLBACK_DEADLINE_LABELS, CALLBACK_STATUS_COLORS, CALLBACK_STATUS_LABELS, EVALUATION_CHANNEL_LABELS, LEVEL_LABELS, REASON_LABELS,
} from './evaluation-labels';
import { CallbackTaskDocument, CallbackTasksDocument, RecordCallbackDocument, ResolveCallbackDocument, VoidEvaluationDocument } from './graphql/evaluations.operations';
import type { CallbackStatus, CallbackTaskFieldsFragment } from './gql/graphql';
import { label } from './labels';

type Task = CallbackTaskFieldsFragment;
type Step = 'callback' | 'resolve' | 'void';
const STEP_TITLES: Record<Step, string> = { callback: '记录回访', resolve: '整改 / 说明', void: '作废差评' };

/**
 * 回访核实: bad reviews (不满意 / 非常不满意) of the supervisor's units, soonest due first; the
 * evaluator's phone masked in the list and shown on request (查询事由, audited); steps: 记录回访
 * (1 working day), 整改 or 说明 (the city's working days; the evaluator is told by SMS), 作废
 * (mistaken or malicious review, with a reason). The city analyst reads every unit.
 */
export function CallbacksPage() {
  const [status, setStatus] = useState<CallbackStatus | undefined>();
  const { data, loading, error, refetch } = useQuery(CallbackTasksDocument, { variables: { status, limit: 100, offset: 0 } });
  const [step, setStep] = useState<{ task: Task; step: Step } | null>(null);
  const [phones, setPhones] = useState<Record<string, string>>({});
  const [readTask] = useLazyQuery(CallbackTaskDocument, { fetchPolicy: 'network-only' });
  const { message } = AntApp.useApp();

  const showPhone = async (t: Task) => {
    const r = await readTask({ variables: { taskId: t.id, purpose: '回访核实差评' } });
    if (r.data) setPhones((p) => ({ ...p, [t.id]: r.data!.callbackTask.evaluatorPhone ?? '（无）' }));
    else if (r.error) message.error(errorText(r.error));
  };

  const columns = [
    { title: '状态', key: 'status', render: (_: unknown, t: Task) => <Tag color={CALLBACK_STATUS_COLORS[t.status]} data-testid="callback-status" data-status={t.status}>{label(CALLBACK_STATUS_LABELS, t.status)}</Tag> },
    { title: '期限', key: 'deadline', render: (_: unknown, t: Task) => (
      <Space direction="vertical" size={0}>
        <Tag color={CALLBACK_DEADLINE_COLORS[t.deadlineState]} data-testid="callback-deadline-state">{label(CALLBACK_DEADLINE_LABELS, t.deadlineState)}</Tag>
        <span>回访 {t.callbackDue}</span>
        <span>整改 {t.resolveDue}</span>
      </Space>
    ) },
    { title: '评价', key: 'level', render: (_: unknown, t: Task) => (
      <Space direction="vertical" size={0}>
        <Tag color="red">{label(LEVEL_LABELS, t.level)}</Tag>
        <span>{t.reasons.map((r) => label(REASON_LABELS, r)).join('、')}</span>
        {t.comment && <Typography.Text type="secondary">{t.comment}</Typography.Text>}
      </Space>
    ) },
    { title: '办件', key: 'app', render: (_: unknown, t: Task) => <Space direction="vertical" size={0}><span>{t.applicationNumber}</span><span>{label(EVALUATION_CHANNEL_LABELS, t.channel)} · {t.evaluatedOn}</span></Space> },
    { title: '被评价民警', key: 'officer', render: (_: unknown, t: Task) => <span>{t.officerName ?? '—'}{t.windowNo ? `（${t.windowNo} 号窗口）` : ''}</span> },
    { title: '评价人电话', key: 'phone', render: (_: unknown, t: Task) => (
      <Space>
        <span data-testid="callback-phone">{phones[t.id] ?? t.evaluatorPhone ?? '—'}</span>
        {!phones[t.id] && t.evaluatorPhone && <Button size="small" icon={<PhoneOutlined />} onClick={() => void showPhone(t)} data-testid="callback-show-phone">查看</Button>}
      </Space>
    ) },
    { title: '回访 / 结果', key: 'notes', render: (_: unknown, t: Task) => (
      <Space direction="vertical" size={0} style={{ maxWidth: 260 }}>
        {t.callbackNote && <span>回访：{t.callbackNote}</span>}
        {t.resolutionNote && <span>{t.status === 'VOIDED' ? '作废理由' : '结果'}：{t.resolutionNote}</span>}
        {t.evaluatorNotified && <Tag color="green">已短信告知评价人</Tag>}
      </Space>
    ) },
    { title: '操作', key: 'actions', render: (_: unknown, t: Task) => t.workable && (
      <Space wrap>
        {t.status === 'OPEN' && <Button size="small" type="primary" onClick={() => setStep({ task: t, step: 'callback' })} data-testid="callback-action-callback">记录回访</Button>}
        {t.status === 'CALLED_BACK' && <Button size="small" type="primary" onClick={() => setStep({ task: t, step: 'resolve' })} data-testid="callback-action-resolve">整改 / 说明</Button>}
        <Button size="small" danger onClick={() => setStep({ task: t, step: 'void' })} data-testid="callback-action-void">作废差评</Button>
      </Space>
    ) },
  ];

  return (
    <Card title="回访核实（差评）" extra={
      <Select allowClear placeholder="全部状态" style={{ width: 160 }} value={status} onChange={(v: CallbackStatus | undefined) => setStatus(v)}
        options={Object.entries(CALLBACK_STATUS_LABELS).map(([value, l]) => ({ value, label: l }))} data-testid="callback-filter" />
    }>
      <ErrorAlert error={error} />
      <Table<Task> rowKey="id" size="middle" loading={loading} dataSource={data?.callbackTasks ?? []} columns={columns} pagination={false} data-testid="callback-tasks"
        onRow={(t) => ({ 'data-callback': t.applicationNumber } as React.HTMLAttributes<HTMLElement>)} />
      {step && <StepDialog task={step.task} step={step.step} onClose={() => setStep(null)} onDone={() => { setStep(null); void refetch(); }} />}
    </Card>
  );
}

function StepDialog({ task, step, onClose, onDone }: { task: Task; step: Step; onClose: () => void; onDone: () => void }) {
  const [form] = Form.useForm<{ text: string; outcome?: 'RECTIFIED' | 'EXPLAINED' }>();
  const [recordCallback, a] = useMutation(RecordCallbackDocument);
  const [resolve, b] = useMutation(ResolveCallbackDocument);
  const [voidReview, c] = useMutation(VoidEvaluationDocument);
  const error = a.error ?? b.error ?? c.error;
  const submit = async (v: { text: string; outcome?: 'RECTIFIED' | 'EXPLAINED' }) => {
    const text = v.text.trim();
    const r =
      step === 'callback' ? await recordCallback({ variables: { input: { taskId: task.id, note: text } } }).catch(() => null)
      : step === 'resolve' ? await resolve({ variables: { input: { taskId: task.id, outcome: v.outcome ?? 'RECTIFIED', note: text } } }).catch(() => null)
      : await voidReview({ variables: { input: { taskId: task.id, reason: text } } }).catch(() => null);
    if (r?.data) onDone();
  };
  return (
    <Modal open title={`${STEP_TITLES[step]} · ${task.applicationNumber}`} onCancel={onClose} onOk={() => form.submit()} okText="确定" cancelText="取消"
      confirmLoading={a.loading || b.loading || c.loading} okButtonProps={{ 'data-testid': 'callback-step-ok' } as never} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ outcome: 'RECTIFIED' }}>
        {step === 'resolve' && (
          <Form.Item name="outcome" label="核实结果">
            <Radio.Group options={[{ value: 'RECTIFIED', label: '已整改' }, { value: 'EXPLAINED', label: '作出说明' }]} data-testid="callback-outcome" />
          </Form.Item>
        )}
        <Form.Item name="text" label={step === 'callback' ? '回访情况' : step === 'resolve' ? '整改情况或说明（将短信告知评价人处理结果）' : '作废理由（留痕审计；作废后不计入统计）'}
          rules={[{ required: true, whitespace: true, min: 2, message: '请至少填写 2 个字' }]}>
          <Input.TextArea rows={4} autoFocus data-testid="callback-step-text" />
        </Form.Item>
      </Form>
      <ErrorAlert error={error} />
    </Modal>
  );
}
