import { useMutation } from '@apollo/client';
import { Button, Card, Descriptions, Form, Input, Layout, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { ErrorAlert } from '../components/ErrorAlert';
import { QueryProgressDocument, RequestProgressCodeDocument } from '../graphql/self-service.operations';
import type { QueryProgressMutation } from '../gql/graphql';

interface ProgressValues {
  number: string;
  phone: string;
  code: string;
}

const MOBILE = /^1[3-9]\d{9}$/;
const NUMBER = /^[A-Za-z]{2}\d{14}$/;
const STATUS_COLORS: Record<string, string> = { READY_FOR_PICKUP: 'green', DELIVERED: 'default', CLOSED: 'default', REJECTED: 'red', SUPPLEMENT_REQUESTED: 'orange', WITHDRAWN: 'default' };

/**
 * 办理进度查询 (public, no login; the receipt's QR code opens it with ?number=): the number from the
 * receipt plus the phone given at the window, confirmed by an SMS code. The answer is the same
 * whether or not the number exists; the result shows status, deadline and pickup — nothing personal.
 */
export function ProgressQueryPage() {
  const initialNumber = new URLSearchParams(window.location.search).get('number')?.trim().toUpperCase() ?? '';
  const [form] = Form.useForm<ProgressValues>();
  const [requestCode, code] = useMutation(RequestProgressCodeDocument);
  const [query, queried] = useMutation(QueryProgressDocument);
  const [sentNote, setSentNote] = useState<string | null>(null);
  const [result, setResult] = useState<QueryProgressMutation['queryProgress'] | null>(null);

  const sendCode = async () => {
    const v = await form.validateFields(['number', 'phone']);
    const r = await requestCode({ variables: { input: { number: v.number.trim().toUpperCase(), phone: v.phone.trim() } } }).catch(() => null);
    if (r?.data) setSentNote(r.data.requestProgressCode.message);
  };
  const onFinish = async (v: ProgressValues) => {
    const r = await query({ variables: { input: { number: v.number.trim().toUpperCase(), phone: v.phone.trim(), code: v.code.trim() } } }).catch(() => null);
    if (r?.data) setResult(r.data.queryProgress);
  };

  return (
    <Layout style={{ minHeight: '100%' }}>
      <Layout.Header className="ow-header"><span className="ow-brand">公安政务服务 · 办理进度查询</span></Layout.Header>
      <Layout.Content className="ow-content" style={{ maxWidth: 720, margin: '0 auto', width: '100%' }}>
        <Space direction="vertical" size="middle" style={{ width: '100%' }}>
          <Card title="办理进度查询" data-testid="progress-form">
            <Typography.Paragraph type="secondary">
              请输入受理回执上的受理编号和办理时登记的手机号码，获取短信验证码后查询。查询结果只显示办理状态、办结期限和领取信息，不显示个人信息。
            </Typography.Paragraph>
            <Form form={form} layout="vertical" initialValues={{ number: initialNumber }} onFinish={(v) => void onFinish(v)} requiredMark>
              <Form.Item name="number" label="受理编号" rules={[{ required: true, message: '请填写受理编号' }, { pattern: NUMBER, message: '受理编号为 2 位字母加 14 位数字，如 HH20260318000001' }]}>
                <Input maxLength={16} style={{ width: 260 }} placeholder="如 HH20260318000001" data-testid="progress-number" autoFocus={!initialNumber} />
              </Form.Item>
              <Form.Item label="手机号码" required>
                <Space.Compact>
                  <Form.Item name="phone" noStyle rules={[{ required: true, message: '请填写手机号码' }, { pattern: MOBILE, message: '手机号码应为 11 位数字（1 开头）' }]}>
                    <Input maxLength={11} style={{ width: 200 }} placeholder="办理时登记的手机号码" data-testid="progress-phone" autoFocus={Boolean(initialNumber)} />
                  </Form.Item>
                  <Button onClick={() => void sendCode()} loading={code.loading} data-testid="progress-send-code">{sentNote ? '重新获取' : '获取验证码'}</Button>
                </Space.Compact>
              </Form.Item>
              {sentNote && <Typography.Paragraph type="success" data-testid="progress-code-sent">{sentNote}。</Typography.Paragraph>}
              {code.error && <ErrorAlert error={code.error} style={{ marginBottom: 16 }} />}
              <Form.Item name="code" label="短信验证码" rules={[{ required: true, message: '请填写短信验证码' }, { pattern: /^\d{6}$/, message: '验证码为 6 位数字' }]}>
                <Input maxLength={6} style={{ width: 160 }} data-testid="progress-code" />
              </Form.Item>
              {queried.error && <ErrorAlert error={queried.error} style={{ marginBottom: 16 }} />}
              <Button type="primary" htmlType="submit" loading={queried.loading} data-testid="progress-submit">查询</Button>
            </Form>
          </Card>
          {result && (
            <Card title="办理进度" data-testid="progress-result">
              <Descriptions column={1} bordered size="middle">
                <Descriptions.Item label="受理编号">{result.number}</Descriptions.Item>
                <Descriptions.Item label="办理事项">{result.itemName}</Descriptions.Item>
                <Descriptions.Item label="办理状态"><Tag color={STATUS_COLORS[result.status] ?? 'blue'} data-testid="progress-status">{result.statusLabel}</Tag></Descriptions.Item>
                <Descriptions.Item label="受理日期">{result.acceptedOn}</Descriptions.Item>
                <Descriptions.Item label="承诺办结日期">{result.deadline}</Descriptions.Item>
                <Descriptions.Item label="受理单位">{result.unitName}</Descriptions.Item>
                {result.resultName && <Descriptions.Item label="办理结果">{result.resultName}</Descriptions.Item>}
                {result.pickupPlace && <Descriptions.Item label="领取地点">{result.pickupPlace}{result.pickupAddress ? `（${result.pickupAddress}）` : ''}</Descriptions.Item>}
                {result.pickupTime && <Descriptions.Item label="领取时间">{result.pickupTime}</Descriptions.Item>}
                {result.pickupNotice && <Descriptions.Item label="领取说明">{result.pickupNotice}</Descriptions.Item>}
              </Descriptions>
              <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>领取时请携带受理回执及本人身份证件；如有疑问请拨打 96166 或受理回执上的咨询电话。</Typography.Paragraph>
            </Card>
          )}
        </Space>
      </Layout.Content>
    </Layout>
  );
}
