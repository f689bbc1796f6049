import { purposeFromHeader } from './request-purpose.js';
import { citizenKeyOf, configureSubjectRefSealing, displayedSubjectRef, openSubjectRef, sealSubjectRef, stripSealedSubjectRefs } from './sealed-subject-ref.js';

const ID = '510107198804129130';

describe('sealed Citizen keys', () => {
  beforeAll(() => configureSubjectRefSealing('a-test-secret-of-at-least-32-characters!'));

  it('seals to the masked form plus a token that only the services open', () => {
    const sealed = sealSubjectRef(ID);
    expect(sealed).toMatch(/^510107\*{8}9130~[A-Za-z0-9_-]+$/);
    expect(sealed).not.toContain('19880412');
    expect(openSubjectRef(sealed)).toEqual({ idNumber: ID, sealed: true });
    expect(citizenKeyOf(sealed)).toBe(ID);
    expect(displayedSubjectRef(sealed)).toBe('510107********9130');
  });

  it('a plain key passes; a forged or foreign-key token matches nobody', () => {
    expect(openSubjectRef(ID)).toEqual({ idNumber: ID, sealed: false });
    const sealed = sealSubjectRef(ID);
    configureSubjectRefSealing('another-secret-of-at-least-32-characters');
    expect(citizenKeyOf(sealed)).toBe('');
    configureSubjectRefSealing('a-test-secret-of-at-least-32-characters!');
    expect(citizenKeyOf('510107********9130~forged')).toBe('');
  });

  it('the gateway strips tokens at any depth and leaves other values alone', () => {
    const data = { travelDocument: { number: 'E****0001', holder: { idNumber: sealSubjectRef(ID), tags: ['a~b'] } }, n: 3 };
    expect(stripSealedSubjectRefs(data)).toEqual({ travelDocument: { number: 'E****0001', holder: { idNumber: '510107********9130', tags: ['a~b'] } }, n: 3 });
  });
});

describe('purpose header', () => {
  it('decodes, trims and bounds the header; absent or malformed is undefined', () => {
    expect(purposeFromHeader(encodeURIComponent(' 核验来人所持护照 '))).toBe('核验来人所持护照');
    expect(purposeFromHeader(undefined)).toBeUndefined();
    expect(purposeFromHeader('%E0%A4%A')).toBeUndefined();
    expect(purposeFromHeader(encodeURIComponent('长'.repeat(300)))).toHaveLength(200);
  });
});
