import { ApolloError, useApolloClient } from '@apollo/client';
import { IdcardOutlined, SearchOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Empty, Form, Input, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import { formatDate, formatDateTime } from '../china-time';
import { useUnitName } from '../units';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { idNumberProblem, maskIdNumber, normaliseIdNumber, useCitizen } from '../citizen';
import { ErrorAlert } from '../components/ErrorAlert';
import { DeadlineTag, PoliceTypeTag, StatusTag } from '../components/Tags';
import { CitizenCoreDocument, CitizenDocument } from '../graphql/operations';
import type { CitizenCoreFragment, CitizenQuery } from '../gql/graphql';
import { LOOKUP_PURPOSES, PERSON_STATUS_LABELS, RESIDENCE_PERMIT_STATUS_LABELS, SEX_LABELS, label } from '../labels';
import { navigate } from '../router';

type RawFull = CitizenQuery['citizen'];
type Section = 'counter' | 'exitEntry' | 'publicSecurity' | 'complaints';
/** A complete view: every section answered (sections are nullable in the schema so one down service does not blank the rest). */
type Full = Omit<RawFull, Section> & { [K in Section]: NonNullable<RawFull[K]> };

function asFull(c: RawFull): Full | null {
  return c.counter && c.exitEntry && c.publicSecurity && c.complaints ? (c as Full) : null;
}
type Core = CitizenCoreFragment;
type AppRow = Full['counter']['applications'][number];

/** What a section gets: the core (always), the other sections (absent when degraded). */
interface SectionContext {
  core: Core;
  full: Full | null;
  applications: AppRow[];
}

/**
 * The 360° panel, one tab per police type (and the counter's own notices). A police type that
 * contributes a `Citizen.<section>` field in the supergraph adds its block here; until then its
 * tab lists the citizen's applications of that police type.
 */
interface CitizenSection {
  key: string;
  title: ReactNode;
  count?(ctx: SectionContext): number;
  render(ctx: SectionContext): ReactNode;
}

const byType = (policeType: string) => (ctx: SectionContext) => ctx.applications.filter((a) => a.policeType === policeType);

/** A police type's tab: what its own service contributes, above the citizen's applications of that police type. */
function policeTypeSection(policeType: string, own: { count(ctx: SectionContext): number; render(ctx: SectionContext): ReactNode }): CitizenSection {
  const applications = byType(policeType);
  return {
    key: policeType,
    title: <PoliceTypeTag policeType={policeType} />,
    count: (ctx) => own.count(ctx) + applications(ctx).length,
    render: (ctx) => (
      <Space direction="vertical" style={{ width: '100%' }}>
        {own.render(ctx)}
        <ApplicationsTable rows={applications(ctx)} />
      </Space>
    ),
  };
}

const SECTIONS: CitizenSection[] = [
  policeTypeSection('HOUSEHOLD', {
    count: (ctx) => ctx.core.residencePermits.filter((p) => p.status === 'VALID').length,
    render: (ctx) => (
      <>
        <HouseholdBlock core={ctx.core} />
        <ResidencePermitsBlock permits={ctx.core.residencePermits} />
      </>
    ),
  }),
  policeTypeSection('EXIT_ENTRY', { count: (ctx) => ctx.full?.exitEntry.validDocumentCount ?? 0, render: (ctx) => <ExitEntryBlock full={ctx.full} /> }),
  policeTypeSection('TRAFFIC', { count: (ctx) => ctx.full?.traffic?.openViolations.length ?? 0, render: (ctx) => <TrafficBlock full={ctx.full} /> }),
  policeTypeSection('PUBLIC_SECURITY', { count: (ctx) => ctx.full?.publicSecurity.permits.length ?? 0, render: (ctx) => <PublicSecurityBlock full={ctx.full} /> }),
  {
    key: 'COMPLAINTS',
    title: <PoliceTypeTag policeType="COMPLAINTS" />,
    count: (ctx) => (ctx.full?.complaints.complaints.length ?? 0) + byType('COMPLAINTS')(ctx).length,
    render: (ctx) => <ComplaintsBlock full={ctx.full} apps={byType('COMPLAINTS')(ctx)} />,
  },
  {
    key: 'NOTICES',
    title: <Tag>一次性告知单</Tag>,
    count: (ctx) => ctx.full?.counter.notices.filter((n) => n.status === 'OPEN').length ?? 0,
    render: (ctx) => <NoticesBlock full={ctx.full} />,
  },
];

function HouseholdBlock({ core }: { core: Core }) {
  const unitName = useUnitName();
  const h = core.household;
  if (!h) return <Alert type="info" showIcon message="人口信息库中无该群众的户信息" />;
  return (
    <div data-testid="household-register">
      <Descriptions size="small" bordered column={2} title="户籍信息">
        <Descriptions.Item label="户号">{h.householdNumber}</Descriptions.Item>
        <Descriptions.Item label="户籍派出所"><span data-testid="household-unit">{unitName(core.unitCode)}</span></Descriptions.Item>
        <Descriptions.Item label="户籍地址" span={2}>{h.address}</Descriptions.Item>
      </Descriptions>
      <Table
        size="small"
        rowKey="idNumber"
        pagination={false}
        style={{ marginTop: 12 }}
        title={() => `同户成员（${h.members.length} 人）`}
        dataSource={h.members}
        columns={[
          { title: '姓名', dataIndex: 'name' },
          { title: '与户主关系', dataIndex: 'relationToHead', render: (v?: string | null) => v ?? '—' },
          { title: '公民身份号码', dataIndex: 'idNumber' },
          { title: '户籍状态', dataIndex: 'status', render: (v: string) => (v === 'NORMAL' ? '正常' : <Tag color="red">{label(PERSON_STATUS_LABELS, v)}</Tag>) },
        ]}
      />
    </div>
  );
}

type ResidencePermitRow = Core['residencePermits'][number];

/** 居住证 of a person registered elsewhere (the household register keeps them), as the backend masks them. */
function ResidencePermitsBlock({ permits }: { permits: ResidencePermitRow[] }) {
  return (
    <Table<ResidencePermitRow>
      size="small"
      rowKey="permitNumber"
      pagination={false}
      title={() => '居住证'}
      dataSource={permits}
      locale={{ emptyText: '无居住证记录' }}
      data-testid="residence-permits"
      expandable={{
        rowExpandable: (p) => p.endorsements.length > 0,
        expandedRowRender: (p) => (
          <Space direction="vertical" size={2} data-testid="residence-permit-endorsements">
            {p.endorsements.map((e) => (
              <span key={e.applicationNumber}>
                签注 {formatDate(e.endorsedOn)} · 有效期 {formatDate(e.previousValidUntil)} 延至 {formatDate(e.validUntil)} · 办件 {e.applicationNumber}
              </span>
            ))}
          </Space>
        ),
      }}
      columns={[
        { title: '居住证号码', dataIndex: 'permitNumber', render: (v: string, p) => (p.replacesPermitNumber ? <span>{v}<Typography.Text type="secondary">（原证 {p.replacesPermitNumber}）</Typography.Text></span> : v) },
        { title: '居住地址', dataIndex: 'address' },
        { title: '签发单位', dataIndex: 'issuingUnitName' },
        { title: '签发日期', dataIndex: 'issuedOn', render: (v: string) => formatDate(v) },
        { title: '有效期至', dataIndex: 'validUntil', render: (v: string) => formatDate(v) },
        {
          title: '状态',
          dataIndex: 'status',
          render: (v: string, p) =>
            p.lapsed ? <Tag color="red">逾期未签注</Tag> : <Tag color={v === 'VALID' ? 'green' : 'default'}>{label(RESIDENCE_PERMIT_STATUS_LABELS, v)}</Tag>,
        },
        { title: '签注', render: (_, p) => (p.endorsements.length ? `${p.endorsements.length} 次` : '未签注') },
      ]}
    />
  );
}

function ApplicationsTable({ rows }: { rows: AppRow[] }) {
  if (rows.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无该群众的申请" />;
  return (
    <Table<AppRow>
      size="small"
      rowKey="number"
      pagination={false}
      dataSource={rows}
      title={() => '申请'}
      onRow={(r) => ({ 'data-number': r.number }) as React.HTMLAttributes<HTMLElement>}
      columns={[
        { title: '申请编号', dataIndex: 'number', render: (n: string) => <a href={`/applications/${n}`} onClick={(e) => { e.preventDefault(); navigate(`/applications/${n}`); }}>{n}</a> },
        { title: '事项', dataIndex: 'itemName' },
        { title: '状态', dataIndex: 'status', render: (s: string) => <StatusTag status={s} /> },
        { title: '办结期限', dataIndex: 'deadline', render: (d: string, r) => <DeadlineTag deadline={d} state={r.deadlineState} /> },
      ]}
    />
  );
}

function ExitEntryBlock({ full }: { full: Full | null }) {
  if (!full) return <Unavailable />;
  type Doc = Full['exitEntry']['documents'][number];
  return (
    <Table<Doc>
      size="small"
      rowKey="number"
      pagination={false}
      title={() => `出入境证件（有效 ${full.exitEntry.validDocumentCount} 本${full.exitEntry.numbersMasked ? '，证件号码已脱敏' : ''}）`}
      dataSource={full.exitEntry.documents}
      locale={{ emptyText: '无出入境证件' }}
      expandable={{
        rowExpandable: (d) => d.endorsements.length > 0,
        expandedRowRender: (d) => (
          <Space direction="vertical" size={2}>
            {d.endorsements.map((e, i) => (
              <span key={i}>
                {e.typeLabel} · {e.entriesLabel}{e.destination ? ` · ${e.destination}` : ''} · {e.issuedOn} 至 {e.validUntil}{' '}
                {e.valid ? <Tag color="green">有效</Tag> : <Tag>已失效</Tag>}
              </span>
            ))}
          </Space>
        ),
      }}
      columns={[
        { title: '证件', dataIndex: 'kindLabel' },
        { title: '证件号码', dataIndex: 'number' },
        { title: '签发日期', dataIndex: 'issuedOn' },
        { title: '有效期至', dataIndex: 'validUntil' },
        { title: '状态', dataIndex: 'statusLabel', render: (v: string, d) => <Tag color={d.status === 'VALID' ? 'green' : 'default'}>{v}</Tag> },
        { title: '签注', render: (_, d) => (d.endorsements.length ? `${d.endorsements.filter((e) => e.valid).length} 项有效` : '—') },
      ]}
    />
  );
}

const LICENCE_STATUS: Record<string, string> = { VALID: '有效', EXPIRED: '超过有效期', CANCELLED: '已注销', REVOKED: '已吊销' };
const VEHICLE_STATUS: Record<string, string> = { NORMAL: '正常', TRANSFERRED: '已转移', DEREGISTERED: '已注销', FLAGGED_OWNER_DECEASED: '所有人已死亡待处理' };
const VIOLATION_STATUS: Record<string, string> = { OPEN: '未处理', DECIDED: '已处理待缴款', PAID: '已缴款' };
const PERMIT_STATUS: Record<string, string> = { VALID: '有效', SUSPENDED: '暂扣', CANCELLED: '注销', UNDER_REVIEW: '核查中' };
const LOST_STATUS: Record<string, string> = { OPEN: '登记中', MATCHED: '已比对', CLOSED: '已办结' };
const CLAIM_STATUS: Record<string, string> = { RETURNED: '已返还', REFUSED: '认领被拒' };
const yuan = (fen: number) => `${(fen / 100).toFixed(2)}元`;

function TrafficBlock({ full }: { full: Full | null }) {
  if (!full) return <Unavailable />;
  const t = full.traffic;
  if (!t) return <Alert type="info" showIcon message="交管信息暂无（驾驶人、机动车档案中没有该群众）" />;
  const l = t.licence;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {l ? (
        <Descriptions size="small" bordered column={3} title="驾驶证">
          <Descriptions.Item label="准驾车型">{l.licenceClass}</Descriptions.Item>
          <Descriptions.Item label="状态">
            <Tag color={l.status === 'VALID' ? 'green' : 'red'}>{label(LICENCE_STATUS, l.status)}</Tag>
            {l.statusReason ?? ''}
          </Descriptions.Item>
          <Descriptions.Item label="有效期至">{l.validUntil ?? '长期'}</Descriptions.Item>
          <Descriptions.Item label="初次领证">{l.firstIssuedOn}</Descriptions.Item>
          <Descriptions.Item label="本周期记分">
            {l.points} 分{l.pointsLimitReached && <Tag color="red" style={{ marginLeft: 6 }}>已记满12分</Tag>}
          </Descriptions.Item>
          <Descriptions.Item label="可换证起始日">{l.renewableFrom ?? '—'}</Descriptions.Item>
        </Descriptions>
      ) : (
        <Typography.Text type="secondary">无驾驶证记录</Typography.Text>
      )}
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        title={() => `未处理完毕的交通违法（罚款 ${yuan(t.openFineFen)}，待记分 ${t.openPoints} 分）`}
        dataSource={t.openViolations}
        locale={{ emptyText: '无未处理的交通违法' }}
        columns={[
          { title: '时间', dataIndex: 'occurredAt', render: (v: string) => formatDateTime(v) },
          { title: '地点', dataIndex: 'place' },
          { title: '违法行为', dataIndex: 'description' },
          { title: '号牌', dataIndex: 'plateNumber', render: (v?: string | null) => v ?? '—' },
          { title: '罚款', dataIndex: 'fineFen', render: (v: number) => yuan(v) },
          { title: '记分', dataIndex: 'points' },
          { title: '状态', dataIndex: 'status', render: (v: string) => <Tag color={v === 'OPEN' ? 'red' : 'orange'}>{label(VIOLATION_STATUS, v)}</Tag> },
        ]}
      />
      <Table
        size="small"
        rowKey="plateNumber"
        pagination={false}
        title={() => '名下机动车'}
        dataSource={t.vehicles}
        locale={{ emptyText: '名下无机动车' }}
        columns={[
          { title: '号牌', dataIndex: 'plateNumber' },
          { title: '车辆类型', dataIndex: 'vehicleType' },
          { title: '注册登记', dataIndex: 'registeredOn' },
          { title: '状态', dataIndex: 'status', render: (v: string) => <Tag color={v === 'NORMAL' ? 'green' : 'orange'}>{label(VEHICLE_STATUS, v)}</Tag> },
        ]}
      />
    </Space>
  );
}

function PublicSecurityBlock({ full }: { full: Full | null }) {
  if (!full) return <Unavailable />;
  const ps = full.publicSecurity;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Table
        size="small"
        rowKey="number"
        pagination={false}
        title={() => '许可证（持有或担任法定代表人）'}
        dataSource={ps.permits}
        locale={{ emptyText: '无许可证' }}
        columns={[
          { title: '许可证', dataIndex: 'kindLabel' },
          { title: '编号', dataIndex: 'number' },
          { title: '持证人/单位', dataIndex: 'holderName' },
          { title: '有效期至', dataIndex: 'validUntil', render: (v?: string | null) => v ?? '长期' },
          { title: '状态', dataIndex: 'status', render: (v: string) => <Tag color={v === 'VALID' ? 'green' : 'orange'}>{label(PERMIT_STATUS, v)}</Tag> },
        ]}
      />
      {(ps.lostReports.length > 0 || ps.claims.length > 0) && (
        <Descriptions size="small" bordered column={1} title="失物招领">
          {ps.lostReports.map((r) => (
            <Descriptions.Item key={r.id} label={`失物登记 ${formatDate(r.filedAt)}`}>
              {r.categoryLabel}：{r.description} <Tag>{label(LOST_STATUS, r.status)}</Tag>
              {r.matchedFoundItemNumber ? `比对拾得物 ${r.matchedFoundItemNumber}` : ''}
            </Descriptions.Item>
          ))}
          {ps.claims.map((c) => (
            <Descriptions.Item key={c.id} label={`认领 ${formatDate(c.claimedAt)}`}>
              拾得物 {c.foundItemNumber} <Tag color={c.status === 'RETURNED' ? 'green' : 'red'}>{label(CLAIM_STATUS, c.status)}</Tag>
              {c.refusalReason ?? ''}
            </Descriptions.Item>
          ))}
        </Descriptions>
      )}
    </Space>
  );
}

function Unavailable() {
  return <Alert type="warning" showIcon message="该部分信息暂时无法获取（相关业务系统不可用），请稍后刷新。" />;
}

function ComplaintsBlock({ full, apps }: { full: Full | null; apps: AppRow[] }) {
  if (!full) return <Unavailable />;
  const { complaints, evaluations } = full.complaints;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Table
        size="small"
        rowKey="number"
        pagination={false}
        title={() => '信访投诉'}
        dataSource={complaints}
        locale={{ emptyText: '无信访投诉记录' }}
        columns={[
          { title: '编号', dataIndex: 'number' },
          { title: '渠道', dataIndex: 'channel' },
          { title: '状态', dataIndex: 'status' },
          { title: '受理时间', dataIndex: 'receivedAt', render: (v: string) => formatDateTime(v) },
        ]}
      />
      <Table
        size="small"
        rowKey={(r) => `${r.applicationNumber}-${r.evaluatedAt}`}
        pagination={false}
        title={() => '服务评价（好差评）'}
        dataSource={evaluations}
        locale={{ emptyText: '无评价记录' }}
        columns={[
          { title: '申请编号', dataIndex: 'applicationNumber' },
          { title: '评价', dataIndex: 'level', render: (v: string) => <Tag color={/不满意/.test(v) ? 'red' : 'green'}>{v}</Tag> },
          { title: '评价时间', dataIndex: 'evaluatedAt', render: (v: string) => formatDateTime(v) },
        ]}
      />
      {apps.length > 0 && <ApplicationsTable rows={apps} />}
    </Space>
  );
}

function NoticesBlock({ full }: { full: Full | null }) {
  if (!full) return <Unavailable />;
  return (
    <Table
      size="small"
      rowKey="number"
      pagination={false}
      dataSource={full.counter.notices}
      locale={{ emptyText: '无一次性告知单' }}
      columns={[
        { title: '告知单编号', dataIndex: 'number' },
        { title: '事项', dataIndex: 'itemName' },
        { title: '所缺材料', dataIndex: 'missingMaterials', render: (m: string[]) => m.join('、') },
        { title: '开具时间', dataIndex: 'issuedAt', render: (v: string) => formatDateTime(v) },
        {
          title: '状态',
          render: (_, n) =>
            n.status === 'OPEN' ? <Tag color="orange">待补齐</Tag> : <span><Tag color="green">已补齐受理</Tag>{n.resolvedApplicationNumber}</span>,
        },
      ]}
    />
  );
}

/** What the gateway said about the sections it could not get (its messages are Chinese and name the service). */
function unavailable(errors: readonly { message: string }[]): string[] {
  return [...new Set(errors.map((e) => e.message).filter(Boolean))].slice(0, 6);
}

export function CitizenPage() {
  const { citizen, setCitizen } = useCitizen();
  const client = useApolloClient();
  const [form] = Form.useForm<{ idNumber: string; purpose: string }>();
  const [localError, setLocalError] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(false);
  const [view, setView] = useState<{ core: Core; full: Full | null; missing?: string[] } | null>(null);
  const idRef = useRef<import('antd').InputRef>(null);
  const itemSearchRef = useRef<import('antd').InputRef>(null);
  const [keyword, setKeyword] = useState('');

  // `reveal`: 查看完整信息 — an explicit, audited request; the policy may refuse it (FORBIDDEN).
  const lookup = async (idNumber: string, purpose: string, reveal = false) => {
    setLoading(true);
    setError(null);
    setView(null);
    try {
      const r = await client.query({ query: CitizenDocument, variables: { idNumber, purpose, reveal }, fetchPolicy: 'network-only', errorPolicy: 'all' });
      const errors = r.errors ?? r.error?.graphQLErrors ?? [];
      if (r.data?.citizen) {
        // The gateway answers what it can: a section whose service is down comes back null with a
        // SERVICE_UNAVAILABLE error at its path. Then show the household core and say so.
        setView({ core: r.data.citizen, full: errors.length ? null : asFull(r.data.citizen), missing: unavailable(errors) });
        return;
      }
      // A section's service failed (its error sits below `citizen`, or the gateway reports an
      // infrastructure failure without a path): try the household core alone.
      const infrastructure = (e: (typeof errors)[number]) =>
        (e.path?.length ?? 0) > 1 || ['INTERNAL', 'INTERNAL_SERVER_ERROR', 'SERVICE_UNAVAILABLE'].includes(String(e.extensions?.['code']));
      if (errors.length > 0 && errors.every(infrastructure)) {
        const core = await client.query({ query: CitizenCoreDocument, variables: { idNumber, purpose, reveal }, fetchPolicy: 'network-only' });
        setView({ core: core.data.citizen, full: null, missing: unavailable(errors) });
        return;
      }
      setError(r.error ?? new ApolloError({ graphQLErrors: errors }));
    } catch (err) {
      setError(err);
    } finally {
      setLoading(false);
    }
  };

  // Re-open the citizen being served (after visiting another screen): once, on mount — a fetch
  // from the server, which is what effects are for.
  useEffect(() => {
    if (citizen) {
      form.setFieldsValue({ idNumber: citizen.idNumber });
      // eslint-disable-next-line react-hooks/set-state-in-effect
      void lookup(citizen.idNumber, LOOKUP_PURPOSES[0]);
    } else {
      idRef.current?.focus();
    }
    // Mount only: later changes of the served citizen come from this page's own lookups.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    if (view) {
      setCitizen({ idNumber: view.core.idNumber, name: view.core.name });
      itemSearchRef.current?.focus();
    }
  }, [view, setCitizen]);

  const submit = (v: { idNumber: string; purpose: string }) => {
    const id = normaliseIdNumber(v.idNumber ?? '');
    const problem = idNumberProblem(id);
    setLocalError(problem);
    if (problem) {
      idRef.current?.focus();
      return;
    }
    form.setFieldsValue({ idNumber: id });
    void lookup(id, v.purpose);
  };

  const clear = () => {
    setCitizen(null);
    setView(null);
    setError(null);
    setLocalError(null);
    form.resetFields();
    client.cache.evict({ fieldName: 'citizen' });
    idRef.current?.focus();
  };

  const searchItems = () => navigate(`/catalog?q=${encodeURIComponent(keyword.trim())}`);
  const p = view?.core;
  const ctx: SectionContext | null = view ? { core: view.core, full: view.full, applications: view.full?.counter.applications ?? [] } : null;

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Card title={<Space><IdcardOutlined />群众信息</Space>} extra={<Typography.Text type="secondary">刷身份证或输入号码后按 <span className="ow-kbd">Enter</span></Typography.Text>}>
        <Form form={form} layout="inline" onFinish={submit} initialValues={{ purpose: LOOKUP_PURPOSES[0] }} data-testid="citizen-form">
          <Form.Item name="idNumber" label="身份证号码" rules={[{ required: true, message: '请输入身份证号码' }]}>
            <Input ref={idRef} className="ow-id-input" autoFocus maxLength={20} style={{ width: 280 }} placeholder="18 位公民身份号码" autoComplete="off" data-testid="citizen-id" />
          </Form.Item>
          <Form.Item name="purpose" label="查询事由">
            <Select style={{ width: 200 }} options={LOOKUP_PURPOSES.map((v) => ({ value: v, label: v }))} data-testid="citizen-purpose" />
          </Form.Item>
          <Form.Item>
            <Space>
              <Button type="primary" htmlType="submit" icon={<SearchOutlined />} loading={loading} data-testid="citizen-submit">查询</Button>
              {citizen && <Button onClick={clear} data-testid="citizen-clear">办理下一位</Button>}
            </Space>
          </Form.Item>
        </Form>
        {localError && <Alert type="error" showIcon message="身份证号码不正确" description={localError} style={{ marginTop: 16 }} data-testid="citizen-id-error" />}
        {error != null && !localError && <ErrorAlert error={error} style={{ marginTop: 16 }} />}
        <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
          查询人口信息将按事由留痕审计。
        </Typography.Paragraph>
      </Card>

      {p && ctx && (
        <>
          <Card
            title="基本信息"
            data-testid="person-card"
            extra={
              <Space>
                {p.phoneMasked && (
                  <Button size="small" data-testid="reveal-person" onClick={() => void lookup(p.idNumber, form.getFieldValue('purpose') as string, true)}>
                    查看完整信息
                  </Button>
                )}
                {p.status !== 'NORMAL' ? <Tag color="red">{label(PERSON_STATUS_LABELS, p.status)}</Tag> : <Tag color="green">户籍正常</Tag>}
              </Space>
            }
          >
            {p.status === 'DECEASED' && <Alert type="error" showIcon message="此人已死亡注销，不能办理以本人为申请人的事项" style={{ marginBottom: 12 }} />}
            {p.status === 'MOVED_OUT' && <Alert type="warning" showIcon message="此人户口已迁出，请核实后办理" style={{ marginBottom: 12 }} />}
            <Descriptions column={3} size="small">
              <Descriptions.Item label="姓名"><Typography.Text strong data-testid="person-name">{p.name}</Typography.Text></Descriptions.Item>
              <Descriptions.Item label="性别">{label(SEX_LABELS, p.sex)}</Descriptions.Item>
              <Descriptions.Item label="民族">{p.ethnicity}</Descriptions.Item>
              <Descriptions.Item label="出生日期">{p.birthDate}</Descriptions.Item>
              <Descriptions.Item label="公民身份号码">{maskIdNumber(p.idNumber)}</Descriptions.Item>
              <Descriptions.Item label="联系电话"><span data-testid="person-phone">{p.phone ?? '—'}</span></Descriptions.Item>
              <Descriptions.Item label="住址" span={3}>{p.address}</Descriptions.Item>
            </Descriptions>
          </Card>

          <Card title="为该群众办理事项">
            <Input.Search
              ref={itemSearchRef}
              size="large"
              placeholder="输入事项名称或俗称，如：身份证、护照、驾驶证、户口迁入"
              enterButton="检索事项"
              value={keyword}
              onChange={(e) => setKeyword(e.target.value)}
              onSearch={searchItems}
              data-testid="citizen-item-search"
            />
          </Card>

          <Card title="各警种信息（群众全景）" data-testid="citizen-sections">
            {!view?.full && (
              <Alert
                type="warning"
                showIcon
                style={{ marginBottom: 12 }}
                message="部分警种信息暂时无法获取，仅显示户籍信息。"
                description={view?.missing?.length ? view.missing.join('；') : undefined}
                data-testid="citizen-partial"
              />
            )}
            <Tabs
              items={SECTIONS.map((s) => {
                const count = s.count?.(ctx) ?? 0;
                return {
                  key: s.key,
                  label: (
                    <span>
                      {s.title}
                      {count > 0 ? `${count}` : ''}
                    </span>
                  ),
                  children: s.render(ctx),
                };
              })}
            />
            <Typography.Text type="secondary">申请为全市范围（一窗通办）；各警种信息由其业务系统提供，按角色脱敏。</Typography.Text>
          </Card>
        </>
      )}
    </Space>
  );
}
