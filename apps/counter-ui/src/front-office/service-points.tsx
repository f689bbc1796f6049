import { useQuery } from '@apollo/client';
import { ClusterOutlined, EnvironmentOutlined } from '@ant-design/icons';
import { Alert, Card, Col, Descriptions, Empty, Input, Row, Space, Statistic, Table, Tabs, Tag, Tree, Typography } from 'antd';
import type { DataNode } from 'antd/es/tree';
import * as echarts from 'echarts/core';
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
import ReactEChartsCore from 'echarts-for-react/lib/core';
import { useMemo, useState } from 'react';
import { chinaToday } from '../china-time';
import { ErrorAlert } from '../components/ErrorAlert';
import { PoliceTypeTag } from '../components/Tags';
import { CatalogPointMarksDocument, ServicePointFiguresDocument, ServicePointTreeDocument } from '../graphql/service-points.operations';
import type { CatalogPointMarksQuery, ServicePointFiguresQuery, ServicePointTreeQuery } from '../gql/graphql';
import { POLICE_TYPE_LABELS, POLICE_TYPES } from '../labels';
import { hasRole, type SessionUser } from '../session';

echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

/** Who may open 服务网点 (mirrors the resolvers' @Roles). */
export const servicePointsVisible = (u: SessionUser): boolean => hasRole(u, 'CLERK', 'OFFICER', 'SUPERVISOR', 'ANALYST');

type Point = ServicePointTreeQuery['servicePointTree']['points'][number];
type Figures = ServicePointFiguresQuery['servicePointFigures'];
export type PointMark = NonNullable<CatalogPointMarksQuery['catalogItems'][number]['pointAvailability']>;

const LEVEL_COLORS: Record<string, string> = { DISTRICT_HALL: 'red', STREET: 'blue', COMMUNITY: 'green' };
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * 三级窗口 marks at the clerk's point: item code → whether this point takes it and, if not, where
 * to send the citizen. Empty where the district has no point data (no restriction).
 */
export function usePointMarks(): Map<string, PointMark> {
  const { data } = useQuery(CatalogPointMarksDocument, { fetchPolicy: 'cache-first' });
  return useMemo(() => {
    const marks = new Map<string, PointMark>();
    for (const i of data?.catalogItems ?? []) if (i.pointAvailability) marks.set(i.code, i.pointAvailability);
    return marks;
  }, [data]);
}

/** The 不在本网点受理 → 请到 … tag of a catalog row (nothing when the point takes the item). */
export function NotDelegatedTag({ mark }: { mark: PointMark | undefined }) {
  if (!mark || mark.acceptedHere) return null;
  return (
    <Tag color="orange" data-testid="not-delegated" title={mark.hint ?? undefined}>
      不在本网点受理{mark.nearestPointName ? ` → 请到${mark.nearestPointName}` : ''}
    </Tag>
  );
}

function treeOf(points: Point[], mine: string | null): DataNode[] {
  const children = (parent: string | null): DataNode[] =>
    points
      .filter((p) => p.parentCode === parent)
      .map((p) => ({
        key: p.code,
        title: (
          <span data-point={p.code}>
            <Tag color={LEVEL_COLORS[p.level]}>{p.levelLabel}</Tag>
            {p.name}
            {p.code === mine && <Tag color="gold" style={{ marginLeft: 8 }} data-testid="my-point">本网点</Tag>}
          </span>
        ),
        children: children(p.code),
      }));
  return children(null);
}

/** Accepted applications per point, stacked by police type (SVG renderer: stable screenshots). */
function FiguresChart({ figures }: { figures: Figures }) {
  const rows = figures.points;
  const types = POLICE_TYPES.filter((t) => rows.some((r) => r.byPoliceType.some((b) => b.policeType === t)));
  const option = {
    animation: false,
    grid: { left: 48, right: 24, top: 40, bottom: 120 },
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    xAxis: { type: 'category', data: rows.map((r) => r.pointName.replace('公安一站式服务办证点', '').replace('公安服务点', '')), axisLabel: { interval: 0, rotate: 40 } },
    yAxis: { type: 'value', minInterval: 1, name: '受理件数' },
    series: (types.length ? types : ['HOUSEHOLD']).map((t) => ({
      name: POLICE_TYPE_LABELS[t] ?? t,
      type: 'bar',
      stack: 'accepted',
      barMaxWidth: 36,
      data: rows.map((r) => r.byPoliceType.find((b) => b.policeType === t)?.accepted ?? 0),
    })),
  };
  return (
    <div data-testid="service-point-chart">
      <ReactEChartsCore echarts={echarts} option={option} opts={{ renderer: 'svg' }} style={{ height: 360 }} notMerge />
    </div>
  );
}

function FiguresPanel() {
  const today = chinaToday();
  const [from, setFrom] = useState(today.startOf('month').format('YYYY-MM-DD'));
  const [to, setTo] = useState(today.format('YYYY-MM-DD'));
  const valid = DATE.test(from) && DATE.test(to);
  const { data, loading, error } = useQuery(ServicePointFiguresDocument, { variables: { from, to }, skip: !valid });
  const f = data?.servicePointFigures;
  return (
    <Card
      title="各网点受理统计"
      data-testid="service-point-figures"
      extra={
        <Space>
          <span>起</span><Input value={from} onChange={(e) => setFrom(e.target.value.trim())} style={{ width: 120 }} placeholder="YYYY-MM-DD" data-testid="figures-from" />
          <span>止</span><Input value={to} onChange={(e) => setTo(e.target.value.trim())} style={{ width: 120 }} placeholder="YYYY-MM-DD" data-testid="figures-to" />
        </Space>
      }
    >
      <ErrorAlert error={error} />
      {loading && !f && <Typography.Text type="secondary">正在统计…</Typography.Text>}
      {f && (
        <>
          <Row gutter={16} style={{ marginBottom: 16 }}>
            <Col span={6}><Statistic title="合计受理" value={f.total} suffix="件" /></Col>
            {f.levels.map((l) => (
              <Col span={6} key={l.level}><Statistic title={l.label} value={l.accepted} suffix="件" valueStyle={{ fontSize: 20 }} /></Col>
            ))}
          </Row>
          <FiguresChart figures={f} />
          <Table
            rowKey="pointCode"
            size="small"
            pagination={false}
            dataSource={f.points}
            data-testid="service-point-figures-table"
            onRow={(r) => ({ 'data-point-row': r.pointCode } as React.HTMLAttributes<HTMLElement>)}
            columns={[
              { title: '网点', dataIndex: 'pointName' },
              { title: '层级', dataIndex: 'level', width: 150, render: (l: string) => <Tag color={LEVEL_COLORS[l]}>{f.levels.find((x) => x.level === l)?.label ?? l}</Tag> },
              { title: '受理件数', dataIndex: 'accepted', width: 100 },
              { title: '按警种', render: (_: unknown, r) => <Space wrap>{r.byPoliceType.map((b) => <span key={b.policeType}><PoliceTypeTag policeType={b.policeType} /> {b.accepted}</span>)}</Space> },
            ]}
          />
          <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
            按受理民警所在网点统计（派出所窗口计入区级政务服务中心），只含本辖区的办件；统计口径为受理日期（北京时间）。
          </Typography.Paragraph>
        </>
      )}
    </Card>
  );
}

/**
 * 服务网点 (三级窗口): the caller's district hall → street points → community points with address and
 * opening hours, which items each level takes (延伸下放, catalog data), and figures per point.
 */
export function ServicePointsPage() {
  const { data, loading, error } = useQuery(ServicePointTreeDocument);
  const t = data?.servicePointTree;
  const [selected, setSelected] = useState<string | null>(null);
  const points = t?.points ?? [];
  const current = points.find((p) => p.code === (selected ?? t?.myPointCode ?? points[0]?.code));
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }} data-testid="service-points">
      <Card title={<Space><ClusterOutlined />服务网点（三级窗口）</Space>} loading={loading && !t}>
        <ErrorAlert error={error} />
        {t && points.length === 0 && <Empty description="本辖区尚未登记服务网点：各窗口均可受理全部事项" />}
        {t && points.length > 0 && (
          <Row gutter={24}>
            <Col span={12}>
              <Tree
                defaultExpandAll
                showLine
                treeData={treeOf(points, t.myPointCode)}
                selectedKeys={current ? [current.code] : []}
                onSelect={(keys) => setSelected((keys[0] as string | undefined) ?? null)}
                data-testid="service-point-tree"
              />
            </Col>
            <Col span={12}>
              {current && (
                <Descriptions column={1} bordered size="small" title={<Space><EnvironmentOutlined />{current.name}</Space>} data-testid="service-point-detail">
                  <Descriptions.Item label="层级"><Tag color={LEVEL_COLORS[current.level]}>{current.levelLabel}</Tag></Descriptions.Item>
                  <Descriptions.Item label="地址">{current.address}</Descriptions.Item>
                  <Descriptions.Item label="办公时间">{current.openingHours}</Descriptions.Item>
                  <Descriptions.Item label="可受理事项">{t.levels.find((l) => l.level === current.level)?.items.length ?? 0} 项</Descriptions.Item>
                </Descriptions>
              )}
              {t.myPointCode && (
                <Alert style={{ marginTop: 12 }} type="info" showIcon message={`您所在网点：${points.find((p) => p.code === t.myPointCode)?.name ?? t.myPointCode}。不在本网点受理的事项，事项查询中会提示群众可前往的最近网点。`} />
              )}
            </Col>
          </Row>
        )}
      </Card>
      {t && points.length > 0 && (
        <Card title="各层级可受理事项" data-testid="service-point-levels">
          <Tabs
            items={t.levels.map((l) => ({
              key: l.level,
              label: `${l.label}（${l.pointCount} 个网点 · ${l.items.length} 项）`,
              children: (
                <Space wrap data-level={l.level}>
                  {l.items.map((i) => <Tag key={i.code} data-item={i.code}>{POLICE_TYPE_LABELS[i.policeType] ?? i.policeType} · {i.name}</Tag>)}
                </Space>
              ),
            }))}
          />
        </Card>
      )}
      <FiguresPanel />
    </Space>
  );
}
