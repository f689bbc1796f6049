import { useMutation, useQuery } from '@apollo/client';
import { DeleteOutlined, InboxOutlined, PlusOutlined } from '@ant-design/icons';
import {
  App as AntApp, Alert, Button, Card, Checkbox, DatePicker, Descriptions, Drawer, Empty, Form, Input, Modal, Popconfirm, Radio, Result, Select, Space, Table, Tabs, Tag, Timeline, Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { chinaToday, formatDateTime } from '../china-time';
import { useState } from 'react';
import {
  FOUND_ITEM_CATEGORY_LABELS, FOUND_ITEM_STATUS_COLORS, FOUND_ITEM_STATUS_LABELS, HANDED_IN_BY_LABELS, LOST_FOUND_ACTION_LABELS, LOST_REPORT_STATUS_COLORS,
  LOST_REPORT_STATUS_LABELS, VERIFICATION_METHOD_LABELS,
} from '../capability-labels';
import { idNumberProblem, normaliseIdNumber, useCitizen } from '../citizen';
import { ErrorAlert } from '../components/ErrorAlert';
import { useRegisterPaging } from '../components/register-paging';
import {
  ClaimFoundItemDocument, ConfirmMatchDocument, DisposeUnclaimedDocument, FileLostReportDocument, FoundItemDocument, RegisterFoundItemsDocument, SearchFoundItemsDocument,
  SearchLostReportsDocument,
} from '../graphql/capabilities.operations';
import type {
  ClaimantVerificationMethod, FoundItemCategory, FoundItemFieldsFragment, FoundItemHandedInBy, FoundItemStatus, LostReportFieldsFragment, LostReportStatus, RegisterFoundItemsMutation,
} from '../gql/graphql';
import { LOOKUP_PURPOSES, label } from '../labels';
import { hasRole, useSession } from '../session';

type Item = FoundItemFieldsFragment;
type Report = LostReportFieldsFragment;

const CATEGORY_OPTIONS = Object.entries(FOUND_ITEM_CATEGORY_LABELS).map(([value, l]) => ({ value, label: l }));
const MOBILE = /^1[3-9]\d{9}$/;
/** The service's limit: the storage place goes into the owner's SMS (≤ 70 characters). */
const MAX_STORAGE_PLACE = 24;
const DATE = 'YYYY-MM-DD';

const idRule = { validator: async (_: unknown, v?: string) => { const p = v ? idNumberProblem(v) : null; if (p) throw new Error(p); } };
const phoneRule = { pattern: MOBILE, message: '手机号应为 11 位大陆手机号码' };
/** Form validation failures are shown by the form itself; only a failed call goes further. */
const validated = <T,>(p: Promise<T>): Promise<T | null> => p.catch(() => null);

function ItemStatusTag({ status }: { status: string }) {
  return <Tag color={FOUND_ITEM_STATUS_COLORS[status] ?? 'default'} data-testid="found-item-status" data-status={status}>{label(FOUND_ITEM_STATUS_LABELS, status)}</Tag>;
}

/**
 * 失物招领平台 (with the sanitation department — "环卫拾物、公安找人"): hand-ins (a sanitation batch
 * or a citizen's item), the notice board, citizens' loss reports, the match that texts the owner,
 * the claim with the identity check against the household register, and — for supervisors — the
 * disposal of what nobody claimed within the year (民法典 第三百一十八条).
 */
export function LostFoundPage() {
  const { user } = useSession();
  const [tab, setTab] = useState('board');
  const [batchFilter, setBatchFilter] = useState<string | undefined>();
  const supervisor = hasRole(user, 'SUPERVISOR');
  return (
    <Card title={<Space><InboxOutlined />失物招领</Space>} extra={<Typography.Text type="secondary">环卫拾物、公安找人：拾得物接收、招领、失物登记、比对、认领与期满处理</Typography.Text>}>
      <Tabs
        activeKey={tab}
        onChange={setTab}
        destroyOnHidden
        items={[
          { key: 'board', label: '招领信息', children: <FoundItemBoard batchReference={batchFilter} onClearBatch={() => setBatchFilter(undefined)} /> },
          { key: 'lost', label: '失物登记', children: <LostReports /> },
          { key: 'handin', label: '接收登记', children: <HandIn onShowBatch={(ref) => { setBatchFilter(ref); setTab('board'); }} /> },
          ...(supervisor ? [{ key: 'disposal', label: '期满处理', children: <Disposal /> }] : []),
        ]}
        data-testid="lost-found-tabs"
      />
    </Card>
  );
}

// ─── 招领信息 ─────────────────────────────────────────────────────────────────────────────────────

function FoundItemBoard({ batchReference, onClearBatch }: { batchReference?: string; onClearBatch: () => void }) {
  const [keyword, setKeyword] = useState('');
  const [category, setCategory] = useState('');
  const [statuses, setStatuses] = useState<string[]>([]);
  const paging = useRegisterPaging('件');
  const [dialog, setDialog] = useState<{ kind: 'match' | 'claim'; item: Item } | null>(null);
  const [detail, setDetail] = useState<string | null>(null);
  const { data, loading, error, refetch } = useQuery(SearchFoundItemsDocument, {
    variables: {
      keyword: keyword.trim() || undefined,
      category: (category || undefined) as FoundItemCategory | undefined,
      status: statuses.length ? (statuses as FoundItemStatus[]) : undefined,
      batchReference,
      ...paging.window,
    },
    fetchPolicy: 'cache-and-network',
  });

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <Input.Search placeholder="物品描述关键字" allowClear style={{ width: 240 }} onSearch={(v) => { setKeyword(v); paging.restart(); }} data-testid="board-keyword" />
        <Select style={{ width: 140 }} value={category} onChange={(v) => { setCategory(v); paging.restart(); }} options={[{ value: '', label: '全部类别' }, ...CATEGORY_OPTIONS]} data-testid="board-category" />
        <Select
          mode="multiple"
          style={{ minWidth: 220 }}
          placeholder="招领中（保管中、已比对）"
          value={statuses}
          onChange={(v) => { setStatuses(v); paging.restart(); }}
          options={Object.entries(FOUND_ITEM_STATUS_LABELS).map(([value, l]) => ({ value, label: l }))}
          data-testid="board-status"
        />
        {batchReference && <Tag closable onClose={onClearBatch} color="blue" data-testid="board-batch">移交批次 {batchReference}</Tag>}
      </Space>
      {error && <ErrorAlert error={error} />}
      <Table<Item>
        size="small"
        rowKey="number"
        loading={loading}
        dataSource={data?.searchFoundItems.items ?? []}
        pagination={paging.pagination(data?.searchFoundItems.total ?? 0)}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="没有符合条件的拾得物" /> }}
        onRow={(r) => ({ 'data-item': r.number, 'data-status': r.status }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          { title: '编号', dataIndex: 'number', render: (n: string) => <a onClick={() => setDetail(n)} data-testid="found-item-open">{n}</a> },
          {
            title: '物品',
            render: (_, r) => (
              <Space direction="vertical" size={0}>
                <span><Tag>{r.categoryLabel}</Tag>{r.description}</span>
              </Space>
            ),
          },
          { title: '拾得', render: (_, r) => <span>{r.foundOn}<br /><Typography.Text type="secondary">{r.foundPlace}</Typography.Text></span> },
          { title: '送交', render: (_, r) => <span>{label(HANDED_IN_BY_LABELS, r.handedInBy)}<br /><Typography.Text type="secondary">{r.batchReference}</Typography.Text></span> },
          { title: '保管', render: (_, r) => <span>{r.storagePlace}{r.storageSlot ? ` · ${r.storageSlot}` : ''}</span> },
          {
            title: '认领期限',
            dataIndex: 'retentionUntil',
            render: (v: string, r) => (r.disposal ? <span>{r.disposal.disposedOn} {r.disposal.methodLabel}</span> : <span>{v}{r.retentionProvisional ? '（暂定）' : ''}</span>),
          },
          {
            title: '状态',
            dataIndex: 'status',
            render: (v: string, r) => (
              <Space direction="vertical" size={0}>
                <ItemStatusTag status={v} />
                {r.matchedReport && <Typography.Text type="secondary" style={{ fontSize: 12 }}>失主 {r.matchedReport.reporterName ?? '—'}</Typography.Text>}
              </Space>
            ),
          },
          {
            title: '操作',
            key: 'actions',
            render: (_, r) => (
              <Space size={4}>
                {r.status === 'IN_STORAGE' && <Button size="small" onClick={() => setDialog({ kind: 'match', item: r })} data-testid="found-item-match">比对</Button>}
                {(r.status === 'IN_STORAGE' || r.status === 'MATCHED') && (
                  <Button size="small" type="primary" onClick={() => setDialog({ kind: 'claim', item: r })} data-testid="found-item-claim">认领</Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      {dialog?.kind === 'match' && <MatchDialog item={dialog.item} onClose={() => setDialog(null)} onDone={() => { setDialog(null); void refetch(); }} />}
      {dialog?.kind === 'claim' && <ClaimDialog item={dialog.item} onClose={() => setDialog(null)} onDone={() => { setDialog(null); void refetch(); }} />}
      {detail && <FoundItemDrawer number={detail} onClose={() => setDetail(null)} />}
    </Space>
  );
}

/** 比对: the open loss reports of the same category; confirming texts the owner (no names, no ID numbers in the SMS). */
function MatchDialog({ item, onClose, onDone }: { item: Item; onClose: () => void; onDone: () => void }) {
  const { message } = AntApp.useApp();
  const [keyword, setKeyword] = useState('');
  const [selected, setSelected] = useState<string | null>(null);
  const reports = useQuery(SearchLostReportsDocument, { variables: { category: item.category, keyword: keyword.trim() || undefined, status: 'OPEN', limit: 50, offset: 0 }, fetchPolicy: 'network-only' });
  const [confirm, result] = useMutation(ConfirmMatchDocument);

  const submit = async () => {
    if (!selected) return;
    try {
      await confirm({ variables: { foundItemNumber: item.number, lostReportId: selected } });
      message.success('已确认比对，已短信通知失主到保管地点认领');
      onDone();
    } catch {
      // shown below
    }
  };

  return (
    <Modal open title={`比对拾得物 ${item.number}`} okText="确认相符并通知失主" okButtonProps={{ disabled: !selected }} onOk={() => void submit()} confirmLoading={result.loading} onCancel={onClose} width={860} destroyOnHidden>
      <Typography.Paragraph>
        <Tag>{item.categoryLabel}</Tag>{item.description}（{item.foundOn} 拾得于 {item.foundPlace}）
      </Typography.Paragraph>
      <Input.Search placeholder="失物描述或遗失地点关键字" allowClear onSearch={setKeyword} style={{ marginBottom: 12 }} />
      {reports.error && <ErrorAlert error={reports.error} />}
      <Table<Report>
        size="small"
        rowKey="id"
        loading={reports.loading}
        pagination={false}
        dataSource={reports.data?.searchLostReports.items ?? []}
        locale={{ emptyText: '没有同类别、登记中的失物登记' }}
        rowSelection={{ type: 'radio', selectedRowKeys: selected ? [selected] : [], onChange: (keys) => setSelected(String(keys[0])) }}
        onRow={(r) => ({ 'data-report': r.id, onClick: () => setSelected(r.id) }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          { title: '失物描述', dataIndex: 'description' },
          { title: '遗失', render: (_, r) => <span>{r.lostOn ?? '—'}<br /><Typography.Text type="secondary">{r.lostPlace ?? ''}</Typography.Text></span> },
          { title: '失主', render: (_, r) => <span>{r.reporterName ?? '—'}<br /><Typography.Text type="secondary">{r.phone}</Typography.Text></span> },
          { title: '登记时间', dataIndex: 'filedAt', render: (v: string) => formatDateTime(v) },
        ]}
      />
      {result.error && <ErrorAlert error={result.error} style={{ marginTop: 12 }} />}
    </Modal>
  );
}

interface ClaimForm {
  claimantIdNumber: string;
  claimantPhone: string;
  descriptionGiven: string;
  verificationMethod: ClaimantVerificationMethod;
  identityVerified: boolean;
}

/** 认领: the clerk checks the claimant's ID card or face; the service checks the household register and, for a matched item, that the claimant is the owner. */
function ClaimDialog({ item, onClose, onDone }: { item: Item; onClose: () => void; onDone: () => void }) {
  const { message } = AntApp.useApp();
  const { citizen } = useCitizen();
  const [form] = Form.useForm<ClaimForm>();
  const [claim, result] = useMutation(ClaimFoundItemDocument);

  const submit = async () => {
    const v = await validated(form.validateFields());
    if (!v) return;
    result.reset();
    try {
      await claim({
        variables: {
          input: {
            foundItemNumber: item.number,
            claimantIdNumber: normaliseIdNumber(v.claimantIdNumber),
            claimantPhone: v.claimantPhone.trim(),
            descriptionGiven: v.descriptionGiven.trim(),
            verificationMethod: v.verificationMethod,
            identityVerified: v.identityVerified,
          },
        },
      });
      message.success('认领成功，物品已返还');
      onDone();
    } catch {
      // shown below (a refusal is also recorded on the item)
    }
  };

  return (
    <Modal open title={`认领拾得物 ${item.number}`} okText="核验并返还" onOk={() => void submit()} confirmLoading={result.loading} onCancel={onClose} width={640} destroyOnHidden>
      <Descriptions size="small" bordered column={2} style={{ marginBottom: 16 }}>
        <Descriptions.Item label="物品" span={2}><Tag>{item.categoryLabel}</Tag>{item.description}</Descriptions.Item>
        <Descriptions.Item label="保管">{item.storagePlace}{item.storageSlot ? ` · ${item.storageSlot}` : ''}</Descriptions.Item>
        <Descriptions.Item label="状态"><ItemStatusTag status={item.status} /></Descriptions.Item>
        {item.matchedReport && <Descriptions.Item label="比对的失主" span={2}>{item.matchedReport.reporterName ?? '—'} {item.matchedReport.reporterIdNumber ?? ''}（须本人认领）</Descriptions.Item>}
      </Descriptions>
      <Form
        form={form}
        layout="vertical"
        initialValues={{ claimantIdNumber: citizen?.idNumber ?? '', verificationMethod: 'ID_CARD', identityVerified: false }}
        onFinish={() => void submit()}
        data-testid="claim-dialog"
      >
        <Space style={{ display: 'flex' }} align="start">
          <Form.Item name="claimantIdNumber" label="认领人身份证号码" rules={[{ required: true, message: '请输入认领人身份证号码' }, idRule]} style={{ width: 300 }}>
            <Input autoFocus className="ow-id-input" maxLength={20} autoComplete="off" data-testid="claim-id" />
          </Form.Item>
          <Form.Item name="claimantPhone" label="认领人手机号" rules={[{ required: true, message: '请输入认领人手机号' }, phoneRule]} style={{ width: 220 }}>
            <Input maxLength={11} autoComplete="off" data-testid="claim-phone" />
          </Form.Item>
        </Space>
        <Form.Item name="descriptionGiven" label="认领人对物品特征的描述" rules={[{ required: true, message: '请记录认领人对物品特征的描述' }, { min: 2, message: '至少 2 个字' }]}>
          <Input.TextArea rows={2} maxLength={500} data-testid="claim-description" />
        </Form.Item>
        <Space align="start" size="large">
          <Form.Item name="verificationMethod" label="核验方式">
            <Radio.Group options={Object.entries(VERIFICATION_METHOD_LABELS).map(([value, l]) => ({ value, label: l }))} />
          </Form.Item>
          <Form.Item name="identityVerified" label="身份核验" valuePropName="checked" rules={[{ validator: async (_, v: boolean) => { if (!v) throw new Error('请先核验认领人身份证件或人脸'); } }]}>
            <Checkbox data-testid="claim-verified">已核验认领人本人身份</Checkbox>
          </Form.Item>
        </Space>
        <button type="submit" hidden />
      </Form>
      {result.error && <ErrorAlert error={result.error} />}
    </Modal>
  );
}

/** Detail with claims and history; reading the owner's and claimants' data is audited with the purpose. */
function FoundItemDrawer({ number, onClose }: { number: string; onClose: () => void }) {
  const [purpose, setPurpose] = useState(LOOKUP_PURPOSES[0]!);
  const { data, loading, error } = useQuery(FoundItemDocument, { variables: { number, purpose }, fetchPolicy: 'network-only' });
  const i = data?.foundItem;
  return (
    <Drawer open width={720} title={`拾得物 ${number}`} onClose={onClose} loading={loading && !data} data-testid="found-item-detail">
      <Space style={{ marginBottom: 12 }}>
        <span>查询事由</span>
        <Select style={{ width: 200 }} value={purpose} onChange={setPurpose} options={LOOKUP_PURPOSES.map((v) => ({ value: v, label: v }))} />
        <Typography.Text type="secondary">查看失主、认领人信息留痕审计</Typography.Text>
      </Space>
      {error && <ErrorAlert error={error} />}
      {i && (
        <Space direction="vertical" style={{ width: '100%' }} size="middle">
          <Descriptions size="small" bordered column={2}>
            <Descriptions.Item label="物品" span={2}><Tag>{i.categoryLabel}</Tag>{i.description}</Descriptions.Item>
            <Descriptions.Item label="状态"><ItemStatusTag status={i.status} /></Descriptions.Item>
            <Descriptions.Item label="送交">{label(HANDED_IN_BY_LABELS, i.handedInBy)} · {i.batchReference}</Descriptions.Item>
            <Descriptions.Item label="拾得">{i.foundOn} · {i.foundPlace}</Descriptions.Item>
            <Descriptions.Item label="保管">{i.storagePlace}{i.storageSlot ? ` · ${i.storageSlot}` : ''}</Descriptions.Item>
            <Descriptions.Item label="招领公告">{i.noticePublishedOn}</Descriptions.Item>
            <Descriptions.Item label="认领期限">{i.retentionUntil}{i.retentionProvisional ? '（暂定，节假日安排公布后重算）' : ''}</Descriptions.Item>
            {i.disposal && <Descriptions.Item label="期满处理" span={2}>{i.disposal.disposedOn} · {i.disposal.methodLabel}</Descriptions.Item>}
            {i.matchedReport && (
              <Descriptions.Item label="比对的失物登记" span={2}>
                {i.matchedReport.reporterName ?? '—'} {i.matchedReport.reporterIdNumber ?? ''} · {i.matchedReport.phone} · {i.matchedReport.description}
              </Descriptions.Item>
            )}
          </Descriptions>
          <Table
            size="small"
            rowKey="id"
            pagination={false}
            title={() => '认领记录'}
            dataSource={i.claims}
            locale={{ emptyText: '暂无认领记录' }}
            columns={[
              { title: '时间', dataIndex: 'claimedAt', render: (v: string) => formatDateTime(v) },
              { title: '认领人', render: (_, c) => <span>{c.claimantName ?? '—'}<br /><Typography.Text type="secondary">{c.claimantIdNumber}</Typography.Text></span> },
              { title: '核验', render: (_, c) => `${label(VERIFICATION_METHOD_LABELS, c.verificationMethod)} · ${c.verifiedByName}` },
              { title: '结果', render: (_, c) => (c.status === 'RETURNED' ? <Tag color="green">已返还</Tag> : <span><Tag color="red">被拒</Tag>{c.refusalReason}</span>) },
            ]}
          />
          <div>
            <Typography.Title level={5}>办理记录</Typography.Title>
            <Timeline
              data-testid="found-item-history"
              items={i.history.map((h) => ({
                color: h.action === 'CLAIM_REFUSED' ? 'red' : h.action === 'CLAIM' ? 'green' : 'blue',
                children: (
                  <span data-testid="found-item-history-entry" data-action={h.action}>
                    {formatDateTime(h.at)} · {h.actorName} · {label(LOST_FOUND_ACTION_LABELS, h.action)}
                    {h.toStatus && h.toStatus !== h.fromStatus ? `（${label(FOUND_ITEM_STATUS_LABELS, h.toStatus)}）` : ''}
                    {h.note ? `：${h.note}` : ''}
                  </span>
                ),
              }))}
            />
          </div>
        </Space>
      )}
    </Drawer>
  );
}

// ─── 失物登记 ─────────────────────────────────────────────────────────────────────────────────────

interface LostForm {
  category: FoundItemCategory;
  description: string;
  lostOn?: Dayjs;
  lostPlace?: string;
  reporterName?: string;
  reporterIdNumber?: string;
  phone: string;
}

function LostReports() {
  const { citizen } = useCitizen();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<LostForm>();
  const [file, filed] = useMutation(FileLostReportDocument);
  const [status, setStatus] = useState<string>('OPEN');
  const [keyword, setKeyword] = useState('');
  const list = useQuery(SearchLostReportsDocument, { variables: { status: status as LostReportStatus, keyword: keyword.trim() || undefined, limit: 50, offset: 0 }, fetchPolicy: 'cache-and-network' });

  const submit = async (v: LostForm) => {
    filed.reset();
    try {
      await file({
        variables: {
          input: {
            category: v.category,
            description: v.description.trim(),
            lostOn: v.lostOn ? v.lostOn.format(DATE) : undefined,
            lostPlace: v.lostPlace?.trim() || undefined,
            reporterName: v.reporterName?.trim() || undefined,
            reporterIdNumber: v.reporterIdNumber ? normaliseIdNumber(v.reporterIdNumber) : undefined,
            phone: v.phone.trim(),
          },
        },
      });
      message.success('失物登记成功，比对成功后将短信通知失主');
      form.resetFields();
      void list.refetch();
    } catch {
      // shown below
    }
  };

  return (
    <Space direction="vertical" style={{ width: '100%' }} size="large">
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) => void submit(v)}
        initialValues={{ category: 'WALLET', reporterName: citizen?.name, reporterIdNumber: citizen?.idNumber }}
        data-testid="lost-form"
      >
        <Space wrap align="start">
          <Form.Item name="category" label="物品类别" rules={[{ required: true }]} style={{ width: 140 }}>
            <Select showSearch optionFilterProp="label" options={CATEGORY_OPTIONS} data-testid="lost-category" />
          </Form.Item>
          <Form.Item name="description" label="遗失物特征描述" rules={[{ required: true, message: '请描述遗失物（颜色、品牌、内含物品）' }, { min: 2, message: '至少 2 个字' }]} style={{ width: 420 }}>
            <Input maxLength={500} placeholder="颜色、品牌、内含物品；证件类勿写完整证件号码" data-testid="lost-description" />
          </Form.Item>
          <Form.Item name="lostOn" label="遗失日期" style={{ width: 160 }}>
            <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(chinaToday(), 'day')} data-testid="lost-on" />
          </Form.Item>
          <Form.Item name="lostPlace" label="遗失地点" style={{ width: 260 }}>
            <Input maxLength={200} data-testid="lost-place" />
          </Form.Item>
        </Space>
        <Space wrap align="start">
          <Form.Item name="reporterName" label="失主姓名" style={{ width: 140 }}>
            <Input maxLength={50} data-testid="lost-name" />
          </Form.Item>
          <Form.Item name="reporterIdNumber" label="失主身份证号码" extra="填写的，认领时须本人认领" rules={[idRule]} style={{ width: 260 }}>
            <Input className="ow-id-input" maxLength={20} autoComplete="off" data-testid="lost-id" />
          </Form.Item>
          <Form.Item name="phone" label="失主手机号（短信通知）" rules={[{ required: true, message: '请输入失主手机号' }, phoneRule]} style={{ width: 200 }}>
            <Input maxLength={11} autoComplete="off" data-testid="lost-phone" />
          </Form.Item>
          <Form.Item label=" ">
            <Button type="primary" htmlType="submit" loading={filed.loading} data-testid="lost-submit">登记失物</Button>
          </Form.Item>
        </Space>
      </Form>
      {filed.error && <ErrorAlert error={filed.error} />}

      <div>
        <Space style={{ marginBottom: 8 }}>
          <Typography.Text strong>本市失物登记</Typography.Text>
          <Radio.Group optionType="button" size="small" value={status} onChange={(e) => setStatus(e.target.value as string)} options={Object.entries(LOST_REPORT_STATUS_LABELS).map(([value, l]) => ({ value, label: l }))} />
          <Input.Search size="small" placeholder="描述或地点关键字" allowClear onSearch={setKeyword} style={{ width: 220 }} />
          <Typography.Text type="secondary">失主信息已脱敏</Typography.Text>
        </Space>
        {list.error && <ErrorAlert error={list.error} />}
        <Table<Report>
          size="small"
          rowKey="id"
          loading={list.loading}
          pagination={false}
          dataSource={list.data?.searchLostReports.items ?? []}
          locale={{ emptyText: '没有失物登记' }}
          onRow={(r) => ({ 'data-report': r.id }) as React.HTMLAttributes<HTMLElement>}
          columns={[
            { title: '类别', dataIndex: 'categoryLabel' },
            { title: '失物描述', dataIndex: 'description' },
            { title: '遗失', render: (_, r) => `${r.lostOn ?? '—'} ${r.lostPlace ?? ''}` },
            { title: '失主', render: (_, r) => `${r.reporterName ?? '—'} ${r.phone}` },
            { title: '登记', render: (_, r) => `${formatDateTime(r.filedAt)} ${r.filedByName}` },
            { title: '状态', dataIndex: 'status', render: (v: string, r) => <span><Tag color={LOST_REPORT_STATUS_COLORS[v]}>{label(LOST_REPORT_STATUS_LABELS, v)}</Tag>{r.matchedFoundItemNumber ?? ''}</span> },
          ]}
        />
      </div>
    </Space>
  );
}

// ─── 接收登记 ─────────────────────────────────────────────────────────────────────────────────────

interface HandInForm {
  handedInBy: FoundItemHandedInBy;
  handedInByName?: string;
  batchReference?: string;
  storagePlace: string;
  items: { category: FoundItemCategory; description: string; foundOn?: Dayjs; foundPlace: string; storageSlot?: string }[];
}

type Batch = RegisterFoundItemsMutation['registerFoundItems'];

/** One hand-in: the sanitation department's batch (with its batch reference) or a citizen's item; all items in one transaction. */
function HandIn({ onShowBatch }: { onShowBatch: (reference: string) => void }) {
  const [batch, setBatch] = useState<Batch | null>(null);
  if (!batch) return <HandInEntry onRegistered={setBatch} />;
  return (
    <div data-testid="handin-success">
      <Result
        status="success"
        title={`已接收登记 ${batch.itemCount} 件拾得物，招领公告已发布`}
        subTitle={`批次/回执号 ${batch.batchReference} · ${label(HANDED_IN_BY_LABELS, batch.handedInBy)}${batch.handedInByName ? `（${batch.handedInByName}）` : ''} · 保管于 ${batch.storagePlace}`}
        extra={[
          <Button key="show" type="primary" onClick={() => onShowBatch(batch.batchReference)} data-testid="handin-show">查看本批招领信息</Button>,
          // A fresh, empty form for the next hand-in.
          <Button key="next" onClick={() => setBatch(null)}>继续接收</Button>,
        ]}
      >
        <Table
          size="small"
          rowKey="number"
          pagination={false}
          dataSource={batch.items}
          columns={[
            { title: '拾得物编号', dataIndex: 'number', render: (v: string) => <span data-testid="handin-number">{v}</span> },
            { title: '物品', render: (_, i) => `${i.categoryLabel}：${i.description}` },
            { title: '存放位置', dataIndex: 'storageSlot', render: (v?: string | null) => v ?? '—' },
            { title: '认领期限', dataIndex: 'retentionUntil' },
          ]}
        />
      </Result>
    </div>
  );
}

function HandInEntry({ onRegistered }: { onRegistered: (batch: Batch) => void }) {
  const [form] = Form.useForm<HandInForm>();
  const [register, result] = useMutation(RegisterFoundItemsDocument);

  const submit = async (v: HandInForm) => {
    result.reset();
    try {
      const r = await register({
        variables: {
          input: {
            handedInBy: v.handedInBy,
            handedInByName: v.handedInByName?.trim() || undefined,
            batchReference: v.batchReference?.trim() || undefined,
            storagePlace: v.storagePlace.trim(),
            items: v.items.map((i) => ({
              category: i.category,
              description: i.description.trim(),
              foundOn: i.foundOn!.format(DATE),
              foundPlace: i.foundPlace.trim(),
              storageSlot: i.storageSlot?.trim() || undefined,
            })),
          },
        },
      });
      if (r.data) onRegistered(r.data.registerFoundItems);
    } catch {
      // shown below
    }
  };

  return (
    <Form
      form={form}
      layout="vertical"
      onFinish={(v) => void submit(v)}
      initialValues={{ handedInBy: 'SANITATION', storagePlace: '', items: [{ category: 'WALLET' }] }}
      data-testid="handin-form"
    >
      <Space wrap align="start">
        <Form.Item name="handedInBy" label="送交方">
          <Radio.Group optionType="button" options={Object.entries(HANDED_IN_BY_LABELS).map(([value, l]) => ({ value, label: l }))} data-testid="handin-by" />
        </Form.Item>
        <Form.Item name="handedInByName" label="送交单位或送交人" style={{ width: 240 }}>
          <Input maxLength={100} placeholder="如：武侯区环卫所清扫一队" data-testid="handin-name" />
        </Form.Item>
        <Form.Item noStyle shouldUpdate={(a, b) => a.handedInBy !== b.handedInBy}>
          {({ getFieldValue }) => (
            <Form.Item
              name="batchReference"
              label="移交批次号"
              style={{ width: 220 }}
              extra={getFieldValue('handedInBy') === 'SANITATION' ? '按环卫部门移交清单填写' : '不填则自动生成接收回执号'}
              rules={[{ required: getFieldValue('handedInBy') === 'SANITATION', message: '环卫部门移交须填写移交批次号' }]}
            >
              <Input maxLength={64} data-testid="handin-batch" />
            </Form.Item>
          )}
        </Form.Item>
        <Form.Item name="storagePlace" label="保管及领取地点（短信告知失主）" rules={[{ required: true, message: '请填写保管及领取地点' }, { min: 2, max: MAX_STORAGE_PLACE, message: `2–${MAX_STORAGE_PLACE} 个字` }]} style={{ width: 300 }}>
          <Input maxLength={MAX_STORAGE_PLACE} showCount placeholder="如：浆洗街派出所失物招领窗口" data-testid="handin-storage" />
        </Form.Item>
      </Space>
      <Form.List name="items">
        {(fields, { add, remove }) => (
          <>
            <Table
              size="small"
              pagination={false}
              rowKey="key"
              dataSource={fields}
              title={() => `物品清单（${fields.length} 件）`}
              data-testid="handin-items"
              columns={[
                { title: '#', width: 40, render: (_, __, i) => i + 1 },
                {
                  title: '类别',
                  width: 130,
                  render: (_, f) => (
                    <Form.Item name={[f.name, 'category']} rules={[{ required: true, message: '请选择' }]} style={{ margin: 0 }}>
                      <Select showSearch optionFilterProp="label" options={CATEGORY_OPTIONS} data-testid={`handin-item-category-${f.name}`} />
                    </Form.Item>
                  ),
                },
                {
                  title: '物品特征描述',
                  render: (_, f) => (
                    <Form.Item name={[f.name, 'description']} rules={[{ required: true, message: '请描述物品' }, { min: 2, message: '至少 2 个字' }]} style={{ margin: 0 }}>
                      <Input maxLength={500} placeholder="颜色、品牌、内含物品；证件类勿写完整证件号码" data-testid={`handin-item-description-${f.name}`} />
                    </Form.Item>
                  ),
                },
                {
                  title: '拾得日期',
                  width: 150,
                  render: (_, f) => (
                    <Form.Item name={[f.name, 'foundOn']} rules={[{ required: true, message: '请选择日期' }]} style={{ margin: 0 }}>
                      <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(chinaToday(), 'day')} data-testid={`handin-item-found-on-${f.name}`} />
                    </Form.Item>
                  ),
                },
                {
                  title: '拾得地点',
                  width: 220,
                  render: (_, f) => (
                    <Form.Item name={[f.name, 'foundPlace']} rules={[{ required: true, message: '请填写地点' }, { min: 2, message: '至少 2 个字' }]} style={{ margin: 0 }}>
                      <Input maxLength={200} data-testid={`handin-item-place-${f.name}`} />
                    </Form.Item>
                  ),
                },
                {
                  title: '柜号',
                  width: 100,
                  render: (_, f) => (
                    <Form.Item name={[f.name, 'storageSlot']} style={{ margin: 0 }}>
                      <Input maxLength={40} data-testid={`handin-item-slot-${f.name}`} />
                    </Form.Item>
                  ),
                },
                {
                  title: '',
                  width: 48,
                  render: (_, f) => fields.length > 1 && <Button type="text" danger icon={<DeleteOutlined />} onClick={() => remove(f.name)} aria-label="删除此物品" />,
                },
              ]}
            />
            <Button type="dashed" block icon={<PlusOutlined />} onClick={() => add({ category: 'OTHER' })} style={{ marginTop: 8 }} data-testid="handin-add">添加物品</Button>
          </>
        )}
      </Form.List>
      {result.error && <ErrorAlert error={result.error} style={{ marginTop: 12 }} />}
      <Button type="primary" htmlType="submit" loading={result.loading} style={{ marginTop: 16 }} data-testid="handin-submit">接收登记并发布招领公告</Button>
    </Form>
  );
}

// ─── 期满处理（督察） ─────────────────────────────────────────────────────────────────────────────

function Disposal() {
  const [dispose, result] = useMutation(DisposeUnclaimedDocument);
  const disposed = useQuery(SearchFoundItemsDocument, { variables: { status: ['DISPOSED'], limit: 50, offset: 0 }, fetchPolicy: 'cache-and-network' });
  const run = async () => {
    try {
      await dispose();
      void disposed.refetch();
    } catch {
      // shown below
    }
  };
  const r = result.data?.disposeUnclaimed;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Alert
        type="info"
        showIcon
        message="招领公告之日起一年内无人认领的拾得物归国家所有（民法典第三百一十八条）"
        description="现金、钱包上缴国库；证件移交发证机关；其他物品依法处理（拍卖、变卖价款上缴国库或销毁）。处理本辖区期满物品，每次最多 500 件；定时任务也会每日处理全市期满物品。"
      />
      <Popconfirm title="处理本辖区招领期满无人认领的物品？" description="处理后物品状态改为已依法处理，不能撤销。" okText="处理" cancelText="取消" onConfirm={() => void run()}>
        <Button type="primary" danger loading={result.loading} data-testid="dispose-run">处理期满物品</Button>
      </Popconfirm>
      {result.error && <ErrorAlert error={result.error} />}
      {r && (
        <Alert
          type={r.disposed ? 'success' : 'info'}
          showIcon
          data-testid="dispose-result"
          message={r.disposed ? `已处理 ${r.disposed} 件招领期满的物品（${r.today}）` : `截至 ${r.today}，本辖区没有招领期满的物品`}
        />
      )}
      {disposed.error && <ErrorAlert error={disposed.error} />}
      <Table<Item>
        size="small"
        rowKey="number"
        pagination={false}
        loading={disposed.loading}
        title={() => '已依法处理的物品'}
        dataSource={disposed.data?.searchFoundItems.items ?? []}
        locale={{ emptyText: '暂无' }}
        onRow={(i) => ({ 'data-item': i.number }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          { title: '编号', dataIndex: 'number' },
          { title: '物品', render: (_, i) => `${i.categoryLabel}：${i.description}` },
          { title: '招领公告', dataIndex: 'noticePublishedOn' },
          { title: '认领期限', dataIndex: 'retentionUntil' },
          { title: '处理', render: (_, i) => (i.disposal ? `${i.disposal.disposedOn} ${i.disposal.methodLabel}` : '—') },
        ]}
      />
    </Space>
  );
}

