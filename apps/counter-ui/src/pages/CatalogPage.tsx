import { useQuery } from '@apollo/client';
import { FileSearchOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Empty, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useCitizen } from '../citizen';
import { ErrorAlert } from '../components/ErrorAlert';
import { PoliceTypeTag } from '../components/Tags';
import { CatalogSearchDocument } from '../graphql/operations';
import type { CatalogSearchQuery, PoliceType } from '../gql/graphql';
import { POLICE_TYPE_LABELS, POLICE_TYPES } from '../labels';
import { navigate, useRoute } from '../router';
import { NotDelegatedTag, usePointMarks } from '../front-office/service-points';

type Row = CatalogSearchQuery['catalogItems'][number];

/** ↑/↓ move the focus between the results' main buttons (keyboard-only path). */
function moveBetweenRows(e: React.KeyboardEvent<HTMLElement>) {
  if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
  const buttons = [...e.currentTarget.querySelectorAll<HTMLElement>('[data-row-action]')];
  const i = buttons.indexOf(document.activeElement as HTMLElement);
  if (i < 0) return;
  e.preventDefault();
  buttons[Math.max(0, Math.min(buttons.length - 1, i + (e.key === 'ArrowDown' ? 1 : -1)))]?.focus();
}

/** 事项查询: one keyword across every police type's catalog. */
export function CatalogPage() {
  const { query } = useRoute();
  const { citizen } = useCitizen();
  const q = query.get('q') ?? '';
  const pt = query.get('policeType') ?? '';
  const [keyword, setKeyword] = useState(q);
  // The box follows the URL when it changes (back/forward, a link): adjust during render, not in an effect.
  const [shownQ, setShownQ] = useState(q);
  if (q !== shownQ) {
    setShownQ(q);
    setKeyword(q);
  }
  const searchRef = useRef<import('antd').InputRef>(null);
  const firstActionRef = useRef<HTMLButtonElement>(null);
  const { data, loading, error } = useQuery(CatalogSearchDocument, {
    variables: { keyword: q || undefined, policeType: (pt || undefined) as PoliceType | undefined },
    fetchPolicy: 'cache-first',
  });

  useEffect(() => {
    // Keyboard path: after a search with results, the first item's action has the focus.
    if (q && data?.catalogItems.length) firstActionRef.current?.focus();
    else searchRef.current?.focus();
  }, [q, data]);

  const go = (next: { q?: string; policeType?: string }) => {
    const params = new URLSearchParams();
    const nq = next.q ?? q;
    const np = next.policeType ?? pt;
    if (nq) params.set('q', nq);
    if (np) params.set('policeType', np);
    navigate(`/catalog${params.size ? `?${params}` : ''}`);
  };

  const rows = data?.catalogItems ?? [];
  // 三级窗口: items this point does not take are marked with the nearest point that does.
  const marks = usePointMarks();
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Card title={<Space><FileSearchOutlined />事项查询</Space>}>
        <Space.Compact style={{ width: '100%' }}>
          <Select
            style={{ width: 140 }}
            value={pt}
            onChange={(v) => go({ policeType: v })}
            options={[{ value: '', label: '全部警种' }, ...POLICE_TYPES.map((p) => ({ value: p, label: POLICE_TYPE_LABELS[p] }))]}
            data-testid="catalog-police-type"
          />
          <Input.Search
            ref={searchRef}
            autoFocus
            size="middle"
            placeholder="事项名称、俗称或编码，如：身份证丢了、护照、驾驶证换证"
            enterButton="检索"
            value={keyword}
            onChange={(e) => setKeyword(e.target.value)}
            onSearch={(v) => go({ q: v.trim() })}
            data-testid="catalog-search"
          />
        </Space.Compact>
        {citizen ? (
          <Typography.Text type="secondary" style={{ display: 'block', marginTop: 8 }}>正在为 {citizen.name} 办理：选择事项后点“受理”（键盘：<span className="ow-kbd">↑</span><span className="ow-kbd">↓</span> 选择，<span className="ow-kbd">Enter</span> 受理）。</Typography.Text>
        ) : (
          <Alert style={{ marginTop: 12 }} type="info" showIcon message="尚未选择办事群众：可查看事项指南；受理前请先在“群众信息”中读取身份证。" />
        )}
      </Card>
      <Card title={q ? `“${q}”的检索结果（${rows.length} 项）` : `事项目录（${rows.length} 项）`} onKeyDown={moveBetweenRows}>
        {error && <ErrorAlert error={error} />}
        <Table<Row>
          rowKey="code"
          loading={loading}
          dataSource={rows}
          pagination={rows.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
          locale={{ emptyText: <Empty description="没有找到相关事项，请换一个关键词（如俗称）再试" /> }}
          data-testid="catalog-results"
          columns={[
            {
              title: '事项名称',
              dataIndex: 'name',
              render: (name: string, r) => (
                <Space direction="vertical" size={0}>
                  <a href={`/catalog/${r.code}`} onClick={(e) => { e.preventDefault(); navigate(`/catalog/${r.code}`); }} data-testid={`catalog-item-${r.code}`}>{name}</a>
                  {/* The item code is for the detail page (事项编码), not the clerk's list. */}
                  {r.aliases.length > 0 && <Typography.Text type="secondary" style={{ fontSize: 12 }}>俗称：{r.aliases.slice(0, 4).join('、')}</Typography.Text>}
                  <NotDelegatedTag mark={marks.get(r.code)} />
                </Space>
              ),
            },
            { title: '警种', dataIndex: 'policeType', width: 100, render: (p: string) => <PoliceTypeTag policeType={p} /> },
            { title: '类别', dataIndex: 'category', width: 120 },
            { title: '收费', width: 110, render: (_, r) => (r.fee.formatted === '不收费' ? <Tag color="green">不收费</Tag> : r.fee.formatted) },
            { title: '承诺时限', width: 130, render: (_, r) => r.promisedTimeLimit.text },
            {
              title: '操作',
              width: 170,
              render: (_, r, i) => (
                <Space>
                  {citizen && (
                    <Button ref={i === 0 ? firstActionRef : undefined} data-row-action type="primary" size="small" onClick={() => navigate(`/accept/${r.code}`)} data-testid={`accept-${r.code}`}>
                      受理
                    </Button>
                  )}
                  <Button ref={i === 0 && !citizen ? firstActionRef : undefined} data-row-action={citizen ? undefined : true} size="small" onClick={() => navigate(`/catalog/${r.code}`)}>六告知</Button>
                </Space>
              ),
            },
          ]}
        />
      </Card>
    </Space>
  );
}
