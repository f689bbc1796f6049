import { AuditOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Space, Tabs, Typography } from 'antd';
import { ApplicationsList } from '../components/ApplicationsList';
import { TransfersPanel } from '../components/Transfers';
import { TransitionActions } from '../components/TransitionActions';
import type { InboxQuery } from '../gql/graphql';
import { POLICE_TYPE_LABELS, label } from '../labels';
import { navigate } from '../router';

type InboxRow = InboxQuery['inbox']['items'][number];
import { hasRole, useSession } from '../session';

/** The queue row's buttons (the server checks again; detail page offers the rest). */
function RowActions({ row, onChanged }: { row: InboxRow; onChanged: () => void }) {
  return (
    <Space size={4} wrap>
      <TransitionActions app={row} size="small" onDone={onChanged} />
      <Button size="small" type="link" onClick={() => navigate(`/applications/${row.number}`)}>详情</Button>
    </Space>
  );
}

/** 后台审批: the officer's police-type queue; supervisors see extension requests to decide. */
export function BackOfficePage() {
  const { user } = useSession();
  if (!user) return null;
  const officer = hasRole(user, 'OFFICER') && !!user.policeType;
  const supervisor = hasRole(user, 'SUPERVISOR');
  if (!officer && !supervisor) return <Alert type="warning" showIcon message="后台审批仅对各警种后台民警和督察开放" />;

  const tabs = [
    officer && {
      key: 'queue',
      label: `${label(POLICE_TYPE_LABELS, user.policeType)}审批队列`,
      children: <ApplicationsList fixedPoliceType={user.policeType} testId="queue-table" extraActions={(r, refresh) => <RowActions row={r} onChanged={refresh} />} />,
    },
    supervisor && {
      key: 'supervise',
      label: '督办（超期与延期）',
      children: (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Typography.Text type="secondary">本辖区全部警种的申请，超期在前。打开申请详情可批准或驳回延期申请。</Typography.Text>
          <ApplicationsList testId="supervise-table" extraActions={(r, refresh) => <RowActions row={r} onChanged={refresh} />} />
        </Space>
      ),
    },
    {
      key: 'transfers',
      label: '跨警种移交',
      children: <TransfersPanel />,
    },
  ].filter(Boolean) as { key: string; label: string; children: React.ReactNode }[];

  return (
    <Card title={<Space><AuditOutlined />后台审批{officer ? ` · ${label(POLICE_TYPE_LABELS, user.policeType)}` : ''}</Space>} data-testid="backoffice">
      <Tabs items={tabs} />
    </Card>
  );
}
