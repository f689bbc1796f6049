import { useQuery } from '@apollo/client';
import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons';
import { Button, Card, Skeleton, Space, Typography } from 'antd';
import { useCitizen } from '../citizen';
import { ErrorAlert } from '../components/ErrorAlert';
import { SixNotices } from '../components/SixNotices';
import { PoliceTypeTag } from '../components/Tags';
import { CatalogItemDocument } from '../graphql/operations';
import { SERVICE_LABELS, label } from '../labels';
import { navigate } from '../router';

/** 事项详情: the 六告知 the clerk reads out (and prints) for the citizen. */
export function CatalogItemPage({ code }: { code: string }) {
  const { citizen } = useCitizen();
  const { data, loading, error } = useQuery(CatalogItemDocument, { variables: { code }, fetchPolicy: 'cache-first' });
  const item = data?.catalogItem;
  return (
    <Card
      title={
        <Space>
          <Button type="text" icon={<ArrowLeftOutlined />} onClick={() => history.back()} aria-label="返回" />
          {item ? <>{item.name} <PoliceTypeTag policeType={item.policeType} /></> : '事项详情'}
        </Space>
      }
      extra={
        item && (
          <Space>
            <Button icon={<PrinterOutlined />} onClick={() => window.print()}>打印六告知</Button>
            {citizen && <Button type="primary" autoFocus onClick={() => navigate(`/accept/${item.code}`)} data-testid="detail-accept">为 {citizen.name} 受理</Button>}
          </Space>
        )
      }
    >
      {error && <ErrorAlert error={error} />}
      {loading && !item && <Skeleton active />}
      {item && (
        <>
          <Typography.Paragraph type="secondary">事项编码 {item.code} · 目录版本 {item.version} · 承办：{label(SERVICE_LABELS, item.service)}</Typography.Paragraph>
          <SixNotices item={item} />
        </>
      )}
    </Card>
  );
}
