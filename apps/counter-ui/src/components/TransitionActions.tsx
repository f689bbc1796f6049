import { useMutation } from '@apollo/client';
import { App as AntApp, Button, Form, Input, InputNumber, Modal, Select, Space } from 'antd';
import { useState } from 'react';
import { describeError } from '../errors';
import { TransitionDocument } from '../graphql/operations';
import type { ApplicationAction, ApplicationFullFragment, DeliveryMethod } from '../gql/graphql';
import { ACTION_LABELS, DELIVERY_METHOD_LABELS } from '../labels';
import { hasRole, useSession, type SessionUser } from '../session';
import { ErrorAlert } from './ErrorAlert';

/** What the buttons need: the full application (detail page) or an inbox row (queue). */
type App = Pick<ApplicationFullFragment, 'number' | 'policeType' | 'status' | 'version'> &
  Partial<Pick<ApplicationFullFragment, 'toleratedMaterials' | 'timeline' | 'deliveryMethod'>>;

interface ActionSpec {
  action: ApplicationAction;
  label: string;
  danger?: boolean;
  primary?: boolean;
  /** Needs a dialog: reason, extension days, delivery method, material. */
  needs?: { reason?: boolean; reasonOptional?: boolean; days?: boolean; delivery?: boolean; material?: boolean };
}

/** Mirrors packages/casework state-machine (the server decides again; this only offers the buttons). */
function availableActions(app: App, user: SessionUser): ActionSpec[] {
  const s = app.status;
  const owning = hasRole(user, 'OFFICER') && user.policeType === app.policeType;
  const clerk = hasRole(user, 'CLERK');
  const supervisor = hasRole(user, 'SUPERVISOR');
  const outstanding = (app.toleratedMaterials ?? []).some((t) => !t.supplied);
  const open = ['ACCEPTED', 'IN_REVIEW', 'SUPPLEMENT_REQUESTED', 'APPROVED', 'READY_FOR_PICKUP'].includes(s);
  const out: ActionSpec[] = [];
  if (owning) {
    if (s === 'ACCEPTED') out.push({ action: 'START_REVIEW', label: '开始审核', primary: true });
    if (s === 'ACCEPTED' || s === 'IN_REVIEW') out.push({ action: 'APPROVE', label: '批准', primary: s === 'IN_REVIEW' });
    if (s === 'ACCEPTED' || s === 'IN_REVIEW' || s === 'SUPPLEMENT_REQUESTED') out.push({ action: 'REJECT', label: '不予批准', danger: true, needs: { reason: true } });
    if (s === 'ACCEPTED' || s === 'IN_REVIEW') out.push({ action: 'REQUEST_SUPPLEMENT', label: '要求补正', needs: { reason: true } });
    if ((s === 'ACCEPTED' || s === 'IN_REVIEW') && !pendingExtension(app)) out.push({ action: 'REQUEST_EXTENSION', label: '申请延期', needs: { reason: true, days: true } });
    if (s === 'APPROVED') out.push({ action: 'MARK_READY', label: '制证完成', primary: true });
  }
  if ((clerk || owning) && s === 'SUPPLEMENT_REQUESTED') out.push({ action: 'SUPPLEMENT_RECEIVED', label: '补正材料已收', primary: true });
  if ((clerk || owning) && open && outstanding) out.push({ action: 'SUPPLY_TOLERATED', label: '容缺材料已补交', needs: { material: true } });
  if ((clerk || owning) && s === 'READY_FOR_PICKUP') out.push({ action: 'DELIVER', label: '发证', primary: true, needs: { delivery: true } });
  if ((clerk || owning) && (s === 'DELIVERED' || s === 'REJECTED')) out.push({ action: 'CLOSE', label: '办结' });
  if (clerk && (s === 'ACCEPTED' || s === 'IN_REVIEW' || s === 'SUPPLEMENT_REQUESTED')) out.push({ action: 'WITHDRAW', label: '撤回申请', danger: true, needs: { reason: true } });
  if (supervisor && pendingExtension(app) && ['ACCEPTED', 'IN_REVIEW', 'SUPPLEMENT_REQUESTED'].includes(s)) {
    out.push({ action: 'APPROVE_EXTENSION', label: '批准延期', primary: true });
    out.push({ action: 'REJECT_EXTENSION', label: '驳回延期', danger: true, needs: { reason: true } });
  }
  return out;
}

/** A REQUEST_EXTENSION in the timeline not yet followed by a supervisor's decision. */
export function pendingExtension(app: App): { reason?: string | null } | null {
  let pending: { reason?: string | null } | null = null;
  for (const e of app.timeline ?? []) {
    if (e.action === 'REQUEST_EXTENSION') pending = { reason: e.reason };
    if (e.action === 'APPROVE_EXTENSION' || e.action === 'REJECT_EXTENSION') pending = null;
  }
  return pending;
}

interface DialogValues {
  reason?: string;
  extensionDays?: number;
  deliveryMethod?: DeliveryMethod;
  materialCode?: string;
}

/** Buttons for the actions the signed-in user may take on this application, with their dialogs. */
export function TransitionActions({ app, onDone, size = 'middle' }: { app: App; onDone?: (a: ApplicationFullFragment | null) => void; size?: 'small' | 'middle' }) {
  const { user } = useSession();
  const { message } = AntApp.useApp();
  const [run, { loading }] = useMutation(TransitionDocument);
  const [dialog, setDialog] = useState<ActionSpec | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [form] = Form.useForm<DialogValues>();
  if (!user) return null;
  const actions = availableActions(app, user);
  if (actions.length === 0) return null;

  const perform = async (spec: ActionSpec, v: DialogValues = {}) => {
    setError(null);
    try {
      const r = await run({
        variables: {
          input: {
            number: app.number,
            action: spec.action,
            reason: v.reason?.trim() || undefined,
            extensionDays: v.extensionDays ?? undefined,
            deliveryMethod: v.deliveryMethod ?? undefined,
            materialCode: v.materialCode ?? undefined,
            expectedVersion: app.version,
          },
        },
      });
      setDialog(null);
      form.resetFields();
      message.success(`已${spec.label}`);
      if (r.data) onDone?.(r.data.transitionApplication);
    } catch (err) {
      const d = describeError(err);
      if (dialog) setError(err);
      else message.error(d.detail ? `${d.title}：${d.detail}` : d.title);
      if (d.code === 'VERSION_CONFLICT' || d.code === 'INVALID_TRANSITION') onDone?.(null);
    }
  };

  const open = (spec: ActionSpec) => {
    if (!spec.needs) return void perform(spec);
    setError(null);
    form.resetFields();
    if (spec.needs.delivery) form.setFieldsValue({ deliveryMethod: (app.deliveryMethod as DeliveryMethod | null) ?? 'WINDOW' });
    if (spec.needs.days) form.setFieldsValue({ extensionDays: 10 });
    if (spec.needs.material) form.setFieldsValue({ materialCode: app.toleratedMaterials?.find((t) => !t.supplied)?.code });
    setDialog(spec);
  };

  return (
    <>
      <Space wrap size={size === 'small' ? 4 : 8} data-testid="transition-actions">
        {actions.map((a) => (
          <Button key={a.action} size={size} type={a.primary ? 'primary' : 'default'} danger={a.danger} loading={loading && dialog === null} onClick={() => open(a)} data-testid={`action-${a.action}`}>
            {a.label}
          </Button>
        ))}
      </Space>
      <Modal
        open={dialog !== null}
        title={dialog ? `${dialog.label} · ${app.number}` : ''}
        okText="确定"
        cancelText="取消"
        confirmLoading={loading}
        onCancel={() => setDialog(null)}
        onOk={() => form.validateFields().then((v) => dialog && perform(dialog, v), () => undefined)}
        destroyOnHidden
        data-testid="action-dialog"
      >
        <Form form={form} layout="vertical" onFinish={(v) => dialog && perform(dialog, v)} preserve={false}>
          {dialog?.needs?.delivery && (
            <Form.Item name="deliveryMethod" label="交付方式" rules={[{ required: true, message: '请选择交付方式' }]}>
              <Select autoFocus options={Object.entries(DELIVERY_METHOD_LABELS).map(([value, label]) => ({ value, label }))} data-testid="dialog-delivery" />
            </Form.Item>
          )}
          {dialog?.needs?.material && (
            <Form.Item name="materialCode" label="补交的容缺材料" rules={[{ required: true, message: '请选择材料' }]}>
              <Select options={(app.toleratedMaterials ?? []).filter((t) => !t.supplied).map((t) => ({ value: t.code, label: `${t.name}（承诺 ${t.dueDate} 前）` }))} />
            </Form.Item>
          )}
          {dialog?.needs?.days && (
            <Form.Item name="extensionDays" label="延期工作日数" rules={[{ required: true, message: '请填写延期天数' }]}>
              <InputNumber min={1} max={60} addonAfter="个工作日" />
            </Form.Item>
          )}
          {dialog?.needs?.reason && (
            <Form.Item name="reason" label={`${ACTION_LABELS[dialog.action] ?? dialog.label}理由`} rules={[{ required: true, whitespace: true, message: '请填写理由（将记入办理记录并告知申请人）' }]}>
              <Input.TextArea autoFocus autoSize={{ minRows: 3 }} maxLength={500} showCount data-testid="dialog-reason" />
            </Form.Item>
          )}
        </Form>
        {error != null && <ErrorAlert error={error} />}
      </Modal>
    </>
  );
}
