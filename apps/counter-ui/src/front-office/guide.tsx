import { useQuery } from '@apollo/client';
import { Card, Collapse, Empty, Input, Layout, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { ErrorAlert } from '../components/ErrorAlert';
import { PublicCatalogDocument } from '../graphql/self-service.operations';
import type { PoliceType } from '../gql/graphql';
import { POLICE_TYPE_LABELS, POLICE_TYPES } from '../labels';

const LEVEL_LABELS: Record<string, string> = { DISTRICT_HALL: '区级政务服务中心', STREET: '街道便民服务中心', COMMUNITY: '社区综合服务中心' };

/**
 * 办事指南 (public, no login): the catalog with its 六告知 — service item, materials, fee, process,
 * time limit, supervision phone — for the hall's kiosks and the web; where each item may be handled
 * (三级窗口). The same answer for everyone (no personal data), so it is cached.
 */
export function PublicGuidePage() {
  const initial = new URLSearchParams(window.location.search).get('q') ?? '';
  const [keyword, setKeyword] = useState(initial);
  const [search, setSearch] = useState(initial);
  const [policeType, setPoliceType] = useState('');
  const { data, loading, error } = useQuery(PublicCatalogDocument, {
    variables: { keyword: search || undefined, policeType: (policeType || undefined) as PoliceType | undefined },
    fetchPolicy: 'cache-first',
  });
  const items = data?.publicCatalogItems ?? [];
  return (
    <Layout style={{ minHeight: '100%' }}>
      <Layout.Header className="ow-header"><span className="ow-brand">公安政务服务 · 办事指南</span></Layout.Header>
      <Layout.Content className="ow-content" style={{ maxWidth: 1000, margin: '0 auto', width: '100%' }}>
        <Space direction="vertical" size="middle" style={{ width: '100%' }}>
          <Card>
            <Space.Compact style={{ width: '100%' }}>
              <Select style={{ width: 140 }} value={policeType} onChange={setPoliceType} data-testid="guide-police-type"
                options={[{ value: '', label: '全部警种' }, ...POLICE_TYPES.filter((p) => p !== 'COMPLAINTS').map((p) => ({ value: p, label: POLICE_TYPE_LABELS[p] }))]} />
              <Input.Search autoFocus enterButton="查询" placeholder="输入事项名称或俗称，如：身份证丢了、护照、驾驶证换证" value={keyword}
                onChange={(e) => setKeyword(e.target.value)} onSearch={(v) => setSearch(v.trim())} data-testid="guide-search" />
            </Space.Compact>
            <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
              每个事项均列明“六告知”：服务事项、申请材料、收费标准、办理流程、办理时限、监督电话。无需登录；咨询电话 96166。
            </Typography.Paragraph>
          </Card>
          <Card title={search ? `“${search}”的查询结果（${items.length} 项）` : `办事指南（${items.length} 项）`} loading={loading && !data}>
            <ErrorAlert error={error} />
            {items.length === 0 && !loading ? (
              <Empty description="没有找到相关事项，请换一个关键词（如俗称）再试" />
            ) : (
              <Collapse
                accordion
                data-testid="guide-items"
                items={items.map((i) => ({
                  key: i.code,
                  label: (
                    <Space wrap data-guide-item={i.code}>
                      <Typography.Text strong>{i.name}</Typography.Text>
                      <Tag>{POLICE_TYPE_LABELS[i.policeType] ?? i.policeType}</Tag>
                      <Tag color={i.fee.formatted === '不收费' ? 'green' : 'default'}>{i.fee.formatted}</Tag>
                      <Tag color="blue">{i.promisedTimeLimit.text}</Tag>
                    </Space>
                  ),
                  children: (
                    <div data-testid={`guide-notices-${i.code}`}>
                      <Typography.Paragraph>
                        可办理网点：{i.acceptLevels.map((l) => LEVEL_LABELS[l] ?? l).join('、')}
                        {i.aliases.length > 0 && <Typography.Text type="secondary" style={{ marginLeft: 8 }}>（俗称：{i.aliases.join('、')}）</Typography.Text>}
                      </Typography.Paragraph>
                      {i.sixNotices.map((s) => (
                        <div key={s.key} style={{ marginBottom: 12 }}>
                          <Typography.Title level={5} style={{ marginTop: 0 }}>{s.title}</Typography.Title>
                          {s.lines.map((line, n) => <Typography.Paragraph key={n} style={{ marginBottom: 4 }}>{line}</Typography.Paragraph>)}
                        </div>
                      ))}
                    </div>
                  ),
                }))}
              />
            )}
          </Card>
        </Space>
      </Layout.Content>
    </Layout>
  );
}
