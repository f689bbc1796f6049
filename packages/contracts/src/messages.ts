import { Type } from 'class-transformer';
import { IsString, Length, Matches } from 'class-validator';

/** rpc.household.v1.person.lookup — is this ID number on the population register, and in what state? */
export class PersonLookupRequest {
  @IsString()
  @Length(15, 18)
  @Matches(/^[0-9]{15}([0-9]{2}[0-9Xx])?$/, { message: 'idNumber 格式不正确' })
  idNumber!: string;
}

export type PersonStatus = 'NORMAL' | 'MOVED_OUT' | 'DECEASED';

export class PersonLookupReply {
  found!: boolean;
  idNumber!: string;
  name?: string;
  sex?: 'MALE' | 'FEMALE';
  birthDate?: string;
  status?: PersonStatus;
  unitCode?: string;
}

/** Marker so class-transformer keeps nested types when messages grow. */
export { Type };
