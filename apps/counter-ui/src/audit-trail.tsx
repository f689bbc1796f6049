import { useApolloClient, useLazyQuery } from '@apollo/client';
import { DownloadOutlined, SearchOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Checkbox, DatePicker, Form, Input, Space, Table, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState, type HTMLAttributes } from 'react';
import { chinaToday } from './china-time';
import { ErrorAlert } from './components/ErrorAlert';
import { graphql } from './gql';
import type { AuditTrailExportFormat, AuditTrailFilter } from './gql/graphql';
import { hasRole, useSession } from './session';
import { downloadBase64 } from './pdf';

export const AuditTrailDocument = graphql(`
  query AuditTrail($filter: AuditTrailFilter!, $first: Int, $after: String, $unmasked: Boolean) {
    auditTrail(filter: $filter, first: $first, after: $after, unmasked: $unmasked) {
      entries { service at actor actorUnit actorUnitName action subjectType subjectRef purpose outcome details }
      pageInfo { endCursor hasNextPage }
      unansweredServices
    }
  }
`);

export const AuditTrailExportDocument = graphql(`
  query AuditTrailExport($filter: AuditTrailFilter!, $format: AuditTrailExportFormat!, $unmasked: Boolean) {
    auditTrailExport(filter: $filter, format: $format, unmasked: $unmasked) { fileName mimeType contentBase64 rowCount truncated unansweredServices }
  }
`);

const SERVICE_LABELS: Record<string, string> = {
  counter: '综合窗口', household: '户政', 'exit-entry': '出入境', traffic: '交管', 'public-security': '治安', complaints: '信访投诉',
};
const ACTION_LABELS: Record<string, string> = {
  SIGN_IN: '登录', SIGN_IN_FAILED: '登录失败', MUTATION: '修改操作', AUDIT_TRAIL_QUERY: '审计查询', AUDIT_TRAIL_EXPORT: '审计导出', CITIZEN_360_READ: '查询公民信息', TRAVEL_DOCUMENT_READ: '查询出入境证件', PERSON_READ: '查询户籍信息',
};
const OUTCOMES: Record<string, { text: string; color: string }> = { SUCCESS: { text: '成功', color: 'green' }, DENIED: { text: '拒绝', color: 'orange' }, FAILURE: { text: '失败', color: 'red' } };
const PAGE_SIZE = 20;


interface FormValues { personRef?: string; officer?: string; unitCode?: string; action?: string; range: [Dayjs, Dayjs]; unmasked?: boolean }

/**
 * 审计查询: who read or changed whose data, when, why, from which unit — across the six services,
 * newest first, paged; the export (Excel / CSV) and the query are themselves recorded. A service
 * that did not answer is named above the table. Jurisdiction and masking are the server's.
 */
export function AuditTrailPage() {
  const client = useApolloClient();
  const { user } = useSession();
  const [form] = Form.useForm<FormValues>();
  const [filter, setFilter] = useState<AuditTrailFilter | null>(null);
  const [unmasked, setUnmasked] = useState(false);
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const [load, { data, loading, error }] = useLazyQuery(AuditTrailDocument, { fetchPolicy: 'network-only' });
  const [exporting, setExporting] = useState<AuditTrailExportFormat | null>(null);
  const [exportError, setExportError] = useState<unknown>(null);
  const page = data?.auditTrail;

  const search = (v: FormValues) => {
    const f: AuditTrailFilter = {
      from: v.range[0].format('YYYY-MM-DD'), to: v.range[1].format('YYYY-MM-DD'),
      personRef: v.personRef?.trim() || undefined, officer: v.officer?.trim() || undefined, unitCode: v.unitCode?.trim() || undefined, action: v.action?.trim() || undefined,
    };
    setFilter(f);
    setUnmasked(Boolean(v.unmasked));
    setCursors([null]);
    void load({ variables: { filter: f, first: PAGE_SIZE, unmasked: Boolean(v.unmasked) } });
  };
  const next = () => {
    if (!filter || !page?.pageInfo.endCursor) return;
    setCursors((c) => [...c, page.pageInfo.endCursor]);
    void load({ variables: { filter, first: PAGE_SIZE, after: page.pageInfo.endCursor, unmasked } });
  };
  const first = () => {
    if (!filter) return;
    setCursors([null]);
    void load({ variables: { filter, first: PAGE_SIZE, unmasked } });
  };
  const exportAs = async (format: AuditTrailExportFormat) => {
    if (!filter) return;
    setExporting(format);
    setExportError(null);
    try {
      const r = await client.query({ query: AuditTrailExportDocument, variables: { filter, format, unmasked }, fetchPolicy: 'network-only' });
      const f = r.data!.auditTrailExport;
      downloadBase64(f.contentBase64, f.fileName, f.mimeType);
    } catch (err) {
      setExportError(err);
    } finally {
      setExporting(null);
    }
  };

  const today = chinaToday();
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Typography.Title level={3}>审计查询</Typography.Title>
      <Card>
        <Form form={form} layout="inline" onFinish={search} initialValues={{ range: [today.subtract(6, 'day'), today] }}>
          <Form.Item name="range" label="日期" rules={[{ required: true, message: '请选择日期范围' }]}><DatePicker.RangePicker allowClear={false} /></Form.Item>
          <Form.Item name="personRef" label="被查询对象"><Input data-testid="audit-person" placeholder="身份号码 / 号牌 / 编号" allowClear style={{ width: 200 }} /></Form.Item>
          <Form.Item name="officer" label="操作民警"><Input data-testid="audit-officer" placeholder="用户名" allowClear style={{ width: 140 }} /></Form.Item>
          <Form.Item name="unitCode" label="单位代码"><Input data-testid="audit-unit" placeholder={user?.unitCode} allowClear style={{ width: 130 }} /></Form.Item>
          <Form.Item name="action" label="操作类型"><Input data-testid="audit-action" placeholder="如 SIGN_IN_FAILED" allowClear style={{ width: 160 }} /></Form.Item>
          {user && hasRole(user, 'SUPERVISOR') && <Form.Item name="unmasked" valuePropName="checked"><Checkbox>显示完整对象（留痕）</Checkbox></Form.Item>}
          <Form.Item><Button data-testid="audit-run" type="primary" htmlType="submit" icon={<SearchOutlined />} loading={loading}>查询</Button></Form.Item>
        </Form>
      </Card>
      <ErrorAlert error={error ?? exportError} />
      {page && page.unansweredServices.length > 0 && (
        <Alert data-testid="audit-unanswered" type="warning" showIcon message={`以下服务未应答，其记录未包含在本页：${page.unansweredServices.map((s) => SERVICE_LABELS[s] ?? s).join('、')}`} />
      )}
      {page && (
        <Card
          data-testid="audit-result"
          data-page={cursors.length}
          title={`审计记录（第 ${cursors.length} 页）`}
          extra={<Space>
            <Button data-testid="audit-export-xlsx" icon={<DownloadOutlined />} loading={exporting === 'XLSX'} onClick={() => void exportAs('XLSX')}>导出 Excel</Button>
            <Button data-testid="audit-export-csv" icon={<DownloadOutlined />} loading={exporting === 'CSV'} onClick={() => void exportAs('CSV')}>导出 CSV</Button>
          </Space>}
        >
          <Table
            rowKey={(e) => `${e.service}|${e.at}|${e.action}|${e.subjectRef}`}
            dataSource={page.entries}
            pagination={false}
            size="small"
            onRow={(e) => ({ 'data-testid': 'audit-entry', 'data-action': e.action, 'data-service': e.service }) as HTMLAttributes<HTMLElement>}
            scroll={{ x: 1200 }}
            columns={[
              { title: '时间', dataIndex: 'at', width: 170, render: (v: string) => dayjs(v).format('YYYY-MM-DD HH:mm:ss') },
              { title: '服务', dataIndex: 'service', width: 90, render: (v: string) => SERVICE_LABELS[v] ?? v },
              { title: '操作人', dataIndex: 'actor', width: 150 },
              { title: '所属单位', dataIndex: 'actorUnitName', width: 200, render: (v: string | null, e) => v ?? (e.actorUnit || '—') },
              { title: '操作', dataIndex: 'action', width: 150, render: (v: string) => ACTION_LABELS[v] ?? v },
              { title: '对象', dataIndex: 'subjectRef', width: 190, render: (v: string, e) => `${e.subjectType}：${v}` },
              { title: '事由', dataIndex: 'purpose', width: 140, render: (v: string | null) => v ?? '—' },
              { title: '结果', dataIndex: 'outcome', width: 70, render: (v: string) => <Tag color={OUTCOMES[v]?.color}>{OUTCOMES[v]?.text ?? v}</Tag> },
              { title: '详情', dataIndex: 'details', ellipsis: true },
            ]}
          />
          <Space style={{ marginTop: 12 }}>
            <Button data-testid="audit-first" disabled={cursors.length <= 1} onClick={first}>回到第一页</Button>
            <Button data-testid="audit-next" disabled={!page.pageInfo.hasNextPage} onClick={next}>下一页</Button>
          </Space>
        </Card>
      )}
    </Space>
  );
}
