import { Tag, Tooltip } from 'antd';
import { DEADLINE_STATE_COLORS, DEADLINE_STATE_LABELS, POLICE_TYPE_COLORS, POLICE_TYPE_LABELS, STATUS_COLORS, STATUS_LABELS, label } from '../labels';

export function StatusTag({ status }: { status: string }) {
  return <Tag color={STATUS_COLORS[status] ?? 'default'} data-testid="status-tag" data-status={status}>{label(STATUS_LABELS, status)}</Tag>;
}

export function PoliceTypeTag({ policeType }: { policeType: string }) {
  return <Tag color={POLICE_TYPE_COLORS[policeType] ?? 'default'}>{label(POLICE_TYPE_LABELS, policeType)}</Tag>;
}

/** Deadline with its state: red = overdue, orange = due soon; provisional deadlines are flagged. */
export function DeadlineTag({ deadline, state, provisional }: { deadline: string; state: string; provisional?: boolean }) {
  const color = DEADLINE_STATE_COLORS[state] ?? 'default';
  const tag = (
    <Tag color={color} data-testid="deadline-tag" data-state={state}>
      {deadline}
      {state === 'OVERDUE' || state === 'DUE_SOON' || state === 'PAUSED' ? ` · ${label(DEADLINE_STATE_LABELS, state)}` : ''}
      {provisional ? '（暂定）' : ''}
    </Tag>
  );
  return provisional ? <Tooltip title="期限跨入尚未公布放假安排的年份，公布后将重新计算">{tag}</Tooltip> : tag;
}
