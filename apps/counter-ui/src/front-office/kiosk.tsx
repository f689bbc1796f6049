import { useMutation, useQuery } from '@apollo/client';
import { Alert, Button, Card, Col, ConfigProvider, Input, Radio, Result, Row, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { ErrorAlert } from '../components/ErrorAlert';
import { PoliceUnitsDocument } from '../graphql/operations';
import { QueueKioskDocument, TakeQueueTicketDocument } from '../graphql/queue.operations';

/** The station of this kiosk: /kiosk/<9-digit unit code>. */
function stationFromPath(): string | undefined {
  const code = window.location.pathname.split('/').filter(Boolean)[1];
  return code && /^\d{9}$/.test(code) ? code : undefined;
}

/**
 * 取号机 (public, no sign-in; /kiosk/<station>): choose a service group, the green channel if it
 * applies, optionally a mobile number for the "前面还有 N 人" text; shows (and prints) the number
 * and how many are ahead. Large touch targets.
 */
export function KioskPage() {
  const [unitCode, setUnitCode] = useState(stationFromPath);
  const { data: units } = useQuery(PoliceUnitsDocument, { skip: Boolean(unitCode) });
  if (!unitCode) {
    return (
      <div style={{ maxWidth: 560, margin: '80px auto' }}>
        <Card title="取号机设置">
          <Typography.Paragraph>请选择本取号机所在的办事大厅（地址为 /kiosk/单位代码）。</Typography.Paragraph>
          <Select style={{ width: '100%' }} placeholder="选择派出所" data-testid="kiosk-station"
            options={(units?.policeUnits ?? []).filter((u) => u.code.length === 9).map((u) => ({ value: u.code, label: u.name }))}
            onChange={(v: string) => { window.history.replaceState(null, '', `/kiosk/${v}`); setUnitCode(v); }} />
        </Card>
      </div>
    );
  }
  return <Kiosk unitCode={unitCode} />;
}

function Kiosk({ unitCode }: { unitCode: string }) {
  const { data, error, refetch } = useQuery(QueueKioskDocument, { variables: { unitCode }, pollInterval: 15000 });
  const [take, { data: taken, loading, error: takeError, reset }] = useMutation(TakeQueueTicketDocument);
  const [groupCode, setGroupCode] = useState<string | null>(null);
  const [priorityReason, setPriorityReason] = useState<string>('');
  const [phone, setPhone] = useState('');
  const kiosk = data?.queueKiosk;
  const ticket = taken?.takeQueueTicket;

  const restart = () => {
    reset();
    setGroupCode(null);
    setPriorityReason('');
    setPhone('');
    void refetch();
  };
  const submit = async () => {
    if (!groupCode) return;
    await take({ variables: { input: { unitCode, groupCode, priorityReason: priorityReason || undefined, notifyPhone: phone.trim() || undefined } } }).catch(() => null);
  };

  return (
    <ConfigProvider theme={{ token: { fontSize: 18 } }}>
      <div className="ow-kiosk" style={{ minHeight: '100vh', background: '#f0f5ff', padding: 32 }} data-testid="kiosk">
        <Typography.Title level={1} style={{ textAlign: 'center' }}>{kiosk?.unitName ?? ''} · 自助取号</Typography.Title>
        <ErrorAlert error={error} />
        {ticket ? (
          <Card style={{ maxWidth: 640, margin: '24px auto', textAlign: 'center' }} data-testid="kiosk-ticket">
            <Result status="success" title={<span>您的号码 <span style={{ fontSize: 64, fontWeight: 700 }} data-testid="kiosk-ticket-number">{ticket.number}</span></span>}
              subTitle={<Space direction="vertical" size={4} style={{ fontSize: 20 }}>
                <span>{ticket.groupName}{ticket.priority ? ` · 绿色通道（${ticket.priorityLabel}）` : ''}</span>
                <span data-testid="kiosk-ticket-ahead">前面还有 <b>{ticket.ahead}</b> 人</span>
                {ticket.willNotify && <span>前面还剩 {kiosk?.notifyAhead ?? 3} 人时将短信提醒您</span>}
                <span>请留意大厅叫号屏和广播，过号需重新取号。</span>
              </Space>}
              extra={<Space size="large">
                <Button size="large" onClick={() => window.print()} data-testid="kiosk-print">打印号票</Button>
                <Button size="large" type="primary" onClick={restart} data-testid="kiosk-done">完成</Button>
              </Space>} />
          </Card>
        ) : (
          <div style={{ maxWidth: 960, margin: '0 auto' }}>
            <Typography.Title level={3}>1. 请选择办理的业务</Typography.Title>
            <Row gutter={[16, 16]}>
              {(kiosk?.groups ?? []).map((g) => (
                <Col key={g.code} xs={24} sm={12} md={8}>
                  <Button block type={groupCode === g.code ? 'primary' : 'default'} style={{ height: 96, fontSize: 24 }} onClick={() => setGroupCode(g.code)} data-testid={`kiosk-group-${g.code}`}>
                    <Space direction="vertical" size={0}>
                      <span>{g.prefix} · {g.name}</span>
                      <span style={{ fontSize: 14 }}>等候 {g.waiting} 人</span>
                    </Space>
                  </Button>
                </Col>
              ))}
            </Row>
            <Typography.Title level={3} style={{ marginTop: 24 }}>2. 绿色通道（符合条件的请选择，办理时请出示证件）</Typography.Title>
            <Radio.Group size="large" value={priorityReason} onChange={(e) => setPriorityReason(e.target.value as string)} optionType="button" buttonStyle="solid" data-testid="kiosk-priority">
              <Radio.Button value=""><span data-testid="kiosk-priority-none">不需要</span></Radio.Button>
              {(kiosk?.priorityReasons ?? []).map((r) => <Radio.Button key={r.code} value={r.code}><span data-testid={`kiosk-priority-${r.code}`}>{r.label}</span></Radio.Button>)}
            </Radio.Group>
            <Typography.Title level={3} style={{ marginTop: 24 }}>3. 短信提醒（可选）</Typography.Title>
            <Input size="large" style={{ maxWidth: 360 }} inputMode="numeric" maxLength={11} value={phone} onChange={(e) => setPhone(e.target.value.replace(/\D/g, ''))}
              placeholder="手机号：快轮到您时短信提醒" data-testid="kiosk-phone" />
            <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>手机号仅用于本次排队提醒，办结后即删除。</Typography.Paragraph>
            <ErrorAlert error={takeError} style={{ marginBottom: 12 }} />
            {!groupCode && <Alert type="info" showIcon message="请先选择业务" style={{ marginBottom: 12 }} />}
            <Button type="primary" size="large" style={{ height: 72, width: 320, fontSize: 28 }} disabled={!groupCode} loading={loading} onClick={() => void submit()} data-testid="kiosk-take">取号</Button>
          </div>
        )}
      </div>
    </ConfigProvider>
  );
}
