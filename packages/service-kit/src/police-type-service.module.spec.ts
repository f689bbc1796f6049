import { type DynamicModule, Injectable, Module } from '@nestjs/common';
import { CASEWORK_ENTITIES, CASEWORK_MIGRATIONS, CaseworkModule, type AcceptanceDecision, type PoliceTypeRules } from '@onewindow/casework';
import { PoliceType, ServiceName } from '@onewindow/contracts';
import { BaseServiceConfig, createLogger, loadConfig, PlatformModule, type ServiceRuntime } from '@onewindow/platform';
import { TRANSFERS_ENTITIES, TRANSFERS_MIGRATIONS, TransfersModule } from '@onewindow/transfers';
import { platformFeaturesOf, PoliceTypeServiceModule } from './police-type-service.module.js';

@Injectable()
class AcceptEveryoneRules implements PoliceTypeRules {
  checkAcceptance(): Promise<AcceptanceDecision> {
    return Promise.resolve({ applicantName: '申请人' });
  }
}

@Module({})
class ComplaintRegisterModule {}

class ComplaintEntity {}
class CreateComplaints1799999999999 {}

const rt: ServiceRuntime = {
  name: 'complaints',
  version: '0',
  config: loadConfig('complaints', BaseServiceConfig, {}),
  databaseUrl: 'postgres://postgres@127.0.0.1:5432/unused',
  logger: createLogger('complaints', 'silent'),
};

function dynamicImports(mod: DynamicModule): DynamicModule[] {
  return (mod.imports ?? []).filter((m): m is DynamicModule => typeof m === 'object' && 'module' in m);
}

describe('PoliceTypeServiceModule.forRoot', () => {
  // The complaints service will be born in the kit: no death follow-up, no workers, no seed.
  const mod = PoliceTypeServiceModule.forRoot(rt, {
    service: ServiceName.COMPLAINTS,
    policeType: PoliceType.COMPLAINTS,
    catalogPath: '/nonexistent/complaints.catalog.yaml',
    rules: AcceptEveryoneRules,
    registers: [ComplaintRegisterModule],
    entities: [ComplaintEntity],
    migrations: [CreateComplaints1799999999999],
  });

  it('composes the platform, the registers, casework and transfers, in that order', () => {
    const names = (mod.imports ?? []).map((m) => ('module' in (m as object) ? (m as DynamicModule).module : m));
    expect(names).toEqual([PlatformModule, ComplaintRegisterModule, CaseworkModule, TransfersModule]);
  });

  it("gives the platform the service's tables plus the casework and transfers tables", () => {
    expect(platformFeaturesOf({ entities: [ComplaintEntity], migrations: [CreateComplaints1799999999999] })).toEqual({
      entities: [ComplaintEntity, ...CASEWORK_ENTITIES, ...TRANSFERS_ENTITIES],
      migrations: [CreateComplaints1799999999999, ...CASEWORK_MIGRATIONS, ...TRANSFERS_MIGRATIONS],
      orphanedTypes: [],
    });
  });

  it('lets the rules and workers reach the registers and features', () => {
    const casework = dynamicImports(mod).find((m) => m.module === CaseworkModule)!;
    const transfers = dynamicImports(mod).find((m) => m.module === TransfersModule)!;
    expect(casework.imports).toEqual([ComplaintRegisterModule]);
    expect(transfers.imports).toEqual([ComplaintRegisterModule]);
  });

  it('imports features after the registers and the seed last', () => {
    @Module({})
    class CitizenSectionModule {}
    @Module({})
    class SeedModule {}
    const withAll = PoliceTypeServiceModule.forRoot(rt, {
      service: ServiceName.COMPLAINTS, policeType: PoliceType.COMPLAINTS, catalogPath: '/nonexistent.yaml', rules: AcceptEveryoneRules,
      registers: [ComplaintRegisterModule], features: [CitizenSectionModule], entities: [], migrations: [], seed: SeedModule,
    });
    const names = (withAll.imports ?? []).map((m) => ('module' in (m as object) ? (m as DynamicModule).module : m));
    expect(names).toEqual([PlatformModule, ComplaintRegisterModule, CitizenSectionModule, CaseworkModule, TransfersModule, SeedModule]);
  });
});
