import { PoliceType, Role, type Identity } from '@onewindow/contracts';
import type { PersonEntity } from '../person/person.entity.js';
import { toPerson } from '../person/person.resolver.js';
import { toListEntry } from './household.resolver.js';

const person = {
  idNumber: '510107198804129130', name: '张伟', sex: 'MALE', ethnicity: '汉族', birthDate: '1988-04-12', address: '武侯区', phone: '13800138000',
  status: 'NORMAL', relationToHead: '户主', unitCode: '510107001', household: { householdNumber: '510107001900001' },
} as unknown as PersonEntity;
const who = (roles: Role[], policeType?: PoliceType): Identity => ({ sub: 'u', username: 'u', displayName: 'u', roles, policeType, unitCode: '510107001', unitName: 'x' });

describe('register reads are masked', () => {
  it('list entries mask the ID number and phone for everyone', () => {
    expect(toListEntry(person)).toMatchObject({ maskedIdNumber: '510107********9130', name: '张*', maskedPhone: '138****8000', householdNumber: '510107001900001' });
  });

  it('household members: full to the household officer of the unit only (the policy)', () => {
    expect(toPerson(person, who([Role.CLERK]))).toMatchObject({ phone: '138****8000', idNumber: '510107********9130', name: '张伟' });
    expect(toPerson(person, who([Role.OFFICER], PoliceType.HOUSEHOLD))).toMatchObject({ phone: '13800138000', idNumber: '510107198804129130' });
    expect(toPerson(person, who([Role.OFFICER], PoliceType.TRAFFIC))).toMatchObject({ phone: '138****8000', idNumber: '510107********9130', name: '张*' });
  });
});
