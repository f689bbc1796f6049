import { buildIdNumber, validateIdNumber } from '@onewindow/id-number';
import { DEMO_PERSON_IDS, DEMO_PERSONS } from '@onewindow/population';
import { CaseworkHarness } from './casework-harness.js';

/**
 * Approving household applications changes the population register in the transition's own
 * transaction (register row + application status + outbox event, relayed to the real JetStream);
 * what the register needs is refused at acceptance when missing.
 */
describe('register follows the cases (PostgreSQL + NATS)', () => {
  const TODAY = '2026-11-26';
  const h = new CaseworkHarness(TODAY);
  const demo = (id: string) => DEMO_PERSONS.find((p) => p.idNumber === id)!;
  const newcomer = buildIdNumber({ regionCode: '440106', birthDate: '1996-03-03', sequence: 21 });
  const graduate = buildIdNumber({ regionCode: '420102', birthDate: '2002-07-15', sequence: 32 });
  const worker = buildIdNumber({ regionCode: '500101', birthDate: '1999-01-09', sequence: 43 });

  beforeAll(() => h.start(), 60_000);
  afterAll(() => h.stop(), 60_000);

  type PersonRow = { id_number: string; name: string; sex: string; ethnicity: string; birth_date: string; status: string; household_number: string | null; kind: string | null; relation_to_head: string | null; unit_code: string; moved_out_on: string | null; moved_out_to: string | null; moved_out_household_number: string | null };
  const person = async (idNumber: string) =>
    (await h.rows<PersonRow>(
      `SELECT p.id_number, p.name, p.sex, p.ethnicity, to_char(p.birth_date, 'YYYY-MM-DD') AS birth_date, p.status, hh.household_number, hh.kind, p.relation_to_head, p.unit_code,
              to_char(p.moved_out_on, 'YYYY-MM-DD') AS moved_out_on, p.moved_out_to, p.moved_out_household_number
         FROM person p LEFT JOIN household hh ON hh.id = p.household_id WHERE p.id_number = $1`, [idNumber]))[0];
  const approve = async (number: string) => {
    await h.transition(number, 'START_REVIEW');
    return h.transition(number, 'APPROVE');
  };
  const note = (app: { timeline: { action: string; details?: Record<string, unknown> }[] }, action: string) => app.timeline.find((t) => t.action === action)?.details ?? {};

  const birthForm = (o: Record<string, unknown> = {}) => {
    const mother = demo(DEMO_PERSON_IDS.minorMother);
    return { applicantName: mother.name, applicantIdNumber: mother.idNumber, contactPhone: '13800138002', relationToBaby: '母亲', babyName: '王小雨', babyGender: '女', babyBirthDate: '2026-11-20', babyEthnicity: '汉族', ...o };
  };
  const moveInForm = (idNumber: string, o: Record<string, unknown> = {}) => ({
    applicantName: '林晓', applicantIdNumber: idNumber, contactPhone: '13711112222', moveReason: '购房落户', newAddress: '武侯区新南路8号2栋3单元501', householdChoice: '立新户', ethnicity: '汉族', ...o,
  });

  it('birth registration: a new person with a fresh ID number in the declarant\'s household; the sequence is unique on the register', async () => {
    const first = await approve(await h.acceptOrThrow('HH-BIRTH-REG', DEMO_PERSON_IDS.minorMother, birthForm()));
    const second = await approve(await h.acceptOrThrow('HH-BIRTH-REG', DEMO_PERSON_IDS.minorMother, birthForm({ babyName: '王小雪' })));
    const boy = await approve(await h.acceptOrThrow('HH-BIRTH-REG', DEMO_PERSON_IDS.minorMother, birthForm({ babyName: '王小川', babyGender: '男' })));
    const ids = [first, second, boy].map((a) => String(note(a, 'REGISTER_BIRTH')['idNumber']));
    expect(ids.map((id) => id.slice(0, 17))).toEqual(['51010720261120002', '51010720261120004', '51010720261120001']);
    expect(ids.every((id) => validateIdNumber(id).valid)).toBe(true);
    expect(await person(ids[0]!)).toMatchObject({ name: '王小雨', sex: 'FEMALE', ethnicity: '汉族', birth_date: '2026-11-20', status: 'NORMAL', household_number: '510107001900003', relation_to_head: '女', unit_code: '510107001' });
    expect(await person(ids[2]!)).toMatchObject({ sex: 'MALE', relation_to_head: '子' });
    // The approval, its register note and the event went out together.
    const events = await h.publishedChanges(first.number);
    expect(events.at(-1)).toMatchObject({ status: 'APPROVED' });
    expect(events.at(-1)!.timeline.map((t) => t.action)).toEqual(['ACCEPT', 'START_REVIEW', 'APPROVE', 'REGISTER_BIRTH']);
    // The same baby declared again is refused at the window.
    await expect(h.accept('HH-BIRTH-REG', DEMO_PERSON_IDS.minorMother, birthForm())).rejects.toMatchObject({ code: 'BIRTH_ALREADY_REGISTERED' });
  });

  it('move-in: a person new to the register gets a new household when asked, or joins an existing one', async () => {
    const own = await approve(await h.acceptOrThrow('HH-MOVE-IN', newcomer, moveInForm(newcomer)));
    const householdNumber = String(note(own, 'REGISTER_SETTLEMENT')['householdNumber']);
    expect(householdNumber).toBe('510107001000001');
    expect(await person(newcomer)).toMatchObject({ name: '林晓', sex: 'MALE', birth_date: '1996-03-03', ethnicity: '汉族', status: 'NORMAL', household_number: householdNumber, kind: 'FAMILY', relation_to_head: '户主', unit_code: '510107001' });
    const [hh] = await h.rows<{ address: string; head_id_number: string }>(`SELECT address, head_id_number FROM household WHERE household_number = $1`, [householdNumber]);
    expect(hh).toEqual({ address: '武侯区新南路8号2栋3单元501', head_id_number: newcomer });

    const wife = buildIdNumber({ regionCode: '440106', birthDate: '1997-05-05', sequence: 22 });
    await approve(await h.acceptOrThrow('HH-MOVE-IN', wife, moveInForm(wife, { applicantName: '陈晓', moveReason: '投靠亲属', householdChoice: '入现有户', targetHouseholdNumber: householdNumber, relationToHead: '妻', ethnicity: '回族' })));
    expect(await person(wife)).toMatchObject({ sex: 'FEMALE', ethnicity: '回族', household_number: householdNumber, relation_to_head: '妻' });
  });

  it('move-in of a person who had moved out restores them (NORMAL) in the new household', async () => {
    const back = demo(DEMO_PERSON_IDS.movedOut);
    await approve(await h.acceptOrThrow('HH-MOVE-IN', back.idNumber, moveInForm(back.idNumber, { applicantName: back.name, ethnicity: undefined, householdChoice: '入现有户', targetHouseholdNumber: '510107001900005', relationToHead: '户主' })));
    expect(await person(back.idNumber)).toMatchObject({ status: 'NORMAL', household_number: '510107001900005', ethnicity: back.ethnicity, moved_out_on: null });
  });

  it('collective household: setup creates it; talent settlement and collective entry place persons in it', async () => {
    const manager = demo(DEMO_PERSON_IDS.adult);
    const setup = await approve(await h.acceptOrThrow('HH-COLLECTIVE-SETUP', manager.idNumber, {
      unitName: '成都某某科技有限公司', unitCreditCode: '91510107MA6C000000', managerName: manager.name, managerIdNumber: manager.idNumber, contactPhone: '13800138000', unitAddress: '武侯区天府大道北段1700号',
    }));
    const collective = String(note(setup, 'REGISTER_COLLECTIVE_HOUSEHOLD')['householdNumber']);
    expect(await h.rows(`SELECT kind, head_id_number FROM household WHERE household_number = $1`, [collective])).toEqual([{ kind: 'COLLECTIVE', head_id_number: manager.idNumber }]);

    await approve(await h.acceptOrThrow('HH-TALENT-SETTLE', graduate, {
      applicantName: '赵敏', applicantIdNumber: graduate, contactPhone: '13711113333', talentCategory: '高校毕业生', settleTo: '单位集体户', targetHouseholdNumber: collective, ethnicity: '汉族',
    }));
    expect(await person(graduate)).toMatchObject({ name: '赵敏', household_number: collective, kind: 'COLLECTIVE', relation_to_head: '集体户成员' });

    await approve(await h.acceptOrThrow('HH-COLLECTIVE-ENTRY', worker, {
      applicantName: '钱进', applicantIdNumber: worker, contactPhone: '13711114444', collectiveHouseholdNumber: collective, entryReason: '单位职工', ethnicity: '土家族',
    }));
    expect(await person(worker)).toMatchObject({ household_number: collective, kind: 'COLLECTIVE', ethnicity: '土家族' });

    const talentOwn = buildIdNumber({ regionCode: '420102', birthDate: '1990-02-02', sequence: 51 });
    const own = await approve(await h.acceptOrThrow('HH-TALENT-SETTLE', talentOwn, {
      applicantName: '孙立', applicantIdNumber: talentOwn, contactPhone: '13711115555', talentCategory: '专业技术人才', settleTo: '合法稳定住所', householdChoice: '立新户', residenceAddress: '武侯区科华北路1号', ethnicity: '汉族',
    }));
    expect(note(own, 'REGISTER_SETTLEMENT')).toMatchObject({ newHousehold: true, householdKind: 'FAMILY' });
    expect(await person(talentOwn)).toMatchObject({ relation_to_head: '户主', kind: 'FAMILY' });
  });

  it('move-out: MOVED_OUT with date and destination, out of the household\'s members; a head leaving members behind is flagged', async () => {
    const adult = demo(DEMO_PERSON_IDS.adult);
    // Someone joins 张伟's household first, so the head leaves members behind.
    const son = buildIdNumber({ regionCode: '510107', birthDate: '2010-01-01', sequence: 871 });
    await approve(await h.acceptOrThrow('HH-MOVE-IN', son, moveInForm(son, { applicantName: '张小伟', householdChoice: '入现有户', targetHouseholdNumber: '510107001900001', relationToHead: '子' })));
    const app = await approve(await h.acceptOrThrow('HH-MOVE-OUT', adult.idNumber, { applicantName: adult.name, applicantIdNumber: adult.idNumber, contactPhone: '13800138000', destination: '重庆市渝中区解放碑街道' }));
    expect(await person(adult.idNumber)).toMatchObject({ status: 'MOVED_OUT', household_number: null, relation_to_head: null, moved_out_on: TODAY, moved_out_to: '重庆市渝中区解放碑街道', moved_out_household_number: '510107001900001' });
    expect(app.timeline.map((t) => t.action).slice(-2)).toEqual(['REGISTER_MOVE_OUT', 'HEAD_CHANGE_NEEDED']);
  });

  it('a head moving to another household within the city leaves a note that the old household needs a new head', async () => {
    const father = demo(DEMO_PERSON_IDS.minorFather);
    const app = await approve(await h.acceptOrThrow('HH-MOVE-IN', father.idNumber, moveInForm(father.idNumber, {
      applicantName: father.name, moveReason: '投靠亲属', householdChoice: '入现有户', targetHouseholdNumber: '510107001000001', relationToHead: '其他', ethnicity: undefined,
    })));
    expect(app.timeline.slice(-2)).toEqual([
      expect.objectContaining({ action: 'REGISTER_SETTLEMENT', details: expect.objectContaining({ householdNumber: '510107001000001', newPerson: false }) }),
      expect.objectContaining({ action: 'HEAD_CHANGE_NEEDED', details: { householdNumber: '510107001900003' } }),
    ]);
    expect(await person(father.idNumber)).toMatchObject({ household_number: '510107001000001', relation_to_head: '其他', ethnicity: father.ethnicity });
  });

  it('refuses at acceptance, with typed errors, a form that lacks what the register needs; nothing is written', async () => {
    const before = await h.rows<{ n: number }>(`SELECT count(*)::int AS n FROM application`);
    const someone = buildIdNumber({ regionCode: '440106', birthDate: '1980-08-08', sequence: 61 });
    await expect(h.accept('HH-BIRTH-REG', DEMO_PERSON_IDS.minorMother, birthForm({ babyEthnicity: undefined }))).rejects.toMatchObject({ code: 'FORM_INVALID' });
    await expect(h.accept('HH-MOVE-IN', someone, moveInForm(someone, { householdChoice: '入现有户' }))).rejects.toMatchObject({
      code: 'FORM_INVALID', details: [expect.objectContaining({ field: 'targetHouseholdNumber' }), expect.objectContaining({ field: 'relationToHead' })],
    });
    await expect(h.accept('HH-MOVE-IN', someone, moveInForm(someone, { ethnicity: undefined }))).rejects.toMatchObject({ code: 'FORM_INVALID', details: [expect.objectContaining({ field: 'ethnicity' })] });
    await expect(h.accept('HH-MOVE-IN', someone, moveInForm(someone, { householdChoice: '入现有户', targetHouseholdNumber: '510107001999999', relationToHead: '子' }))).rejects.toMatchObject({ code: 'TARGET_HOUSEHOLD_NOT_FOUND' });
    await expect(h.accept('HH-COLLECTIVE-ENTRY', someone, { applicantName: '某某', applicantIdNumber: someone, contactPhone: '13711116666', collectiveHouseholdNumber: '510107001900003', entryReason: '其他', ethnicity: '汉族' }))
      .rejects.toMatchObject({ code: 'TARGET_HOUSEHOLD_KIND_MISMATCH' });
    expect(await h.rows(`SELECT count(*)::int AS n FROM application`)).toEqual(before);
    expect(await person(someone)).toBeUndefined();
  });

  it('a failure in the approval transaction leaves nothing half-written: no person, no household, no status change, no event', async () => {
    const late = buildIdNumber({ regionCode: '420102', birthDate: '1993-03-03', sequence: 71 });
    const number = await h.acceptOrThrow('HH-MOVE-IN', late, moveInForm(late, { applicantName: '周末' }));
    await h.transition(number, 'START_REVIEW');
    const households = await h.rows(`SELECT count(*)::int AS n FROM household`);
    const eventsBefore = (await h.publishedChanges(number)).length;
    const enqueue = h.outbox.enqueue.bind(h.outbox);
    h.outbox.enqueue = async () => {
      throw new Error('outbox insert failed');
    };
    try {
      await expect(h.transition(number, 'APPROVE')).rejects.toThrow('outbox insert failed');
    } finally {
      h.outbox.enqueue = enqueue;
    }
    expect(await person(late)).toBeUndefined();
    expect(await h.rows(`SELECT count(*)::int AS n FROM household`)).toEqual(households);
    expect(await h.rows(`SELECT status FROM application WHERE number = $1`, [number])).toEqual([{ status: 'IN_REVIEW' }]);
    expect(await h.publishedChanges(number)).toHaveLength(eventsBefore);
    // The same approval succeeds once the failure is gone.
    await h.transition(number, 'APPROVE');
    expect(await person(late)).toMatchObject({ status: 'NORMAL', relation_to_head: '户主' });
  });
});
