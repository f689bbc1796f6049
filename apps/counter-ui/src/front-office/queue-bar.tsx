import { useMutation, useQuery } from '@apollo/client';
import { Button, Input, Modal, Radio, Select, Space, Tag, Tooltip, Typography, message } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { ErrorAlert } from '../components/ErrorAlert';
import {
  CallNextQueueTicketDocument, FinishQueueTicketDocument, MarkQueueTicketNoShowDocument, MyQueueWindowDocument, OpenQueueWindowDocument, PauseQueueWindowDocument,
  QueueHallDocument, RecallQueueTicketDocument, StartQueueTicketDocument, TransferQueueTicketDocument,
} from '../graphql/queue.operations';
import { label } from '../labels';
import type { SessionUser } from '../session';
import { PAUSE_REASONS, QUEUE_KEYS, TICKET_STATE_COLORS, TICKET_STATE_LABELS, WINDOW_STATE_COLORS, WINDOW_STATE_LABELS } from './queue-labels';

type Action = 'callNext' | 'recall' | 'start' | 'finish' | 'noShow' | 'transfer' | 'pause';

/**
 * The clerk's queue bar above every screen, once they are signed in at a window (叫号工作台):
 * the current ticket and 呼叫下一位 / 重呼 / 开始办理 / 办结 / 过号 / 转窗口 / 暂停窗口, each on an F-key.
 * Renders nothing for anyone else.
 */
export function QueueBar({ user }: { user: SessionUser }) {
  const clerk = user.roles.includes('CLERK');
  const { data, refetch } = useQuery(MyQueueWindowDocument, { skip: !clerk, pollInterval: 5000, fetchPolicy: 'cache-and-network' });
  const mine = data?.myQueueWindow;
  const refetchQueries = [MyQueueWindowDocument, QueueHallDocument];
  const [callNext, c1] = useMutation(CallNextQueueTicketDocument, { refetchQueries });
  const [recall, c2] = useMutation(RecallQueueTicketDocument, { refetchQueries });
  const [start, c3] = useMutation(StartQueueTicketDocument, { refetchQueries });
  const [finish, c4] = useMutation(FinishQueueTicketDocument, { refetchQueries });
  const [noShow, c5] = useMutation(MarkQueueTicketNoShowDocument, { refetchQueries });
  const [open, c6] = useMutation(OpenQueueWindowDocument, { refetchQueries });
  const [error, setError] = useState<unknown>(null);
  const [dialog, setDialog] = useState<'transfer' | 'pause' | null>(null);
  const busy = [c1, c2, c3, c4, c5, c6].some((c) => c.loading);

  const window_ = mine?.window;
  const ticket = window_?.currentTicket;
  const run = useCallback(async (action: Action) => {
    if (!window_) return;
    setError(null);
    try {
      if (action === 'callNext') {
        const r = await callNext();
        const t = r.data?.callNextQueueTicket;
        void message.info(t ? `已呼叫 ${t.number}` : '当前没有等候的群众');
      } else if (action === 'recall') await recall();
      else if (action === 'start') await start();
      else if (action === 'finish') await finish();
      else if (action === 'noShow') await noShow();
      else if (action === 'transfer') setDialog('transfer');
      else if (action === 'pause') {
        if (window_.state === 'PAUSED') await open({ variables: { windowId: window_.id } });
        else setDialog('pause');
      }
    } catch (e) {
      setError(e);
    }
  }, [window_, callNext, recall, start, finish, noShow, open]);

  // F-keys while signed in at a window (not while a dialog is open).
  const runRef = useRef(run);
  useEffect(() => {
    runRef.current = run;
  }, [run]);
  useEffect(() => {
    if (!window_ || dialog) return;
    const byKey = Object.fromEntries(Object.entries(QUEUE_KEYS).map(([a, k]) => [k, a as Action]));
    const onKey = (e: KeyboardEvent) => {
      const action = byKey[e.key];
      if (!action || e.altKey || e.ctrlKey || e.metaKey) return;
      e.preventDefault();
      void runRef.current(action);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [window_, dialog]);

  if (!clerk || !window_) return null;
  const paused = window_.state === 'PAUSED';
  const atWindow = ticket && (ticket.state === 'CALLED' || ticket.state === 'SERVING');
  const button = (action: Action, text: string, enabled: boolean, extra: Record<string, unknown> = {}) => (
    <Tooltip title={QUEUE_KEYS[action]}>
      <Button size="small" disabled={!enabled || busy} onClick={() => void run(action)} data-testid={`queue-bar-${action}`} {...extra}>
        {text} <Typography.Text type="secondary" style={{ fontSize: 11 }}>{QUEUE_KEYS[action]}</Typography.Text>
      </Button>
    </Tooltip>
  );

  return (
    <div className="ow-queue-bar" data-testid="queue-bar" style={{ background: '#f0f5ff', border: '1px solid #adc6ff', borderRadius: 6, padding: '6px 12px', marginBottom: 12 }}>
      <Space wrap size="middle">
        <Typography.Text strong data-testid="queue-bar-window">{window_.number} 号窗口</Typography.Text>
        <Tag color={WINDOW_STATE_COLORS[window_.state]} data-testid="queue-bar-window-state">{label(WINDOW_STATE_LABELS, window_.state)}{paused && window_.pauseReason ? `：${window_.pauseReason}` : ''}</Tag>
        <span>当前号：{ticket
          ? <Space size={4}><Typography.Text strong style={{ fontSize: 18 }} data-testid="queue-bar-ticket">{ticket.number}</Typography.Text>
            <Tag color={TICKET_STATE_COLORS[ticket.state]} data-testid="queue-bar-ticket-state">{label(TICKET_STATE_LABELS, ticket.state)}</Tag>
            {ticket.priority && <Tag color="magenta">{ticket.priorityLabel ?? '优先'}</Tag>}
            {ticket.recallCount > 0 && <Tag>已重呼 {ticket.recallCount}/{mine.maxRecalls}</Tag>}</Space>
          : <Typography.Text type="secondary" data-testid="queue-bar-ticket">无</Typography.Text>}
        </span>
        <Typography.Text type="secondary" data-testid="queue-bar-waiting">等候 {mine.waiting} 人</Typography.Text>
        {button('callNext', '呼叫下一位', !ticket && !paused, { type: 'primary' })}
        {button('recall', '重呼', ticket?.state === 'CALLED')}
        {button('start', '开始办理', ticket?.state === 'CALLED')}
        {button('noShow', '过号', ticket?.state === 'CALLED' && ticket.recallCount >= mine.maxRecalls, { danger: true })}
        {button('transfer', '转窗口', Boolean(atWindow))}
        {button('finish', '办结', Boolean(atWindow))}
        {button('pause', paused ? '恢复服务' : '暂停窗口', !ticket)}
      </Space>
      <ErrorAlert error={error} style={{ marginTop: 8 }} />
      {dialog === 'transfer' && <TransferDialog unitCode={user.unitCode} ownWindow={window_.number} onClose={() => setDialog(null)} onDone={() => { setDialog(null); void refetch(); }} />}
      {dialog === 'pause' && <PauseDialog windowId={window_.id} onClose={() => setDialog(null)} onDone={() => { setDialog(null); void refetch(); }} />}
    </div>
  );
}

function TransferDialog({ unitCode, ownWindow, onClose, onDone }: { unitCode: string; ownWindow: number; onClose: () => void; onDone: () => void }) {
  const { data } = useQuery(QueueHallDocument, { variables: { unitCode } });
  const [to, setTo] = useState<'window' | 'group'>('window');
  const [value, setValue] = useState<string | undefined>();
  const [transfer, { loading, error }] = useMutation(TransferQueueTicketDocument, { refetchQueries: [MyQueueWindowDocument, QueueHallDocument] });
  const hall = data?.queueHall;
  const submit = async () => {
    if (value === undefined) return;
    const r = await transfer({ variables: { input: to === 'window' ? { windowNumber: Number(value) } : { groupCode: value } } }).catch(() => null);
    if (r?.data) onDone();
  };
  return (
    <Modal open title="转窗口 / 转分组" okText="转出" cancelText="取消" onOk={() => void submit()} onCancel={onClose} confirmLoading={loading} okButtonProps={{ disabled: value === undefined, 'data-testid': 'queue-transfer-ok' } as never}>
      <Typography.Paragraph type="secondary">转出后保留原号码和原排队位置，先于之后取号的群众被叫到。</Typography.Paragraph>
      <Radio.Group value={to} onChange={(e) => { setTo(e.target.value as 'window' | 'group'); setValue(undefined); }} style={{ marginBottom: 12 }}>
        <Radio value="window"><span data-testid="queue-transfer-to-window">转窗口</span></Radio>
        <Radio value="group"><span data-testid="queue-transfer-to-group">转分组</span></Radio>
      </Radio.Group>
      <Select style={{ width: '100%' }} placeholder={to === 'window' ? '选择窗口' : '选择业务分组'} value={value} onChange={setValue} data-testid="queue-transfer-target"
        options={to === 'window'
          ? (hall?.windows ?? []).filter((w) => w.number !== ownWindow && w.state !== 'CLOSED').map((w) => ({ value: String(w.number), label: `${w.number} 号窗口（${label(WINDOW_STATE_LABELS, w.state)}）` }))
          : (hall?.groups ?? []).map((g) => ({ value: g.code, label: `${g.prefix} ${g.name}` }))} />
      <ErrorAlert error={error} style={{ marginTop: 8 }} />
    </Modal>
  );
}

function PauseDialog({ windowId, onClose, onDone }: { windowId: string; onClose: () => void; onDone: () => void }) {
  const [reason, setReason] = useState(PAUSE_REASONS[0]!);
  const [pause, { loading, error }] = useMutation(PauseQueueWindowDocument, { refetchQueries: [MyQueueWindowDocument, QueueHallDocument] });
  const submit = async () => {
    const r = await pause({ variables: { input: { windowId, reason } } }).catch(() => null);
    if (r?.data) onDone();
  };
  return (
    <Modal open title="暂停服务" okText="暂停" cancelText="取消" onOk={() => void submit()} onCancel={onClose} confirmLoading={loading} okButtonProps={{ 'data-testid': 'queue-pause-ok' } as never}>
      <Typography.Paragraph type="secondary">大厅叫号屏将显示"暂停服务"；恢复时再按 {QUEUE_KEYS.pause}。</Typography.Paragraph>
      <Space wrap style={{ marginBottom: 8 }}>
        {PAUSE_REASONS.map((r) => <Tag.CheckableTag key={r} checked={reason === r} onChange={() => setReason(r)}>{r}</Tag.CheckableTag>)}
      </Space>
      <Input value={reason} onChange={(e) => setReason(e.target.value)} maxLength={100} placeholder="暂停原因（必填）" data-testid="queue-pause-reason" />
      <ErrorAlert error={error} style={{ marginTop: 8 }} />
    </Modal>
  );
}
