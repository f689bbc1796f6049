import { useLazyQuery, useMutation, useQuery } from '@apollo/client';
import { App as AntApp, Button, Card, Form, Input, InputNumber, Radio, Space, Table, Tag, Typography } from 'antd';
import * as echarts from 'echarts/core';
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
import ReactEChartsCore from 'echarts-for-react/lib/core';
import { useState } from 'react';
import { ErrorAlert } from './components/ErrorAlert';
import { errorText } from './errors';
import {
  DrawRandomInspectionDocument, PublishedRandomInspectionsDocument, PublishRandomInspectionDocument, RandomInspectionCasePartyDocument, RandomInspectionDrawsDocument,
  RandomInspectorsDocument, RecordRandomInspectionResultDocument,
} from './graphql/supervision.operations';
import type { PublishedRandomInspectionsQuery, RandomInspectionDrawFieldsFragment } from './gql/graphql';
import { label, POLICE_TYPE_LABELS } from './labels';
import { DRAW_RESULT_COLORS, DRAW_RESULT_LABELS } from './supervision-labels';

echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

type Draw = RandomInspectionDrawFieldsFragment;
type Published = PublishedRandomInspectionsQuery['publishedRandomInspections'][number];

/**
 * 双随机抽查: draw N closed cases of a unit and month and M inspectors with a recorded seed (the
 * same seed repeats the draw); no inspector gets a case of their own unit or one they accepted.
 * Results per case, then 公开; the public summary below has counts only. A drawn case's applicant
 * is shown masked, in full only on request — every look is audited.
 */
export function SupervisionRandomPage() {
  const draws = useQuery(RandomInspectionDrawsDocument, { fetchPolicy: 'cache-and-network' });
  const roster = useQuery(RandomInspectorsDocument);
  const published = useQuery(PublishedRandomInspectionsDocument, { fetchPolicy: 'cache-and-network' });
  const [drawNow, drawing] = useMutation(DrawRandomInspectionDocument);
  const [form] = Form.useForm<{ unitPrefix: string; month: string; caseCount: number; inspectorCount: number; seed?: string }>();
  const [current, setCurrent] = useState<string | undefined>();
  const { message } = AntApp.useApp();
  const selected = draws.data?.randomInspectionDraws.find((d) => d.id === current) ?? draws.data?.randomInspectionDraws[0];

  const submit = async (v: { unitPrefix: string; month: string; caseCount: number; inspectorCount: number; seed?: string }) => {
    const r = await drawNow({ variables: { input: { ...v, unitPrefix: v.unitPrefix.trim(), seed: v.seed?.trim() || undefined } } }).catch(() => null);
    if (r?.data) {
      message.success(`已抽取 ${r.data.drawRandomInspection.caseCount} 件，随机种子 ${r.data.drawRandomInspection.seed}`);
      setCurrent(r.data.drawRandomInspection.id);
      await draws.refetch();
    }
  };

  return (
    <Space direction="vertical" style={{ width: '100%' }} size="large">
      <Card title="双随机抽查">
        <Form form={form} layout="inline" onFinish={submit} initialValues={{ caseCount: 4, inspectorCount: 3 }}>
          <Form.Item name="unitPrefix" label="单位代码" rules={[{ required: true, pattern: /^\d{4,12}$/, message: '4–12 位单位代码' }]}><Input style={{ width: 130 }} data-testid="draw-unit" /></Form.Item>
          <Form.Item name="month" label="办结月份" rules={[{ required: true, pattern: /^\d{4}-(0[1-9]|1[0-2])$/, message: 'YYYY-MM' }]}><Input style={{ width: 110 }} placeholder="2026-03" data-testid="draw-month" /></Form.Item>
          <Form.Item name="caseCount" label="抽取办件数" rules={[{ required: true }]}><InputNumber min={1} max={200} data-testid="draw-cases" /></Form.Item>
          <Form.Item name="inspectorCount" label="检查人员数" rules={[{ required: true }]}><InputNumber min={1} max={50} data-testid="draw-inspectors" /></Form.Item>
          <Form.Item name="seed" label="随机种子"><Input style={{ width: 160 }} placeholder="不填自动生成" data-testid="draw-seed" /></Form.Item>
          <Button type="primary" htmlType="submit" loading={drawing.loading} data-testid="draw-submit">抽取</Button>
        </Form>
        <ErrorAlert error={drawing.error} style={{ marginTop: 12 }} />
        <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
          检查人员名录 {roster.data?.randomInspectors.filter((i) => i.active).length ?? 0} 人（市局督察维护）。记录随机种子，同一种子对同一范围重复抽取结果相同。
        </Typography.Paragraph>
        <Table rowKey="id" size="small" pagination={{ pageSize: 5 }} dataSource={draws.data?.randomInspectionDraws ?? []} data-testid="draw-list"
          rowSelection={{ type: 'radio', selectedRowKeys: selected ? [selected.id] : [], onChange: (keys) => setCurrent(String(keys[0])) }}
          columns={[
            { title: '单位', dataIndex: 'unitName' },
            { title: '月份', dataIndex: 'month' },
            { title: '随机种子', dataIndex: 'seed', render: (s: string) => <Typography.Text code data-testid="draw-seed-value">{s}</Typography.Text> },
            { title: '抽取', key: 'n', render: (_: unknown, d: Draw) => `${d.caseCount}/${d.casePoolSize} 件 · ${d.inspectorCount}/${d.inspectorPoolSize} 人` },
            { title: '抽取人', dataIndex: 'drawnByName' },
            { title: '公开', key: 'pub', render: (_: unknown, d: Draw) => (d.publishedAt ? <Tag color="green">已公开</Tag> : <Tag>未公开</Tag>) },
          ]} />
      </Card>
      {selected && <DrawCard draw={selected} onChanged={() => { void draws.refetch(); void published.refetch(); }} />}
      <PublishedCard rows={published.data?.publishedRandomInspections ?? []} error={published.error} />
    </Space>
  );
}

function DrawCard({ draw, onChanged }: { draw: Draw; onChanged: () => void }) {
  const [recordResult] = useMutation(RecordRandomInspectionResultDocument);
  const [publish, publishing] = useMutation(PublishRandomInspectionDocument);
  const [readParty] = useLazyQuery(RandomInspectionCasePartyDocument, { fetchPolicy: 'network-only' });
  const [parties, setParties] = useState<Record<string, string>>({});
  const { message } = AntApp.useApp();

  const showParty = async (caseNumber: string, full: boolean) => {
    const r = await readParty({ variables: { drawId: draw.id, caseNumber, full, purpose: '双随机抽查核对办件' } });
    if (r.data) {
      const p = r.data.randomInspectionCaseParty;
      setParties((x) => ({ ...x, [caseNumber]: `${p.applicantName} ${p.applicantIdNumber}${p.applicantPhone ? ` ${p.applicantPhone}` : ''}（受理人 ${p.firstInquiryOwnerName}）` }));
    } else if (r.error) message.error(errorText(r.error));
  };
  const setResult = async (caseNumber: string, result: 'PASS' | 'PROBLEM') => {
    const r = await recordResult({ variables: { input: { drawId: draw.id, caseNumber, result } } }).catch((e: unknown) => { message.error(errorText(e)); return null; });
    if (r?.data) onChanged();
  };

  return (
    <Card title={`抽查结果 · ${draw.unitName} · ${draw.month}`} data-testid="draw-card" extra={
      <Button type="primary" disabled={Boolean(draw.publishedAt)} loading={publishing.loading} data-testid="draw-publish"
        onClick={() => void publish({ variables: { id: draw.id } }).then(() => { message.success('已公开'); onChanged(); }, (e: unknown) => message.error(errorText(e)))}>
        {draw.publishedAt ? '已公开' : '公开结果'}
      </Button>
    }>
      <Typography.Paragraph>随机种子 <Typography.Text code>{draw.seed}</Typography.Text> · 检查人员：{draw.inspectors.join('、')}</Typography.Paragraph>
      <Table rowKey="caseNumber" size="small" pagination={false} dataSource={draw.cases} data-testid="draw-cases-table"
        onRow={(c) => ({ 'data-case': c.caseNumber } as React.HTMLAttributes<HTMLElement>)}
        columns={[
          { title: '序号', dataIndex: 'position', width: 60 },
          { title: '办件编号', dataIndex: 'caseNumber' },
          { title: '事项', key: 'item', render: (_: unknown, c) => `${label(POLICE_TYPE_LABELS, c.policeType)} · ${c.itemName}` },
          { title: '办理单位', dataIndex: 'unitName' },
          { title: '检查人员', dataIndex: 'inspectorName' },
          { title: '当事人', key: 'party', render: (_: unknown, c) => (
            <Space>
              <span data-testid="draw-party">{parties[c.caseNumber] ?? '—'}</span>
              <Button size="small" onClick={() => void showParty(c.caseNumber, false)} data-testid="draw-party-masked">查看</Button>
              <Button size="small" onClick={() => void showParty(c.caseNumber, true)} data-testid="draw-party-full">完整信息</Button>
            </Space>
          ) },
          { title: '结果', key: 'result', render: (_: unknown, c) => draw.publishedAt
            ? <Tag color={DRAW_RESULT_COLORS[c.result]}>{label(DRAW_RESULT_LABELS, c.result)}</Tag>
            : (
              <Radio.Group size="small" optionType="button" value={c.result === 'PENDING' ? undefined : c.result} data-testid="draw-result"
                onChange={(e) => void setResult(c.caseNumber, e.target.value as 'PASS' | 'PROBLEM')}
                options={[{ value: 'PASS', label: '合格' }, { value: 'PROBLEM', label: '发现问题' }]} />
            ) },
        ]} />
    </Card>
  );
}

function PublishedCard({ rows, error }: { rows: Published[]; error: unknown }) {
  const latest = rows[0];
  const option = latest && {
    animation: false,
    grid: { left: 48, right: 24, top: 36, bottom: 48 },
    legend: { top: 0, data: ['合格', '发现问题'] },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: latest.byItem.map((i) => i.itemName), axisLabel: { interval: 0 } },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      { name: '合格', type: 'bar', stack: 'n', data: latest.byItem.map((i) => i.passed), itemStyle: { color: '#15803d' }, barMaxWidth: 48 },
      { name: '发现问题', type: 'bar', stack: 'n', data: latest.byItem.map((i) => i.problems), itemStyle: { color: '#b91c1c' }, barMaxWidth: 48 },
    ],
  };
  return (
    <Card title="公开结果（不含个人信息）" data-testid="published-card">
      <ErrorAlert error={error} />
      <Table rowKey="id" size="small" pagination={false} dataSource={rows} data-testid="published-table"
        columns={[
          { title: '单位', dataIndex: 'unitName' },
          { title: '月份', dataIndex: 'month' },
          { title: '抽查办件', dataIndex: 'cases' },
          { title: '检查人员', dataIndex: 'inspectors' },
          { title: '合格', dataIndex: 'passed' },
          { title: '发现问题', dataIndex: 'problems' },
        ]} />
      {option && (
        <div data-testid="published-chart" style={{ marginTop: 16 }}>
          <Typography.Text strong>{latest.unitName} {latest.month} 按事项</Typography.Text>
          <ReactEChartsCore echarts={echarts} option={option} opts={{ renderer: 'svg' }} style={{ height: 280 }} notMerge />
        </div>
      )}
    </Card>
  );
}
