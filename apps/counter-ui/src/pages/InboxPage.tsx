import { InboxOutlined } from '@ant-design/icons';
import { Card, Space, Tag, Typography } from 'antd';
import { ApplicationsList } from '../components/ApplicationsList';
import { useSession } from '../session';

/** 待办: every application of my unit, overdue first, due-soon highlighted. */
export function InboxPage() {
  const { user } = useSession();
  return (
    <Card
      title={<Space><InboxOutlined />待办 · {user?.unitName}</Space>}
      extra={
        <Space>
          <Tag color="red">红色：已超期</Tag>
          <Tag color="orange">橙色：临近到期</Tag>
          <Typography.Text type="secondary">点击申请编号查看详情</Typography.Text>
        </Space>
      }
    >
      <ApplicationsList />
    </Card>
  );
}
