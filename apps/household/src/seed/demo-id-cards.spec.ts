import { DEMO_ID_CARDS, DEMO_PERSONS } from '@onewindow/population';
import { idCardValidity, idCardValidUntil } from '../id-card/id-card-validity.js';

// The demo persons live in @onewindow/population; the ID-card validity rule is household's, so
// household checks that the cards it seeds obey it.
describe('demo ID cards', () => {
  it('end on the date the validity rule gives at issue', () => {
    for (const c of DEMO_ID_CARDS) {
      const p = DEMO_PERSONS.find((x) => x.idNumber === c.idNumber)!;
      expect(idCardValidUntil(idCardValidity(p.birthDate, c.issuedOn).term, c.issuedOn)).toBe(c.validUntil);
    }
  });
});
