import { useMutation, useQuery } from '@apollo/client';
import { BranchesOutlined, MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Form, Input, InputNumber, Modal, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { formatDateTime } from '../china-time';
import { COMPLAINT_KIND_LABELS, options, ROUTING_TARGET_LABELS } from '../complaint-labels';
import { ErrorAlert } from '../components/ErrorAlert';
import { ComplaintRoutingRulesDocument, ReplaceComplaintRoutingRulesDocument } from '../graphql/complaint-channels.operations';
import type { ComplaintKind, ComplaintRoutingTarget, PoliceType } from '../gql/graphql';
import { label, POLICE_TYPE_LABELS } from '../labels';
import { hasRole, useSession } from '../session';
import { useUnitName } from '../units';

interface RuleValues { label: string; kind?: ComplaintKind; policeType?: PoliceType; unitPrefix?: string; target: ComplaintRoutingTarget; targetUnitCode?: string }

/**
 * 信访分派规则: the ordered list that decides each complaint's handling unit (承办单位), first match
 * wins, the last rule catches all. Everyone working complaints reads it (and older versions); a
 * city-level supervisor publishes a new version as a whole (the service checks and audits it).
 */
export function ComplaintRoutingPage() {
  const { user } = useSession();
  const [version, setVersion] = useState<number | null>(null);
  const { data, loading, error, refetch } = useQuery(ComplaintRoutingRulesDocument, { variables: { version } });
  const [editing, setEditing] = useState(false);
  const unitName = useUnitName();
  const set = data?.complaintRoutingRules;
  const mayPublish = hasRole(user, 'SUPERVISOR') && user?.unitCode.length === 4;

  return (
    <Card
      title={<Space><BranchesOutlined />信访分派规则</Space>}
      data-testid="complaint-routing"
      extra={
        <Space>
          版本
          <InputNumber min={1} value={version ?? set?.version} onChange={(v) => setVersion(typeof v === 'number' ? v : null)} style={{ width: 80 }} data-testid="routing-version" />
          <Button onClick={() => setVersion(null)}>当前版本</Button>
          {mayPublish && <Button type="primary" onClick={() => setEditing(true)} disabled={!set} data-testid="routing-edit">修改并发布新版本</Button>}
        </Space>
      }
    >
      {error && <ErrorAlert error={error} />}
      {set && (
        <Typography.Paragraph type="secondary" data-testid="routing-meta">
          第 {set.version} 版 · {set.note} · {set.createdBy} 发布于 {formatDateTime(set.createdAt)}。按顺序匹配，第一条符合的规则决定承办单位。
        </Typography.Paragraph>
      )}
      <Table size="small" rowKey="position" loading={loading} pagination={false} dataSource={set?.rules ?? []} data-testid="routing-rules"
        onRow={(r) => ({ 'data-position': r.position }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          { title: '顺序', dataIndex: 'position', width: 60 },
          { title: '规则说明', dataIndex: 'label' },
          { title: '投诉类别', dataIndex: 'kind', width: 100, render: (v?: string | null) => (v ? label(COMPLAINT_KIND_LABELS, v) : '任意') },
          { title: '被投诉警种', dataIndex: 'policeType', width: 100, render: (v?: string | null) => (v ? label(POLICE_TYPE_LABELS, v) : '任意') },
          { title: '被投诉单位', dataIndex: 'unitPrefix', width: 200, render: (v?: string | null) => (v ? `${unitName(v)}及下级` : '任意') },
          { title: '承办单位', key: 'target', width: 220, render: (_: unknown, r) => (r.target === 'UNIT' ? unitName(r.targetUnitCode) : label(ROUTING_TARGET_LABELS, r.target)) },
        ]} />
      {editing && set && (
        <RoutingEditor
          initial={set.rules.map((r) => ({ label: r.label, kind: r.kind ?? undefined, policeType: r.policeType ?? undefined, unitPrefix: r.unitPrefix ?? undefined, target: r.target, targetUnitCode: r.targetUnitCode ?? undefined }))}
          onCancel={() => setEditing(false)}
          onDone={() => { setEditing(false); setVersion(null); void refetch({ version: null }); }}
        />
      )}
    </Card>
  );
}

function RoutingEditor({ initial, onCancel, onDone }: { initial: RuleValues[]; onCancel: () => void; onDone: () => void }) {
  const [form] = Form.useForm<{ rules: RuleValues[]; note: string }>();
  const [publish, { loading, error }] = useMutation(ReplaceComplaintRoutingRulesDocument);
  const run = async () => {
    const v = await form.validateFields();
    const rules = v.rules.map((r) => ({
      label: r.label, target: r.target, kind: r.kind || undefined, policeType: r.policeType || undefined,
      unitPrefix: r.unitPrefix?.trim() || undefined, targetUnitCode: r.target === 'UNIT' ? r.targetUnitCode?.trim() : undefined,
    }));
    const r = await publish({ variables: { input: { rules, note: v.note } } }).catch(() => null);
    if (r?.data) onDone();
  };
  const any = { value: '', label: '任意' };
  return (
    <Modal open width={1100} title="修改信访分派规则（发布为新版本，旧版本保留）" onCancel={onCancel} onOk={() => void run()} confirmLoading={loading} okText="发布" cancelText="取消"
      okButtonProps={{ 'data-testid': 'routing-publish' } as Record<string, string>} destroyOnHidden>
      <Form form={form} initialValues={{ rules: initial, note: '' }} layout="vertical">
        <Form.List name="rules">
          {(fields, { add, remove, move }) => (
            <>
              {fields.map((f, i) => (
                <Space key={f.key} align="baseline" wrap data-testid={`routing-rule-${i + 1}`}>
                  <Typography.Text strong style={{ width: 24, display: 'inline-block' }}>{i + 1}</Typography.Text>
                  <Form.Item name={[f.name, 'label']} rules={[{ required: true, message: '请填写说明' }]}><Input placeholder="规则说明" style={{ width: 240 }} /></Form.Item>
                  <Form.Item name={[f.name, 'kind']}><Select style={{ width: 110 }} options={[any, ...options(COMPLAINT_KIND_LABELS)]} placeholder="类别" /></Form.Item>
                  <Form.Item name={[f.name, 'policeType']}><Select style={{ width: 110 }} options={[any, ...Object.entries(POLICE_TYPE_LABELS).map(([value, l]) => ({ value, label: l }))]} placeholder="警种" /></Form.Item>
                  <Form.Item name={[f.name, 'unitPrefix']}><Input placeholder="单位代码前缀" style={{ width: 130 }} /></Form.Item>
                  <Form.Item name={[f.name, 'target']} rules={[{ required: true, message: '请选择' }]}><Select style={{ width: 150 }} options={options(ROUTING_TARGET_LABELS)} /></Form.Item>
                  <Form.Item name={[f.name, 'targetUnitCode']}><Input placeholder="指定单位代码" style={{ width: 120 }} /></Form.Item>
                  <Button size="small" disabled={i === 0} onClick={() => move(i, i - 1)}>上移</Button>
                  <MinusCircleOutlined onClick={() => remove(f.name)} />
                </Space>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ label: '', target: 'RESPONSIBLE' }, 0)} data-testid="routing-add">在最前面添加规则</Button>
            </>
          )}
        </Form.List>
        <Form.Item name="note" label="修改说明" rules={[{ required: true, message: '请填写修改说明' }]} style={{ marginTop: 16 }}>
          <Input maxLength={200} data-testid="routing-note" />
        </Form.Item>
      </Form>
      {error && <ErrorAlert error={error} />}
    </Modal>
  );
}
