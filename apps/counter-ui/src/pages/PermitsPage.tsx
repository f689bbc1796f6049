import { useLazyQuery, useMutation, useQuery } from '@apollo/client';
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { App as AntApp, Alert, Button, Card, Descriptions, Empty, Form, Input, Modal, Radio, Select, Space, Table, Tabs, Tag, Timeline, Typography } from 'antd';
import { formatDateTime } from '../china-time';
import { useState } from 'react';
import { PERMIT_ACTION_LABELS, PERMIT_KIND_LABELS, PERMIT_STATUS_CHANGES, PERMIT_STATUS_COLORS, PERMIT_STATUS_LABELS } from '../capability-labels';
import { idNumberProblem, normaliseIdNumber, useCitizen } from '../citizen';
import { ErrorAlert } from '../components/ErrorAlert';
import { useRegisterPaging } from '../components/register-paging';
import { RegisterLookupForm, type LookupKey, type RegisterLookup } from '../components/RegisterLookupForm';
import { ChangePermitStatusDocument, HolderPermitsDocument, PermitDocument, PermitsDocument } from '../graphql/capabilities.operations';
import type { PermitFieldsFragment, PublicSecurityPermitKind, PublicSecurityPermitStatus } from '../gql/graphql';
import { LOOKUP_PURPOSES, label } from '../labels';
import { hasRole, useSession } from '../session';

type P = PermitFieldsFragment;
type By = 'number' | 'holder';

type LookupForm = RegisterLookup<By>;
const PERMIT_LOOKUP_KEYS: LookupKey<By>[] = [
  // By number: city-wide and not about a person, so no 查询事由.
  { value: 'number', label: '许可证编号', missing: '请输入许可证编号', placeholder: '如 BA2015900001', asksPurpose: false },
  { value: 'holder', label: '持证人身份证号码', missing: '请输入身份证号码', placeholder: '18 位公民身份号码' },
];

function PermitStatusTag({ status }: { status: string }) {
  return <Tag color={PERMIT_STATUS_COLORS[status] ?? 'default'} data-testid="permit-status" data-status={status}>{label(PERMIT_STATUS_LABELS, status)}</Tag>;
}

/**
 * 治安许可证、保安员证: any window checks a permit by its number (city-wide; a person's details
 * masked for clerks) or the permits a person holds or represents (audited with the purpose);
 * public-security officers and supervisors also browse their unit's register, and the officer
 * suspends, cancels, puts under review or reinstates a permit with a reason.
 */
export function PermitsPage() {
  const { user } = useSession();
  const registerAllowed = hasRole(user, 'SUPERVISOR') || (hasRole(user, 'OFFICER') && user?.policeType === 'PUBLIC_SECURITY');
  const [open, setOpen] = useState<string | null>(null);
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Card title={<Space><SafetyCertificateOutlined />治安许可证、保安员证</Space>} extra={<Typography.Text type="secondary">特种行业许可证、民用爆炸物品许可证、保安员证、保安服务许可证</Typography.Text>}>
        <Tabs
          items={[
            { key: 'lookup', label: '查询', children: <PermitLookup onOpen={setOpen} /> },
            ...(registerAllowed ? [{ key: 'register', label: '本辖区登记簿', children: <PermitRegister onOpen={setOpen} /> }] : []),
          ]}
          data-testid="permit-tabs"
        />
      </Card>
      {open && <PermitDetail number={open} />}
    </Space>
  );
}

function PermitLookup({ onOpen }: { onOpen: (number: string | null) => void }) {
  const { citizen } = useCitizen();
  const [form] = Form.useForm<LookupForm>();
  const [localError, setLocalError] = useState<string | null>(null);
  const [holder, holderResult] = useLazyQuery(HolderPermitsDocument, { fetchPolicy: 'network-only' });
  const [searched, setSearched] = useState<By | null>(null);

  const submit = (v: LookupForm) => {
    const target = v.by === 'holder' ? normaliseIdNumber(v.target) : v.target.replace(/\s+/g, '').toUpperCase();
    const problem = v.by === 'holder' ? idNumberProblem(target) : /^[A-Z]{2,3}\d{6,12}$/.test(target) ? null : '许可证编号格式不正确，例如 BA2015900001';
    setLocalError(problem);
    if (problem) return;
    form.setFieldsValue({ target });
    setSearched(v.by);
    if (v.by === 'number') onOpen(target);
    else {
      onOpen(null);
      void holder({ variables: { idNumber: target, purpose: v.purpose } });
    }
  };

  return (
    <>
      <RegisterLookupForm
        form={form}
        testId="permit"
        keys={PERMIT_LOOKUP_KEYS}
        initialValues={{ by: 'number', target: '', purpose: LOOKUP_PURPOSES[0] }}
        onFinish={submit}
        targetFor={(by) => (by === 'holder' ? citizen?.idNumber ?? '' : '')}
        localError={localError}
        onLocalErrorClear={() => setLocalError(null)}
        error={searched === 'holder' ? holderResult.error : undefined}
        loading={holderResult.loading}
      />
      {searched === 'holder' && holderResult.data && !localError && (
        <div style={{ marginTop: 16 }}>
          {holderResult.data.publicSecurityCitizen.publicSecurity ? (
            <PermitsTable rows={holderResult.data.publicSecurityCitizen.publicSecurity.permits} onOpen={onOpen} empty="该群众没有持有或担任法定代表人的许可证" />
          ) : (
            <Alert type="warning" showIcon message="治安业务系统暂时无法访问，请稍后重试。" />
          )}
        </div>
      )}
      <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
        按编号可查询全市许可证；按持证人查询须说明事由并留痕审计。窗口民警看到的个人信息已脱敏。
      </Typography.Paragraph>
    </>
  );
}

function PermitsTable({ rows, onOpen, empty }: { rows: P[]; onOpen: (number: string) => void; empty: string }) {
  return (
    <Table<P>
      size="small"
      rowKey="number"
      pagination={false}
      dataSource={rows}
      locale={{ emptyText: empty }}
      onRow={(p) => ({ 'data-permit': p.number }) as React.HTMLAttributes<HTMLElement>}
      columns={[
        { title: '许可证编号', dataIndex: 'number', render: (n: string) => <a onClick={() => onOpen(n)} data-testid="permit-open">{n}</a> },
        { title: '种类', dataIndex: 'kindLabel' },
        { title: '持证人/单位', dataIndex: 'holderName' },
        { title: '身份证号码/信用代码', render: (_, p) => p.holderIdNumber ?? p.holderCreditCode ?? '—' },
        { title: '核发日期', dataIndex: 'issuedOn' },
        { title: '有效期至', dataIndex: 'validUntil', render: (v?: string | null) => v ?? '长期' },
        { title: '状态', dataIndex: 'status', render: (v: string) => <PermitStatusTag status={v} /> },
      ]}
    />
  );
}

function PermitRegister({ onOpen }: { onOpen: (number: string) => void }) {
  const [kind, setKind] = useState<string>('');
  const [status, setStatus] = useState<string>('');
  const paging = useRegisterPaging('项');
  const { data, loading, error } = useQuery(PermitsDocument, {
    variables: {
      kind: (kind || undefined) as PublicSecurityPermitKind | undefined,
      status: (status || undefined) as PublicSecurityPermitStatus | undefined,
      ...paging.window,
    },
    fetchPolicy: 'cache-and-network',
  });
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <Select
          style={{ width: 260 }}
          value={kind}
          onChange={(v) => { setKind(v); paging.restart(); }}
          options={[{ value: '', label: '全部种类' }, ...Object.entries(PERMIT_KIND_LABELS).map(([value, l]) => ({ value, label: l }))]}
          data-testid="register-kind"
        />
        <Select
          style={{ width: 140 }}
          value={status}
          onChange={(v) => { setStatus(v); paging.restart(); }}
          options={[{ value: '', label: '全部状态' }, ...Object.entries(PERMIT_STATUS_LABELS).map(([value, l]) => ({ value, label: l }))]}
          data-testid="register-status"
        />
        <Typography.Text type="secondary">登记簿中的身份证号码一律脱敏；点击编号查看详情。</Typography.Text>
      </Space>
      {error && <ErrorAlert error={error} />}
      <Table<P>
        size="small"
        rowKey="number"
        loading={loading}
        dataSource={data?.publicSecurityPermits.items ?? []}
        pagination={paging.pagination(data?.publicSecurityPermits.total ?? 0)}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="本辖区没有符合条件的许可证" /> }}
        onRow={(p) => ({ 'data-permit': p.number }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          { title: '许可证编号', dataIndex: 'number', render: (n: string) => <a onClick={() => onOpen(n)} data-testid="permit-open">{n}</a> },
          { title: '种类', dataIndex: 'kindLabel' },
          { title: '持证人/单位', dataIndex: 'holderName' },
          { title: '地址', dataIndex: 'address', render: (v?: string | null) => v ?? '—' },
          { title: '核发日期', dataIndex: 'issuedOn' },
          { title: '有效期至', dataIndex: 'validUntil', render: (v?: string | null) => v ?? '长期' },
          { title: '状态', dataIndex: 'status', render: (v: string) => <PermitStatusTag status={v} /> },
        ]}
      />
    </Space>
  );
}

function PermitDetail({ number }: { number: string }) {
  const { user } = useSession();
  const { message } = AntApp.useApp();
  const { data, loading, error, refetch } = useQuery(PermitDocument, { variables: { number }, fetchPolicy: 'network-only' });
  const [changing, setChanging] = useState(false);
  const [form] = Form.useForm<{ status: PublicSecurityPermitStatus; reason?: string }>();
  const [change, changeResult] = useMutation(ChangePermitStatusDocument);
  const canChange = hasRole(user, 'OFFICER') && user?.policeType === 'PUBLIC_SECURITY';

  if (loading && !data) return <Card loading />;
  if (error) return <ErrorAlert error={error} />;
  if (!data) return null;
  const p = data.publicSecurityPermit;
  const targets = PERMIT_STATUS_CHANGES[p.status] ?? [];

  const submit = async () => {
    const v = await form.validateFields().catch(() => null); // the form shows what is missing
    if (!v) return;
    changeResult.reset();
    try {
      // Permits are keyed by number, not id, so the cache does not merge them: read them again.
      await change({ variables: { input: { number: p.number, status: v.status, reason: v.reason?.trim() || undefined } }, refetchQueries: ['Permits', 'HolderPermits'] });
      await refetch();
      setChanging(false);
      message.success(`许可证已变更为${label(PERMIT_STATUS_LABELS, v.status)}`);
    } catch {
      // shown in the dialog through changeResult.error
    }
  };

  return (
    <Card
      title={`${p.kindLabel} ${p.number}`}
      data-testid="permit-detail"
      extra={
        <Space>
          <PermitStatusTag status={p.status} />
          {canChange && targets.length > 0 && (
            <Button onClick={() => { form.resetFields(); changeResult.reset(); setChanging(true); }} data-testid="permit-change">变更状态</Button>
          )}
        </Space>
      }
    >
      <Descriptions size="small" bordered column={3}>
        <Descriptions.Item label={p.holderKind === 'PERSON' ? '持证人' : '单位名称'}>{p.holderName}</Descriptions.Item>
        {p.holderKind === 'PERSON' ? (
          <Descriptions.Item label="公民身份号码">{p.holderIdNumber ?? '—'}</Descriptions.Item>
        ) : (
          <Descriptions.Item label="统一社会信用代码">{p.holderCreditCode ?? '—'}</Descriptions.Item>
        )}
        <Descriptions.Item label="法定代表人身份证号码">{p.legalRepIdNumber ?? '—'}</Descriptions.Item>
        <Descriptions.Item label="核发日期">{p.issuedOn}</Descriptions.Item>
        <Descriptions.Item label="有效期至">{p.validUntil ?? '长期'}</Descriptions.Item>
        <Descriptions.Item label="发证单位代码">{p.unitCode}</Descriptions.Item>
        {p.address && <Descriptions.Item label="经营场所" span={3}>{p.address}</Descriptions.Item>}
        {p.statusReason && <Descriptions.Item label="状态原因" span={3}>{p.statusReason}</Descriptions.Item>}
        {p.applicationNumber && <Descriptions.Item label="申请编号" span={3}>{p.applicationNumber}</Descriptions.Item>}
      </Descriptions>
      <Typography.Title level={5} style={{ marginTop: 16 }}>状态记录</Typography.Title>
      {p.history.length === 0 ? (
        <Typography.Text type="secondary">无状态变更记录（存量许可证）。</Typography.Text>
      ) : (
        <Timeline
          data-testid="permit-history"
          items={p.history.map((h) => ({
            color: PERMIT_STATUS_COLORS[h.toStatus] === 'green' ? 'green' : h.toStatus === 'CANCELLED' ? 'gray' : 'orange',
            children: (
              <span data-testid="permit-history-entry" data-action={h.action}>
                {formatDateTime(h.at)} · {h.actorName} · {label(PERMIT_ACTION_LABELS, h.action)}：
                {h.fromStatus ? `${label(PERMIT_STATUS_LABELS, h.fromStatus)} → ` : ''}{label(PERMIT_STATUS_LABELS, h.toStatus)}
                {h.reason ? `（${h.reason}）` : ''}
              </span>
            ),
          }))}
        />
      )}
      <Modal open={changing} title="变更许可证状态" okText="确定" onOk={() => void submit()} confirmLoading={changeResult.loading} onCancel={() => setChanging(false)} destroyOnHidden>
        <Form form={form} layout="vertical" data-testid="permit-change-dialog">
          <Form.Item name="status" label="变更为" rules={[{ required: true, message: '请选择新的状态' }]}>
            <Radio.Group options={targets.map((s) => ({ value: s, label: label(PERMIT_STATUS_LABELS, s) }))} data-testid="permit-change-status" />
          </Form.Item>
          <Form.Item noStyle shouldUpdate={(a, b) => a.status !== b.status}>
            {({ getFieldValue }) => (
              <Form.Item
                name="reason"
                label="理由"
                extra={getFieldValue('status') === 'CANCELLED' ? '注销为终局，不能恢复。' : undefined}
                rules={[{ required: !!getFieldValue('status') && getFieldValue('status') !== 'VALID', message: '暂扣、注销或转入核查须填写理由' }]}
              >
                <Input.TextArea rows={3} maxLength={200} data-testid="permit-change-reason" />
              </Form.Item>
            )}
          </Form.Item>
        </Form>
        {changeResult.error && <ErrorAlert error={changeResult.error} />}
      </Modal>
    </Card>
  );
}
