import { useLazyQuery, useQuery } from '@apollo/client';
import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons';
import { Alert, App as AntApp, Button, Card, Col, Descriptions, List, Row, Skeleton, Space, Tag, Typography } from 'antd';
import { formatDateTime } from '../china-time';
import { ApplicationTimeline } from '../components/ApplicationTimeline';
import { ErrorAlert } from '../components/ErrorAlert';
import { DeadlineTag, PoliceTypeTag, StatusTag } from '../components/Tags';
import { RequestTransferButton } from '../components/Transfers';
import { pendingExtension, TransitionActions } from '../components/TransitionActions';
import { errorText } from '../errors';
import { PresentForRatingButton } from '../evaluation-pairing';
import { ApplicationDocument, ReceiptDocument, SmsMessagesDocument } from '../graphql/operations';
import { DELIVERY_METHOD_LABELS, SERVICE_LABELS, label } from '../labels';
import { openPdf } from '../pdf';
import { hasRole, useSession } from '../session';

/** 限时办结 runs until this step (catalog clockStopsAt). */
const CLOCK_STOP_LABELS: Record<string, string> = { APPROVED: '审批通过', READY_FOR_PICKUP: '证件制作完成', DELIVERED: '证件交付' };

const SMS_STATUS: Record<string, { text: string; color: string }> = {
  QUEUED: { text: '待发送', color: 'default' },
  SENT: { text: '已发送', color: 'green' },
  FAILED: { text: '发送失败', color: 'red' },
};

function SmsCard({ number }: { number: string }) {
  const { data, error } = useQuery(SmsMessagesDocument, { variables: { applicationNumber: number }, fetchPolicy: 'network-only' });
  return (
    <Card title="短信通知" size="small">
      {error && <ErrorAlert error={error} />}
      <List
        size="small"
        dataSource={data?.smsMessages ?? []}
        locale={{ emptyText: '暂无短信' }}
        renderItem={(m) => (
          <List.Item key={m.id}>
            <Space direction="vertical" size={0}>
              <span>{m.text}</span>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {m.phone} · {formatDateTime(m.sentAt ?? m.createdAt)} <Tag color={SMS_STATUS[m.status]?.color}>{SMS_STATUS[m.status]?.text ?? m.status}</Tag>
              </Typography.Text>
            </Space>
          </List.Item>
        )}
      />
    </Card>
  );
}

/** 申请详情: facts, deadline, actions, and the timeline (who, when, what, why). */
export function ApplicationPage({ number }: { number: string }) {
  const { user } = useSession();
  const { message } = AntApp.useApp();
  const { data, loading, error, refetch } = useQuery(ApplicationDocument, { variables: { number }, fetchPolicy: 'network-only' });
  const [fetchReceipt, receipt] = useLazyQuery(ReceiptDocument, { fetchPolicy: 'network-only' });
  const app = data?.application;

  const printReceipt = async () => {
    const r = await fetchReceipt({ variables: { number } });
    if (r.data?.application.receiptPdfBase64) openPdf(r.data.application.receiptPdfBase64, `受理回执-${number}.pdf`);
    else if (r.error) message.error(errorText(r.error));
  };

  if (error) return <ErrorAlert error={error} />;
  if (loading && !app) return <Skeleton active />;
  if (!app) return null;
  const extension = pendingExtension(app);

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }} data-testid="application-detail">
      <Card
        title={
          <Space>
            <Button type="text" icon={<ArrowLeftOutlined />} onClick={() => history.back()} aria-label="返回" />
            <span data-testid="detail-number">{app.number}</span>
            <PoliceTypeTag policeType={app.policeType} />
            {app.itemName}
            <StatusTag status={app.status} />
          </Space>
        }
        extra={<Button icon={<PrinterOutlined />} onClick={printReceipt} loading={receipt.loading}>打印受理回执</Button>}
      >
        {app.deadlineState === 'OVERDUE' && <Alert type="error" showIcon message={`已超过办结期限 ${app.deadline}`} style={{ marginBottom: 12 }} />}
        {app.deadlineState === 'DUE_SOON' && <Alert type="warning" showIcon message={`临近办结期限 ${app.deadline}，请抓紧办理`} style={{ marginBottom: 12 }} />}
        {extension && <Alert type="info" showIcon message={`延期申请待督察审批${extension.reason ? `：${extension.reason}` : ''}`} style={{ marginBottom: 12 }} />}
        <Descriptions bordered size="small" column={{ xs: 1, md: 2, lg: 3 }}>
          <Descriptions.Item label="申请人">{app.applicant.name}{app.applicant.masked && <Tag style={{ marginLeft: 6 }}>已脱敏</Tag>}</Descriptions.Item>
          <Descriptions.Item label="身份证号码">{app.applicant.idNumber}</Descriptions.Item>
          <Descriptions.Item label="联系电话">{app.applicant.phone ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="受理时间">{formatDateTime(app.acceptedAt)}</Descriptions.Item>
          <Descriptions.Item label="办结期限">
            <DeadlineTag deadline={app.deadline} state={app.deadlineState} provisional={app.deadlineProvisional} />
          </Descriptions.Item>
          <Descriptions.Item label="承诺时限">
            <span data-testid="promised-limit">{app.promisedTimeLimit?.text ?? '—'}</span>
          </Descriptions.Item>
          <Descriptions.Item label="法定时限">
            <span data-testid="statutory-limit">
              {app.statutoryTimeLimit?.text ?? '—'}
              {app.statutoryDeadline && `（法定期限 ${app.statutoryDeadline}${app.statutoryDeadlineProvisional ? '，暂定' : ''}）`}
            </span>
          </Descriptions.Item>
          <Descriptions.Item label="计时截止">{label(CLOCK_STOP_LABELS, app.clockStopsAt)}</Descriptions.Item>
          {app.extendedWorkingDays > 0 && (
            <Descriptions.Item label="已延期">{`${app.extendedWorkingDays} 个工作日（上限 ${app.maxExtensionWorkingDays} 个工作日）`}</Descriptions.Item>
          )}
          <Descriptions.Item label="应收费用">{app.fee.formatted}</Descriptions.Item>
          <Descriptions.Item label="受理单位">{app.unitName}</Descriptions.Item>
          <Descriptions.Item label="首问责任人">{app.firstInquiryOwnerName}</Descriptions.Item>
          <Descriptions.Item label="承办警种">{label(SERVICE_LABELS, app.service)}</Descriptions.Item>
          {app.resultName && <Descriptions.Item label="办理结果">{app.resultName}</Descriptions.Item>}
          {app.deliveryMethod && <Descriptions.Item label="交付方式">{label(DELIVERY_METHOD_LABELS, app.deliveryMethod)}</Descriptions.Item>}
          {app.fromNoticeNumber && <Descriptions.Item label="一次性告知单">{app.fromNoticeNumber}</Descriptions.Item>}
          {app.rejectionReason && <Descriptions.Item label="不予批准理由" span={3}><Typography.Text type="danger">{app.rejectionReason}</Typography.Text></Descriptions.Item>}
          {app.toleratedMaterials.length > 0 && (
            <Descriptions.Item label="容缺材料" span={3}>
              {app.toleratedMaterials.map((t) => (
                <div key={t.code}>
                  {t.name}：{t.commitment}（承诺 {t.dueDate} 前补交）{t.supplied ? <Tag color="green">已补交</Tag> : <Tag color="orange">待补交</Tag>}
                </div>
              ))}
            </Descriptions.Item>
          )}
        </Descriptions>
        <Space style={{ marginTop: 16 }} wrap>
          <TransitionActions app={app} onDone={() => void refetch()} />
          {['ACCEPTED', 'IN_REVIEW', 'SUPPLEMENT_REQUESTED', 'APPROVED'].includes(app.status) && (
            <RequestTransferButton caseRef={app.number} policeType={app.policeType} onDone={() => void refetch()} />
          )}
          {/* 出件后请群众当场评价 (好差评). */}
          {hasRole(user, 'CLERK') && app.status === 'DELIVERED' && <PresentForRatingButton number={app.number} />}
        </Space>
      </Card>
      <Row gutter={16}>
        <Col xs={24} lg={hasRole(user, 'CLERK', 'SUPERVISOR') ? 14 : 24}>
          <Card title="办理记录" size="small">
            <ApplicationTimeline entries={app.timeline} />
          </Card>
        </Col>
        {hasRole(user, 'CLERK', 'SUPERVISOR') && (
          <Col xs={24} lg={10}>
            <SmsCard number={app.number} />
          </Col>
        )}
      </Row>
    </Space>
  );
}
