import { useMutation, useQuery } from '@apollo/client';
import { FrownOutlined, MehOutlined, SmileOutlined } from '@ant-design/icons';
import { Button, Checkbox, Descriptions, Input, Result, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { ErrorAlert } from './components/ErrorAlert';
import { describeError } from './errors';
import { PairRatingDeviceDocument, RatingScreenDocument, SubmitWindowRatingDocument } from './graphql/evaluations.operations';
import type { EvaluationReason, RatingScreenQuery, WindowRating } from './gql/graphql';
import { REASON_LABELS } from './evaluation-labels';

/** The device token of this screen (scoped to one window, expiring, revocable), kept on the tablet. */
const TOKEN_KEY = 'ow.ratingDeviceToken';
/** How often the screen asks for the visit the clerk presented. */
const POLL_MS = 2000;

/**
 * 评价屏 (/rating-screen): the citizen-facing screen of one window, opened on a tablet or a second
 * monitor without signing in. Paired once with the code the clerk's screen shows; then it polls for
 * the visit the clerk presents, shows what was entered (masked) and asks 满意 / 基本满意 / 不满意
 * (with reasons when not satisfied); the visit's record is final when the citizen rates (seed 002).
 */
export function RatingScreenPage() {
  const [token, setToken] = useState<string | null>(() => localStorage.getItem(TOKEN_KEY));
  const forget = () => { localStorage.removeItem(TOKEN_KEY); setToken(null); };
  return (
    <div className="ow-rating-screen" data-testid="rating-screen">
      {token ? <RatingBoard token={token} onUnpaired={forget} /> : <PairingForm onPaired={(t) => { localStorage.setItem(TOKEN_KEY, t); setToken(t); }} />}
    </div>
  );
}

function PairingForm({ onPaired }: { onPaired: (token: string) => void }) {
  const [code, setCode] = useState('');
  const [pair, { loading, error }] = useMutation(PairRatingDeviceDocument);
  const submit = async () => {
    const r = await pair({ variables: { code: code.trim() } }).catch(() => null);
    if (r?.data) onPaired(r.data.pairRatingDevice.deviceToken);
  };
  return (
    <div className="ow-rating-card">
      <Typography.Title level={1}>服务评价屏</Typography.Title>
      <Typography.Paragraph className="ow-rating-hint">请输入窗口电脑上显示的配对码</Typography.Paragraph>
      <Space.Compact style={{ width: '100%' }}>
        <Input size="large" value={code} onChange={(e) => setCode(e.target.value.toUpperCase())} onPressEnter={submit} maxLength={12} className="ow-rating-code-input" data-testid="rating-code" autoFocus />
        <Button size="large" type="primary" onClick={submit} loading={loading} disabled={code.trim().length < 6} data-testid="rating-pair">配对</Button>
      </Space.Compact>
      <ErrorAlert error={error} style={{ marginTop: 24 }} />
    </div>
  );
}

const CHOICES: { rating: WindowRating; label: string; icon: React.ReactNode; className: string }[] = [
  { rating: 'SATISFIED', label: '满意', icon: <SmileOutlined />, className: 'ow-rate-good' },
  { rating: 'BASIC', label: '基本满意', icon: <MehOutlined />, className: 'ow-rate-basic' },
  { rating: 'DISSATISFIED', label: '不满意', icon: <FrownOutlined />, className: 'ow-rate-bad' },
];

type Visit = NonNullable<RatingScreenQuery['ratingScreen']['visit']>;

function RatingBoard({ token, onUnpaired }: { token: string; onUnpaired: () => void }) {
  const { data, error } = useQuery(RatingScreenDocument, { variables: { deviceToken: token }, pollInterval: POLL_MS, fetchPolicy: 'network-only', notifyOnNetworkStatusChange: false });
  const [thanked, setThanked] = useState<string | null>(null);
  const visit = data?.ratingScreen.visit ?? null;

  useEffect(() => {
    if (error && describeError(error).code === 'RATING_DEVICE_INVALID') onUnpaired();
  }, [error, onUnpaired]);

  if (thanked && (!visit || visit.id === thanked)) {
    return (
      <div className="ow-rating-card" data-testid="rating-thanks">
        <Result status="success" title={<span className="ow-rating-big">感谢您的评价！</span>} subTitle={<span className="ow-rating-hint">您的意见将帮助我们改进服务。</span>} />
      </div>
    );
  }
  if (!visit) {
    return (
      <div className="ow-rating-card" data-testid="rating-idle">
        <Typography.Title level={1}>{data ? `${data.ratingScreen.windowNo} 号窗口` : '服务评价屏'}</Typography.Title>
        <Typography.Paragraph className="ow-rating-hint">{data?.ratingScreen.unitName ?? ''}</Typography.Paragraph>
        <Typography.Paragraph className="ow-rating-hint">欢迎您！办理完成后，请在此核对信息并评价我们的服务。</Typography.Paragraph>
        {error && <ErrorAlert error={error} />}
      </div>
    );
  }
  // Keyed by the visit: a newly presented visit starts with no choice.
  return <VisitRating key={visit.id} token={token} visit={visit} onRated={() => setThanked(visit.id)} />;
}

function VisitRating({ token, visit, onRated }: { token: string; visit: Visit; onRated: () => void }) {
  const [submit, submitting] = useMutation(SubmitWindowRatingDocument);
  const [choice, setChoice] = useState<WindowRating | null>(null);
  const [reasons, setReasons] = useState<EvaluationReason[]>([]);

  const rate = async (rating: WindowRating, why: EvaluationReason[] = []) => {
    const r = await submit({ variables: { input: { deviceToken: token, visitId: visit.id, rating, reasons: why } } }).catch(() => null);
    if (r?.data) onRated();
  };

  return (
    <div className="ow-rating-card" data-testid="rating-visit">
      <Typography.Title level={2}>请核对办理信息</Typography.Title>
      <Descriptions bordered column={1} size="middle" className="ow-rating-summary">
        <Descriptions.Item label="办理事项">{visit.itemName}</Descriptions.Item>
        <Descriptions.Item label="受理编号">{visit.applicationNumber}</Descriptions.Item>
        <Descriptions.Item label="申请人">{visit.applicantName}</Descriptions.Item>
        <Descriptions.Item label="身份证号码">{visit.applicantIdNumber}</Descriptions.Item>
        {visit.applicantPhone && <Descriptions.Item label="联系电话">{visit.applicantPhone}</Descriptions.Item>}
        <Descriptions.Item label="承诺办结日期">{visit.deadline}</Descriptions.Item>
        <Descriptions.Item label="办理人">{visit.clerkName}（{visit.windowNo} 号窗口）</Descriptions.Item>
      </Descriptions>
      <Typography.Title level={2} style={{ marginTop: 24 }}>您对本次服务满意吗？</Typography.Title>
      <div className="ow-rating-choices">
        {CHOICES.map((c) => (
          <Button key={c.rating} size="large" icon={c.icon} className={`ow-rate ${c.className}${choice === c.rating ? ' ow-rate-chosen' : ''}`} loading={submitting.loading && choice === c.rating}
            onClick={() => { setChoice(c.rating); if (c.rating !== 'DISSATISFIED') void rate(c.rating); }} data-testid={`rate-${c.rating}`}>
            {c.label}
          </Button>
        ))}
      </div>
      {choice === 'DISSATISFIED' && (
        <div className="ow-rating-reasons" data-testid="rating-reasons">
          <Typography.Paragraph className="ow-rating-hint">请选择不满意的原因（可多选）：</Typography.Paragraph>
          <Checkbox.Group value={reasons} onChange={(v) => setReasons(v as EvaluationReason[])}
            options={Object.entries(REASON_LABELS).map(([value, label]) => ({ value, label: <span className="ow-rating-reason" data-testid={`reason-${value}`}>{label}</span> }))} />
          <div style={{ marginTop: 16 }}>
            <Button size="large" type="primary" danger disabled={reasons.length === 0} loading={submitting.loading} onClick={() => void rate('DISSATISFIED', reasons)} data-testid="rating-submit">提交评价</Button>
          </div>
        </div>
      )}
      <ErrorAlert error={submitting.error} style={{ marginTop: 16 }} />
    </div>
  );
}
