import { Field, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { POLICE_UNITS } from '@onewindow/contracts';
import { Public } from '@onewindow/platform';

@ObjectType('PoliceUnit', { description: '公安机关单位（市局、分局、派出所）' })
export class PoliceUnitModel {
  @Field({ description: '单位代码（辖区单位代码）' }) code: string;
  @Field({ description: '单位全称，如 成都市公安局武侯区分局浆洗街派出所' }) name: string;
  @Field({ description: '简称，如 浆洗街派出所' }) shortName: string;
}

/** The unit directory (contracts' POLICE_UNITS), so screens show names instead of unit codes. */
@Resolver()
export class PoliceUnitsResolver {
  // Public: the public online complaint form (网上投诉) lets citizens pick the unit; the directory holds nothing personal.
  @Public()
  @Query(() => [PoliceUnitModel], { description: '公安机关单位名录（单位代码与名称；公开）' })
  policeUnits(): PoliceUnitModel[] {
    return POLICE_UNITS.map((u) => ({ ...u }));
  }
}
