import { Role, type Identity } from '@onewindow/contracts';
import type { PersonEntity } from '../person/person.entity.js';
import { toPerson } from '../person/person.resolver.js';
import { toListEntry } from './household.resolver.js';

const person = {
  idNumber: '510107198804129130', name: '张伟', sex: 'MALE', ethnicity: '汉族', birthDate: '1988-04-12', address: '武侯区', phone: '13800138000',
  status: 'NORMAL', relationToHead: '户主', unitCode: '510107001', household: { householdNumber: '510107001900001' },
} as unknown as PersonEntity;
const who = (roles: Role[]): Identity => ({ sub: 'u', username: 'u', displayName: 'u', roles, unitCode: '510107001', unitName: 'x' });

describe('register reads are masked', () => {
  it('list entries mask the ID number and phone for everyone', () => {
    expect(toListEntry(person)).toMatchObject({ maskedIdNumber: '510107********9130', maskedPhone: '138****8000', householdNumber: '510107001900001' });
  });

  it('household members show the phone in full to officers only', () => {
    expect(toPerson(person, who([Role.CLERK])).phone).toBe('138****8000');
    expect(toPerson(person, who([Role.OFFICER])).phone).toBe('13800138000');
  });
});
