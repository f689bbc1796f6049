import { DEMO_VERIFICATION_FIXTURE_PATH, fixtureAdapters, loadVerificationFixture } from './fixture-adapter.js';
import { VerificationSource } from './verification.js';

describe('fixture adapters', () => {
  const now = () => new Date('2026-11-26T02:00:00Z');

  it('answer from the demo fixture file: FOUND with the reference, NOT_FOUND otherwise', async () => {
    const adapters = fixtureAdapters(loadVerificationFixture(DEMO_VERIFICATION_FIXTURE_PATH), now);
    await expect(adapters.CIVIL_AFFAIRS_MARRIAGE.verify({ subjectIdNumber: '51010419851202926x', materialCode: 'MARRIAGE_CERT' }))
      .resolves.toEqual({ source: 'CIVIL_AFFAIRS_MARRIAGE', outcome: 'FOUND', checkedAt: '2026-11-26T02:00:00.000Z', reference: 'J510107-2012-003456' });
    await expect(adapters.SOCIAL_SECURITY.verify({ subjectIdNumber: '51010419851202926X', materialCode: 'EMPLOYMENT_PROOF' })).resolves.toMatchObject({ outcome: 'NOT_FOUND' });
  });

  it('a source marked unavailable, or missing from the fixture, answers SOURCE_UNAVAILABLE', async () => {
    const adapters = fixtureAdapters({ [VerificationSource.HOUSING_PROPERTY]: { unavailable: true, records: [] } }, now);
    await expect(adapters.HOUSING_PROPERTY.verify({ subjectIdNumber: 'x', materialCode: 'HOUSING_PROOF' })).resolves.toMatchObject({ outcome: 'SOURCE_UNAVAILABLE' });
    await expect(adapters.SOCIAL_SECURITY.verify({ subjectIdNumber: 'x', materialCode: 'EMPLOYMENT_PROOF' })).resolves.toMatchObject({ outcome: 'SOURCE_UNAVAILABLE' });
  });
});
