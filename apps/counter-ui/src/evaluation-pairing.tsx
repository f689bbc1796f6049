import { useMutation } from '@apollo/client';
import { DisconnectOutlined, LikeOutlined, QrcodeOutlined, SendOutlined } from '@ant-design/icons';
import { Alert, App as AntApp, Button, Card, Col, Input, Row, Space, Typography } from 'antd';
import { useState } from 'react';
import { formatDateTime } from './china-time';
import { ErrorAlert } from './components/ErrorAlert';
import { errorText } from './errors';
import { PresentVisitForRatingDocument, RevokeRatingDevicesDocument, StartRatingPairingDocument } from './graphql/evaluations.operations';

/** This PC's window number (本单位内), kept in the browser so each acceptance can present to the right screen. */
const WINDOW_KEY = 'ow.ratingWindowNo';

export function useRatingWindowNo(): [string, (v: string) => void] {
  const [windowNo, set] = useState<string>(() => localStorage.getItem(WINDOW_KEY) ?? '');
  return [windowNo, (v: string) => { const t = v.trim(); localStorage.setItem(WINDOW_KEY, t); set(t); }];
}

/**
 * 请群众评价: after acceptance or hand-out, send the application to this window's citizen screen
 * (the service builds the masked summary from the owning police type). Shown on the acceptance
 * result and on the 评价屏 screen.
 */
export function PresentForRatingButton({ number }: { number: string }) {
  const [windowNo] = useRatingWindowNo();
  const { message } = AntApp.useApp();
  const [present, { loading, data }] = useMutation(PresentVisitForRatingDocument);
  if (!windowNo) return <Button disabled title="请先在“评价屏”页面设置窗口号并配对评价屏">请群众评价（未设置窗口号）</Button>;
  const send = async () => {
    const r = await present({ variables: { input: { windowNo, applicationNumber: number } } }).catch((e: unknown) => { message.error(errorText(e)); return null; });
    if (r?.data) message.success(`已推送到 ${windowNo} 号窗口评价屏，请群众核对并评价`);
  };
  return (
    <Button icon={<LikeOutlined />} onClick={send} loading={loading} disabled={!!data} data-testid="present-for-rating">
      {data ? '已推送评价' : '请群众评价'}
    </Button>
  );
}

/**
 * 评价屏: the clerk sets this PC's window number, shows a pairing code for the tablet or second
 * monitor (5 minutes, single use), unpairs the window's screens, and presents any application
 * (e.g. after hand-out) for rating.
 */
export function RatingPairingPage() {
  const [windowNo, setWindowNo] = useRatingWindowNo();
  const [draft, setDraft] = useState(windowNo);
  const [number, setNumber] = useState('');
  const { message } = AntApp.useApp();
  const [start, pairing] = useMutation(StartRatingPairingDocument);
  const [revoke, revoking] = useMutation(RevokeRatingDevicesDocument);
  const [present, presenting] = useMutation(PresentVisitForRatingDocument);
  const code = pairing.data?.startRatingPairing;

  return (
    <Row gutter={16}>
      <Col span={12}>
        <Card title={<Space><QrcodeOutlined />评价屏配对</Space>} data-testid="rating-pairing">
          <Space direction="vertical" style={{ width: '100%' }} size="middle">
            <Space>
              <span>本机窗口号</span>
              <Input value={draft} onChange={(e) => setDraft(e.target.value)} style={{ width: 120 }} maxLength={8} data-testid="rating-window-no" />
              <Button onClick={() => setWindowNo(draft)} disabled={!draft.trim() || draft.trim() === windowNo} data-testid="rating-window-save">保存</Button>
            </Space>
            <Button type="primary" icon={<QrcodeOutlined />} disabled={!windowNo} loading={pairing.loading}
              onClick={() => void start({ variables: { windowNo } }).catch(() => undefined)} data-testid="rating-pairing-start">
              生成配对码
            </Button>
            {code && (
              <Alert type="info" showIcon message={<>在评价屏（平板或第二显示器）打开 <Typography.Text code>/rating-screen</Typography.Text>，输入配对码：</>}
                description={<>
                  <div className="ow-pairing-code" data-testid="rating-pairing-code">{code.code}</div>
                  <div>{code.windowNo} 号窗口 · 有效期至 {formatDateTime(code.expiresAt)} · 只能使用一次</div>
                </>} />
            )}
            <ErrorAlert error={pairing.error} />
            <Button danger icon={<DisconnectOutlined />} disabled={!windowNo} loading={revoking.loading} data-testid="rating-revoke"
              onClick={async () => { const r = await revoke({ variables: { windowNo } }).catch((e: unknown) => { message.error(errorText(e)); return null; }); if (r?.data) message.success(`已解除 ${r.data.revokeRatingDevices} 块评价屏的配对`); }}>
              解除本窗口评价屏配对
            </Button>
          </Space>
        </Card>
      </Col>
      <Col span={12}>
        <Card title={<Space><SendOutlined />推送办件评价</Space>}>
          <Typography.Paragraph type="secondary">受理或出件后，把办件推送到本窗口评价屏，请群众核对信息并评价（满意 / 基本满意 / 不满意）。一件事项只评价一次。</Typography.Paragraph>
          <Space.Compact style={{ width: '100%' }}>
            <Input placeholder="受理编号，如 HH20260210000001" value={number} onChange={(e) => setNumber(e.target.value.toUpperCase())} data-testid="rating-present-number" />
            <Button type="primary" disabled={!windowNo || !number.trim()} loading={presenting.loading} data-testid="rating-present"
              onClick={async () => { const r = await present({ variables: { input: { windowNo, applicationNumber: number.trim() } } }).catch(() => null); if (r?.data) message.success('已推送到评价屏'); }}>
              推送
            </Button>
          </Space.Compact>
          <ErrorAlert error={presenting.error} style={{ marginTop: 12 }} />
          {presenting.data && <Alert style={{ marginTop: 12 }} type="success" showIcon data-testid="rating-presented" message={`${presenting.data.presentVisitForRating.applicationNumber}（${presenting.data.presentVisitForRating.itemName}）已推送到 ${presenting.data.presentVisitForRating.windowNo} 号窗口评价屏`} />}
        </Card>
      </Col>
    </Row>
  );
}
