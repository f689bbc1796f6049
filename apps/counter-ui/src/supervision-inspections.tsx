import { useMutation, useQuery } from '@apollo/client';
import { App as AntApp, Button, Card, DatePicker, Form, Input, InputNumber, Radio, Select, Space, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { ErrorAlert } from './components/ErrorAlert';
import { PoliceUnitsDocument } from './graphql/operations';
import { InspectionTemplatesDocument, RecordInspectionDocument, SupervisionInspectionsDocument } from './graphql/supervision.operations';
import type { InspectionItemResult, InspectionTemplateCode } from './gql/graphql';
import { label } from './labels';
import { useSession } from './session';
import { FINDING_STATUS_COLORS, FINDING_STATUS_LABELS, ITEM_RESULT_COLORS, ITEM_RESULT_LABELS } from './supervision-labels';

interface ItemValue {
  result: InspectionItemResult;
  note?: string;
  description?: string;
  officerAccount?: string;
  officerName?: string;
  deadlineDays?: number;
}
interface FormValues {
  templateCode: InspectionTemplateCode;
  unitCode: string;
  inspectedOn?: Dayjs;
  note?: string;
  items: Record<string, ItemValue>;
}

/**
 * 督察检查: pick a checklist template (its latest version) and a station of the jurisdiction,
 * record each item (合格 / 发现问题 / 不适用); a problem needs a description, the responsible
 * officer and a rectification period in working days. Below, the inspections recorded so far.
 */
export function SupervisionInspectionsPage() {
  const { user } = useSession();
  const templates = useQuery(InspectionTemplatesDocument);
  const units = useQuery(PoliceUnitsDocument, { fetchPolicy: 'cache-first' });
  const list = useQuery(SupervisionInspectionsDocument, { fetchPolicy: 'cache-and-network' });
  const [record, recording] = useMutation(RecordInspectionDocument);
  const [form] = Form.useForm<FormValues>();
  const [templateCode, setTemplateCode] = useState<InspectionTemplateCode | undefined>();
  const { message } = AntApp.useApp();
  const template = templates.data?.inspectionTemplates.find((t) => t.code === templateCode);
  const items = Form.useWatch('items', form) ?? {};
  const stations = useMemo(
    () => (units.data?.policeUnits ?? []).filter((u) => u.code.length === 9 && u.code.startsWith(user?.unitCode ?? '\u0000')),
    [units.data, user?.unitCode],
  );

  const submit = async (v: FormValues) => {
    if (!template) return;
    const results = template.items.map((i) => {
      const it = v.items?.[i.code] ?? { result: 'PASS' as InspectionItemResult };
      return {
        itemCode: i.code, result: it.result, note: it.note?.trim() || undefined,
        finding: it.result === 'PROBLEM' ? { description: it.description ?? '', officerAccount: it.officerAccount ?? '', officerName: it.officerName ?? '', deadlineDays: it.deadlineDays ?? 0 } : undefined,
      };
    });
    const r = await record({ variables: { input: { templateCode: v.templateCode, unitCode: v.unitCode, inspectedOn: v.inspectedOn?.format('YYYY-MM-DD'), note: v.note?.trim() || undefined, results } } }).catch(() => null);
    if (r?.data) {
      message.success(`已记录${r.data.recordInspection.templateName}（第 ${r.data.recordInspection.templateVersion} 版），发现问题 ${r.data.recordInspection.findings.length} 项`);
      form.resetFields();
      setTemplateCode(undefined);
      void list.refetch();
    }
  };

  return (
    <Space direction="vertical" style={{ width: '100%' }} size="large">
      <Card title="督察检查" data-testid="inspection-form-card">
        <ErrorAlert error={templates.error} />
        <Form form={form} layout="vertical" onFinish={submit}>
          <Space wrap size="large">
            <Form.Item name="templateCode" label="检查模板" rules={[{ required: true, message: '请选择检查模板' }]}>
              <Select style={{ width: 220 }} placeholder="选择模板" data-testid="inspection-template" onChange={(c: InspectionTemplateCode) => {
                  setTemplateCode(c);
                  const t = templates.data?.inspectionTemplates.find((x) => x.code === c);
                  form.setFieldValue('items', Object.fromEntries((t?.items ?? []).map((i) => [i.code, { result: 'PASS' }])));
                }}
                options={(templates.data?.inspectionTemplates ?? []).map((t) => ({ value: t.code, label: `${t.name}（第 ${t.version} 版）` }))} />
            </Form.Item>
            <Form.Item name="unitCode" label="被检查单位" rules={[{ required: true, message: '请选择被检查单位' }]}>
              <Select style={{ width: 320 }} placeholder="选择派出所" data-testid="inspection-unit" options={stations.map((u) => ({ value: u.code, label: u.name }))} />
            </Form.Item>
            <Form.Item name="inspectedOn" label="检查日期">
              <DatePicker placeholder="默认今天" data-testid="inspection-date" />
            </Form.Item>
          </Space>
          {template && (
            <div data-testid="inspection-items">
              {template.items.map((i) => (
                <div key={i.code} data-item={i.code} style={{ display: 'flex', gap: 16, padding: '10px 0', borderBottom: '1px solid #f0f0f0', alignItems: 'flex-start' }}>
                  <Space direction="vertical" size={0} style={{ width: '34%' }}>
                    <span>{i.text}</span>
                    {i.method && <Typography.Text type="secondary">{i.method}</Typography.Text>}
                  </Space>
                  <Form.Item name={['items', i.code, 'result']} noStyle>
                    <Radio.Group optionType="button" size="small" options={(['PASS', 'PROBLEM', 'NOT_APPLICABLE'] as const).map((r) => ({ value: r, label: ITEM_RESULT_LABELS[r] }))} />
                  </Form.Item>
                  <div style={{ flex: 1 }}>
                    {items[i.code]?.result === 'PROBLEM' ? (
                      <Space direction="vertical" style={{ width: '100%' }} size={4}>
                        <Form.Item name={['items', i.code, 'description']} rules={[{ required: true, min: 2, message: '请写明发现的问题' }]} style={{ marginBottom: 0 }}>
                          <Input.TextArea rows={2} placeholder="发现的问题" data-testid={`finding-description-${i.code}`} />
                        </Form.Item>
                        <Space wrap>
                          <Form.Item name={['items', i.code, 'officerName']} rules={[{ required: true, message: '责任人姓名' }]} style={{ marginBottom: 0 }}>
                            <Input placeholder="责任民警姓名" style={{ width: 130 }} data-testid={`finding-officer-name-${i.code}`} />
                          </Form.Item>
                          <Form.Item name={['items', i.code, 'officerAccount']} rules={[{ required: true, message: '责任人账号' }]} style={{ marginBottom: 0 }}>
                            <Input placeholder="账号" style={{ width: 150 }} data-testid={`finding-officer-account-${i.code}`} />
                          </Form.Item>
                          <Form.Item name={['items', i.code, 'deadlineDays']} rules={[{ required: true, message: '整改期限' }]} style={{ marginBottom: 0 }}>
                            <InputNumber min={1} max={60} placeholder="整改期限" suffix="个工作日" style={{ width: 170 }} data-testid={`finding-days-${i.code}`} />
                          </Form.Item>
                        </Space>
                      </Space>
                    ) : (
                      <Form.Item name={['items', i.code, 'note']} noStyle><Input placeholder="备注（可选）" /></Form.Item>
                    )}
                  </div>
                </div>
              ))}
            </div>
          )}
          <Form.Item name="note" label="检查说明" style={{ marginTop: 16 }}><Input.TextArea rows={2} /></Form.Item>
          <Button type="primary" htmlType="submit" loading={recording.loading} disabled={!template} data-testid="inspection-submit">提交检查记录</Button>
          <ErrorAlert error={recording.error} style={{ marginTop: 12 }} />
        </Form>
      </Card>
      <Card title="检查记录">
        <ErrorAlert error={list.error} />
        <Table rowKey="id" size="small" loading={list.loading} dataSource={list.data?.supervisionInspections ?? []} pagination={{ pageSize: 10 }} data-testid="inspection-list"
          expandable={{ expandedRowRender: (ins) => (
            <Space direction="vertical">
              {ins.results.map((r) => <span key={r.itemCode}><Tag color={ITEM_RESULT_COLORS[r.result]}>{label(ITEM_RESULT_LABELS, r.result)}</Tag>{r.itemText}{r.note ? `（${r.note}）` : ''}</span>)}
            </Space>
          ) }}
          columns={[
            { title: '检查日期', dataIndex: 'inspectedOn' },
            { title: '模板', key: 'tpl', render: (_: unknown, i) => `${i.templateName}（第 ${i.templateVersion} 版）` },
            { title: '被检查单位', dataIndex: 'unitName' },
            { title: '检查人', dataIndex: 'inspectorName' },
            { title: '发现问题', key: 'findings', render: (_: unknown, i) => i.findings.length === 0 ? <Tag color="green">无</Tag> : (
              <Space wrap>{i.findings.map((f) => <Tag key={f.id} color={f.overdue ? 'red' : FINDING_STATUS_COLORS[f.status]}>{f.itemText.slice(0, 10)} · {label(FINDING_STATUS_LABELS, f.status)}{f.overdue ? ' · 超期' : ''}</Tag>)}</Space>
            ) },
          ]} />
      </Card>
    </Space>
  );
}
