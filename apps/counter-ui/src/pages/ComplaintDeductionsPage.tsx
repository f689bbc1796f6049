import { useMutation, useQuery } from '@apollo/client';
import { MinusCircleOutlined } from '@ant-design/icons';
import { App as AntApp, Button, Card, Form, Input, InputNumber, Modal, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { chinaToday } from '../china-time';
import { COMPLAINT_FINDING_COLORS, COMPLAINT_FINDING_LABELS, DEDUCTION_CONSEQUENCE_COLORS, DEDUCTION_CONSEQUENCE_LABELS } from '../complaint-analysis-labels';
import { ErrorAlert } from '../components/ErrorAlert';
import type { ComplaintDeductionsQuery } from '../gql/graphql';
import { ComplaintDeductionsDocument, ReverseComplaintDeductionDocument } from '../graphql/complaint-analysis.operations';
import { POLICE_TYPE_LABELS, label } from '../labels';
import { hasRole, useSession } from '../session';
import { useUnitName } from '../units';

type Deduction = ComplaintDeductionsQuery['complaintDeductions'][number];

/**
 * 信访扣分: deductions from substantiated complaints in a year — per officer with the consequence
 * (2 → 取消立功授奖和评优资格, 3 → 下发《提示单》), per unit, and every deduction traced to its
 * complaint. Supervisors see their unit and may reverse one with a reason; the analyst reads all.
 */
export function ComplaintDeductionsPage() {
  const { user } = useSession();
  const [year, setYear] = useState(chinaToday().year());
  const { data, loading, error, refetch } = useQuery(ComplaintDeductionsDocument, { variables: { year }, fetchPolicy: 'cache-and-network' });
  const [reversing, setReversing] = useState<Deduction | null>(null);
  const unitName = useUnitName();
  const mayReverse = hasRole(user, 'SUPERVISOR');
  const s = data?.complaintDeductionStandings;
  return (
    <Card title={<Space><MinusCircleOutlined />信访投诉扣分</Space>} extra={<Typography.Text type="secondary">年度内因信访投诉两次被扣分：取消立功授奖和评优资格；三次：下发《提示单》</Typography.Text>}>
      <Space style={{ marginBottom: 16 }}>
        年度
        <InputNumber min={2000} max={2100} value={year} onChange={(v) => v && setYear(v)} data-testid="deductions-year" />
        <Button onClick={() => void refetch()}>刷新</Button>
      </Space>
      {error && <ErrorAlert error={error} style={{ marginBottom: 16 }} />}
      <Typography.Title level={5}>民警</Typography.Title>
      <Table
        rowKey="officerUsername"
        size="small"
        loading={loading}
        pagination={false}
        dataSource={s?.officers ?? []}
        data-testid="deductions-officers"
        locale={{ emptyText: '本年度无扣分' }}
        columns={[
          { title: '民警', dataIndex: 'officerName', render: (n: string | null, o) => `${n ?? ''}（${o.officerUsername}）` },
          { title: '单位', dataIndex: 'unitCode', render: (u: string) => unitName(u) },
          { title: '被扣分次数', dataIndex: 'deductions', align: 'right' as const },
          { title: '扣分合计', dataIndex: 'points', align: 'right' as const },
          { title: '后果', dataIndex: 'consequence', render: (c: string) => <Tag color={DEDUCTION_CONSEQUENCE_COLORS[c]} data-testid="deduction-consequence" data-consequence={c}>{label(DEDUCTION_CONSEQUENCE_LABELS, c)}</Tag> },
        ]}
      />
      <Typography.Title level={5} style={{ marginTop: 16 }}>单位</Typography.Title>
      <Table
        rowKey="unitCode"
        size="small"
        pagination={false}
        dataSource={s?.units ?? []}
        data-testid="deductions-units"
        locale={{ emptyText: '本年度无扣分' }}
        columns={[
          { title: '单位', dataIndex: 'unitCode', render: (u: string) => unitName(u) },
          { title: '扣分次数', dataIndex: 'deductions', align: 'right' as const },
          { title: '扣分合计', dataIndex: 'points', align: 'right' as const },
        ]}
      />
      <Typography.Title level={5} style={{ marginTop: 16 }}>扣分记录</Typography.Title>
      <Table<Deduction>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={data?.complaintDeductions ?? []}
        data-testid="deductions-list"
        rowClassName={(d) => (d.reversed ? 'ow-row-muted' : '')}
        columns={[
          { title: '扣分日期', dataIndex: 'deductedOn' },
          { title: '信访编号', dataIndex: 'complaintNumber' },
          { title: '核查结论', dataIndex: 'finding', render: (f: string) => <Tag color={COMPLAINT_FINDING_COLORS[f]}>{label(COMPLAINT_FINDING_LABELS, f)}</Tag> },
          { title: '警种', dataIndex: 'policeType', render: (t: string) => label(POLICE_TYPE_LABELS, t) },
          { title: '责任单位', dataIndex: 'unitCode', render: (u: string) => unitName(u) },
          { title: '责任民警', dataIndex: 'officerName', render: (n: string | null, d) => n ?? d.officerUsername },
          { title: '单位 / 民警扣分', key: 'points', render: (_: unknown, d) => `${d.unitPoints} / ${d.officerPoints}` },
          {
            title: '状态', key: 'state',
            render: (_: unknown, d) => (d.reversed
              ? <Typography.Text type="secondary" data-testid="deduction-reversed">已撤销（{d.reversedOn}，{d.reversalReason}）</Typography.Text>
              : mayReverse ? <Button size="small" danger onClick={() => setReversing(d)} data-testid="deduction-reverse">撤销</Button> : <Tag color="red">有效</Tag>),
          },
        ]}
      />
      {reversing && <ReverseDialog deduction={reversing} onCancel={() => setReversing(null)} onDone={() => { setReversing(null); void refetch(); }} />}
    </Card>
  );
}

function ReverseDialog({ deduction, onCancel, onDone }: { deduction: Deduction; onCancel: () => void; onDone: () => void }) {
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const [reverse, { loading }] = useMutation(ReverseComplaintDeductionDocument);
  const [error, setError] = useState<unknown>(null);
  const run = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    try {
      await reverse({ variables: { input: { deductionId: deduction.id, reason: v.reason.trim() } } });
      void message.success(`已撤销扣分：${deduction.complaintNumber}`);
      onDone();
    } catch (err) {
      setError(err);
    }
  };
  return (
    <Modal open title={`撤销扣分 — ${deduction.complaintNumber}`} onCancel={onCancel} onOk={() => void run()} confirmLoading={loading} okText="撤销" cancelText="取消" okButtonProps={{ danger: true, ...({ 'data-testid': 'deduction-reverse-ok' } as Record<string, string>) }} destroyOnHidden>
      <Typography.Paragraph>撤销后该次扣分不再计入民警年度被扣分次数；撤销理由留痕审计。</Typography.Paragraph>
      <Form form={form} layout="vertical">
        <Form.Item name="reason" label="撤销理由" rules={[{ required: true, whitespace: true, message: '请填写撤销理由' }]}>
          <Input.TextArea rows={3} maxLength={500} data-testid="deduction-reverse-reason" />
        </Form.Item>
      </Form>
      {error != null && <ErrorAlert error={error} />}
    </Modal>
  );
}
