import { useMutation, useQuery } from '@apollo/client';
import { Button, Card, Form, Input, Layout, Result, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { idNumberProblem, normaliseIdNumber } from '../citizen';
import { COMPLAINT_KIND_LABELS, options } from '../complaint-labels';
import { ErrorAlert } from '../components/ErrorAlert';
import { RequestComplaintVerificationCodeDocument, SubmitOnlineComplaintDocument } from '../graphql/complaint-channels.operations';
import { PoliceUnitsDocument } from '../graphql/operations';
import type { ComplaintKind, PoliceType } from '../gql/graphql';
import { POLICE_TYPE_LABELS } from '../labels';

interface OnlineValues {
  phone: string;
  verificationCode: string;
  complainantName: string;
  complainantIdNumber?: string;
  policeType: PoliceType;
  responsibleUnitCode: string;
  kind: ComplaintKind;
  officerName?: string;
  applicationNumber?: string;
  content: string;
}

const MOBILE = /^1[3-9]\d{9}$/;
const blank = (v?: string) => (v && v.trim() ? v.trim() : undefined);
const idRule = { validator: async (_: unknown, v?: string) => { const p = v ? idNumberProblem(v) : null; if (p) throw new Error(p); } };

/**
 * 网上投诉: the public form (no login; the route is served to anyone). The mobile number is
 * confirmed with a 6-digit SMS code before the complaint is taken; the only thing the page ever
 * learns back is the tracking number. The service rate-limits codes and submissions.
 */
export function ComplaintOnlinePage() {
  const [form] = Form.useForm<OnlineValues>();
  const units = useQuery(PoliceUnitsDocument, { fetchPolicy: 'cache-first' });
  const [requestCode, code] = useMutation(RequestComplaintVerificationCodeDocument);
  const [submit, submitted] = useMutation(SubmitOnlineComplaintDocument);
  const [codeSentTo, setCodeSentTo] = useState<string | null>(null);
  const [number, setNumber] = useState<string | null>(null);

  const sendCode = async () => {
    const { phone } = await form.validateFields(['phone']);
    const r = await requestCode({ variables: { input: { phone } } }).catch(() => null);
    if (r?.data) setCodeSentTo(phone);
  };
  const onFinish = async (v: OnlineValues) => {
    const r = await submit({
      variables: {
        input: {
          phone: v.phone, verificationCode: v.verificationCode, complainantName: v.complainantName.trim(), content: v.content.trim(),
          policeType: v.policeType, responsibleUnitCode: v.responsibleUnitCode, kind: v.kind,
          complainantIdNumber: v.complainantIdNumber ? normaliseIdNumber(v.complainantIdNumber) : undefined,
          officerName: blank(v.officerName), applicationNumber: blank(v.applicationNumber)?.toUpperCase(),
        },
      },
    }).catch(() => null);
    if (r?.data) setNumber(r.data.submitOnlineComplaint.number);
  };

  return (
    <Layout style={{ minHeight: '100%' }}>
      <Layout.Header className="ow-header"><span className="ow-brand">公安机关 · 网上信访投诉</span></Layout.Header>
      <Layout.Content className="ow-content" style={{ maxWidth: 860, margin: '0 auto', width: '100%' }}>
        {number ? (
          <div data-testid="online-complaint-done">
          <Result
            status="success"
            title="投诉已提交"
            subTitle={<span>您的信访编号为 <Typography.Text strong copyable data-testid="online-complaint-number">{number}</Typography.Text>，受理告知短信已发送至您的手机。我们将在 15 日内告知是否受理；也可拨打 96166 或 960111 查询。</span>}
          />
          </div>
        ) : (
          <Card title="网上投诉" data-testid="online-complaint-form">
            <Typography.Paragraph type="secondary">
              请如实填写。提交前须用短信验证码确认您的手机号码；信访编号和办理结果将通过短信告知，短信中不含您的姓名和证件号码。
            </Typography.Paragraph>
            <Form form={form} layout="vertical" onFinish={(v) => void onFinish(v)} requiredMark>
              <Form.Item label="手机号码" required>
                <Space.Compact style={{ width: '100%' }}>
                  <Form.Item name="phone" noStyle rules={[{ required: true, message: '请填写手机号码' }, { pattern: MOBILE, message: '手机号码应为 11 位数字（1 开头）' }]}>
                    <Input placeholder="用于接收验证码和办理短信" maxLength={11} data-testid="online-phone" />
                  </Form.Item>
                  <Button onClick={() => void sendCode()} loading={code.loading} data-testid="online-send-code">{codeSentTo ? '重新获取' : '获取验证码'}</Button>
                </Space.Compact>
              </Form.Item>
              {codeSentTo && <Typography.Paragraph type="success" data-testid="online-code-sent">验证码已发送至 {codeSentTo.slice(0, 3)}****{codeSentTo.slice(7)}，10 分钟内有效。</Typography.Paragraph>}
              {code.error && <ErrorAlert error={code.error} style={{ marginBottom: 16 }} />}
              <Form.Item name="verificationCode" label="短信验证码" rules={[{ required: true, message: '请填写短信验证码' }, { pattern: /^\d{6}$/, message: '验证码为 6 位数字' }]}>
                <Input maxLength={6} style={{ width: 160 }} data-testid="online-code" />
              </Form.Item>
              <Space size="large" wrap>
                <Form.Item name="complainantName" label="姓名" rules={[{ required: true, message: '请填写姓名' }]}>
                  <Input maxLength={50} style={{ width: 200 }} data-testid="online-name" />
                </Form.Item>
                <Form.Item name="complainantIdNumber" label="身份证号码（可不填）" rules={[idRule]}>
                  <Input maxLength={18} style={{ width: 260 }} data-testid="online-id-number" />
                </Form.Item>
              </Space>
              <Space size="large" wrap>
                <Form.Item name="policeType" label="被投诉警种" rules={[{ required: true, message: '请选择警种' }]}>
                  <Select id="policeType" style={{ width: 160 }} options={Object.entries(POLICE_TYPE_LABELS).filter(([k]) => k !== 'COMPLAINTS').map(([value, label]) => ({ value, label }))} />
                </Form.Item>
                <Form.Item name="responsibleUnitCode" label="被投诉单位" rules={[{ required: true, message: '请选择单位' }]}>
                  <Select id="responsibleUnitCode" style={{ width: 320 }} showSearch optionFilterProp="label" loading={units.loading}
                    options={(units.data?.policeUnits ?? []).map((u) => ({ value: u.code, label: u.name }))} />
                </Form.Item>
                <Form.Item name="kind" label="投诉类别" rules={[{ required: true, message: '请选择类别' }]}>
                  <Select id="kind" style={{ width: 140 }} options={options(COMPLAINT_KIND_LABELS)} />
                </Form.Item>
              </Space>
              <Space size="large" wrap>
                <Form.Item name="officerName" label="涉及民警（如知道）"><Input maxLength={50} style={{ width: 200 }} /></Form.Item>
                <Form.Item name="applicationNumber" label="所涉办件受理编号（如有）"><Input maxLength={16} style={{ width: 240 }} placeholder="如 HH20260210000001" /></Form.Item>
              </Space>
              <Form.Item name="content" label="投诉内容" rules={[{ required: true, message: '请填写投诉内容' }, { min: 5, message: '请至少填写 5 个字' }]}>
                <Input.TextArea rows={5} maxLength={4000} showCount data-testid="online-content" />
              </Form.Item>
              {submitted.error && <ErrorAlert error={submitted.error} style={{ marginBottom: 16 }} />}
              <Button type="primary" htmlType="submit" loading={submitted.loading} data-testid="online-submit">提交投诉</Button>
            </Form>
          </Card>
        )}
      </Layout.Content>
    </Layout>
  );
}
