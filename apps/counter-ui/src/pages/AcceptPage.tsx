import { useLazyQuery, useMutation, useQuery } from '@apollo/client';
import { CheckCircleOutlined, PrinterOutlined, WarningOutlined } from '@ant-design/icons';
import {
  Alert, App as AntApp, Button, Card, Checkbox, Col, DatePicker, Descriptions, Divider, Form, Input, InputNumber, List, Result, Row, Select, Skeleton, Space, Switch, Tag, Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { chinaToday } from '../china-time';
import { useEffect, useMemo, useRef, useState } from 'react';
import { maskIdNumber, useCitizen } from '../citizen';
import { PresentForRatingButton } from '../evaluation-pairing';
import { ErrorAlert } from '../components/ErrorAlert';
import { MaterialTags } from '../components/SixNotices';
import { PoliceTypeTag, StatusTag } from '../components/Tags';
import { describeError, errorText, outcomeUnknown } from '../errors';
import { AcceptApplicationDocument, CatalogItemDocument, CitizenOpenApplicationsDocument, NoticePdfDocument, ReceiptDocument } from '../graphql/operations';
import type { AcceptApplicationMutation, CatalogItemQuery } from '../gql/graphql';
import { newIdempotencyKey, openPdf } from '../pdf';
import { navigate } from '../router';
import { usePointMarks } from '../front-office/service-points';
import { useUnitName } from '../units';

type Item = CatalogItemQuery['catalogItem'];
type FormField = Item['formFields'][number];
type AcceptResult = AcceptApplicationMutation['acceptApplication'];
type Notice = Extract<AcceptResult, { __typename: 'OneTimeNotice' }>;
type Accepted = Extract<AcceptResult, { __typename: 'Application' }>;

interface ToleratedValue {
  enabled: boolean;
  commitment: string;
  dueDate: Dayjs | null;
}

/** What an antd control of a catalog form field holds. */
type FieldValue = string | number | boolean | string[] | Dayjs | null | undefined;

interface Values {
  presented: string[];
  tolerated: Record<string, ToleratedValue>;
  form: Record<string, FieldValue>;
  waivers: string[];
}

function commitmentText(materialName: string, due: Dayjs | null): string {
  return `本人承诺于${due ? due.format('YYYY年M月D日') : '约定日期'}前补交“${materialName}”，逾期未补交的，自愿承担由此产生的责任。`;
}

/** The control for one catalog form field. Form.Item injects id/value/onChange: pass them on. */
function FieldInput({ field, ...control }: { field: FormField } & Record<string, unknown>) {
  switch (field.type) {
    case 'text':
      return <Input.TextArea {...control} autoSize={{ minRows: 2, maxRows: 4 }} maxLength={500} />;
    case 'date':
      return <DatePicker {...control} format="YYYY-MM-DD" style={{ width: '100%' }} />;
    case 'enum':
      return <Select {...control} options={(field.options ?? []).map((o) => ({ value: o, label: o }))} showSearch placeholder="请选择" />;
    case 'boolean':
      return <Switch {...control} checkedChildren="是" unCheckedChildren="否" />;
    case 'number':
      return <InputNumber {...control} style={{ width: '100%' }} />;
    case 'idNumber':
      return <Input {...control} className="ow-id-input" maxLength={18} autoComplete="off" />;
    case 'phone':
      return <Input {...control} maxLength={11} inputMode="tel" autoComplete="off" />;
    default:
      return <Input {...control} maxLength={100} autoComplete="off" />;
  }
}

function toFormValue(field: FormField, v: unknown): unknown {
  if (v === undefined || v === null || v === '') return undefined;
  if (field.type === 'date' && dayjs.isDayjs(v)) return v.format('YYYY-MM-DD');
  if (typeof v === 'string') return v.trim();
  return v;
}

/** Statuses in which an application is still open (same list as the services' duplicate check). */
const OPEN_STATUSES = new Set(['ACCEPTED', 'IN_REVIEW', 'SUPPLEMENT_REQUESTED', 'APPROVED', 'READY_FOR_PICKUP']);

/**
 * 在办申请: what the person has open anywhere in the city (item, where, deadline), before the clerk
 * submits; the same item is marked, since a catalog item may refuse or warn about a second one.
 */
function OpenApplicationsPanel({ idNumber, itemCode }: { idNumber: string; itemCode: string }) {
  const unitName = useUnitName();
  const { data, error } = useQuery(CitizenOpenApplicationsDocument, {
    variables: { idNumber, purpose: '窗口受理前核查在办申请' },
    fetchPolicy: 'network-only',
  });
  if (error) return <Alert type="info" showIcon message="在办申请暂时无法查询" description={errorText(error)} />;
  const open = (data?.citizen.counter?.applications ?? []).filter((a) => OPEN_STATUSES.has(a.status));
  if (!data) return null;
  return (
    <Card size="small" title={`该群众的在办申请（${open.length}）`} data-testid="open-applications">
      {open.length === 0 ? (
        <Typography.Text type="secondary">无未办结的申请</Typography.Text>
      ) : (
        <List
          size="small"
          dataSource={open}
          renderItem={(a) => (
            <List.Item data-testid="open-application">
              <Space wrap>
                {a.itemCode === itemCode && <Tag color="red">同一事项</Tag>}
                <Typography.Text strong>{a.itemName}</Typography.Text>
                <a href={`/applications/${a.number}`} onClick={(e) => { e.preventDefault(); navigate(`/applications/${a.number}`); }}>{a.number}</a>
                <StatusTag status={a.status} />
                <span>受理单位：{unitName(a.unitCode)}</span>
                <span>办结期限：{a.deadline}</span>
              </Space>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}

/** 受理: material checklist, 容缺 commitments, the item's form, then submit. */
export function AcceptPage({ code }: { code: string }) {
  const { citizen } = useCitizen();
  const { message } = AntApp.useApp();
  const { data, loading, error: loadError } = useQuery(CatalogItemDocument, { variables: { code }, fetchPolicy: 'cache-first' });
  const [accept, acceptState] = useMutation(AcceptApplicationDocument);
  const [fetchNotice, noticePdf] = useLazyQuery(NoticePdfDocument, { fetchPolicy: 'network-only' });
  const [fetchReceipt, receiptPdf] = useLazyQuery(ReceiptDocument, { fetchPolicy: 'network-only' });
  const [form] = Form.useForm<Values>();
  const [idempotencyKey, setIdempotencyKey] = useState(newIdempotencyKey);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [accepted, setAccepted] = useState<Accepted | null>(null);
  const [submitError, setSubmitError] = useState<unknown>(null);
  const resultRef = useRef<HTMLDivElement>(null);
  const item = data?.catalogItem;
  // 三级窗口: an item not delegated to this point is refused by the counter; say so before the form is filled.
  const pointMark = usePointMarks().get(code);

  const presented = Form.useWatch('presented', form) ?? [];
  const tolerated = Form.useWatch('tolerated', form) ?? {};

  const checklist = useMemo(() => (item?.materials ?? []).filter((m) => !m.verifiedOnline), [item]);
  const verified = useMemo(() => (item?.materials ?? []).filter((m) => m.verifiedOnline), [item]);
  const toleratable = checklist.filter((m) => m.required && m.toleratedIfMissing && !presented.includes(m.code));

  const initialValues = useMemo<Values | undefined>(() => {
    if (!item) return undefined;
    const due = chinaToday().add(7, 'day');
    const formDefaults: Record<string, FieldValue> = {};
    for (const f of item.formFields) {
      if (f.type === 'idNumber' && /applicant/i.test(f.key) && citizen) formDefaults[f.key] = citizen.idNumber;
      else if (f.key === 'applicantName' && citizen) formDefaults[f.key] = citizen.name;
      else if (f.type === 'boolean') formDefaults[f.key] = false;
    }
    return {
      presented: [],
      tolerated: Object.fromEntries(item.materials.filter((m) => m.toleratedIfMissing).map((m) => [m.code, { enabled: false, commitment: commitmentText(m.name, due), dueDate: due }])),
      form: formDefaults,
      waivers: [],
    };
  }, [item, citizen]);

  useEffect(() => {
    if (initialValues) form.setFieldsValue(initialValues);
  }, [initialValues, form]);

  useEffect(() => {
    if (notice || accepted) resultRef.current?.scrollIntoView({ behavior: 'smooth', block: 'start' });
  }, [notice, accepted]);

  if (!citizen) {
    return (
      <Result
        status="info"
        title="请先读取办事群众的身份证"
        subTitle="受理前须核验申请人身份。"
        extra={<Button type="primary" autoFocus onClick={() => navigate('/citizen')}>去“群众信息”</Button>}
      />
    );
  }
  if (loadError) return <ErrorAlert error={loadError} />;
  if (loading || !item) return <Skeleton active />;

  const submit = async (v: Values) => {
    setSubmitError(null);
    const tol = toleratable
      .filter((m) => v.tolerated?.[m.code]?.enabled)
      .map((m) => ({ code: m.code, commitment: v.tolerated[m.code].commitment.trim(), dueDate: v.tolerated[m.code].dueDate?.format('YYYY-MM-DD') ?? '' }));
    const formValues: Record<string, unknown> = {};
    for (const f of item.formFields) {
      const val = toFormValue(f, v.form?.[f.key]);
      if (val !== undefined) formValues[f.key] = val;
    }
    try {
      const r = await accept({
        variables: {
          input: {
            idempotencyKey,
            itemCode: item.code,
            applicantIdNumber: citizen.idNumber,
            presentedMaterials: v.presented ?? [],
            toleratedMaterials: tol.length ? tol : undefined,
            form: formValues,
            claimedWaivers: v.waivers?.length ? v.waivers : undefined,
            fromNoticeNumber: notice?.number ?? undefined,
          },
        },
      });
      // A definite answer: the next submission is a new attempt with a new key.
      setIdempotencyKey(newIdempotencyKey());
      const result = r.data?.acceptApplication;
      if (result?.__typename === 'OneTimeNotice') {
        setNotice(result);
        message.warning('材料不齐，已开具一次性告知单');
      } else if (result?.__typename === 'Application') {
        setAccepted(result);
        message.success(`已受理，受理编号 ${result.number}`);
      }
    } catch (err) {
      const d = describeError(err);
      // Keep the key while the outcome is unknown (network failure, a service's timeout): submitting
      // again with it returns what was done (查看办理结果) and never accepts twice.
      if (!outcomeUnknown(d)) setIdempotencyKey(newIdempotencyKey());
      setSubmitError(err);
      // Show the server's form problems next to the fields.
      const ext = (err as { graphQLErrors?: { extensions?: Record<string, unknown> }[] }).graphQLErrors?.[0]?.extensions;
      const details = ext?.['details'];
      if ((d.code === 'FORM_INVALID' || d.code === 'VALIDATION_FAILED') && Array.isArray(details)) {
        form.setFields(
          details
            .filter((p: { field?: string }) => p.field && item.formFields.some((f) => f.key === p.field))
            .map((p: { field: string; problems?: string[] }) => ({ name: ['form', p.field], errors: p.problems ?? ['填写有误'] })),
        );
      }
    }
  };

  const printNotice = async () => {
    if (!notice) return;
    const r = await fetchNotice({ variables: { number: notice.number } });
    if (r.data?.oneTimeNotice.pdfBase64) openPdf(r.data.oneTimeNotice.pdfBase64, `一次性告知单-${notice.number}.pdf`);
    else if (r.error) message.error(errorText(r.error));
  };

  const printReceipt = async () => {
    if (!accepted) return;
    const r = await fetchReceipt({ variables: { number: accepted.number } });
    if (r.data?.application.receiptPdfBase64) openPdf(r.data.application.receiptPdfBase64, `受理回执-${accepted.number}.pdf`);
    else if (r.error) message.error(errorText(r.error));
  };

  if (accepted) {
    return (
      <div ref={resultRef} data-testid="accept-success">
        <Result
          status="success"
          icon={<CheckCircleOutlined />}
          title="已受理"
          subTitle={`${accepted.itemName} · 申请人 ${accepted.applicant.name}`}
          extra={[
            <Button key="receipt" type="primary" icon={<PrinterOutlined />} onClick={printReceipt} loading={receiptPdf.loading} autoFocus data-testid="print-receipt">打印受理回执</Button>,
            <Button key="detail" onClick={() => navigate(`/applications/${accepted.number}`)}>查看申请详情</Button>,
            <Button key="more" onClick={() => navigate('/catalog')}>为该群众办理其他事项</Button>,
            <Button key="next" onClick={() => navigate('/citizen')}>返回群众信息</Button>,
            <PresentForRatingButton key="rate" number={accepted.number} />,
          ]}
        >
          <Descriptions bordered column={2} size="middle">
            <Descriptions.Item label="受理编号"><span className="ow-result-number" data-testid="accepted-number">{accepted.number}</span></Descriptions.Item>
            <Descriptions.Item label="状态"><StatusTag status={accepted.status} /></Descriptions.Item>
            <Descriptions.Item label="承诺办结期限">
              <Typography.Text strong data-testid="accepted-deadline">{accepted.deadline}</Typography.Text>
              {accepted.deadlineProvisional && <Tag color="orange" style={{ marginLeft: 8 }}>暂定（跨入尚未公布放假安排的年份）</Tag>}
            </Descriptions.Item>
            <Descriptions.Item label="应收费用">{accepted.fee.formatted}</Descriptions.Item>
            <Descriptions.Item label="受理单位">{accepted.unitName}</Descriptions.Item>
            <Descriptions.Item label="首问责任人">{accepted.firstInquiryOwnerName}</Descriptions.Item>
            {accepted.toleratedMaterials.length > 0 && (
              <Descriptions.Item label="容缺材料" span={2}>
                {accepted.toleratedMaterials.map((t) => <div key={t.code}>{t.name}：承诺 {t.dueDate} 前补交</div>)}
              </Descriptions.Item>
            )}
          </Descriptions>
          {accepted.openApplicationsAtAcceptance && accepted.openApplicationsAtAcceptance.length > 0 && (
            <Alert
              style={{ marginTop: 16 }}
              type="warning"
              showIcon
              data-testid="accept-duplicate-warning"
              message={`提示：该申请人另有 ${accepted.openApplicationsAtAcceptance.length} 件同一事项的申请尚未办结`}
              description={accepted.openApplicationsAtAcceptance.map((o) => (
                <div key={o.number}>{o.itemName} {o.number}（{o.unitName}受理，办结期限 {o.deadline}）</div>
              ))}
            />
          )}
        </Result>
        {receiptPdf.error && <ErrorAlert error={receiptPdf.error} />}
      </div>
    );
  }

  return (
    <Form<Values> form={form} layout="vertical" onFinish={submit} initialValues={initialValues} data-testid="accept-form" scrollToFirstError>
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        <Card
          title={<Space>受理：{item.name} <PoliceTypeTag policeType={item.policeType} /></Space>}
          extra={<Button type="link" onClick={() => navigate(`/catalog/${item.code}`)}>查看六告知</Button>}
        >
          <Descriptions column={4} size="small">
            <Descriptions.Item label="申请人">{citizen.name}</Descriptions.Item>
            <Descriptions.Item label="身份证号码">{maskIdNumber(citizen.idNumber)}</Descriptions.Item>
            <Descriptions.Item label="收费">{item.fee.formatted}</Descriptions.Item>
            <Descriptions.Item label="承诺时限">{item.promisedTimeLimit.text}</Descriptions.Item>
          </Descriptions>
          {pointMark && !pointMark.acceptedHere && (
            <Alert style={{ marginTop: 8 }} type="warning" showIcon data-testid="accept-not-delegated"
              message={`该事项不在本网点（${pointMark.pointName}）受理`} description={pointMark.hint ?? undefined} />
          )}
        </Card>

        <OpenApplicationsPanel idNumber={citizen.idNumber} itemCode={item.code} />

        <div ref={resultRef}>
          {notice && (
            <Card data-testid="notice-card" style={{ borderColor: '#faad14' }}>
              <Result
                status="warning"
                icon={<WarningOutlined />}
                title="材料不齐，已开具一次性告知单"
                subTitle={<>告知单编号 <span data-testid="notice-number">{notice.number}</span>；请一次性告知群众需补齐的全部材料。补齐后勾选材料再次提交即可受理。</>}
                extra={<Button type="primary" icon={<PrinterOutlined />} onClick={printNotice} loading={noticePdf.loading} data-testid="print-notice">打印告知单</Button>}
              >
                <List
                  header={<Typography.Text strong>需补齐的材料</Typography.Text>}
                  bordered
                  dataSource={notice.missingMaterials}
                  data-testid="notice-missing"
                  renderItem={(m) => (
                    <List.Item key={m.code}>
                      <Space direction="vertical" size={0}>
                        <Typography.Text>{m.name}</Typography.Text>
                        {m.note && <Typography.Text type="secondary">{m.note}</Typography.Text>}
                      </Space>
                    </List.Item>
                  )}
                />
              </Result>
              {noticePdf.error && <ErrorAlert error={noticePdf.error} />}
            </Card>
          )}
        </div>

        <Card title="一、材料清单" extra={<Typography.Text type="secondary">勾选群众已提交的材料（<span className="ow-kbd">空格</span> 勾选）</Typography.Text>}>
          <Form.Item name="presented" noStyle>
            <Checkbox.Group style={{ width: '100%' }} data-testid="materials">
              <Row gutter={[0, 10]}>
                {checklist.map((m) => (
                  <Col span={24} key={m.code}>
                    <Checkbox value={m.code} data-testid={`material-${m.code}`}>
                      <Space>
                        <span>{m.name}</span>
                        <MaterialTags m={m} />
                        {m.note && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{m.note}</Typography.Text>}
                      </Space>
                    </Checkbox>
                  </Col>
                ))}
              </Row>
            </Checkbox.Group>
          </Form.Item>
          {verified.length > 0 && (
            <>
              <Divider plain orientation="left">免提交（窗口网上核验）</Divider>
              {verified.map((m) => (
                <div key={m.code}><Tag color="green">免提交</Tag>{m.name}{m.verifiedBy ? `（${m.verifiedBy}）` : ''}</div>
              ))}
            </>
          )}
          {toleratable.length > 0 && (
            <>
              <Divider plain orientation="left">容缺受理（缺少的材料可签署书面承诺后补交）</Divider>
              {toleratable.map((m) => {
                const on = !!tolerated?.[m.code]?.enabled;
                return (
                  <Card key={m.code} size="small" style={{ marginBottom: 8 }} data-testid={`tolerated-${m.code}`}>
                    <Form.Item name={['tolerated', m.code, 'enabled']} valuePropName="checked" style={{ marginBottom: on ? 8 : 0 }}>
                      <Checkbox>“{m.name}”容缺受理（申请人签署书面承诺）</Checkbox>
                    </Form.Item>
                    {on && (
                      <Row gutter={12}>
                        <Col flex="auto">
                          <Form.Item name={['tolerated', m.code, 'commitment']} label="承诺内容" rules={[{ required: true, min: 2, message: '请填写书面承诺内容' }]}>
                            <Input.TextArea autoSize={{ minRows: 2 }} maxLength={500} />
                          </Form.Item>
                        </Col>
                        <Col flex="200px">
                          <Form.Item
                            name={['tolerated', m.code, 'dueDate']}
                            label="承诺补交日期"
                            rules={[
                              { required: true, message: '请选择补交日期' },
                              { validator: (_, v: Dayjs | null) => (v && v.isAfter(chinaToday(), 'day') ? Promise.resolve() : Promise.reject(new Error('补交日期须晚于今天'))) },
                            ]}
                          >
                            <DatePicker format="YYYY-MM-DD" style={{ width: '100%' }} />
                          </Form.Item>
                        </Col>
                      </Row>
                    )}
                  </Card>
                );
              })}
            </>
          )}
        </Card>

        <Card title="二、申请表">
          <Row gutter={16}>
            {item.formFields.map((f) => (
              <Col key={f.key} xs={24} md={f.type === 'text' ? 24 : 12} lg={f.type === 'text' ? 24 : 8}>
                <Form.Item
                  name={['form', f.key]}
                  label={f.label}
                  valuePropName={f.type === 'boolean' ? 'checked' : 'value'}
                  rules={[
                    ...(f.required && f.type !== 'boolean' ? [{ required: true, message: `请填写${f.label}` }] : []),
                    ...(f.type === 'phone' ? [{ pattern: /^1\d{10}$/, message: '请输入 11 位手机号码' }] : []),
                  ]}
                  data-testid={`field-${f.key}`}
                >
                  <FieldInput field={f} />
                </Form.Item>
              </Col>
            ))}
          </Row>
        </Card>

        {item.fee.waivers.length > 0 && (
          <Card title="三、收费减免">
            <Form.Item name="waivers" noStyle>
              <Checkbox.Group options={item.fee.waivers.map((w) => ({ value: w.code, label: `${w.description}（${w.condition}）` }))} />
            </Form.Item>
          </Card>
        )}

        {submitError != null && <ErrorAlert error={submitError} />}
        {submitError != null && outcomeUnknown(describeError(submitError)) && (
          <Alert type="warning" showIcon data-testid="accept-outcome-unknown"
            message="办理结果未知：业务系统可能已经受理"
            description="请勿重新开始填写。点击“查看办理结果”：若已受理，将显示原受理结果；若尚未受理，将按本次填写受理（同一次提交不会重复受理）。"
            action={<Button onClick={() => form.submit()} loading={acceptState.loading} data-testid="accept-check-outcome">查看办理结果</Button>} />
        )}
        {checklist.some((m) => m.required && !presented.includes(m.code) && !(m.toleratedIfMissing && tolerated?.[m.code]?.enabled)) && (
          <Alert type="info" showIcon message="尚有必需材料未勾选：提交后将开具一次性告知单，列明须补齐的全部材料。" />
        )}
        <Space>
          <Button type="primary" size="large" htmlType="submit" loading={acceptState.loading} data-testid="accept-submit">
            {notice ? '补齐材料，再次提交受理' : submitError != null && outcomeUnknown(describeError(submitError)) ? '查看办理结果' : '提交受理'}
          </Button>
          <Button size="large" onClick={() => history.back()}>返回</Button>
          <Typography.Text type="secondary">在输入框中按 <span className="ow-kbd">Enter</span> 提交</Typography.Text>
        </Space>
      </Space>
    </Form>
  );
}
