import { useApolloClient, useMutation, useQuery } from '@apollo/client';
import { CloudUploadOutlined, DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Input, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { dateTime, lastMonth, oneDecimal, percent, PUSH_STATUS_LABELS } from './bureau-format';
import { downloadBase64 } from './pdf';
import { ErrorAlert } from './components/ErrorAlert';
import type { ReportCloseVersionsQuery, ReportExportFormat } from './gql/graphql';
import { CloseReportMonthDocument, MonthlyReportExportDocument, ReportCloseVersionsDocument } from './graphql/bureau-reports.operations';

type Version = ReportCloseVersionsQuery['reportCloseVersions'][number];

/**
 * 月报报送 (district): close a finished month — the district's figures become version n, signed
 * and pushed to the city bureau; closing again after a correction makes version n + 1. Shows each
 * version's push status (a refusal with the bureau's reason) and downloads the month as XLSX / CSV.
 */
export function ReportClosePage() {
  const client = useApolloClient();
  const [month, setMonth] = useState(lastMonth());
  const { data, loading, error, refetch } = useQuery(ReportCloseVersionsDocument, { variables: { month }, skip: !/^\d{4}-\d{2}$/.test(month), fetchPolicy: 'network-only', pollInterval: 3000 });
  const [close, closing] = useMutation(CloseReportMonthDocument);
  const [exporting, setExporting] = useState<ReportExportFormat | null>(null);
  const [actionError, setActionError] = useState<unknown>(null);
  const versions = data?.reportCloseVersions ?? [];

  const doClose = async () => {
    setActionError(null);
    try {
      await close({ variables: { month } });
      await refetch();
    } catch (err) {
      setActionError(err);
    }
  };
  const exportAs = async (format: ReportExportFormat) => {
    setExporting(format);
    setActionError(null);
    try {
      const r = await client.query({ query: MonthlyReportExportDocument, variables: { month, format, unitCode: versions[0]?.districtCode }, fetchPolicy: 'network-only' });
      const f = r.data!.monthlyReportExport;
      downloadBase64(f.base64, f.filename, f.contentType);
    } catch (err) {
      setActionError(err);
    } finally {
      setExporting(null);
    }
  };

  return (
    <Card title={<Space><CloudUploadOutlined />月报报送</Space>} extra={<Typography.Text type="secondary">月末结账后签名报送市局；更正数据后再次结账即生成新版本</Typography.Text>}>
      <Space wrap style={{ marginBottom: 16 }}>
        统计月份
        <Input style={{ width: 120 }} value={month} onChange={(e) => setMonth(e.target.value.trim())} placeholder="YYYY-MM" data-testid="close-month" />
        <Popconfirm title={`确认将 ${month} 月报结账并报送市局？`} description={versions.length ? `将生成第 ${versions[0]!.version + 1} 版（更正版）` : '将生成第 1 版'} okText="结账报送" cancelText="取消" onConfirm={() => void doClose()}>
          <Button type="primary" loading={closing.loading} data-testid="close-run">{versions.length ? '更正并重新报送' : '结账并报送'}</Button>
        </Popconfirm>
        <Button icon={<DownloadOutlined />} loading={exporting === 'XLSX'} onClick={() => void exportAs('XLSX')} data-testid="close-export-xlsx">导出 Excel</Button>
        <Button icon={<DownloadOutlined />} loading={exporting === 'CSV'} onClick={() => void exportAs('CSV')} data-testid="close-export-csv">导出 CSV</Button>
      </Space>
      {error && <ErrorAlert error={error} style={{ marginBottom: 16 }} />}
      {actionError != null && <ErrorAlert error={actionError} style={{ marginBottom: 16 }} />}
      {versions.some((v) => v.pushStatus === 'REFUSED') && (
        <Alert type="error" showIcon style={{ marginBottom: 16 }} message="有版本被市局拒收" description="拒收的版本不会再自动重试；请核对原因（签名密钥、版本），更正后重新结账。" />
      )}
      <Table<Version> rowKey="id" size="small" loading={loading} pagination={false} dataSource={versions} data-testid="close-versions"
        locale={{ emptyText: '该月尚未结账' }}
        onRow={(v) => ({ 'data-version': v.version, 'data-status': v.pushStatus } as React.HTMLAttributes<HTMLElement>)}
        columns={[
          { title: '版本', dataIndex: 'version', render: (v: number) => `第 ${v} 版` },
          { title: '分局', dataIndex: 'districtName' },
          { title: '结账时间', dataIndex: 'closedAt', render: dateTime },
          { title: '结账人', dataIndex: 'closedBy' },
          { title: '受理', key: 'accepted', align: 'right', render: (_: unknown, v: Version) => v.figures.accepted },
          { title: '办结', key: 'completed', align: 'right', render: (_: unknown, v: Version) => v.figures.completed },
          { title: '按时办结率', key: 'onTime', align: 'right', render: (_: unknown, v: Version) => percent(v.figures.onTimeRate) },
          { title: '平均用时（工作日）', key: 'avg', align: 'right', render: (_: unknown, v: Version) => oneDecimal(v.figures.averageWorkingDays) },
          { title: '满意率', key: 'sat', align: 'right', render: (_: unknown, v: Version) => percent(v.figures.satisfactionRate) },
          { title: '报送状态', dataIndex: 'pushStatus', render: (s: string, v: Version) => (
            <Space direction="vertical" size={0}>
              <Tag color={PUSH_STATUS_LABELS[s]?.color}>{PUSH_STATUS_LABELS[s]?.text ?? s}</Tag>
              {v.pushError && <Typography.Text type={s === 'REFUSED' ? 'danger' : 'secondary'} style={{ fontSize: 12 }}>{v.pushError}</Typography.Text>}
            </Space>
          ) },
          { title: '尝试次数', dataIndex: 'pushAttempts', align: 'right' },
          { title: '市局接收时间', dataIndex: 'bureauReceivedAt', render: dateTime },
        ]}
      />
    </Card>
  );
}
