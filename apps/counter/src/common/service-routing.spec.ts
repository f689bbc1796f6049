import { PoliceType, ServiceName } from '@onewindow/contracts';
import { policeTypeOfService, serviceOfNumber, serviceOfPoliceType } from './service-routing.js';

describe('service routing', () => {
  it('finds the owning service from an application number or item code prefix', () => {
    expect(serviceOfNumber('HH-20260210-0001')).toBe(ServiceName.HOUSEHOLD);
    expect(serviceOfNumber('ee20260210000001')).toBe(ServiceName.EXIT_ENTRY);
    expect(serviceOfNumber('TR-1')).toBe(ServiceName.TRAFFIC);
    expect(serviceOfNumber('PS-1')).toBe(ServiceName.PUBLIC_SECURITY);
    expect(serviceOfNumber('CP-1')).toBe(ServiceName.COMPLAINTS);
    expect(serviceOfNumber('YCTZ-510107001-20260210-0001')).toBeUndefined();
  });

  it('maps police types and services both ways', () => {
    expect(serviceOfPoliceType(PoliceType.EXIT_ENTRY)).toBe(ServiceName.EXIT_ENTRY);
    expect(policeTypeOfService('public-security')).toBe(PoliceType.PUBLIC_SECURITY);
    expect(policeTypeOfService('counter')).toBeUndefined();
  });
});
