// Fixed traffic records of the household demo persons, seeded in demo AND test mode so that demos
// and integration tests can rely on them (imported by tests as DEMO_LICENCES / DEMO_VEHICLES).
// Demo plates start with a digit after 川A; plates issued by this service start with a letter
// (see vehicle-identifiers.ts), so the two never collide.
import { DEMO_PERSON_IDS } from '@onewindow/population';
import type { EntityManager } from 'typeorm';
import type { NewDrivingLicence } from '../driving-licence/driving-licence.repository.js';
import type { NewVehicle } from '../vehicle/vehicle.repository.js';
import type { NewViolation } from '../violation/violation.repository.js';

const STATION = '510107001'; // 成都市公安局武侯区分局浆洗街派出所 (the demo window)
const WUHOU_TRAFFIC = '510107'; // recording unit of the demo violation (武侯区)

export const DEMO_LICENCES: readonly NewDrivingLicence[] = [
  // 张伟: first licence (6 years) expiring 2026-03-15 → renewable from 2025-12-15 (tests pin 2026-02-10).
  {
    number: DEMO_PERSON_IDS.adult, holderName: '张伟', licenceClass: 'C1', firstIssuedOn: '2020-03-15', issuedOn: '2020-03-15', validUntil: '2026-03-15',
    points: 0, status: 'VALID', statusReason: null, contactPhone: '13800138000', unitCode: STATION, lastApplicationNumber: null,
  },
  // 赵国强: long-term licence; cancelled by the DEATH_FOLLOW_UP when his death is registered.
  {
    number: DEMO_PERSON_IDS.toDie, holderName: '赵国强', licenceClass: 'C1', firstIssuedOn: '1996-08-20', issuedOn: '2012-08-20', validUntil: null,
    points: 0, status: 'VALID', statusReason: null, contactPhone: '13800138004', unitCode: STATION, lastApplicationNumber: null,
  },
];

export const DEMO_VEHICLES: readonly NewVehicle[] = [
  { plateNumber: '川A62C95', vin: 'LFV2A21K8L3045678', ownerIdNumber: DEMO_PERSON_IDS.adult, ownerName: '张伟', vehicleType: '小型汽车', registeredOn: '2020-05-10', status: 'NORMAL', unitCode: STATION, applicationNumber: null },
  { plateNumber: '川A58F21', vin: 'LSVAU2180N2183941', ownerIdNumber: DEMO_PERSON_IDS.toDie, ownerName: '赵国强', vehicleType: '小型汽车', registeredOn: '2015-04-02', status: 'NORMAL', unitCode: STATION, applicationNumber: null },
  { plateNumber: '川AD13579', vin: 'LGXCE4CB8N0123456', ownerIdNumber: DEMO_PERSON_IDS.toDie, ownerName: '赵国强', vehicleType: '新能源小型汽车', registeredOn: '2022-09-16', status: 'NORMAL', unitCode: STATION, applicationNumber: null },
];

export const DEMO_VIOLATIONS: readonly NewViolation[] = [
  // Camera record on 张伟's car, no driver identified yet. Code and amounts as commonly published for
  // 闯红灯 (6 points; fine set by the province, 200 yuan here) [unverified against Sichuan's schedule].
  {
    plateNumber: '川A62C95', licenceNumber: null, occurredAt: new Date('2026-01-18T09:32:00+08:00'), place: '成都市武侯区一环路南四段与高升桥路交叉口',
    code: '1625', description: '驾驶机动车违反道路交通信号灯通行的', fineFen: 20000, points: 6, status: 'OPEN',
    decisionNumber: null, decidedAt: null, paymentReference: null, paidAt: null, handledBy: null, unitCode: WUHOU_TRAFFIC,
  },
];

/** Serialises concurrent boots of several replicas on one database (arbitrary constant). */
const SEED_LOCK_KEY = 4103_0001;

export interface DemoTrafficSeedResult {
  licences: number;
  vehicles: number;
  violations: number;
}

/**
 * Inserts the demo records that were never there; idempotent, and a record a demo user changed
 * (renewed, cancelled, transferred, paid) is left as it is: licences are matched by holder,
 * vehicles by VIN, violations by plate, time and code, in any status.
 */
export async function seedDemoTraffic(manager: EntityManager): Promise<DemoTrafficSeedResult> {
  await manager.query('SELECT pg_advisory_xact_lock($1)', [SEED_LOCK_KEY]);
  const result: DemoTrafficSeedResult = { licences: 0, vehicles: 0, violations: 0 };
  for (const l of DEMO_LICENCES) {
    const rows = (await manager.query(
      `INSERT INTO driving_licence (number, holder_name, licence_class, first_issued_on, issued_on, valid_until, points, status, contact_phone, unit_code)
       SELECT $1::varchar, $2::text, $3::varchar, $4::date, $5::date, $6::date, $7::int, $8::varchar, $9::varchar, $10::varchar
       WHERE NOT EXISTS (SELECT 1 FROM driving_licence WHERE number = $1::varchar) RETURNING id`,
      [l.number, l.holderName, l.licenceClass, l.firstIssuedOn, l.issuedOn, l.validUntil, l.points, l.status, l.contactPhone, l.unitCode],
    )) as unknown[];
    result.licences += rows.length;
  }
  for (const v of DEMO_VEHICLES) {
    const rows = (await manager.query(
      `INSERT INTO vehicle (plate_number, vin, owner_id_number, owner_name, vehicle_type, registered_on, status, unit_code)
       SELECT $1::varchar, $2::varchar, $3::varchar, $4::text, $5::text, $6::date, $7::varchar, $8::varchar
       WHERE NOT EXISTS (SELECT 1 FROM vehicle WHERE vin = $2::varchar) RETURNING id`,
      [v.plateNumber, v.vin, v.ownerIdNumber, v.ownerName, v.vehicleType, v.registeredOn, v.status, v.unitCode],
    )) as unknown[];
    result.vehicles += rows.length;
  }
  for (const x of DEMO_VIOLATIONS) {
    const rows = (await manager.query(
      `INSERT INTO violation (plate_number, licence_number, occurred_at, place, code, description, fine_fen, points, status, unit_code)
       SELECT $1::varchar, $2::varchar, $3::timestamptz, $4::text, $5::varchar, $6::text, $7::int, $8::int, $9::varchar, $10::varchar
       WHERE NOT EXISTS (SELECT 1 FROM violation WHERE plate_number IS NOT DISTINCT FROM $1::varchar AND occurred_at = $3::timestamptz AND code = $5::varchar)
       RETURNING id`,
      [x.plateNumber, x.licenceNumber, x.occurredAt, x.place, x.code, x.description, x.fineFen, x.points, x.status, x.unitCode],
    )) as unknown[];
    result.violations += rows.length;
  }
  return result;
}
