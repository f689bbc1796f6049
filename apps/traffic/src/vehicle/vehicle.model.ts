import { Field, ObjectType, registerEnumType } from '@nestjs/graphql';
import { PoliceType, type Identity } from '@onewindow/contracts';
import { LocalDateScalar, PersonalField, personalDataView } from '@onewindow/platform';
import type { VehicleEntity } from './vehicle.entity.js';
import { maskVin } from './vehicle-identifiers.js';

export enum VehicleStatus {
  NORMAL = 'NORMAL',
  TRANSFERRED = 'TRANSFERRED',
  DEREGISTERED = 'DEREGISTERED',
  FLAGGED_OWNER_DECEASED = 'FLAGGED_OWNER_DECEASED',
}
registerEnumType(VehicleStatus, { name: 'VehicleStatus', description: '机动车状态：正常 / 已转移 / 已注销 / 所有人已死亡待处理' });

@ObjectType({ description: '机动车（一次登记）' })
export class Vehicle {
  @Field({ description: '号牌号码' }) plateNumber: string;
  @Field({ description: '车辆识别代号（窗口人员看到脱敏代号）' }) vin: string;
  @Field({ description: '车辆类型' }) vehicleType: string;
  @Field({ description: '机动车所有人' }) ownerName: string;
  @Field(() => LocalDateScalar, { description: '登记日期' }) registeredOn: string;
  @Field(() => VehicleStatus) status: VehicleStatus;
}

export function toVehicle(v: VehicleEntity, viewer: Identity): Vehicle {
  return {
    plateNumber: v.plateNumber,
    vin: personalDataView(viewer, { policeType: PoliceType.TRAFFIC, unitCode: v.unitCode }, 'DETAIL').masked(PersonalField.VIN) ? maskVin(v.vin) : v.vin,
    vehicleType: v.vehicleType,
    ownerName: v.ownerName,
    registeredOn: v.registeredOn,
    status: v.status as VehicleStatus,
  };
}
