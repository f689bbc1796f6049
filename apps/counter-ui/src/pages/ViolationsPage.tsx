import { useLazyQuery, useMutation } from '@apollo/client';
import { CarOutlined } from '@ant-design/icons';
import { App as AntApp, Button, Card, Checkbox, Descriptions, Form, Input, Modal, Space, Statistic, Table, Tag, Typography } from 'antd';
import { formatDateTime } from '../china-time';
import { useState } from 'react';
import { VIOLATION_STATUS_COLORS, VIOLATION_STATUS_LABELS, yuan } from '../capability-labels';
import { idNumberProblem, normaliseIdNumber, useCitizen } from '../citizen';
import { ErrorAlert } from '../components/ErrorAlert';
import { RegisterLookupForm, type LookupKey, type RegisterLookup } from '../components/RegisterLookupForm';
import { HandleViolationDocument, ViolationsDocument } from '../graphql/capabilities.operations';
import type { ViolationFieldsFragment } from '../gql/graphql';
import { LOOKUP_PURPOSES, label } from '../labels';
import { hasRole, useSession } from '../session';

type V = ViolationFieldsFragment;
/** The traffic service's plate pattern (vehicle-identifiers.ts): province, letter, 5–6 characters without I and O. */
const PLATE = /^[\u4e00-\u9fa5][A-Z][A-HJ-NP-Z0-9]{5,6}$/u;
type By = 'plate' | 'idNumber';

type LookupForm = RegisterLookup<By>;
const VIOLATION_LOOKUP_KEYS: LookupKey<By>[] = [
  { value: 'plate', label: '号牌号码', missing: '请输入号牌号码', placeholder: '如 川A62C95' },
  { value: 'idNumber', label: '身份证号码', missing: '请输入身份证号码', placeholder: '18 位公民身份号码' },
];

interface HandleForm {
  decisionNumber?: string;
  driverIdNumber?: string;
  pay: boolean;
  paymentReference?: string;
}

/**
 * 交通违法查询与处理: by plate or by the person (their licence and the vehicles they own), city-wide,
 * every query audited with its purpose. Clerks and traffic officers handle a record: the penalty
 * decision (决定书编号, points go on the driver's licence) and/or the payment (缴款凭证号).
 */
export function ViolationsPage() {
  const { user } = useSession();
  const { citizen } = useCitizen();
  const { message } = AntApp.useApp();
  const canHandle = hasRole(user, 'CLERK') || (hasRole(user, 'OFFICER') && user?.policeType === 'TRAFFIC');
  const [form] = Form.useForm<LookupForm>();
  const [localError, setLocalError] = useState<string | null>(null);
  const [lookup, { data, loading, error, called, variables }] = useLazyQuery(ViolationsDocument, { fetchPolicy: 'network-only' });
  const [handling, setHandling] = useState<V | null>(null);

  const submit = (v: LookupForm) => {
    const target = v.by === 'idNumber' ? normaliseIdNumber(v.target) : v.target.replace(/[\s·•.-]+/g, '').toUpperCase();
    const problem = v.by === 'idNumber' ? idNumberProblem(target) : PLATE.test(target) ? null : '号牌号码格式不正确，例如 川A12345';
    setLocalError(problem);
    if (problem) return;
    form.setFieldsValue({ target });
    void lookup({ variables: { purpose: v.purpose, plate: v.by === 'plate' ? target : undefined, idNumber: v.by === 'idNumber' ? target : undefined } });
  };

  const rows = data?.violations ?? [];
  const open = rows.filter((r) => r.status !== 'PAID');
  const openFine = open.reduce((s, r) => s + r.fineFen, 0);
  const openPoints = rows.filter((r) => r.status === 'OPEN').reduce((s, r) => s + r.points, 0);

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Card title={<Space><CarOutlined />交通违法查询与处理</Space>} extra={<Typography.Text type="secondary">按号牌号码或身份证号码查询本市交通违法记录</Typography.Text>}>
        <RegisterLookupForm
          form={form}
          testId="violations"
          keys={VIOLATION_LOOKUP_KEYS}
          initialValues={{ by: citizen ? 'idNumber' : 'plate', target: citizen?.idNumber ?? '', purpose: LOOKUP_PURPOSES[0] }}
          onFinish={submit}
          localError={localError}
          onLocalErrorClear={() => setLocalError(null)}
          error={error}
          loading={loading}
        />
        <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
          查询将按事由留痕审计；按身份证号码查询包括本人驾驶证记录和名下机动车的违法记录。{canHandle ? '' : '您的角色只能查询，处理请由窗口民警或交管民警办理。'}
        </Typography.Paragraph>
      </Card>

      {called && data && !localError && (
        <Card
          title={`查询结果：${variables?.plate ? `号牌 ${variables.plate}` : '按身份证号码'}`}
          data-testid="violations-result"
        >
          <Space size={48} style={{ marginBottom: 16 }} data-testid="violations-summary">
            <Statistic title="未处理完毕" value={open.length} suffix="条" />
            <Statistic title="待缴罚款" value={yuan(openFine)} valueStyle={{ color: openFine ? '#cf1322' : undefined }} />
            <Statistic title="待记分" value={openPoints} suffix="分" />
          </Space>
          <Table<V>
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={rows}
            locale={{ emptyText: '没有交通违法记录' }}
            onRow={(r) => ({ 'data-violation': r.id, 'data-status': r.status }) as React.HTMLAttributes<HTMLElement>}
            columns={[
              { title: '违法时间', dataIndex: 'occurredAt', render: (v: string) => formatDateTime(v) },
              { title: '违法地点', dataIndex: 'place' },
              { title: '违法行为', dataIndex: 'description', render: (v: string, r) => <span>{v}<Typography.Text type="secondary">（代码 {r.code}）</Typography.Text></span> },
              { title: '号牌', dataIndex: 'plateNumber', render: (v?: string | null) => v ?? '—' },
              { title: '驾驶证号', dataIndex: 'licenceNumber', render: (v?: string | null) => v ?? <Typography.Text type="secondary">未确定驾驶人</Typography.Text> },
              { title: '罚款', dataIndex: 'fineFen', render: (v: number) => yuan(v) },
              { title: '记分', dataIndex: 'points' },
              {
                title: '状态',
                dataIndex: 'status',
                render: (v: string, r) => (
                  <Space direction="vertical" size={0}>
                    <Tag color={VIOLATION_STATUS_COLORS[v]} data-testid="violation-status">{label(VIOLATION_STATUS_LABELS, v)}</Tag>
                    {r.decisionNumber && <Typography.Text type="secondary" style={{ fontSize: 12 }}>决定书 {r.decisionNumber}</Typography.Text>}
                    {r.paymentReference && <Typography.Text type="secondary" style={{ fontSize: 12 }}>缴款 {r.paymentReference}</Typography.Text>}
                  </Space>
                ),
              },
              ...(canHandle
                ? [{
                    title: '操作',
                    key: 'action',
                    render: (_: unknown, r: V) =>
                      r.status === 'PAID' ? <Typography.Text type="secondary">已办结</Typography.Text> : (
                        <Button size="small" type="primary" onClick={() => setHandling(r)} data-testid="violation-handle">
                          {r.status === 'OPEN' ? '处理' : '登记缴款'}
                        </Button>
                      ),
                  }]
                : []),
            ]}
          />
        </Card>
      )}

      {handling && (
        <HandleDialog
          violation={handling}
          onClose={() => setHandling(null)}
          onDone={(v) => {
            setHandling(null);
            message.success(v.status === 'PAID' ? '已登记缴款，该违法记录办结' : `已作出处罚决定${v.points ? `，记 ${v.points} 分` : ''}`);
          }}
        />
      )}
    </Space>
  );
}

function HandleDialog({ violation: v, onClose, onDone }: { violation: V; onClose: () => void; onDone: (v: V) => void }) {
  const [form] = Form.useForm<HandleForm>();
  const [handle, { loading, error, reset }] = useMutation(HandleViolationDocument);
  const deciding = v.status === 'OPEN';

  const submit = async () => {
    const f = await form.validateFields().catch(() => null); // the form shows what is missing
    if (!f) return;
    reset();
    const driver = f.driverIdNumber ? normaliseIdNumber(f.driverIdNumber) : undefined;
    try {
      const r = await handle({
        variables: {
          id: v.id,
          decisionNumber: deciding ? f.decisionNumber?.trim() : undefined,
          driverIdNumber: deciding && driver ? driver : undefined,
          paymentReference: !deciding || f.pay ? f.paymentReference?.trim() : undefined,
        },
      });
      if (r.data) onDone(r.data.handleViolation);
    } catch {
      // shown below through `error`
    }
  };

  return (
    <Modal
      open
      title={deciding ? '交通违法处理' : '登记罚款缴纳'}
      okText={deciding ? '确认处理' : '登记缴款'}
      onOk={() => void submit()}
      confirmLoading={loading}
      onCancel={onClose}
      destroyOnHidden
      width={640}
    >
      <Descriptions size="small" column={2} bordered style={{ marginBottom: 16 }}>
        <Descriptions.Item label="违法行为" span={2}>{v.description}</Descriptions.Item>
        <Descriptions.Item label="时间">{formatDateTime(v.occurredAt)}</Descriptions.Item>
        <Descriptions.Item label="号牌">{v.plateNumber ?? '—'}</Descriptions.Item>
        <Descriptions.Item label="罚款">{yuan(v.fineFen)}</Descriptions.Item>
        <Descriptions.Item label="记分">{v.points} 分</Descriptions.Item>
        {v.decisionNumber && <Descriptions.Item label="处罚决定书" span={2}>{v.decisionNumber}</Descriptions.Item>}
      </Descriptions>
      <Form form={form} layout="vertical" initialValues={{ pay: false }} onFinish={() => void submit()} data-testid="violation-dialog">
        {deciding && (
          <>
            <Form.Item name="decisionNumber" label="处罚决定书编号" rules={[{ required: true, message: '请填写处罚决定书编号' }, { min: 4, max: 40, message: '编号为 4–40 位' }, { pattern: /^\S+$/, message: '编号不能包含空格' }]}>
              <Input autoFocus autoComplete="off" placeholder="简易程序处罚决定书编号" data-testid="violation-decision-number" />
            </Form.Item>
            {!v.licenceNumber && (
              <Form.Item
                name="driverIdNumber"
                label="接受处理的驾驶人身份证号码"
                extra="电子监控记录未确定驾驶人；不填则记分记入机动车所有人的驾驶证。"
                rules={[{ validator: async (_, value?: string) => { if (value && idNumberProblem(value)) throw new Error(idNumberProblem(value)!); } }]}
              >
                <Input className="ow-id-input" maxLength={20} autoComplete="off" data-testid="violation-driver" />
              </Form.Item>
            )}
            <Form.Item name="pay" valuePropName="checked">
              <Checkbox data-testid="violation-pay">当场缴纳罚款（同时登记缴款凭证号）</Checkbox>
            </Form.Item>
          </>
        )}
        <Form.Item noStyle shouldUpdate={(a, b) => a.pay !== b.pay}>
          {({ getFieldValue }) =>
            (!deciding || getFieldValue('pay')) && (
              <Form.Item name="paymentReference" label="缴款凭证号" rules={[{ required: true, message: '请填写缴款凭证号' }, { min: 4, max: 64, message: '凭证号为 4–64 位' }, { pattern: /^\S+$/, message: '凭证号不能包含空格' }]}>
                <Input autoFocus={!deciding} autoComplete="off" data-testid="violation-payment-reference" />
              </Form.Item>
            )
          }
        </Form.Item>
        <button type="submit" hidden />
      </Form>
      {error && <ErrorAlert error={error} />}
    </Modal>
  );
}
