import { useMutation } from '@apollo/client';
import { CloudUploadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Row, Space, Statistic, Table, Typography } from 'antd';
import { useState } from 'react';
import { ErrorAlert } from '../components/ErrorAlert';
import { ImportComplaintWorkOrdersDocument } from '../graphql/complaint-channels.operations';

const HEADER = '工单编号,受理日期,诉求人姓名,联系电话,身份证号码,诉求内容,被投诉警种,被投诉单位代码,投诉类别,涉及民警,受理编号';

/**
 * 12345 工单导入: a complaints officer uploads the hotline's work-order file (CSV, UTF-8; format in
 * docs/integrations/12345-work-orders.md). Every row is taken on its own; the report lists the
 * complaints registered, the orders already received before (not registered twice) and each
 * malformed row with its row number, column and reason.
 */
export function ComplaintImportPage() {
  const [file, setFile] = useState<{ name: string; text: string } | null>(null);
  const [run, { data, loading, error, reset }] = useMutation(ImportComplaintWorkOrdersDocument);
  const report = data?.importComplaintWorkOrders;

  const choose = async (f: File | undefined) => {
    reset();
    setFile(f ? { name: f.name, text: await f.text() } : null);
  };

  return (
    <Card title={<Space><CloudUploadOutlined />12345 工单导入</Space>} data-testid="work-order-import">
      <Typography.Paragraph type="secondary">
        选择 12345 热线交办的工单文件（CSV，UTF-8 编码）。表头：<Typography.Text code>{HEADER}</Typography.Text>。
        逐行登记：格式错误的行列出原因，其余照常登记；已接收过的工单编号不重复登记。
      </Typography.Paragraph>
      <Space style={{ marginBottom: 16 }}>
        <input type="file" accept=".csv,text/csv" onChange={(e) => void choose(e.target.files?.[0])} data-testid="work-order-file" />
        <Button type="primary" disabled={!file} loading={loading} onClick={() => file && void run({ variables: { input: { workOrdersCsv: file.text } } }).catch(() => undefined)} data-testid="work-order-import-run">
          导入
        </Button>
      </Space>
      {error && <ErrorAlert error={error} />}
      {report && (
        <div data-testid="work-order-report">
          <Row gutter={16} style={{ marginBottom: 16 }}>
            <Col span={8}><Statistic title="本次登记" value={report.taken.length} valueStyle={{ color: '#3f8600' }} /></Col>
            <Col span={8}><Statistic title="此前已接收" value={report.alreadyReceived.length} /></Col>
            <Col span={8}><Statistic title="错误行" value={new Set(report.errors.map((e) => e.row)).size} valueStyle={{ color: report.errors.length ? '#cf1322' : undefined }} /></Col>
          </Row>
          {report.errors.length > 0 && (
            <>
              <Alert type="warning" showIcon message="以下行未登记，请更正后重新导入（其余行已登记）" style={{ marginBottom: 8 }} />
              <Table size="small" rowKey={(e) => `${e.row}-${e.field}`} pagination={false} data-testid="work-order-errors" dataSource={report.errors}
                columns={[
                  { title: '行号', dataIndex: 'row', width: 70 },
                  { title: '工单编号', dataIndex: 'workOrderNumber', width: 170, render: (v?: string | null) => v ?? '—' },
                  { title: '列', dataIndex: 'field', width: 140 },
                  { title: '原因', dataIndex: 'reason' },
                ]} />
            </>
          )}
          <Typography.Title level={5} style={{ marginTop: 16 }}>已登记</Typography.Title>
          <Table size="small" rowKey="row" pagination={false} data-testid="work-order-taken"
            dataSource={[...report.taken.map((t) => ({ ...t, fresh: true })), ...report.alreadyReceived.map((t) => ({ ...t, fresh: false }))].sort((a, b) => a.row - b.row)}
            columns={[
              { title: '行号', dataIndex: 'row', width: 70 },
              { title: '工单编号', dataIndex: 'workOrderNumber', width: 170 },
              { title: '信访编号', dataIndex: 'number', width: 180 },
              { title: '', dataIndex: 'fresh', render: (fresh: boolean) => (fresh ? '本次登记，已发受理告知短信' : '此前已接收，未重复登记') },
            ]} />
        </div>
      )}
    </Card>
  );
}
