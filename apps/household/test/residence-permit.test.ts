import { buildIdNumber } from '@onewindow/id-number';
import { DEMO_PERSON_IDS } from '@onewindow/population';
import { toResidencePermit } from '../src/residence-permit/residence-permit.resolver.js';
import { CaseworkHarness, clerk, officer } from './casework-harness.js';

/** The residence permit register written by approvals (申领, 签注, 换领/补领) and read by the window, audited. */
describe('residence permit register (PostgreSQL + NATS)', () => {
  const h = new CaseworkHarness('2026-03-02');
  const migrant = buildIdNumber({ regionCode: '440106', birthDate: '1996-03-03', sequence: 21 });
  const form = (o: Record<string, unknown> = {}) => ({ applicantName: '林晓', applicantIdNumber: migrant, contactPhone: '13711112222', ...o });
  const issueForm = form({ residenceAddress: '武侯区某街1号', residenceSince: '2025-06-01', qualifyingCondition: '合法稳定就业', pickupMethod: '窗口领取' });
  const approve = async (number: string) => {
    await h.transition(number, 'START_REVIEW');
    return h.transition(number, 'APPROVE');
  };
  type Row = { permit_number: string; status: string; issued_on: string; valid_until: string; address: string; issuing_unit_code: string; replaces_permit_number: string | null };
  const permits = () => h.rows<Row>(
    `SELECT permit_number, status, to_char(issued_on, 'YYYY-MM-DD') AS issued_on, to_char(valid_until, 'YYYY-MM-DD') AS valid_until, address, issuing_unit_code, replaces_permit_number
       FROM residence_permit WHERE holder_id_number = $1 ORDER BY created_at`, [migrant]);

  beforeAll(() => h.start(), 60_000);
  afterAll(() => h.stop(), 60_000);

  it('申领 approved issues a card valid a year; a second application is refused while it is in use', async () => {
    const app = await approve(await h.acceptOrThrow('HH-RESIDENCE-PERMIT', migrant, issueForm));
    expect(await permits()).toEqual([
      { permit_number: '5101072026000001', status: 'VALID', issued_on: '2026-03-02', valid_until: '2027-03-02', address: '武侯区某街1号', issuing_unit_code: '510107001', replaces_permit_number: null },
    ]);
    expect(app.timeline.at(-1)).toMatchObject({ action: 'RESIDENCE_PERMIT_ISSUED', details: { permitNumber: '5101072026000001', validUntil: '2027-03-02' } });
    expect((await h.publishedChanges(app.number)).at(-1)).toMatchObject({ status: 'APPROVED' });
    await expect(h.accept('HH-RESIDENCE-PERMIT', migrant, issueForm)).rejects.toMatchObject({ code: 'RESIDENCE_PERMIT_ALREADY_HELD' });
    await expect(h.accept('HH-RESIDENCE-PERMIT-ENDORSE', DEMO_PERSON_IDS.movedOut, { applicantName: '周杰', applicantIdNumber: DEMO_PERSON_IDS.movedOut, contactPhone: '13711112222' }))
      .rejects.toMatchObject({ code: 'RESIDENCE_PERMIT_NOT_FOUND' });
  });

  it('签注 opens a month before expiry and extends the card a year; a failed approval writes nothing', async () => {
    await expect(h.at('2026-11-26').accept('HH-RESIDENCE-PERMIT-ENDORSE', migrant, form())).rejects.toMatchObject({ code: 'ENDORSEMENT_NOT_DUE', details: { opensOn: '2027-02-02' } });
    h.at('2027-02-15');
    const number = await h.acceptOrThrow('HH-RESIDENCE-PERMIT-ENDORSE', migrant, form());
    await h.transition(number, 'START_REVIEW');
    const enqueue = h.outbox.enqueue.bind(h.outbox);
    h.outbox.enqueue = async () => {
      throw new Error('outbox insert failed');
    };
    try {
      await expect(h.transition(number, 'APPROVE')).rejects.toThrow('outbox insert failed');
    } finally {
      h.outbox.enqueue = enqueue;
    }
    expect((await permits())[0]).toMatchObject({ valid_until: '2027-03-02' });
    expect(await h.rows(`SELECT * FROM residence_permit_endorsement`)).toEqual([]);

    const app = await h.transition(number, 'APPROVE');
    expect((await permits())[0]).toMatchObject({ status: 'VALID', valid_until: '2028-03-02' });
    expect(await h.rows(`SELECT to_char(endorsed_on, 'YYYY-MM-DD') AS endorsed_on, to_char(previous_valid_until, 'YYYY-MM-DD') AS previous, to_char(valid_until, 'YYYY-MM-DD') AS valid_until FROM residence_permit_endorsement`))
      .toEqual([{ endorsed_on: '2027-02-15', previous: '2027-03-02', valid_until: '2028-03-02' }]);
    expect(app.timeline.at(-1)).toMatchObject({ action: 'RESIDENCE_PERMIT_ENDORSED' });
  });

  it('补领 after loss: the old card LOST, a new number with the same validity; 换领 for a new address needs the address', async () => {
    h.at('2027-02-16');
    await expect(h.accept('HH-RESIDENCE-PERMIT-REPLACE', migrant, form({ replaceReason: '居住地址变更', pickupMethod: '窗口领取' }))).rejects.toMatchObject({
      code: 'FORM_INVALID', details: [expect.objectContaining({ field: 'residenceAddress' })],
    });
    await approve(await h.acceptOrThrow('HH-RESIDENCE-PERMIT-REPLACE', migrant, form({ replaceReason: '丢失', pickupMethod: '窗口领取' })));
    expect((await permits()).map((p) => [p.permit_number, p.status, p.valid_until, p.replaces_permit_number, p.address])).toEqual([
      ['5101072026000001', 'LOST', '2028-03-02', null, '武侯区某街1号'],
      ['5101072027000001', 'VALID', '2028-03-02', '5101072026000001', '武侯区某街1号'],
    ]);
    await approve(await h.acceptOrThrow('HH-RESIDENCE-PERMIT-REPLACE', migrant, form({ replaceReason: '居住地址变更', residenceAddress: '武侯区新址2号', pickupMethod: '窗口领取' })));
    expect((await permits()).map((p) => [p.permit_number, p.status, p.address])).toEqual([
      ['5101072026000001', 'LOST', '武侯区某街1号'],
      ['5101072027000001', 'REPLACED', '武侯区某街1号'],
      ['5101072027000002', 'VALID', '武侯区新址2号'],
    ]);
  });

  it('the window reads a holder\'s permits with endorsements, audited with its purpose; clerks see the phone masked', async () => {
    const found = await h.residencePermits.listForWindow(clerk, migrant.toLowerCase(), '核对居住证信息');
    expect(found.map((f) => f.permit.permitNumber)).toEqual(['5101072027000002', '5101072027000001', '5101072026000001']); // newest first
    const [current] = found.map((f) => toResidencePermit(f, clerk, '2028-03-03'));
    expect(current).toMatchObject({ status: 'VALID', lapsed: true, holderPhone: '137****2222', validUntil: '2028-03-02' });
    expect(toResidencePermit(found.at(-1)!, officer, '2027-02-16')).toMatchObject({ holderPhone: '13711112222', lapsed: false, endorsements: [expect.objectContaining({ endorsedOn: '2027-02-15', validUntil: '2028-03-02' })] });
    expect(await h.rows(`SELECT action, subject_ref, purpose FROM audit_log WHERE action = 'RESIDENCE_PERMIT_READ'`)).toEqual([
      { action: 'RESIDENCE_PERMIT_READ', subject_ref: migrant, purpose: '核对居住证信息' },
    ]);
    await expect(h.residencePermits.listForWindow(clerk, migrant, ' ')).rejects.toMatchObject({ code: 'PURPOSE_REQUIRED' });
  });
});
