import { useMutation, useQuery } from '@apollo/client';
import { ArrowRightOutlined, ReloadOutlined, SwapOutlined } from '@ant-design/icons';
import { App as AntApp, Button, Form, Input, InputNumber, Modal, Select, Space, Table, Tag, Timeline, Typography } from 'antd';
import { formatDateTime } from '../china-time';
import { useState } from 'react';
import { describeError } from '../errors';
import { AcknowledgeTransferDocument, CompleteTransferDocument, RequestTransferDocument, TransfersDocument } from '../graphql/operations';
import type { PoliceType, TransferDirection, TransferFieldsFragment, TransferKind, TransferStatus } from '../gql/graphql';
import {
  POLICE_TYPE_LABELS, POLICE_TYPES, TRANSFER_ACTION_LABELS, TRANSFER_KIND_LABELS, TRANSFER_STATUS_COLORS, TRANSFER_STATUS_LABELS, label,
} from '../labels';
import { navigate } from '../router';
import { hasRole, useSession } from '../session';
import { ErrorAlert } from './ErrorAlert';
import { PoliceTypeTag } from './Tags';

type T = TransferFieldsFragment;

type Dialog = { kind: 'refuse' | 'complete'; transfer: T } | null;

/** 移交: inbound (to sign and answer) and outbound transfers of a police type, overdue first. */
export function TransfersPanel() {
  const { user } = useSession();
  const { message } = AntApp.useApp();
  const officer = hasRole(user, 'OFFICER') && !!user?.policeType;
  const [direction, setDirection] = useState<TransferDirection>('INBOUND');
  const [policeType, setPoliceType] = useState<string>(user?.policeType ?? 'HOUSEHOLD');
  const [status, setStatus] = useState<string>('');
  const [dialog, setDialog] = useState<Dialog>(null);
  const [dialogError, setDialogError] = useState<unknown>(null);
  const [form] = Form.useForm<{ text: string }>();
  const { data, loading, error, refetch } = useQuery(TransfersDocument, {
    variables: {
      direction,
      policeType: (officer ? undefined : policeType) as PoliceType | undefined,
      status: (status || undefined) as TransferStatus | undefined,
      limit: 50,
      offset: 0,
    },
    fetchPolicy: 'cache-and-network',
  });
  const [acknowledge, ack] = useMutation(AcknowledgeTransferDocument);
  const [complete, comp] = useMutation(CompleteTransferDocument);
  const canAct = hasRole(user, 'OFFICER', 'SUPERVISOR');

  const sign = async (t: T) => {
    try {
      await acknowledge({ variables: { input: { transferId: t.id, accept: true } } });
      message.success('已签收');
      void refetch();
    } catch (err) {
      const d = describeError(err);
      message.error(d.detail ? `${d.title}：${d.detail}` : d.title);
    }
  };

  const submitDialog = async () => {
    if (!dialog) return;
    const { text } = await form.validateFields();
    setDialogError(null);
    try {
      if (dialog.kind === 'refuse') await acknowledge({ variables: { input: { transferId: dialog.transfer.id, accept: false, reason: text.trim() } } });
      else await complete({ variables: { input: { transferId: dialog.transfer.id, result: text.trim() } } });
      message.success(dialog.kind === 'refuse' ? '已退回' : '已反馈办理结果');
      setDialog(null);
      void refetch();
    } catch (err) {
      setDialogError(err);
    }
  };

  const rows = data?.transfers.items ?? [];
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="transfers">
      <Space wrap>
        <Select
          value={direction}
          onChange={setDirection}
          style={{ width: 120 }}
          options={[{ value: 'INBOUND', label: '移入本警种' }, { value: 'OUTBOUND', label: '本警种移出' }]}
          data-testid="transfers-direction"
        />
        {!officer && (
          <Select value={policeType} onChange={setPoliceType} style={{ width: 130 }} options={POLICE_TYPES.map((p) => ({ value: p, label: POLICE_TYPE_LABELS[p] }))} />
        )}
        <Select
          value={status}
          onChange={setStatus}
          style={{ width: 150 }}
          options={[{ value: '', label: '全部状态' }, ...Object.entries(TRANSFER_STATUS_LABELS).map(([value, l]) => ({ value, label: l }))]}
        />
        <Button icon={<ReloadOutlined />} onClick={() => void refetch()}>刷新</Button>
      </Space>
      {error && <ErrorAlert error={error} />}
      <Table<T>
        rowKey="id"
        size="middle"
        loading={loading && !data}
        dataSource={rows}
        locale={{ emptyText: direction === 'INBOUND' ? '没有移入本警种的移交' : '没有本警种移出的移交' }}
        rowClassName={(t) => (t.overdue ? 'ow-row-overdue' : '')}
        onRow={(t) => ({ 'data-transfer': t.caseRef }) as React.HTMLAttributes<HTMLElement>}
        expandable={{
          expandedRowRender: (t) => (
            <Timeline
              items={t.timeline.map((e, i) => ({
                key: i,
                children: (
                  <span>
                    <Typography.Text strong>{label(TRANSFER_ACTION_LABELS, e.action)}</Typography.Text> · {formatDateTime(e.at)} · {e.actorName}
                    {e.policeType ? `（${label(POLICE_TYPE_LABELS, e.policeType)}）` : ''}
                    {e.note ? `：${e.note}` : ''}
                  </span>
                ),
              }))}
            />
          ),
        }}
        columns={[
          {
            title: '办件',
            dataIndex: 'caseRef',
            render: (ref: string, t) => (
              <Space direction="vertical" size={0}>
                <a href={`/applications/${ref}`} onClick={(e) => { e.preventDefault(); navigate(`/applications/${ref}`); }}>{ref}</a>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>{label(TRANSFER_KIND_LABELS, t.kind)}{t.subjectIdNumber ? ` · ${t.subjectIdNumber}` : ''}</Typography.Text>
              </Space>
            ),
          },
          {
            title: '移交',
            render: (_, t) => (
              <Space size={4}>
                {t.fromPoliceType ? <PoliceTypeTag policeType={t.fromPoliceType} /> : t.fromService}
                <ArrowRightOutlined />
                {t.toPoliceType ? <PoliceTypeTag policeType={t.toPoliceType} /> : t.toService}
              </Space>
            ),
          },
          { title: '理由', dataIndex: 'reason', render: (r: string, t) => <span>{r}{t.requestedByName ? <Typography.Text type="secondary">（{t.requestedByName}）</Typography.Text> : ''}</span> },
          {
            title: '要求办结',
            dataIndex: 'requestedDeadline',
            width: 150,
            render: (d: string, t) => <Tag color={t.overdue ? 'red' : 'default'}>{d}{t.overdue ? ' · 已超期' : ''}</Tag>,
          },
          {
            title: '状态',
            dataIndex: 'status',
            width: 200,
            render: (s: string, t) => (
              <Space direction="vertical" size={0}>
                <Tag color={TRANSFER_STATUS_COLORS[s]} data-transfer-status={s}>{label(TRANSFER_STATUS_LABELS, s)}</Tag>
                {t.result && <Typography.Text type="secondary">结果：{t.result}</Typography.Text>}
                {t.refusalReason && <Typography.Text type="danger">退回理由：{t.refusalReason}</Typography.Text>}
              </Space>
            ),
          },
          ...(canAct && direction === 'INBOUND'
            ? [{
                title: '操作',
                width: 200,
                render: (_: unknown, t: T) => (
                  <Space size={4}>
                    {t.status === 'REQUESTED' && (
                      <>
                        <Button size="small" type="primary" loading={ack.loading} onClick={() => void sign(t)} data-testid="transfer-acknowledge">签收</Button>
                        <Button size="small" danger onClick={() => { form.resetFields(); setDialogError(null); setDialog({ kind: 'refuse', transfer: t }); }}>退回</Button>
                      </>
                    )}
                    {t.status === 'ACKNOWLEDGED' && (
                      <Button size="small" type="primary" onClick={() => { form.resetFields(); setDialogError(null); setDialog({ kind: 'complete', transfer: t }); }} data-testid="transfer-complete">
                        反馈办理结果
                      </Button>
                    )}
                  </Space>
                ),
              }]
            : []),
        ]}
      />
      <Modal
        open={dialog !== null}
        title={dialog ? `${dialog.kind === 'refuse' ? '退回移交' : '反馈办理结果'} · ${dialog.transfer.caseRef}` : ''}
        okText="确定"
        cancelText="取消"
        confirmLoading={ack.loading || comp.loading}
        onOk={() => void submitDialog().catch(() => undefined)}
        onCancel={() => setDialog(null)}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" preserve={false}>
          <Form.Item name="text" label={dialog?.kind === 'refuse' ? '退回理由' : '办理结果'} rules={[{ required: true, whitespace: true, message: dialog?.kind === 'refuse' ? '请填写退回理由' : '请填写办理结果' }]}>
            <Input.TextArea autoFocus autoSize={{ minRows: 3 }} maxLength={500} showCount data-testid="transfer-dialog-text" />
          </Form.Item>
        </Form>
        {dialogError != null && <ErrorAlert error={dialogError} />}
      </Modal>
    </Space>
  );
}

/** 发起移交 from an application: to another police type, with reason and a deadline in working days. */
export function RequestTransferButton({ caseRef, policeType, onDone }: { caseRef: string; policeType: string; onDone?: () => void }) {
  const { user } = useSession();
  const { message } = AntApp.useApp();
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [form] = Form.useForm<{ toPoliceType: PoliceType; kind: TransferKind; reason: string; requestedDeadlineDays: number }>();
  const [request, { loading }] = useMutation(RequestTransferDocument);
  const allowed = hasRole(user, 'CLERK') || (hasRole(user, 'OFFICER') && user?.policeType === policeType);
  if (!allowed) return null;

  const submit = async () => {
    const v = await form.validateFields();
    setError(null);
    try {
      await request({ variables: { input: { caseRef, toPoliceType: v.toPoliceType, kind: v.kind, reason: v.reason.trim(), requestedDeadlineDays: v.requestedDeadlineDays } } });
      message.success(`已移交${label(POLICE_TYPE_LABELS, v.toPoliceType)}`);
      setOpen(false);
      onDone?.();
    } catch (err) {
      setError(err);
    }
  };

  return (
    <>
      <Button icon={<SwapOutlined />} onClick={() => { form.resetFields(); setError(null); setOpen(true); }} data-testid="request-transfer">发起移交</Button>
      <Modal
        open={open}
        title={`跨警种移交 · ${caseRef}`}
        okText="移交"
        cancelText="取消"
        confirmLoading={loading}
        onOk={() => void submit().catch(() => undefined)}
        onCancel={() => setOpen(false)}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" preserve={false} initialValues={{ kind: 'CASE', requestedDeadlineDays: 5 }}>
          <Form.Item name="toPoliceType" label="接收警种" rules={[{ required: true, message: '请选择接收警种' }]}>
            <Select
              autoFocus
              showSearch
              optionFilterProp="label"
              options={POLICE_TYPES.filter((p) => p !== policeType).map((p) => ({ value: p, label: POLICE_TYPE_LABELS[p] }))}
              data-testid="transfer-to"
            />
          </Form.Item>
          <Form.Item name="kind" label="移交类型">
            <Select options={[{ value: 'CASE', label: '整件移交' }, { value: 'TASK', label: '移交其中的事项' }]} />
          </Form.Item>
          <Form.Item name="requestedDeadlineDays" label="要求办结期限" rules={[{ required: true, message: '请填写期限' }]}>
            <InputNumber min={1} max={60} addonAfter="个工作日" />
          </Form.Item>
          <Form.Item name="reason" label="移交理由" rules={[{ required: true, whitespace: true, message: '请填写移交理由' }]}>
            <Input.TextArea autoSize={{ minRows: 3 }} maxLength={500} showCount data-testid="transfer-reason" />
          </Form.Item>
        </Form>
        {error != null && <ErrorAlert error={error} />}
      </Modal>
    </>
  );
}
