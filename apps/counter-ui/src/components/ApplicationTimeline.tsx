import { Timeline, Typography } from 'antd';
import { formatDateTime } from '../china-time';
import type { ApplicationFullFragment } from '../gql/graphql';
import { ACTION_LABELS, ROLE_LABELS, STATUS_LABELS, label } from '../labels';

function color(action: string): string {
  if (action === 'REJECT' || action === 'FLAG_OVERDUE' || action === 'REJECT_EXTENSION') return 'red';
  if (action === 'APPROVE' || action === 'MARK_READY' || action === 'DELIVER' || action === 'CLOSE') return 'green';
  if (action === 'REQUEST_SUPPLEMENT' || action === 'REQUEST_EXTENSION') return 'orange';
  return 'blue';
}

/** 办理记录: who, when, what, and why. */
export function ApplicationTimeline({ entries }: { entries: ApplicationFullFragment['timeline'] }) {
  return (
    <div data-testid="timeline">
    <Timeline
      items={entries.map((e, i) => ({
        key: `${e.at}-${i}`,
        color: color(e.action),
        children: (
          <div data-testid="timeline-entry" data-action={e.action}>
            <Typography.Text strong>{label(ACTION_LABELS, e.action)}</Typography.Text>
            {e.fromStatus && e.fromStatus !== e.toStatus ? (
              <span style={{ color: '#888' }}>（{label(STATUS_LABELS, e.fromStatus)} → {label(STATUS_LABELS, e.toStatus)}）</span>
            ) : (
              <span style={{ color: '#888' }}>（{label(STATUS_LABELS, e.toStatus)}）</span>
            )}
            <div>
              {formatDateTime(e.at)} · {e.actorName}
              {e.actorRoles.length > 0 && <span style={{ color: '#888' }}>（{e.actorRoles.map((r) => ROLE_LABELS[r] ?? r).join('、')}）</span>}
            </div>
            {e.reason && <div>理由：{e.reason}</div>}
          </div>
        ),
      }))}
    />
    </div>
  );
}
