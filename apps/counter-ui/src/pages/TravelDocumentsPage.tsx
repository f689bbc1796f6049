import { useLazyQuery } from '@apollo/client';
import { GlobalOutlined } from '@ant-design/icons';
import { Alert, Card, Descriptions, Empty, Form, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { TRAVEL_DOCUMENT_STATUS_COLORS } from '../capability-labels';
import { idNumberProblem, maskIdNumber, normaliseIdNumber, useCitizen } from '../citizen';
import { RegisterLookupForm, type LookupKey, type RegisterLookup } from '../components/RegisterLookupForm';
import { CitizenTravelDocumentsDocument, TravelDocumentDocument } from '../graphql/capabilities.operations';
import type { TravelDocumentFieldsFragment } from '../gql/graphql';
import { LOOKUP_PURPOSES, PERSON_STATUS_LABELS, label } from '../labels';

type Doc = TravelDocumentFieldsFragment;
type Endorsement = Doc['endorsements'][number];
type By = 'idNumber' | 'number';

type LookupForm = RegisterLookup<By>;
const TRAVEL_LOOKUP_KEYS: LookupKey<By>[] = [
  { value: 'idNumber', label: '身份证号码', missing: '请输入身份证号码', placeholder: '18 位公民身份号码' },
  { value: 'number', label: '证件号码', missing: '请输入证件号码', placeholder: '如 E12345678' },
];

/** Passport E12345678, HK/Macau permit C…, Taiwan permit T…: a letter or two and 7–8 digits. */
const DOCUMENT_NUMBER = /^[A-Z]{1,2}\d{7,8}$/;

/**
 * 出入境证件与签注: a citizen's passports and permits with their endorsements (by ID number, through
 * the audited citizen read), or one document by its number (exit-entry's audited lookup). Clerks
 * see masked document numbers, as the service returns them.
 */
export function TravelDocumentsPage() {
  const { citizen } = useCitizen();
  const [form] = Form.useForm<LookupForm>();
  const [localError, setLocalError] = useState<string | null>(null);
  const [by, setBy] = useState<By | null>(null);
  const [byPerson, person] = useLazyQuery(CitizenTravelDocumentsDocument, { fetchPolicy: 'network-only' });
  const [byNumber, single] = useLazyQuery(TravelDocumentDocument, { fetchPolicy: 'network-only' });

  const submit = (v: LookupForm) => {
    const target = v.by === 'idNumber' ? normaliseIdNumber(v.target) : v.target.replace(/\s+/g, '').toUpperCase();
    const problem = v.by === 'idNumber' ? idNumberProblem(target) : DOCUMENT_NUMBER.test(target) ? null : '证件号码格式不正确，例如护照 E12345678、往来港澳通行证 C12345678';
    setLocalError(problem);
    if (problem) return;
    form.setFieldsValue({ target });
    setBy(v.by);
    if (v.by === 'idNumber') void byPerson({ variables: { idNumber: target, purpose: v.purpose } });
    else void byNumber({ variables: { number: target, purpose: v.purpose } });
  };

  const current = by === 'idNumber' ? person : by === 'number' ? single : null;
  const loading = person.loading || single.loading;

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Card title={<Space><GlobalOutlined />出入境证件与签注</Space>} extra={<Typography.Text type="secondary">护照、往来港澳通行证、往来台湾通行证及签注（本市签发）</Typography.Text>}>
        <RegisterLookupForm
          form={form}
          testId="travel"
          keys={TRAVEL_LOOKUP_KEYS}
          initialValues={{ by: 'idNumber', target: citizen?.idNumber ?? '', purpose: LOOKUP_PURPOSES[0] }}
          onFinish={submit}
          localError={localError}
          onLocalErrorClear={() => setLocalError(null)}
          error={current?.error}
          loading={loading}
        />
        <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
          查询将按事由留痕审计；窗口人员看到的证件号码已脱敏。
        </Typography.Paragraph>
      </Card>

      {!localError && by === 'idNumber' && person.data && (
        <Card
          data-testid="travel-result"
          title={
            <Space>
              {person.data.citizen.name}
              <Typography.Text type="secondary">{maskIdNumber(person.data.citizen.idNumber)}</Typography.Text>
              {person.data.citizen.status !== 'NORMAL' && <Tag color="red">{label(PERSON_STATUS_LABELS, person.data.citizen.status)}</Tag>}
            </Space>
          }
          extra={person.data.citizen.exitEntry && <span>有效证件 {person.data.citizen.exitEntry.validDocumentCount} 本{person.data.citizen.exitEntry.numbersMasked ? '（证件号码已脱敏）' : ''}</span>}
        >
          {person.data.citizen.exitEntry ? (
            <DocumentsTable documents={person.data.citizen.exitEntry.documents} />
          ) : (
            <Alert type="warning" showIcon message="出入境业务系统暂时无法访问，请稍后重试。" />
          )}
        </Card>
      )}

      {!localError && by === 'number' && single.data && <DocumentCard doc={single.data.travelDocument} holder={single.data.travelDocument.holder} />}
    </Space>
  );
}

function StatusTag({ doc }: { doc: Doc }) {
  return <Tag color={TRAVEL_DOCUMENT_STATUS_COLORS[doc.status] ?? 'default'} data-testid="travel-status" data-status={doc.status}>{doc.statusLabel}</Tag>;
}

function DocumentsTable({ documents }: { documents: Doc[] }) {
  if (documents.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="该群众没有本市签发的出入境证件" />;
  return (
    <Table<Doc>
      size="small"
      rowKey="number"
      pagination={false}
      dataSource={documents}
      onRow={(d) => ({ 'data-document': d.kind }) as React.HTMLAttributes<HTMLElement>}
      expandable={{
        defaultExpandAllRows: true,
        rowExpandable: (d) => d.endorsements.length > 0,
        expandedRowRender: (d) => <EndorsementsTable endorsements={d.endorsements} />,
      }}
      columns={[
        { title: '证件', dataIndex: 'kindLabel' },
        { title: '证件号码', dataIndex: 'number', render: (v: string) => <span style={{ fontFamily: "ui-monospace, monospace" }}>{v}</span> },
        { title: '签发日期', dataIndex: 'issuedOn' },
        { title: '有效期至', dataIndex: 'validUntil' },
        { title: '状态', dataIndex: 'status', render: (_: string, d) => <Space size={4}><StatusTag doc={d} />{d.statusChangedOn && d.status !== 'VALID' ? <Typography.Text type="secondary">{d.statusChangedOn}</Typography.Text> : null}</Space> },
        { title: '签注', render: (_, d) => (d.endorsements.length ? `${d.endorsements.length} 项（${d.endorsements.filter((e) => e.valid).length} 项有效）` : d.kind === 'PASSPORT' ? '—（护照无签注）' : '无签注') },
      ]}
    />
  );
}

function EndorsementsTable({ endorsements }: { endorsements: Endorsement[] }) {
  return (
    <Table<Endorsement>
      size="small"
      rowKey={(e) => `${e.type}-${e.issuedOn}`}
      pagination={false}
      dataSource={endorsements}
      data-testid="endorsements"
      columns={[
        { title: '签注种类', dataIndex: 'typeLabel' },
        { title: '次数', dataIndex: 'entriesLabel' },
        { title: '前往地', dataIndex: 'destination', render: (v?: string | null) => v ?? '—' },
        { title: '签发日期', dataIndex: 'issuedOn' },
        { title: '有效期至', dataIndex: 'validUntil' },
        { title: '渠道', dataIndex: 'channel', render: (v: string) => (v === 'SELF_SERVICE' ? '自助签注' : '窗口') },
        { title: '状态', dataIndex: 'valid', render: (v: boolean) => (v ? <Tag color="green">有效</Tag> : <Tag>已失效</Tag>) },
      ]}
    />
  );
}

function DocumentCard({ doc, holder }: { doc: Doc; holder: { idNumber: string } }) {
  return (
    <Card title={`${doc.kindLabel} ${doc.number}`} extra={<StatusTag doc={doc} />} data-testid="travel-result">
      <Descriptions size="small" bordered column={3} style={{ marginBottom: 16 }}>
        <Descriptions.Item label="持证人公民身份号码">{maskIdNumber(holder.idNumber)}</Descriptions.Item>
        <Descriptions.Item label="证件种类">{doc.kindLabel}</Descriptions.Item>
        <Descriptions.Item label="签发单位代码">{doc.issuingUnitCode}</Descriptions.Item>
        <Descriptions.Item label="签发日期">{doc.issuedOn}</Descriptions.Item>
        <Descriptions.Item label="有效期至">{doc.validUntil}</Descriptions.Item>
        <Descriptions.Item label="状态变更">{doc.statusChangedOn ?? '—'}</Descriptions.Item>
      </Descriptions>
      {doc.endorsements.length > 0 ? (
        <>
          <Typography.Title level={5}>签注</Typography.Title>
          <EndorsementsTable endorsements={doc.endorsements} />
        </>
      ) : (
        <Typography.Text type="secondary">{doc.kind === 'PASSPORT' ? '护照无签注。' : '该证件没有签注记录。'}</Typography.Text>
      )}
    </Card>
  );
}
