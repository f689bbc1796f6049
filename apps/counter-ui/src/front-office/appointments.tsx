import { useLazyQuery, useMutation, useQuery } from '@apollo/client';
import { Button, Card, DatePicker, Descriptions, Form, Input, Modal, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import * as echarts from 'echarts/core';
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
import ReactEChartsCore from 'echarts-for-react/lib/core';
import { useRef, useState } from 'react';
import type { Dayjs } from 'dayjs';
import { ErrorAlert } from '../components/ErrorAlert';
import {
  AddAppointmentClosureDocument, AppointmentClosuresDocument, AppointmentDaysDocument, AppointmentDetailsDocument, AppointmentsOfDayDocument, AppointmentSlotsDocument,
  BookAppointmentByHotlineDocument, BookingOptionsDocument, CancelAppointmentDocument, CheckInAppointmentDocument, RescheduleAppointmentDocument,
} from '../graphql/appointments.operations';
import type { AppointmentClosuresQuery, AppointmentFieldsFragment } from '../gql/graphql';
import { hasRole, useSession, type SessionUser } from '../session';
import { SlotPicker, type PickedSlot } from './booking';

echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

type Appt = AppointmentFieldsFragment;
type Closure = AppointmentClosuresQuery['appointmentClosures'][number];

/** Who may open 预约管理 (mirror the resolvers' @Roles): window clerks and supervisors. */
export const appointmentsVisible = (u: SessionUser): boolean => hasRole(u, 'CLERK', 'SUPERVISOR');

const STATE_COLORS: Record<string, string> = { BOOKED: 'blue', CHECKED_IN: 'green', CANCELLED: 'default', CLOSED: 'orange', NO_SHOW: 'red' };
const DEFAULT_STATION = '510107001';

/** The station the screen works on: the clerk's own; a supervisor picks one of the district's halls. */
function useStation(): [string, (v: string) => void, boolean] {
  const { user } = useSession();
  const own = user?.unitCode.length === 9 ? user.unitCode : DEFAULT_STATION;
  const [station, setStation] = useState(own);
  return [station, setStation, user?.unitCode.length !== 9];
}

/**
 * 预约管理 (Alt+y): the day's bookings per slot (masked), 签到 by booking number (keyboard: the
 * number box has focus, Enter checks in and shows the ticket), 96166 hotline booking, cancel /
 * reschedule, the slot configuration with its load chart, and closures (supervisors add them).
 */
export function AppointmentsPage() {
  const { user } = useSession();
  const supervisor = hasRole(user, 'SUPERVISOR');
  const [station, setStation, canPick] = useStation();
  const options = useQuery(BookingOptionsDocument, { fetchPolicy: 'cache-first' });
  const stations = (options.data?.bookingStations ?? []).filter((s) => s.unitCode.startsWith(user?.unitCode.slice(0, 6) ?? ''));
  return (
    <Card title="预约管理" extra={canPick && (
      <Select style={{ width: 200 }} value={station} onChange={setStation} options={stations.map((s) => ({ value: s.unitCode, label: s.name }))} data-testid="appointments-station" />
    )}>
      <Tabs destroyOnHidden items={[
        { key: 'day', label: '当日预约', children: <DayTab station={station} clerk={!supervisor} /> },
        ...(!supervisor ? [{ key: 'hotline', label: '热线预约（96166）', children: <HotlineTab station={station} /> }] : []),
        { key: 'slots', label: '时段配置', children: <SlotsTab station={station} /> },
        { key: 'closures', label: '临时闭厅', children: <ClosuresTab station={station} canAdd={supervisor} /> },
      ]} />
    </Card>
  );
}

function DayTab({ station, clerk }: { station: string; clerk: boolean }) {
  const [date, setDate] = useState<Dayjs | null>(null);
  const list = useQuery(AppointmentsOfDayDocument, { variables: { unitCode: station, date: date?.format('YYYY-MM-DD') }, fetchPolicy: 'cache-and-network' });
  const [checkIn, checking] = useMutation(CheckInAppointmentDocument);
  const [cancel, cancelling] = useMutation(CancelAppointmentDocument);
  const [number, setNumber] = useState('');
  const [ticket, setTicket] = useState<{ ticketNumber: string; priority: boolean; ahead: number; appt: Appt } | null>(null);
  const [details, setDetails] = useState<Appt | null>(null);
  const [moving, setMoving] = useState<Appt | null>(null);
  const input = useRef<{ focus: () => void } | null>(null);

  const doCheckIn = async (n: string) => {
    const r = await checkIn({ variables: { input: { number: n.trim().toUpperCase() } } }).catch(() => null);
    if (r?.data) {
      const c = r.data.checkInAppointment;
      setTicket({ ticketNumber: c.ticketNumber, priority: c.priority, ahead: c.ahead, appt: c.appointment });
      setNumber('');
      void list.refetch();
    }
  };
  const rows = list.data?.appointmentsOfDay ?? [];
  return (
    <>
      {clerk && (
        <Space style={{ marginBottom: 12 }} wrap>
          <Input ref={input as never} autoFocus value={number} onChange={(e) => setNumber(e.target.value)} onPressEnter={() => void doCheckIn(number)} placeholder="输入预约号，回车签到"
            style={{ width: 260 }} maxLength={12} data-testid="checkin-number" />
          <Button type="primary" onClick={() => void doCheckIn(number)} loading={checking.loading} data-testid="checkin-submit">签到取号</Button>
          <Typography.Text type="secondary">时段开始前 30 分钟至时段结束签到取优先号；迟到取普通号。</Typography.Text>
        </Space>
      )}
      <ErrorAlert error={checking.error ?? cancelling.error ?? list.error} style={{ marginBottom: 12 }} />
      <Space style={{ marginBottom: 12 }}>
        <span>日期</span>
        <DatePicker value={date} onChange={setDate} allowClear placeholder="今天" data-testid="appointments-date" />
        <Typography.Text type="secondary">共 {rows.length} 条，已签到 {rows.filter((a) => a.state === 'CHECKED_IN').length} 条</Typography.Text>
      </Space>
      <Table<Appt> rowKey="id" size="small" loading={list.loading} dataSource={rows} pagination={false} data-testid="appointments-table"
        onRow={(a) => ({ 'data-number': a.number, 'data-state': a.state } as React.HTMLAttributes<HTMLElement>)}
        columns={[
          { title: '时段', key: 'slot', render: (_: unknown, a) => `${a.slotStart}-${a.slotEnd}` },
          { title: '预约号', dataIndex: 'number' },
          { title: '事项', dataIndex: 'itemName' },
          { title: '姓名', dataIndex: 'citizenName' },
          { title: '手机', dataIndex: 'phone' },
          { title: '渠道', key: 'channel', render: (_: unknown, a) => (a.channel === 'HOTLINE' ? `热线（${a.bookedBy}）` : '网上') },
          { title: '状态', key: 'state', render: (_: unknown, a) => <Space size={2}><Tag color={STATE_COLORS[a.state]}>{a.stateLabel}</Tag>{a.ticketNumber && <Tag color={a.onTime ? 'gold' : 'default'}>{a.ticketNumber}{a.onTime ? ' 优先' : ''}</Tag>}</Space> },
          { title: '操作', key: 'actions', render: (_: unknown, a) => (
            <Space size={4} wrap>
              <Button size="small" onClick={() => setDetails(a)} data-testid="appointment-view">查看</Button>
              {clerk && a.state === 'BOOKED' && <Button size="small" type="primary" onClick={() => void doCheckIn(a.number)} data-testid="appointment-checkin">签到</Button>}
              {clerk && a.state === 'BOOKED' && <Button size="small" onClick={() => setMoving(a)} data-testid="appointment-reschedule">改约</Button>}
              {clerk && a.state === 'BOOKED' && (
                <Button size="small" danger data-testid="appointment-cancel" onClick={() => Modal.confirm({
                  title: `取消预约 ${a.number}？`, okText: '取消预约', cancelText: '返回', okButtonProps: { danger: true },
                  onOk: async () => { await cancel({ variables: { id: a.id } }).catch(() => null); void list.refetch(); },
                })}>取消</Button>
              )}
            </Space>
          ) },
        ]} />
      <Modal open={!!ticket} title="签到成功" footer={<Button type="primary" autoFocus onClick={() => { setTicket(null); input.current?.focus(); }} data-testid="ticket-ok">确定</Button>}
        onCancel={() => setTicket(null)} destroyOnHidden>
        {ticket && (
          <div data-testid="checkin-ticket" style={{ textAlign: 'center' }}>
            <div style={{ fontSize: 56, fontWeight: 700, letterSpacing: 4 }} data-testid="checkin-ticket-number">{ticket.ticketNumber}</div>
            <Tag color={ticket.priority ? 'gold' : 'default'} style={{ fontSize: 16, padding: '4px 12px' }} data-testid="checkin-ticket-kind">{ticket.priority ? '预约优先号' : '普通号（已过预约时段）'}</Tag>
            <p>前面还有 {ticket.ahead} 人 · {ticket.appt.itemName} · {ticket.appt.citizenName}</p>
          </div>
        )}
      </Modal>
      {details && <DetailsDialog appt={details} onClose={() => setDetails(null)} />}
      {moving && <RescheduleDialog appt={moving} onClose={() => setMoving(null)} onDone={() => { setMoving(null); void list.refetch(); }} />}
    </>
  );
}

function DetailsDialog({ appt, onClose }: { appt: Appt; onClose: () => void }) {
  const [purpose, setPurpose] = useState('');
  const [load, full] = useLazyQuery(AppointmentDetailsDocument, { fetchPolicy: 'network-only' });
  const a = full.data?.appointmentDetails ?? appt;
  return (
    <Modal open title={`预约 ${appt.number}`} onCancel={onClose} footer={null} destroyOnHidden>
      <Descriptions column={1} size="small" bordered data-testid="appointment-details">
        <Descriptions.Item label="事项">{a.itemName}</Descriptions.Item>
        <Descriptions.Item label="时段">{a.date} {a.slotStart}-{a.slotEnd}</Descriptions.Item>
        <Descriptions.Item label="姓名"><span data-testid="details-name">{a.citizenName}</span></Descriptions.Item>
        <Descriptions.Item label="手机"><span data-testid="details-phone">{a.phone}</span></Descriptions.Item>
        <Descriptions.Item label="状态">{a.stateLabel}</Descriptions.Item>
      </Descriptions>
      {!full.data && (
        <Space.Compact style={{ width: '100%', marginTop: 12 }}>
          <Input value={purpose} onChange={(e) => setPurpose(e.target.value)} placeholder="查看完整信息须填写事由（留痕审计）" data-testid="details-purpose" />
          <Button disabled={purpose.trim().length < 2} onClick={() => void load({ variables: { id: appt.id, purpose: purpose.trim() } })} data-testid="details-unmask">查看完整信息</Button>
        </Space.Compact>
      )}
      <ErrorAlert error={full.error} style={{ marginTop: 12 }} />
    </Modal>
  );
}

function RescheduleDialog({ appt, onClose, onDone }: { appt: Appt; onClose: () => void; onDone: () => void }) {
  const [slot, setSlot] = useState<PickedSlot | null>(null);
  const [move, moving] = useMutation(RescheduleAppointmentDocument);
  const ok = async () => {
    if (!slot) return;
    const r = await move({ variables: { input: { id: appt.id, date: slot.date, start: slot.start } } }).catch(() => null);
    if (r?.data) onDone();
  };
  return (
    <Modal open width={760} title={`改约 ${appt.number} · ${appt.itemName}（原 ${appt.date} ${appt.slotStart}）`} onCancel={onClose} onOk={() => void ok()} okText="确认改约" cancelText="取消"
      okButtonProps={{ disabled: !slot, 'data-testid': 'reschedule-ok' } as never} confirmLoading={moving.loading} destroyOnHidden>
      <Typography.Paragraph type="secondary">新时段约上后才释放原时段；新时段已满时原预约不变。</Typography.Paragraph>
      <SlotPicker unitCode={appt.unitCode} itemCode={appt.itemCode} value={slot} onChange={setSlot} testId="reschedule-picker" />
      <ErrorAlert error={moving.error} style={{ marginTop: 12 }} />
    </Modal>
  );
}

function HotlineTab({ station }: { station: string }) {
  const [form] = Form.useForm<{ itemCode: string; citizenName: string; phone: string }>();
  const options = useQuery(BookingOptionsDocument, { fetchPolicy: 'cache-first' });
  const itemCode = Form.useWatch('itemCode', form);
  const [slot, setSlot] = useState<PickedSlot | null>(null);
  const [book, booking] = useMutation(BookAppointmentByHotlineDocument);
  const [done, setDone] = useState<Appt | null>(null);
  const submit = async (v: { itemCode: string; citizenName: string; phone: string }) => {
    if (!slot) return;
    const r = await book({ variables: { input: { unitCode: station, itemCode: v.itemCode, date: slot.date, start: slot.start, citizenName: v.citizenName.trim(), phone: v.phone } } }).catch(() => null);
    if (r?.data) { setDone(r.data.bookAppointmentByHotline); form.resetFields(); setSlot(null); }
  };
  return (
    <Form form={form} layout="vertical" onFinish={(v) => void submit(v)} onValuesChange={(changed: Record<string, unknown>) => { if ('itemCode' in changed) setSlot(null); }}>
      <Typography.Paragraph type="secondary">来电群众已在线，无需短信验证码；预约成功后系统向来电号码发送预约号短信。</Typography.Paragraph>
      {done && <Typography.Paragraph type="success" data-testid="hotline-done">已预约：{done.number} · {done.date} {done.slotStart} · {done.itemName}（短信已发送至 {done.phone}）</Typography.Paragraph>}
      <Form.Item name="itemCode" label="办理事项" rules={[{ required: true, message: '请选择事项' }]}>
        <Select id="hotline-item" style={{ width: 300 }} showSearch optionFilterProp="label" options={(options.data?.bookableItems ?? []).map((i) => ({ value: i.itemCode, label: i.itemName }))} data-testid="hotline-item" />
      </Form.Item>
      <Form.Item label="日期和时段" required><SlotPicker unitCode={station} itemCode={itemCode} value={slot} onChange={setSlot} testId="hotline-picker" /></Form.Item>
      <Space size="large" wrap>
        <Form.Item name="citizenName" label="来电人姓名" rules={[{ required: true, whitespace: true, message: '请填写姓名' }]}><Input maxLength={40} style={{ width: 200 }} data-testid="hotline-name" /></Form.Item>
        <Form.Item name="phone" label="来电号码（手机）" rules={[{ required: true, message: '请填写手机号码' }, { pattern: /^1[3-9]\d{9}$/, message: '手机号码应为 11 位数字' }]}><Input maxLength={11} style={{ width: 200 }} data-testid="hotline-phone" /></Form.Item>
      </Space>
      <ErrorAlert error={booking.error} style={{ marginBottom: 12 }} />
      <Button type="primary" htmlType="submit" disabled={!slot} loading={booking.loading} data-testid="hotline-submit">为来电人预约</Button>
    </Form>
  );
}

function SlotsTab({ station }: { station: string }) {
  const options = useQuery(BookingOptionsDocument, { fetchPolicy: 'cache-first' });
  const [itemCode, setItemCode] = useState('HH-ID-CARD-RENEW');
  const days = useQuery(AppointmentDaysDocument, { variables: { unitCode: station, itemCode, days: 14 }, fetchPolicy: 'cache-and-network' });
  const openDays = (days.data?.appointmentDays ?? []).filter((d) => d.open);
  const [date, setDate] = useState<string | undefined>();
  const day = date ?? openDays[0]?.date;
  const slots = useQuery(AppointmentSlotsDocument, { variables: { unitCode: station, itemCode, date: day ?? '' }, skip: !day, fetchPolicy: 'network-only' });
  const item = options.data?.bookableItems.find((i) => i.itemCode === itemCode);
  const rows = slots.data?.appointmentSlots ?? [];
  const option = {
    animation: false,
    grid: { left: 40, right: 16, top: 32, bottom: 56 },
    legend: { data: ['已约', '剩余'], top: 0 },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: rows.map((s) => s.start), axisLabel: { rotate: 60 } },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      { name: '已约', type: 'bar', stack: 'load', data: rows.map((s) => s.booked), itemStyle: { color: '#1d4ed8' } },
      { name: '剩余', type: 'bar', stack: 'load', itemStyle: { color: '#93c5fd' }, data: rows.map((s) => ({ value: s.remaining, itemStyle: { color: s.extended ? '#f59e0b' : '#93c5fd' } })) },
    ],
  };
  return (
    <div data-testid="slots-config">
      <Space wrap style={{ marginBottom: 12 }}>
        <Select style={{ width: 260 }} value={itemCode} onChange={(v) => { setItemCode(v); setDate(undefined); }} options={(options.data?.bookableItems ?? []).map((i) => ({ value: i.itemCode, label: i.itemName }))} data-testid="slots-item" />
        <Select style={{ width: 220 }} value={day} onChange={setDate} options={openDays.map((d) => ({ value: d.date, label: `${d.date} ${d.label}` }))} data-testid="slots-day" />
      </Space>
      {item && (
        <Descriptions size="small" column={3} bordered style={{ marginBottom: 12 }}>
          <Descriptions.Item label="每笔时长">{item.minutes} 分钟</Descriptions.Item>
          <Descriptions.Item label="受理窗口">{item.windows} 个（延时服务日 1 个）</Descriptions.Item>
          <Descriptions.Item label="开放时间">9:00-17:00，午间延时</Descriptions.Item>
          <Descriptions.Item label="延时服务" span={3}>工作日 12:00-13:00、每周六、小长假最后一天、长假（7 天及以上）最后 4 天</Descriptions.Item>
        </Descriptions>
      )}
      <ErrorAlert error={days.error ?? slots.error} />
      <Typography.Text type="secondary">各时段名额（橙色为延时服务时段）</Typography.Text>
      <ReactEChartsCore echarts={echarts} option={option} opts={{ renderer: 'svg' }} style={{ height: 280 }} notMerge />
      <Space wrap size={[4, 4]} style={{ marginTop: 8 }}>
        {(days.data?.appointmentDays ?? []).map((d) => (
          <Tag key={d.date} color={!d.open ? 'default' : d.extended ? 'orange' : 'blue'} data-testid="slots-calendar-day" data-date={d.date}>{d.date.slice(5)} {d.open ? d.label : d.closedBy ? `闭厅：${d.closedBy}` : d.holidayName ?? d.label}</Tag>
        ))}
      </Space>
    </div>
  );
}

function ClosuresTab({ station, canAdd }: { station: string; canAdd: boolean }) {
  const [form] = Form.useForm<{ range: [Dayjs, Dayjs]; itemCodes?: string[]; reason: string }>();
  const options = useQuery(BookingOptionsDocument, { fetchPolicy: 'cache-first' });
  const closures = useQuery(AppointmentClosuresDocument, { fetchPolicy: 'cache-and-network' });
  const [add, adding] = useMutation(AddAppointmentClosureDocument);
  const [result, setResult] = useState<string | null>(null);
  const submit = async (v: { range: [Dayjs, Dayjs]; itemCodes?: string[]; reason: string }) => {
    const r = await add({ variables: { input: { unitCode: station, dateFrom: v.range[0].format('YYYY-MM-DD'), dateTo: v.range[1].format('YYYY-MM-DD'), itemCodes: v.itemCodes ?? [], reason: v.reason.trim() } } }).catch(() => null);
    if (r?.data) {
      setResult(`已设置闭厅，取消预约 ${r.data.addAppointmentClosure.cancelledCount} 条并短信通知改约`);
      form.resetFields();
      void closures.refetch();
    }
  };
  const itemName = (c: string) => options.data?.bookableItems.find((i) => i.itemCode === c)?.itemName ?? c;
  return (
    <>
      {canAdd && (
        <Form form={form} layout="inline" onFinish={(v) => void submit(v)} style={{ marginBottom: 16, rowGap: 8 }}>
          <Form.Item name="range" label="日期" rules={[{ required: true, message: '请选择日期' }]}><DatePicker.RangePicker data-testid="closure-range" /></Form.Item>
          <Form.Item name="itemCodes" label="事项"><Select mode="multiple" allowClear placeholder="整个大厅" style={{ width: 260 }} options={(options.data?.bookableItems ?? []).map((i) => ({ value: i.itemCode, label: i.itemName }))} data-testid="closure-items" /></Form.Item>
          <Form.Item name="reason" label="原因" rules={[{ required: true, whitespace: true, min: 2, message: '请填写原因' }]}><Input maxLength={60} style={{ width: 200 }} data-testid="closure-reason" /></Form.Item>
          <Button type="primary" danger htmlType="submit" loading={adding.loading} data-testid="closure-submit">设置闭厅</Button>
        </Form>
      )}
      {result && <Typography.Paragraph type="success" data-testid="closure-result">{result}</Typography.Paragraph>}
      <ErrorAlert error={adding.error ?? closures.error} style={{ marginBottom: 12 }} />
      <Table<Closure> rowKey="id" size="small" dataSource={closures.data?.appointmentClosures ?? []} pagination={false} data-testid="closures-table"
        columns={[
          { title: '大厅', dataIndex: 'unitName' },
          { title: '日期', key: 'd', render: (_: unknown, c) => (c.dateFrom === c.dateTo ? c.dateFrom : `${c.dateFrom} 至 ${c.dateTo}`) },
          { title: '事项', key: 'i', render: (_: unknown, c) => (c.itemCodes.length ? c.itemCodes.map(itemName).join('、') : '整个大厅') },
          { title: '原因', dataIndex: 'reason' },
          { title: '取消预约', dataIndex: 'cancelledCount' },
          { title: '设置人', dataIndex: 'createdBy' },
        ]} />
    </>
  );
}
