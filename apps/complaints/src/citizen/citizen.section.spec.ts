import { Role } from '@onewindow/contracts';
import { ROLES_KEY } from '@onewindow/platform';
import { CitizenComplaintsResolver } from './citizen.section.js';

describe('complaints section of the citizen 360° view', () => {
  const resolver = new CitizenComplaintsResolver();

  it('resolves the federated citizen by ID number', () => {
    expect(resolver.resolveReference({ idNumber: '510107198804129137' })).toEqual({ idNumber: '510107198804129137' });
  });

  it('is present and empty until complaints and evaluations are recorded, so the panel keeps its shape', () => {
    expect(resolver.complaints({ idNumber: '510107198804129137' })).toEqual({ complaints: [], evaluations: [] });
  });

  it('is for window clerks, officers and supervisors only (not analysts)', () => {
    const roles = Reflect.getMetadata(ROLES_KEY, CitizenComplaintsResolver.prototype.complaints) as Role[];
    expect(roles).toEqual([Role.CLERK, Role.OFFICER, Role.SUPERVISOR]);
    expect(roles).not.toContain(Role.ANALYST);
  });
});
