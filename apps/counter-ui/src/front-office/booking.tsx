import { useMutation, useQuery } from '@apollo/client';
import { Button, Card, Empty, Form, Input, Layout, Radio, Result, Select, Space, Spin, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { ErrorAlert } from '../components/ErrorAlert';
import {
  AppointmentDaysDocument, AppointmentSlotsDocument, BookAppointmentOnlineDocument, BookingOptionsDocument, CancelAppointmentOnlineDocument,
  RequestBookingCodeDocument, RescheduleAppointmentOnlineDocument,
} from '../graphql/appointments.operations';
import type { AppointmentReceiptFieldsFragment } from '../gql/graphql';

const MOBILE = /^1[3-9]\d{9}$/;
const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六'];
const weekday = (date: string) => `周${WEEKDAYS[new Date(`${date}T00:00:00Z`).getUTCDay()]}`;
const short = (date: string) => `${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;

export interface PickedSlot {
  date: string;
  start: string;
}

/**
 * Days (working days open; 延时服务 days tagged; holidays, rest days and closures shown but not
 * selectable) and the chosen day's slots with what is left of each. Shared by the public page
 * and the clerk's hotline booking.
 */
export function SlotPicker({ unitCode, itemCode, value, onChange, testId = 'slot-picker' }: {
  unitCode?: string; itemCode?: string; value?: PickedSlot | null; onChange: (v: PickedSlot | null) => void; testId?: string;
}) {
  const skip = !unitCode || !itemCode;
  const days = useQuery(AppointmentDaysDocument, { variables: { unitCode: unitCode ?? '', itemCode: itemCode ?? '', days: 14 }, skip, fetchPolicy: 'cache-and-network' });
  // The chosen day belongs to one hall and item: choosing another starts over (the parent resets its slot too).
  const key = `${unitCode ?? ''}|${itemCode ?? ''}`;
  const [chosen, setChosen] = useState<{ key: string; date?: string }>({ key, date: value?.date });
  const date = chosen.key === key ? chosen.date : undefined;
  const setDate = (d: string) => setChosen({ key, date: d });
  const slots = useQuery(AppointmentSlotsDocument, { variables: { unitCode: unitCode ?? '', itemCode: itemCode ?? '', date: date ?? '' }, skip: skip || !date, fetchPolicy: 'network-only' });
  if (skip) return <Typography.Text type="secondary">请先选择办证大厅和事项</Typography.Text>;
  return (
    <div data-testid={testId}>
      <ErrorAlert error={days.error ?? slots.error} />
      {days.loading && !days.data ? <Spin /> : (
        <Space wrap size={[8, 8]} style={{ marginBottom: 12 }}>
          {(days.data?.appointmentDays ?? []).map((d) => (
            <Button key={d.date} type={date === d.date ? 'primary' : 'default'} disabled={!d.open} onClick={() => { setDate(d.date); onChange(null); }}
              data-testid="booking-day" data-date={d.date} data-open={String(d.open)} style={{ height: 'auto', padding: '4px 10px', textAlign: 'center' }}>
              <div>{short(d.date)} {weekday(d.date)}</div>
              <div style={{ fontSize: 12 }}>{d.open ? (d.extended ? <Tag color="orange" style={{ margin: 0 }}>{d.label}</Tag> : d.label) : (d.closedBy ? `临时闭厅` : d.holidayName ? `${d.holidayName}` : d.label)}</div>
            </Button>
          ))}
        </Space>
      )}
      {date && (slots.loading && !slots.data ? <Spin /> : (slots.data?.appointmentSlots.length ?? 0) === 0 ? <Empty description="当天没有可预约的时段" /> : (
        <Radio.Group value={value?.date === date ? value.start : undefined} onChange={(e) => onChange({ date, start: e.target.value as string })} data-testid="booking-slots">
          <Space wrap size={[8, 8]}>
            {slots.data!.appointmentSlots.map((s) => (
              <Radio.Button key={s.start} value={s.start} disabled={s.past || s.remaining === 0} data-testid="booking-slot" data-start={s.start} data-remaining={s.remaining}>
                {s.start}-{s.end} <Typography.Text type={s.remaining ? 'success' : 'secondary'} style={{ fontSize: 12 }}>{s.past ? '已过' : s.remaining ? `余${s.remaining}` : '约满'}</Typography.Text>
                {s.extended && <Tag color="orange" style={{ marginLeft: 4, marginRight: 0 }}>延时</Tag>}
              </Radio.Button>
            ))}
          </Space>
        </Radio.Group>
      ))}
    </div>
  );
}

function CodeField({ form, prefix }: { form: ReturnType<typeof Form.useForm>[0]; prefix: string }) {
  const [requestCode, sent] = useMutation(RequestBookingCodeDocument);
  const [to, setTo] = useState<string | null>(null);
  const send = async () => {
    const { phone } = (await form.validateFields(['phone'])) as { phone: string };
    const r = await requestCode({ variables: { input: { phone } } }).catch(() => null);
    if (r?.data) setTo(phone);
  };
  return (
    <>
      <Form.Item label="手机号码" required>
        <Space.Compact style={{ width: '100%', maxWidth: 420 }}>
          <Form.Item name="phone" noStyle rules={[{ required: true, message: '请填写手机号码' }, { pattern: MOBILE, message: '手机号码应为 11 位数字（1 开头）' }]}>
            <Input maxLength={11} placeholder="接收验证码和预约短信" data-testid={`${prefix}-phone`} />
          </Form.Item>
          <Button onClick={() => void send()} loading={sent.loading} data-testid={`${prefix}-send-code`}>{to ? '重新获取' : '获取验证码'}</Button>
        </Space.Compact>
      </Form.Item>
      {to && <Typography.Paragraph type="success" data-testid={`${prefix}-code-sent`}>验证码已发送至 {to.slice(0, 3)}****{to.slice(7)}，10 分钟内有效。</Typography.Paragraph>}
      <ErrorAlert error={sent.error} style={{ marginBottom: 16 }} />
      <Form.Item name="verificationCode" label="短信验证码" rules={[{ required: true, message: '请填写短信验证码' }, { pattern: /^\d{6}$/, message: '验证码为 6 位数字' }]}>
        <Input maxLength={6} style={{ width: 160 }} data-testid={`${prefix}-code`} />
      </Form.Item>
    </>
  );
}

function Receipt({ receipt, title }: { receipt: AppointmentReceiptFieldsFragment; title: string }) {
  return (
    <div data-testid="booking-receipt">
      <Result status={receipt.state === 'CANCELLED' ? 'info' : 'success'} title={title}
        subTitle={<Space direction="vertical">
          <span>预约号 <Typography.Text strong copyable style={{ fontSize: 20 }} data-testid="booking-number">{receipt.number}</Typography.Text></span>
          <span>{receipt.unitName} · {receipt.itemName}</span>
          <span data-testid="booking-when">{receipt.date} {receipt.slotStart}-{receipt.slotEnd} · {receipt.stateLabel}</span>
          <Typography.Text type="secondary">确认短信已发送至 {receipt.phone}。请在时段开始前 30 分钟内到大厅签到，签到后取优先号；迟到按普通号办理。</Typography.Text>
        </Space>} />
    </div>
  );
}

function BookForm() {
  const [form] = Form.useForm();
  const options = useQuery(BookingOptionsDocument, { fetchPolicy: 'cache-first' });
  const unitCode = Form.useWatch<string | undefined>('unitCode', form);
  const itemCode = Form.useWatch<string | undefined>('itemCode', form);
  const [slot, setSlot] = useState<PickedSlot | null>(null);
  const [book, booked] = useMutation(BookAppointmentOnlineDocument);
  const [receipt, setReceipt] = useState<AppointmentReceiptFieldsFragment | null>(null);
  if (receipt) return <Receipt receipt={receipt} title="预约成功" />;
  const submit = async (v: { unitCode: string; itemCode: string; citizenName: string; phone: string; verificationCode: string }) => {
    if (!slot) return;
    const r = await book({ variables: { input: { unitCode: v.unitCode, itemCode: v.itemCode, date: slot.date, start: slot.start, citizenName: v.citizenName.trim(), phone: v.phone, verificationCode: v.verificationCode } } }).catch(() => null);
    if (r?.data) setReceipt(r.data.bookAppointmentOnline);
  };
  return (
    <Form form={form} layout="vertical" onFinish={(v) => void submit(v as never)} initialValues={{ unitCode: '510107001' }}
      onValuesChange={(changed: Record<string, unknown>) => { if ('unitCode' in changed || 'itemCode' in changed) setSlot(null); }}>
      <Space size="large" wrap>
        <Form.Item name="unitCode" label="办证大厅" rules={[{ required: true, message: '请选择办证大厅' }]}>
          <Select id="booking-unit" style={{ width: 220 }} options={(options.data?.bookingStations ?? []).map((s) => ({ value: s.unitCode, label: s.name }))} data-testid="booking-unit" />
        </Form.Item>
        <Form.Item name="itemCode" label="办理事项" rules={[{ required: true, message: '请选择事项' }]}>
          <Select id="booking-item" style={{ width: 280 }} placeholder="请选择" options={(options.data?.bookableItems ?? []).map((i) => ({ value: i.itemCode, label: `${i.itemName}（约 ${i.minutes} 分钟）` }))} data-testid="booking-item" />
        </Form.Item>
      </Space>
      <Form.Item label="日期和时段" required>
        <SlotPicker unitCode={unitCode} itemCode={itemCode} value={slot} onChange={setSlot} />
      </Form.Item>
      <Form.Item name="citizenName" label="姓名" rules={[{ required: true, whitespace: true, message: '请填写姓名' }]}>
        <Input maxLength={40} style={{ width: 200 }} data-testid="booking-name" />
      </Form.Item>
      <CodeField form={form} prefix="booking" />
      <ErrorAlert error={booked.error} style={{ marginBottom: 16 }} />
      <Button type="primary" htmlType="submit" disabled={!slot} loading={booked.loading} data-testid="booking-submit">确认预约{slot ? `（${slot.date} ${slot.start}）` : ''}</Button>
    </Form>
  );
}

function ChangeForm() {
  const [form] = Form.useForm();
  const options = useQuery(BookingOptionsDocument, { fetchPolicy: 'cache-first' });
  const [mode, setMode] = useState<'reschedule' | 'cancel'>('reschedule');
  const unitCode = Form.useWatch<string | undefined>('unitCode', form);
  const itemCode = Form.useWatch<string | undefined>('itemCode', form);
  const [slot, setSlot] = useState<PickedSlot | null>(null);
  const [reschedule, r1] = useMutation(RescheduleAppointmentOnlineDocument);
  const [cancel, r2] = useMutation(CancelAppointmentOnlineDocument);
  const [receipt, setReceipt] = useState<AppointmentReceiptFieldsFragment | null>(null);
  if (receipt) return <Receipt receipt={receipt} title={receipt.state === 'CANCELLED' ? '预约已取消' : '改约成功'} />;
  const submit = async (v: { number: string; phone: string; verificationCode: string }) => {
    const base = { number: v.number.trim().toUpperCase(), phone: v.phone, verificationCode: v.verificationCode };
    if (mode === 'cancel') {
      const r = await cancel({ variables: { input: base } }).catch(() => null);
      if (r?.data) setReceipt(r.data.cancelAppointmentOnline);
    } else if (slot) {
      const r = await reschedule({ variables: { input: { ...base, date: slot.date, start: slot.start } } }).catch(() => null);
      if (r?.data) setReceipt(r.data.rescheduleAppointmentOnline);
    }
  };
  return (
    <Form form={form} layout="vertical" onFinish={(v) => void submit(v as never)} initialValues={{ unitCode: '510107001' }}
      onValuesChange={(changed: Record<string, unknown>) => { if ('unitCode' in changed || 'itemCode' in changed) setSlot(null); }}>
      <Typography.Paragraph type="secondary">凭预约号、预约时的手机号和短信验证码改约或取消。因临时闭厅被取消的预约，也在这里用短信中的预约号重新预约。</Typography.Paragraph>
      <Radio.Group value={mode} onChange={(e) => setMode(e.target.value as 'reschedule' | 'cancel')} style={{ marginBottom: 16 }} data-testid="change-mode">
        <Radio.Button value="reschedule">改约 / 重新预约</Radio.Button>
        <Radio.Button value="cancel">取消预约</Radio.Button>
      </Radio.Group>
      <Form.Item name="number" label="预约号" rules={[{ required: true, message: '请填写预约号' }, { pattern: /^[Yy]{2}\d{10}$/, message: '预约号为 YY 加 10 位数字' }]}>
        <Input maxLength={12} style={{ width: 220 }} placeholder="如 YY2610060001" data-testid="change-number" />
      </Form.Item>
      {mode === 'reschedule' && (
        <>
          <Space size="large" wrap>
            <Form.Item name="unitCode" label="办证大厅（须与原预约相同）"><Select style={{ width: 220 }} options={(options.data?.bookingStations ?? []).map((s) => ({ value: s.unitCode, label: s.name }))} /></Form.Item>
            <Form.Item name="itemCode" label="办理事项（须与原预约相同）"><Select id="change-item" style={{ width: 280 }} placeholder="请选择" options={(options.data?.bookableItems ?? []).map((i) => ({ value: i.itemCode, label: i.itemName }))} data-testid="change-item" /></Form.Item>
          </Space>
          <Form.Item label="新的日期和时段" required><SlotPicker unitCode={unitCode} itemCode={itemCode} value={slot} onChange={setSlot} testId="change-slot-picker" /></Form.Item>
        </>
      )}
      <CodeField form={form} prefix="change" />
      <ErrorAlert error={r1.error ?? r2.error} style={{ marginBottom: 16 }} />
      <Button type="primary" danger={mode === 'cancel'} htmlType="submit" disabled={mode === 'reschedule' && !slot} loading={r1.loading || r2.loading} data-testid="change-submit">
        {mode === 'cancel' ? '取消预约' : '确认改约'}
      </Button>
    </Form>
  );
}

/** 网上预约 (public, no login): choose hall, item, day and slot; confirm the phone by SMS code; get a booking number. Cancel / reschedule with number + phone + code. */
export function PublicBookingPage() {
  return (
    <Layout style={{ minHeight: '100%' }}>
      <Layout.Header className="ow-header"><span className="ow-brand">公安政务服务 · 网上预约</span></Layout.Header>
      <Layout.Content className="ow-content" style={{ maxWidth: 960, margin: '0 auto', width: '100%' }}>
        <Card data-testid="public-booking">
          <Typography.Paragraph type="secondary">
            工作日 9:00-17:00（午间 12:00-13:00 延时服务），每周六、小长假最后一天、长假最后 4 天延时服务。同一手机号每天最多预约 2 个时段。也可拨打 96166 热线预约。
          </Typography.Paragraph>
          <Tabs items={[
            { key: 'book', label: '我要预约', children: <BookForm /> },
            { key: 'change', label: '改约 / 取消', children: <ChangeForm /> },
          ]} />
        </Card>
      </Layout.Content>
    </Layout>
  );
}
