import { ArgsType, Field, Int, ObjectType } from '@nestjs/graphql';
import { PoliceType } from '@onewindow/contracts';
import { Matches } from 'class-validator';

@ObjectType({ description: '服务网点（三级窗口：区级政务服务中心 → 街道便民服务中心 → 社区综合服务中心）' })
export class ServicePoint {
  @Field({ description: '网点代码（嵌套在上级网点代码之下）' }) code: string;
  @Field({ description: '网点名称' }) name: string;
  @Field({ description: '层级：DISTRICT_HALL / STREET / COMMUNITY' }) level: string;
  @Field({ description: '层级名称' }) levelLabel: string;
  @Field(() => String, { nullable: true, description: '上级网点代码' }) parentCode: string | null;
  @Field({ description: '地址' }) address: string;
  @Field({ description: '办公时间' }) openingHours: string;
}

@ObjectType({ description: '某一层级网点可受理的事项' })
export class ServicePointLevelItem {
  @Field() code: string;
  @Field() name: string;
  @Field(() => PoliceType) policeType: PoliceType;
  @Field() category: string;
}

@ObjectType({ description: '网点层级及其可受理的事项' })
export class ServicePointLevelInfo {
  @Field({ description: 'DISTRICT_HALL / STREET / COMMUNITY' }) level: string;
  @Field() label: string;
  @Field(() => Int, { description: '该层级网点数' }) pointCount: number;
  @Field(() => [ServicePointLevelItem], { description: '该层级可受理的事项' }) items: ServicePointLevelItem[];
}

@ObjectType({ description: '本辖区的三级窗口网点树' })
export class ServicePointTree {
  @Field(() => [ServicePoint], { description: '网点（区级在前，街道、社区依次在后）' }) points: ServicePoint[];
  @Field(() => [ServicePointLevelInfo]) levels: ServicePointLevelInfo[];
  @Field(() => String, { nullable: true, description: '当前登录人员所在网点代码（无网点数据时为空）' }) myPointCode: string | null;
}

@ObjectType({ description: '按警种的受理数' })
export class PoliceTypeCount {
  @Field(() => PoliceType) policeType: PoliceType;
  @Field(() => Int) accepted: number;
}

@ObjectType({ description: '网点受理统计' })
export class ServicePointFigure {
  @Field() pointCode: string;
  @Field() pointName: string;
  @Field() level: string;
  @Field(() => Int, { description: '受理件数' }) accepted: number;
  @Field(() => [PoliceTypeCount]) byPoliceType: PoliceTypeCount[];
}

@ObjectType({ description: '层级受理统计' })
export class ServicePointLevelFigure {
  @Field() level: string;
  @Field() label: string;
  @Field(() => Int) accepted: number;
}

@ObjectType({ description: '各网点、各层级受理统计（按辖区）' })
export class ServicePointFigures {
  @Field() from: string;
  @Field() to: string;
  @Field(() => [ServicePointFigure]) points: ServicePointFigure[];
  @Field(() => [ServicePointLevelFigure]) levels: ServicePointLevelFigure[];
  @Field(() => Int) total: number;
}

@ObjectType({ description: '本网点能否受理该事项（三级窗口）' })
export class ServicePointAvailability {
  @Field({ description: '本网点可以受理' }) acceptedHere: boolean;
  @Field({ description: '本网点名称' }) pointName: string;
  @Field(() => String, { nullable: true, description: '不在本网点受理时，最近的可受理网点代码' }) nearestPointCode: string | null;
  @Field(() => String, { nullable: true, description: '不在本网点受理时，最近的可受理网点名称' }) nearestPointName: string | null;
  @Field(() => String, { nullable: true, description: '提示，如 不在本网点受理 → 请到 …' }) hint: string | null;
}

@ArgsType()
export class ServicePointFiguresArgs {
  @Field({ description: '起始日期 YYYY-MM-DD' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'from 格式应为 YYYY-MM-DD' })
  from: string;

  @Field({ description: '截止日期 YYYY-MM-DD（含）' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'to 格式应为 YYYY-MM-DD' })
  to: string;
}
