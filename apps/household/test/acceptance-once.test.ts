import type { AcceptApplicationCommand } from '@onewindow/contracts';
import { DEMO_PERSON_IDS, DEMO_PERSONS } from '@onewindow/population';
import { CaseworkHarness, clerk } from './casework-harness.js';

/**
 * Nothing doubled at household's acceptance (issue 13): its own idempotent replay, the concurrent
 * double-submit branches of CaseworkService.accept, a key reused for another form, and the
 * catalog's duplicate-open-application policy (户口簿补领 REFUSE, 挂失 WARN, 户籍证明 ALLOW)
 * — on a real PostgreSQL database and the real JetStream.
 */
describe('household acceptance: nothing doubled', () => {
  const h = new CaseworkHarness('2026-11-26');
  const adult = DEMO_PERSONS.find((p) => p.idNumber === DEMO_PERSON_IDS.adult)!;
  const replaceForm = { applicantName: adult.name, applicantIdNumber: adult.idNumber, contactPhone: '13800138000', replaceReason: '遗失' };
  const lostForm = { applicantName: adult.name, applicantIdNumber: adult.idNumber, contactPhone: '13800138000' };
  const proofForm = (purpose: string) => ({ applicantName: adult.name, applicantIdNumber: adult.idNumber, contactPhone: '13800138000', purpose });
  let keys = 0;

  const command = (itemCode: string, form: Record<string, unknown>, idempotencyKey = `k-once-${++keys}`): AcceptApplicationCommand => ({
    idempotencyKey,
    itemCode,
    applicantIdNumber: adult.idNumber,
    form,
    presentedMaterials: h.catalog.getItem(itemCode).materials.filter((m) => m.required).map((m) => m.code),
  }) as AcceptApplicationCommand;
  const accept = (cmd: AcceptApplicationCommand) => h.casework.accept(cmd, clerk);
  const numberOf = async (cmd: AcceptApplicationCommand) => {
    const reply = await accept(cmd);
    if (reply.outcome !== 'ACCEPTED' || !reply.application) throw new Error(`not accepted: ${JSON.stringify(reply)}`);
    return reply.application.number;
  };
  const rowsWithKey = async (key: string) => (await h.rows<{ n: number }>(`SELECT count(*)::int AS n FROM application WHERE idempotency_key = $1`, [key]))[0]!.n;
  const withdraw = (number: string) => h.transition(number, 'WITHDRAW', clerk, '申请人撤回');

  beforeAll(async () => {
    await h.start();
  }, 60_000);
  afterAll(() => h.stop());

  it('replays the same key and form: the same application, no second row, no second event', async () => {
    const cmd = command('HH-STATUS-PROOF', proofForm('银行开户'));
    const first = await accept(cmd);
    const again = await accept({ ...cmd, form: { purpose: '银行开户', contactPhone: '13800138000', applicantIdNumber: adult.idNumber, applicantName: adult.name } });
    expect(first).toMatchObject({ outcome: 'ACCEPTED' });
    expect(first.replayed).toBeUndefined();
    expect(again).toMatchObject({ outcome: 'ACCEPTED', replayed: true, application: { number: first.application!.number } });
    expect(await rowsWithKey(cmd.idempotencyKey)).toBe(1);
    const events = await h.publishedChanges(first.application!.number);
    expect(events.map((e) => e.status)).toEqual(['ACCEPTED']);
  });

  it('two identical submissions at once (an ALLOW item: the unique key decides) → one application, both answered with it', async () => {
    const cmd = command('HH-STATUS-PROOF', proofForm('不动产继承'));
    const [a, b] = await Promise.all([accept(cmd), accept(cmd)]);
    expect(a.application!.number).toBe(b.application!.number);
    expect([a.replayed, b.replayed].filter(Boolean)).toHaveLength(1);
    expect(await rowsWithKey(cmd.idempotencyKey)).toBe(1);
    expect((await h.publishedChanges(a.application!.number)).map((e) => e.status)).toEqual(['ACCEPTED']);
    await withdraw(a.application!.number);
  });

  it('two identical submissions at once of a REFUSE item (the per-person lock decides) → one application, not refused as its own duplicate', async () => {
    const cmd = command('HH-REGISTER-REPLACE', replaceForm);
    const [a, b] = await Promise.all([accept(cmd), accept(cmd)]);
    expect(a.application!.number).toBe(b.application!.number);
    expect(await rowsWithKey(cmd.idempotencyKey)).toBe(1);
    await withdraw(a.application!.number);
  });

  it('refuses a key reused for another form, applicant or item with IDEMPOTENCY_KEY_REUSED; nothing written', async () => {
    const cmd = command('HH-STATUS-PROOF', proofForm('出国留学'));
    const number = await numberOf(cmd);
    await expect(accept({ ...cmd, form: proofForm('子女入学') })).rejects.toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED' });
    await expect(accept({ ...cmd, itemCode: 'HH-ID-CARD-LOST', form: lostForm })).rejects.toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED' });
    expect(await rowsWithKey(cmd.idempotencyKey)).toBe(1);
    expect((await h.publishedChanges(number)).map((e) => e.status)).toEqual(['ACCEPTED']);
  });

  it('REFUSE (户口簿补领): a second open application is refused with the open one’s number; after it is withdrawn a new one is accepted', async () => {
    const first = await numberOf(command('HH-REGISTER-REPLACE', replaceForm));
    const second = command('HH-REGISTER-REPLACE', replaceForm);
    await expect(accept(second)).rejects.toMatchObject({
      code: 'DUPLICATE_OPEN_APPLICATION',
      message: expect.stringContaining(first),
      details: { number: first, openApplications: [expect.objectContaining({ number: first, itemName: '户口簿补领', status: 'ACCEPTED', unitName: clerk.unitName })] },
    });
    expect(await rowsWithKey(second.idempotencyKey)).toBe(0);
    await withdraw(first);
    const third = await numberOf(command('HH-REGISTER-REPLACE', replaceForm));
    expect(third).not.toBe(first);
    await withdraw(third);
  });

  it('REFUSE under concurrency: five different keys at once for the same person and item → exactly one accepted', async () => {
    const results = await Promise.allSettled(Array.from({ length: 5 }, () => accept(command('HH-REGISTER-REPLACE', replaceForm))));
    const accepted = results.filter((r) => r.status === 'fulfilled');
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(accepted).toHaveLength(1);
    expect(refused.map((r) => (r.reason as { code?: string }).code)).toEqual(Array(4).fill('DUPLICATE_OPEN_APPLICATION'));
    const open = await h.rows<{ number: string }>(
      `SELECT number FROM application WHERE applicant_id_number = $1 AND item_code = 'HH-REGISTER-REPLACE' AND status NOT IN ('WITHDRAWN','CLOSED','REJECTED','DELIVERED')`,
      [adult.idNumber],
    );
    expect(open).toHaveLength(1);
    await withdraw(open[0]!.number);
  });

  it('WARN (居民身份证挂失): a second open application is accepted and names the open one; ALLOW (户籍证明) names nothing', async () => {
    const first = await numberOf(command('HH-ID-CARD-LOST', lostForm));
    const second = await accept(command('HH-ID-CARD-LOST', lostForm));
    expect(second).toMatchObject({ outcome: 'ACCEPTED', openApplications: [expect.objectContaining({ number: first, itemCode: 'HH-ID-CARD-LOST' })] });
    const proof1 = await accept(command('HH-STATUS-PROOF', proofForm('用途一')));
    const proof2 = await accept(command('HH-STATUS-PROOF', proofForm('用途二')));
    expect(proof1.openApplications).toBeUndefined();
    expect(proof2.openApplications).toBeUndefined();
  });
});
