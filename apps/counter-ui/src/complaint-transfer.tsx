import { useMutation } from '@apollo/client';
import { Button, Form, Input, InputNumber, Modal, Select } from 'antd';
import { useState } from 'react';
import { ErrorAlert } from './components/ErrorAlert';
import { TransferComplaintDocument } from './graphql/complaint-channels.operations';
import type { PoliceType } from './gql/graphql';
import { POLICE_TYPE_LABELS } from './labels';
import { hasRole, useSession } from './session';

const TRANSFERABLE = ['RECEIVED', 'ACCEPTED', 'REOPENED'];

/**
 * 移交核查 in the 信访工作台 drawer: a complaints officer sends the complaint to the police type
 * concerned to verify and handle the facts (a cross-police-type transfer, kind 信访核查); the
 * receiving officer works it on the transfer screens and the result comes back on the timeline.
 */
export function ComplaintTransferButton({ complaint, onDone }: { complaint: { number: string; status: string; policeType: string }; onDone: () => void }) {
  const { user } = useSession();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ toPoliceType: PoliceType; reason: string; requestedDeadlineDays: number }>();
  const [send, { loading, error, reset }] = useMutation(TransferComplaintDocument);
  if (!user || !hasRole(user, 'OFFICER') || user.policeType !== 'COMPLAINTS' || !TRANSFERABLE.includes(complaint.status)) return null;
  const run = async () => {
    const v = await form.validateFields();
    const r = await send({ variables: { input: { number: complaint.number, ...v } } }).catch(() => null);
    if (r?.data) { setOpen(false); onDone(); }
  };
  return (
    <>
      <Button onClick={() => { reset(); setOpen(true); }} data-testid="complaint-action-transfer">移交核查</Button>
      {open && (
        <Modal open title={`移交核查 — ${complaint.number}`} onCancel={() => setOpen(false)} onOk={() => void run()} confirmLoading={loading} okText="移交" cancelText="取消"
          okButtonProps={{ 'data-testid': 'complaint-transfer-ok' } as Record<string, string>} destroyOnHidden>
          <Form form={form} layout="vertical" initialValues={{ toPoliceType: complaint.policeType !== 'COMPLAINTS' ? complaint.policeType : undefined, requestedDeadlineDays: 5 }}>
            <Form.Item name="toPoliceType" label="移交警种" rules={[{ required: true, message: '请选择警种' }]}>
              <Select id="toPoliceType" options={Object.entries(POLICE_TYPE_LABELS).filter(([k]) => k !== 'COMPLAINTS').map(([value, label]) => ({ value, label }))} />
            </Form.Item>
            <Form.Item name="reason" label="请核查的事项" rules={[{ required: true, message: '请填写请核查的事项' }]}>
              <Input.TextArea rows={3} maxLength={500} data-testid="complaint-transfer-reason" />
            </Form.Item>
            <Form.Item name="requestedDeadlineDays" label="要求反馈期限（工作日）" rules={[{ required: true }]}>
              <InputNumber min={1} max={30} />
            </Form.Item>
          </Form>
          {error && <ErrorAlert error={error} />}
        </Modal>
      )}
    </>
  );
}
