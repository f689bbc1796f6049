import { Field, Int, ObjectType } from '@nestjs/graphql';
import { DrivingLicence } from '../driving-licence/driving-licence.model.js';
import { Vehicle } from '../vehicle/vehicle.model.js';
import { Violation } from '../violation/violation.model.js';

@ObjectType({ description: '交管：驾驶证、名下机动车和未处理完毕的违法' })
export class CitizenTrafficSection {
  @Field(() => DrivingLicence, { nullable: true, description: '驾驶证（现行的；没有现行证时为最近一本，如已注销）' }) licence?: DrivingLicence;
  @Field(() => [Vehicle], { description: '名下机动车（正常及所有人已死亡待处理）' }) vehicles: Vehicle[];
  @Field(() => [Violation], { description: '未处理完毕的违法：未处理（OPEN）和已处理未缴款（DECIDED）' }) openViolations: Violation[];
  @Field(() => Int, { description: '未缴罚款合计（分）' }) openFineFen: number;
  @Field(() => Int, { description: '未处理违法的待记分合计（已处理的已记入驾驶证）' }) openPoints: number;
}
