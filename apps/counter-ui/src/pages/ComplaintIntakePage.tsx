import { useMutation } from '@apollo/client';
import { FormOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Form, Input, Result, Row, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { idNumberProblem, normaliseIdNumber } from '../citizen';
import { COMPLAINT_CHANNEL_LABELS, COMPLAINT_KIND_LABELS, options } from '../complaint-labels';
import { ErrorAlert } from '../components/ErrorAlert';
import { ComplaintDrawer } from './ComplaintsWorkbenchPage';
import { IntakeComplaintDocument } from '../graphql/complaints.operations';
import type { ComplaintChannel, ComplaintFieldsFragment, ComplaintKind, PoliceType } from '../gql/graphql';
import { POLICE_TYPE_LABELS } from '../labels';
import { hasRole, useSession } from '../session';

interface IntakeValues {
  channel: ComplaintChannel;
  complainantName: string;
  complainantPhone: string;
  complainantIdNumber?: string;
  content: string;
  policeType: PoliceType;
  responsibleUnitCode: string;
  officerName?: string;
  kind: ComplaintKind;
  applicationNumber?: string;
  firstInquiryNumber?: string;
  channelReference?: string;
  receivedOn?: string;
}

/** Mobile or fixed line with area code (the service checks again). */
const PHONE = /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/;
const idRule = { validator: async (_: unknown, v?: string) => { const p = v ? idNumberProblem(v) : null; if (p) throw new Error(p); } };
const blank = (v?: string) => (v && v.trim() ? v.trim() : null);

/**
 * 投诉登记: clerks register what a citizen says at the window (channel WINDOW only); complaints
 * officers also register letters, visits, hotline tickets and online complaints. The result is the
 * tracking number — and, when the same person raised the same matter within 90 days, the first one.
 */
export function ComplaintIntakePage() {
  const { user } = useSession();
  const [form] = Form.useForm<IntakeValues>();
  const [done, setDone] = useState<ComplaintFieldsFragment | null>(null);
  const [lookup, setLookup] = useState<string | null>(null);
  const [intake, { loading, error, reset }] = useMutation(IntakeComplaintDocument);
  const clerk = hasRole(user, 'CLERK');
  const channels = options(COMPLAINT_CHANNEL_LABELS).filter((o) => !clerk || o.value === 'WINDOW');

  const submit = async (v: IntakeValues) => {
    const r = await intake({
      variables: {
        input: {
          channel: v.channel,
          complainantName: v.complainantName.trim(),
          complainantPhone: v.complainantPhone.trim(),
          complainantIdNumber: v.complainantIdNumber ? normaliseIdNumber(v.complainantIdNumber) : null,
          content: v.content.trim(),
          policeType: v.policeType,
          responsibleUnitCode: v.responsibleUnitCode.trim(),
          officerName: blank(v.officerName),
          kind: v.kind,
          applicationNumber: blank(v.applicationNumber)?.toUpperCase() ?? null,
          firstInquiryNumber: blank(v.firstInquiryNumber)?.toUpperCase() ?? null,
          channelReference: blank(v.channelReference),
          receivedOn: blank(v.receivedOn),
        },
      },
    }).catch(() => null);
    if (r?.data) setDone(r.data.intakeComplaint);
  };

  const byNumber = (
    <>
      <Input.Search
        placeholder="信访编号（查询进度、对答复不满意登记重新办理）"
        enterButton="查询"
        style={{ width: 440 }}
        onSearch={(v) => { const n = v.trim().toUpperCase(); if (n) setLookup(n); }}
        data-testid="complaint-lookup"
      />
      <ComplaintDrawer number={lookup} onClose={() => setLookup(null)} onChanged={() => undefined} />
    </>
  );

  if (done) {
    return (
      <Card title={<Space><FormOutlined />投诉登记</Space>} extra={byNumber}>
        <div data-testid="complaint-intake-success">
        <Result
          status="success"
          title="投诉已登记"
          subTitle={<span>信访编号 <Typography.Text strong copyable data-testid="complaint-number">{done.number}</Typography.Text>，请告知投诉人凭此编号查询办理进度</span>}
          extra={<Button type="primary" onClick={() => { setDone(null); form.resetFields(); reset(); }} data-testid="complaint-intake-again">继续登记</Button>}
        >
          {done.repeatOf && (
            <Alert type="warning" showIcon message="重复投诉" description={`同一投诉人 90 日内就同一事项已投诉，关联首件信访编号 ${done.repeatOf}（不重复计数）`} data-testid="complaint-repeat-of" />
          )}
        </Result>
        </div>
      </Card>
    );
  }

  return (
    <Card title={<Space><FormOutlined />投诉登记</Space>} extra={<Space>{byNumber}</Space>}>
      <Typography.Paragraph type="secondary">{clerk ? '窗口当面投诉登记；来信、来访、热线由信访民警登记' : '来信、来访、热线、网上及窗口投诉登记'}</Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ channel: clerk ? 'WINDOW' : undefined, responsibleUnitCode: user?.unitCode ?? '' }}
        data-testid="complaint-intake-form"
        style={{ maxWidth: 960 }}
      >
        <Row gutter={16}>
          <Col span={8}>
            <Form.Item name="channel" label="信访渠道" rules={[{ required: true, message: '请选择信访渠道' }]}>
              <Select options={channels} disabled={clerk} data-testid="complaint-channel" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="complainantName" label="投诉人姓名" rules={[{ required: true, whitespace: true, message: '请填写投诉人姓名' }]}>
              <Input autoFocus maxLength={50} data-testid="complaint-name" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="complainantPhone" label="联系电话" rules={[{ required: true, message: '请填写联系电话' }, { pattern: PHONE, message: '手机号码或带区号的固定电话' }]}>
              <Input maxLength={20} data-testid="complaint-phone" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="complainantIdNumber" label="身份证号码（可不填）" rules={[idRule]}>
              <Input className="ow-id-input" maxLength={18} data-testid="complaint-id" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="kind" label="投诉类别" rules={[{ required: true, message: '请选择投诉类别' }]}>
              <Select options={options(COMPLAINT_KIND_LABELS)} data-testid="complaint-kind" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="applicationNumber" label="所涉办件受理编号（可不填）">
              <Input maxLength={30} placeholder="如 HH20260210000001" data-testid="complaint-application" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="firstInquiryNumber" label="所涉首问登记编号（可不填）" rules={[{ pattern: /^\s*[Ss][Ww]-\d{8}-\d{4}\s*$/, message: '格式为 SW-年月日-4 位序号，如 SW-20260318-0001' }]}>
              <Input maxLength={20} placeholder="如 SW-20260318-0001" data-testid="complaint-first-inquiry" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="policeType" label="被投诉警种" rules={[{ required: true, message: '请选择被投诉警种' }]}>
              <Select options={options(POLICE_TYPE_LABELS)} data-testid="complaint-police-type" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="responsibleUnitCode" label="被投诉单位代码" rules={[{ required: true, message: '请填写被投诉单位代码' }, { pattern: /^\d{4,12}$/, message: '单位代码为数字' }]}>
              <Input maxLength={12} placeholder="如 510107001" data-testid="complaint-unit" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="officerName" label="被投诉民警（指名投诉时）">
              <Input maxLength={50} data-testid="complaint-officer" />
            </Form.Item>
          </Col>
          {!clerk && (
            <>
              <Col span={8}>
                <Form.Item name="channelReference" label="渠道编号（热线来电编号、来信编号，可不填）" rules={[{ pattern: /^[A-Za-z0-9-]{1,40}$/, message: '字母、数字或连字符，最多 40 位' }]}>
                  <Input maxLength={40} placeholder="如 96166-20260916-0042" data-testid="complaint-channel-reference" />
                </Form.Item>
              </Col>
              <Col span={8}>
                <Form.Item name="receivedOn" label="收到日期（来信、来电日期；默认今天）" rules={[{ pattern: /^\d{4}-\d{2}-\d{2}$/, message: '格式为 YYYY-MM-DD' }]}>
                  <Input maxLength={10} placeholder="YYYY-MM-DD" data-testid="complaint-received-on" />
                </Form.Item>
              </Col>
            </>
          )}
          <Col span={24}>
            <Form.Item name="content" label="投诉内容" rules={[{ required: true, whitespace: true, message: '请填写投诉内容' }]}>
              <Input.TextArea rows={4} maxLength={2000} showCount data-testid="complaint-content" />
            </Form.Item>
          </Col>
        </Row>
        <Button type="primary" htmlType="submit" loading={loading} data-testid="complaint-submit">登记</Button>
        {error && <ErrorAlert error={error} style={{ marginTop: 16 }} />}
      </Form>
    </Card>
  );
}
