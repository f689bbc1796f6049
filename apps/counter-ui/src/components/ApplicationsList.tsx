import { useQuery } from '@apollo/client';
import { ReloadOutlined } from '@ant-design/icons';
import { Button, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import { InboxDocument } from '../graphql/operations';
import type { ApplicationStatus, InboxQuery, PoliceType } from '../gql/graphql';
import { POLICE_TYPE_LABELS, POLICE_TYPES, STATUS_LABELS, STATUSES } from '../labels';
import { navigate } from '../router';
import { ErrorAlert } from './ErrorAlert';
import { DeadlineTag, PoliceTypeTag, StatusTag } from './Tags';

type Row = InboxQuery['inbox']['items'][number];
const PAGE = 20;

/**
 * The unit's applications (inbox), overdue first: used by 待办 (all police types) and by 后台审批
 * (fixed to the officer's police type). Filters: status, police type, number / ID number.
 */
export function ApplicationsList({ fixedPoliceType, defaultStatus, extraActions, testId = 'inbox-table' }: {
  fixedPoliceType?: string | null;
  defaultStatus?: string;
  extraActions?: (row: Row, refresh: () => void) => ReactNode;
  testId?: string;
}) {
  const [status, setStatus] = useState<string>(defaultStatus ?? '');
  const [policeType, setPoliceType] = useState<string>('');
  const [search, setSearch] = useState('');
  const [page, setPage] = useState(1);
  const pt = fixedPoliceType ?? (policeType || undefined);
  const term = search.trim().toUpperCase();
  const { data, loading, error, refetch } = useQuery(InboxDocument, {
    variables: {
      status: (status || undefined) as ApplicationStatus | undefined,
      policeType: pt as PoliceType | undefined,
      search: term.length >= 4 ? term : undefined,
      limit: PAGE,
      offset: (page - 1) * PAGE,
    },
    fetchPolicy: 'cache-and-network',
    pollInterval: 30_000,
  });
  const rows = data?.inbox.items ?? [];
  const overdue = rows.filter((r) => r.deadlineState === 'OVERDUE').length;
  const dueSoon = rows.filter((r) => r.deadlineState === 'DUE_SOON').length;

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <Select
          style={{ width: 140 }}
          value={status}
          onChange={(v) => { setStatus(v); setPage(1); }}
          options={[{ value: '', label: '全部状态' }, ...STATUSES.map((s) => ({ value: s, label: STATUS_LABELS[s] }))]}
          data-testid={`${testId}-status`}
        />
        {!fixedPoliceType && (
          <Select
            style={{ width: 140 }}
            value={policeType}
            onChange={(v) => { setPoliceType(v); setPage(1); }}
            options={[{ value: '', label: '全部警种' }, ...POLICE_TYPES.map((p) => ({ value: p, label: POLICE_TYPE_LABELS[p] }))]}
            data-testid={`${testId}-police-type`}
          />
        )}
        <Input.Search
          allowClear
          style={{ width: 320 }}
          placeholder="申请编号或申请人身份证号码"
          onSearch={(v) => { setSearch(v); setPage(1); }}
          data-testid={`${testId}-search`}
        />
        <Button icon={<ReloadOutlined />} onClick={() => void refetch()}>刷新</Button>
        {overdue > 0 && <Tag color="red">本页超期 {overdue} 件</Tag>}
        {dueSoon > 0 && <Tag color="orange">临近到期 {dueSoon} 件</Tag>}
        {search.trim() && term.length < 4 && <Typography.Text type="warning">请输入完整的申请编号或身份证号码</Typography.Text>}
      </Space>
      {error && <ErrorAlert error={error} />}
      <Table<Row>
        rowKey="number"
        size="middle"
        loading={loading && !data}
        dataSource={rows}
        data-testid={testId}
        rowClassName={(r) => (r.deadlineState === 'OVERDUE' ? 'ow-row-overdue' : r.deadlineState === 'DUE_SOON' ? 'ow-row-due-soon' : '')}
        onRow={(r) => ({ 'data-number': r.number, onDoubleClick: () => navigate(`/applications/${r.number}`) }) as React.HTMLAttributes<HTMLElement>}
        pagination={{ current: page, pageSize: PAGE, total: data?.inbox.total ?? 0, showSizeChanger: false, showTotal: (t) => `共 ${t} 件`, onChange: setPage }}
        locale={{ emptyText: '没有符合条件的申请' }}
        columns={[
          {
            title: '申请编号',
            dataIndex: 'number',
            render: (n: string) => <a href={`/applications/${n}`} onClick={(e) => { e.preventDefault(); navigate(`/applications/${n}`); }} data-testid="inbox-number">{n}</a>,
          },
          { title: '警种', dataIndex: 'policeType', width: 100, render: (p: string) => <PoliceTypeTag policeType={p} /> },
          { title: '事项', dataIndex: 'itemName' },
          { title: '申请人', render: (_, r) => <span>{r.applicantName}<br /><Typography.Text type="secondary" style={{ fontSize: 12 }}>{r.applicantIdNumber}</Typography.Text></span> },
          { title: '状态', dataIndex: 'status', width: 110, render: (s: string) => <StatusTag status={s} /> },
          { title: '办结期限', dataIndex: 'deadline', width: 190, render: (d: string, r) => <DeadlineTag deadline={d} state={r.deadlineState} /> },
          ...(extraActions ? [{ title: '操作', width: 220, render: (_: unknown, r: Row) => extraActions(r, () => void refetch()) }] : []),
        ]}
      />
    </Space>
  );
}
