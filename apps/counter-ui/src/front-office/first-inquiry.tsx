import { useMutation, useQuery } from '@apollo/client';
import { Alert, Button, Card, Descriptions, Form, Input, Modal, Radio, Select, Space, Table, Tag, Typography } from 'antd';
import * as echarts from 'echarts/core';
import { BarChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
import ReactEChartsCore from 'echarts-for-react/lib/core';
import { useEffect, useState } from 'react';
import { formatDateTime } from '../china-time';
import { ErrorAlert } from '../components/ErrorAlert';
import { FirstInquiriesDocument, FirstInquiryCountsDocument, FirstInquiryDocument, RecordFirstInquiryDocument } from '../graphql/first-inquiry.operations';
import type { FirstInquiryFieldsFragment } from '../gql/graphql';
import { hasRole, useSession, type SessionUser } from '../session';

echarts.use([BarChart, GridComponent, TooltipComponent, SVGRenderer]);

type Inquiry = FirstInquiryFieldsFragment;

/** Who may open 首问登记 (mirror the resolvers' @Roles). */
export const firstInquiryVisible = (u: SessionUser): boolean => hasRole(u, 'CLERK', 'OFFICER', 'SUPERVISOR');

interface RecordValues {
  personName: string;
  contact: string;
  matter: string;
  outcome: 'ANSWERED' | 'DIRECTED';
  answer?: string;
  directedUnit?: string;
  directedContact?: string;
}

/**
 * 首问登记 (首问责任制): the first officer approached records an inquiry that did not become an
 * application — who, contact, when, the matter, and the answer given or the unit (and its contact)
 * the person was directed to. The record's number (SW-…) is what a later complaint cites. Lists per
 * officer and per unit are masked; the full record is shown after a purpose is given (audited).
 * The form is the first thing on the page for the clerk (keyboard: Tab through, Enter to save).
 */
export function FirstInquiryPage() {
  const { user } = useSession();
  const canRecord = hasRole(user, 'CLERK', 'OFFICER');
  const [scope, setScope] = useState<'mine' | 'unit'>(canRecord ? 'mine' : 'unit');
  const [officer, setOfficer] = useState<string | undefined>();
  const list = useQuery(FirstInquiriesDocument, { variables: { mine: scope === 'mine', officerAccount: scope === 'unit' ? officer : undefined }, fetchPolicy: 'cache-and-network' });
  const counts = useQuery(FirstInquiryCountsDocument, { fetchPolicy: 'cache-and-network' });
  const [viewing, setViewing] = useState<Inquiry | null>(null);
  const [recorded, setRecorded] = useState<Inquiry | null>(null);
  const officers = counts.data?.firstInquiryCounts ?? [];

  const option = {
    grid: { left: 40, right: 16, top: 16, bottom: 28 },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: officers.map((o) => o.officerName), axisLabel: { interval: 0 } },
    yAxis: { type: 'value', minInterval: 1 },
    series: [{ name: '首问登记', type: 'bar', barMaxWidth: 40, data: officers.map((o) => o.count), itemStyle: { color: '#1d4ed8' } }],
  };

  return (
    <Space direction="vertical" style={{ width: '100%' }} size="large" data-testid="first-inquiry-page">
      {canRecord && (
        <Card title="首问登记（未形成申请的咨询）">
          {recorded && (
            <Alert type="success" showIcon style={{ marginBottom: 12 }} data-testid="first-inquiry-recorded"
              message={`已登记，编号 ${recorded.number}`} description="群众如需投诉，可引用此编号。" closable onClose={() => setRecorded(null)} />
          )}
          <RecordForm onDone={(r) => { setRecorded(r); void list.refetch(); void counts.refetch(); }} />
        </Card>
      )}
      <Card title="首问登记记录" extra={
        <Space>
          <Radio.Group value={scope} onChange={(e) => setScope(e.target.value as 'mine' | 'unit')} data-testid="first-inquiry-scope"
            options={[...(canRecord ? [{ value: 'mine', label: '我登记的' }] : []), { value: 'unit', label: '本单位（辖区）' }]} optionType="button" />
          {scope === 'unit' && (
            <Select allowClear placeholder="全部民警" style={{ width: 160 }} value={officer} onChange={(v: string | undefined) => setOfficer(v)} data-testid="first-inquiry-officer"
              options={officers.map((o) => ({ value: o.officerAccount, label: `${o.officerName}（${o.count}）` }))} />
          )}
        </Space>
      }>
        <ErrorAlert error={list.error ?? counts.error} />
        {officers.length > 0 && (
          <div data-testid="first-inquiry-chart" style={{ maxWidth: 560 }}>
            <Typography.Text strong>按首问民警统计</Typography.Text>
            <ReactEChartsCore echarts={echarts} option={option} opts={{ renderer: 'svg' }} style={{ height: 180 }} notMerge />
          </div>
        )}
        <Typography.Paragraph type="secondary">共 {list.data?.firstInquiries.total ?? 0} 条；个人信息已脱敏。</Typography.Paragraph>
        <Table<Inquiry> rowKey="number" size="middle" loading={list.loading} dataSource={list.data?.firstInquiries.items ?? []} pagination={false} data-testid="first-inquiry-table"
          onRow={(r) => ({ 'data-number': r.number } as React.HTMLAttributes<HTMLElement>)}
          columns={[
            { title: '编号', dataIndex: 'number' },
            { title: '来访时间', key: 'at', render: (_: unknown, r) => formatDateTime(r.inquiredAt) },
            { title: '来访人', key: 'person', render: (_: unknown, r) => `${r.personName} · ${r.contact}` },
            { title: '咨询事项', dataIndex: 'matter' },
            { title: '处理', key: 'outcome', render: (_: unknown, r) => (r.outcome === 'DIRECTED'
              ? <Space direction="vertical" size={0}><Tag color="purple">引导</Tag><span>{r.directedUnit}（{r.directedContact}）</span></Space>
              : <Space direction="vertical" size={0}><Tag color="green">当场答复</Tag><span>{r.answer}</span></Space>) },
            { title: '首问民警', key: 'officer', render: (_: unknown, r) => `${r.officerName} · ${r.unitName}` },
            { title: '', key: 'view', render: (_: unknown, r) => <Button size="small" type="link" onClick={() => setViewing(r)} data-testid="first-inquiry-view">完整信息</Button> },
          ]} />
      </Card>
      {viewing && <ViewDialog inquiry={viewing} onClose={() => setViewing(null)} />}
    </Space>
  );
}

function RecordForm({ onDone }: { onDone: (r: Inquiry) => void }) {
  const [form] = Form.useForm<RecordValues>();
  const outcome = Form.useWatch('outcome', form);
  const [record, r] = useMutation(RecordFirstInquiryDocument);
  const submit = async (v: RecordValues) => {
    const res = await record({ variables: { input: {
      personName: v.personName.trim(), contact: v.contact.trim(), matter: v.matter.trim(),
      ...(v.outcome === 'ANSWERED' ? { answer: v.answer?.trim() } : { directedUnit: v.directedUnit?.trim(), directedContact: v.directedContact?.trim() }),
    } } }).catch(() => null);
    if (res?.data) {
      form.resetFields();
      onDone(res.data.recordFirstInquiry);
    }
  };
  useEffect(() => { form.getFieldInstance('personName')?.focus?.(); }, [form]);
  return (
    <Form form={form} layout="vertical" onFinish={submit} initialValues={{ outcome: 'ANSWERED' }} style={{ maxWidth: 720 }}>
      <Space.Compact block>
        <Form.Item name="personName" label="来访人姓名" style={{ width: '40%' }} rules={[{ required: true, whitespace: true, message: '请填写姓名' }]}>
          <Input autoFocus data-testid="first-inquiry-name" />
        </Form.Item>
        <Form.Item name="contact" label="联系方式" style={{ width: '60%' }} rules={[{ required: true, pattern: /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/, message: '请填写手机或带区号的固定电话' }]}>
          <Input data-testid="first-inquiry-contact" />
        </Form.Item>
      </Space.Compact>
      <Form.Item name="matter" label="咨询事项" rules={[{ required: true, whitespace: true, min: 2, message: '请填写咨询事项' }]}>
        <Input.TextArea rows={2} data-testid="first-inquiry-matter" />
      </Form.Item>
      <Form.Item name="outcome" label="处理方式">
        <Radio.Group data-testid="first-inquiry-outcome" options={[{ value: 'ANSWERED', label: '当场答复' }, { value: 'DIRECTED', label: '引导至其他单位' }]} />
      </Form.Item>
      {outcome !== 'DIRECTED' ? (
        <Form.Item name="answer" label="答复内容" rules={[{ required: true, whitespace: true, message: '请填写答复内容' }]}>
          <Input.TextArea rows={2} data-testid="first-inquiry-answer" />
        </Form.Item>
      ) : (
        <Space.Compact block>
          <Form.Item name="directedUnit" label="引导前往的单位" style={{ width: '55%' }} rules={[{ required: true, whitespace: true, message: '请填写单位' }]}>
            <Input data-testid="first-inquiry-directed-unit" />
          </Form.Item>
          <Form.Item name="directedContact" label="该单位联系方式" style={{ width: '45%' }} rules={[{ required: true, whitespace: true, message: '请填写联系方式' }]}>
            <Input data-testid="first-inquiry-directed-contact" />
          </Form.Item>
        </Space.Compact>
      )}
      <Button type="primary" htmlType="submit" loading={r.loading} data-testid="first-inquiry-submit">登记（Enter）</Button>
      <ErrorAlert error={r.error} style={{ marginTop: 12 }} />
    </Form>
  );
}

function ViewDialog({ inquiry, onClose }: { inquiry: Inquiry; onClose: () => void }) {
  const [purpose, setPurpose] = useState<string | null>(null);
  const [draft, setDraft] = useState('');
  const full = useQuery(FirstInquiryDocument, { variables: { number: inquiry.number, purpose: purpose ?? '' }, skip: !purpose, fetchPolicy: 'network-only' });
  const v = full.data?.firstInquiry;
  return (
    <Modal open title={`首问登记 · ${inquiry.number}`} onCancel={onClose} footer={null} destroyOnHidden>
      {!purpose ? (
        <Space.Compact block>
          <Input autoFocus placeholder="查看事由（留痕审计）" value={draft} onChange={(e) => setDraft(e.target.value)} data-testid="first-inquiry-purpose"
            onPressEnter={() => draft.trim().length >= 2 && setPurpose(draft.trim())} />
          <Button type="primary" disabled={draft.trim().length < 2} onClick={() => setPurpose(draft.trim())} data-testid="first-inquiry-purpose-ok">查看</Button>
        </Space.Compact>
      ) : (
        <>
          <ErrorAlert error={full.error} />
          {v && (
            <Descriptions column={1} size="small" bordered data-testid="first-inquiry-full">
              <Descriptions.Item label="来访人">{v.personName}</Descriptions.Item>
              <Descriptions.Item label="联系方式">{v.contact}</Descriptions.Item>
              <Descriptions.Item label="来访时间">{formatDateTime(v.inquiredAt)}</Descriptions.Item>
              <Descriptions.Item label="咨询事项">{v.matter}</Descriptions.Item>
              <Descriptions.Item label="处理">{v.answer ?? `${v.directedUnit}（${v.directedContact}）`}</Descriptions.Item>
              <Descriptions.Item label="首问民警">{v.officerName} · {v.unitName}</Descriptions.Item>
            </Descriptions>
          )}
          <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>本次查看已记录（事由：{purpose}）。</Typography.Paragraph>
        </>
      )}
    </Modal>
  );
}
