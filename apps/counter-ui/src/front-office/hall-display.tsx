import { useQuery } from '@apollo/client';
import { useEffect, useRef, useState } from 'react';
import { PoliceUnitsDocument } from '../graphql/operations';
import { HallDisplayDocument } from '../graphql/queue.operations';
import { callAnnouncement } from './queue-labels';

function stationFromPath(): string | undefined {
  const code = window.location.pathname.split('/').filter(Boolean)[1];
  return code && /^\d{9}$/.test(code) ? code : undefined;
}

/** Says a call aloud in zh-CN where the browser can (speechSynthesis); silently nothing elsewhere. */
function announce(text: string): void {
  const synth = window.speechSynthesis as SpeechSynthesis | undefined;
  if (!synth || typeof SpeechSynthesisUtterance === 'undefined') return;
  const u = new SpeechSynthesisUtterance(text);
  u.lang = 'zh-CN';
  u.rate = 0.9;
  synth.speak(u);
}

/**
 * 大厅叫号屏 (public; /hall-display/<station>): large type, the calls in progress (newest first),
 * every open or paused window (暂停服务 for a paused one) and the next numbers of each group.
 * Polls every 3 s; each new call or recall is announced aloud once ("请 A001 号到 3 号窗口办理").
 */
export function HallDisplayPage() {
  const unitCode = stationFromPath();
  const { data: units } = useQuery(PoliceUnitsDocument, { skip: Boolean(unitCode) });
  if (!unitCode) {
    return (
      <div style={{ padding: 48, fontSize: 24 }}>
        请在地址中指定办事大厅，例如：
        {(units?.policeUnits ?? []).filter((u) => u.code.length === 9).map((u) => <div key={u.code}><a href={`/hall-display/${u.code}`}>{u.name}</a></div>)}
      </div>
    );
  }
  return <HallDisplay unitCode={unitCode} />;
}

function HallDisplay({ unitCode }: { unitCode: string }) {
  const { data, error } = useQuery(HallDisplayDocument, { variables: { unitCode }, pollInterval: 3000, fetchPolicy: 'network-only' });
  const display = data?.hallDisplay;
  const spoken = useRef<Set<string> | null>(null);
  const [latest, setLatest] = useState<string | null>(null);

  useEffect(() => {
    if (!display) return;
    const keys = display.calls.map((c) => `${c.ticketId}@${c.calledAt}`);
    if (spoken.current === null) {
      spoken.current = new Set(keys); // what was on the screen when it was switched on is not announced again
      return;
    }
    for (const c of [...display.calls].reverse()) {
      const key = `${c.ticketId}@${c.calledAt}`;
      if (spoken.current.has(key)) continue;
      spoken.current.add(key);
      announce(callAnnouncement(c.number, c.windowNumber));
      setLatest(c.ticketId);
    }
  }, [display]);

  return (
    <div className="ow-hall-display" data-testid="hall-display" style={{ minHeight: '100vh', background: '#001529', color: '#fff', padding: '24px 40px', fontFamily: '"Noto Sans CJK SC", "Microsoft YaHei", sans-serif' }}>
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'baseline' }}>
        <h1 style={{ color: '#fff', fontSize: 44, margin: 0 }}>{display?.unitName ?? ''} · 叫号</h1>
        <span style={{ fontSize: 24, color: '#91caff' }}>{display?.businessDate}</span>
      </div>
      {error && <div style={{ color: '#ff7875', fontSize: 24 }} data-testid="hall-display-error">叫号信息暂时无法更新，请留意广播</div>}
      <div style={{ display: 'flex', gap: 32, marginTop: 24 }}>
        <section style={{ flex: 3 }}>
          <h2 style={{ color: '#ffd666', fontSize: 32 }}>正在呼叫</h2>
          <table style={{ width: '100%', fontSize: 48, borderCollapse: 'collapse' }} data-testid="hall-display-calls">
            <tbody>
              {(display?.calls ?? []).slice(0, 6).map((c) => (
                <tr key={c.ticketId} data-testid="hall-display-call" style={{ borderBottom: '1px solid #1f3a5f', background: c.ticketId === latest ? '#10345e' : undefined }}>
                  <td style={{ padding: '8px 0', fontWeight: 700, color: '#fff' }}>{c.number}</td>
                  <td style={{ color: '#ffd666' }}>请到 {c.windowNumber} 号窗口</td>
                </tr>
              ))}
              {display && display.calls.length === 0 && <tr><td style={{ fontSize: 32, color: '#8c8c8c' }}>暂无呼叫</td></tr>}
            </tbody>
          </table>
          <h2 style={{ color: '#ffd666', fontSize: 32, marginTop: 32 }}>请以下号码做好准备</h2>
          <div style={{ fontSize: 30 }} data-testid="hall-display-next">
            {(display?.groups ?? []).filter((g) => g.waiting > 0).map((g) => (
              <div key={g.code} style={{ marginBottom: 8 }}>
                <span style={{ color: '#91caff' }}>{g.prefix} {g.name}（等候 {g.waiting} 人）：</span>{g.nextNumbers.join('  ')}
              </div>
            ))}
          </div>
        </section>
        <section style={{ flex: 2 }}>
          <h2 style={{ color: '#ffd666', fontSize: 32 }}>窗口</h2>
          {(display?.windows ?? []).map((w) => (
            <div key={w.number} data-testid={`hall-display-window-${w.number}`} data-state={w.state}
              style={{ display: 'flex', justifyContent: 'space-between', fontSize: 32, padding: '10px 16px', marginBottom: 8, borderRadius: 8, background: w.state === 'PAUSED' ? '#5c0011' : '#0a2540' }}>
              <span>{w.number} 号窗口 <span style={{ fontSize: 20, color: '#91caff' }}>{w.groupNames.join('、')}</span></span>
              <span style={{ fontWeight: 700, color: w.state === 'PAUSED' ? '#ff7875' : '#fff' }}>{w.state === 'PAUSED' ? '暂停服务' : (w.currentNumber ?? '空闲')}</span>
            </div>
          ))}
        </section>
      </div>
    </div>
  );
}
