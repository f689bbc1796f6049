import { Directive, Field, ObjectType } from '@nestjs/graphql';

/**
 * The citizen as a federated entity (公民 360 视图): every police type contributes its own section;
 * traffic contributes `traffic` (CitizenResolver). Keyed by the 18-digit citizen ID number.
 * Only federation reaches it (no local query returns it), so app.module lists it in orphanedTypes.
 */
@ObjectType({ description: '群众 360° 视图（户政为核心，各警种补充各自信息）' })
@Directive('@key(fields: "idNumber")')
export class Citizen {
  @Field({ description: '身份证号码' }) idNumber: string;
}
