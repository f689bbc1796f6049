import {
  EARLIEST_BIRTH_YEAR,
  IdNumberErrorCode,
  InvalidIdNumberError,
  assertIdNumber,
  buildIdNumber,
  computeCheckCode,
  validateIdNumber,
  type IdNumberCheck,
} from './index.js';

const TODAY = { today: new Date('2025-06-01T04:00:00Z') };

/** Appends the correct check code, for numbers that must fail on something other than it. */
function withCheckCode(first17: string): string {
  return first17 + computeCheckCode(first17);
}

function reasonOf(check: IdNumberCheck): IdNumberErrorCode | undefined {
  return check.valid ? undefined : check.reason;
}

describe('validateIdNumber — the examples of GB 11643-1999', () => {
  it('accepts 11010519491231002X', () => {
    expect(validateIdNumber('11010519491231002X', TODAY)).toEqual({
      valid: true,
      normalized: '11010519491231002X',
      regionCode: '110105',
      birthDate: '1949-12-31',
      sex: 'FEMALE',
      kind: 'RESIDENT',
      legacy15: false,
    });
  });

  it('accepts 440524188001010014 (born 1880)', () => {
    expect(validateIdNumber('440524188001010014', TODAY)).toEqual({
      valid: true,
      normalized: '440524188001010014',
      regionCode: '440524',
      birthDate: '1880-01-01',
      sex: 'MALE',
      kind: 'RESIDENT',
      legacy15: false,
    });
  });
});

describe('validateIdNumber — error detection', () => {
  const samples = [
    '11010519491231002X',
    '440524188001010014',
    buildIdNumber({ regionCode: '510107', birthDate: '1987-07-15', sequence: 357 }),
    buildIdNumber({ regionCode: '810000', birthDate: '2001-11-30', sequence: 42 }),
    buildIdNumber({ regionCode: '931840', birthDate: '1975-03-09', sequence: 8 }),
  ];

  it.each(samples)('detects every single-character substitution in %s', (id) => {
    let corruptions = 0;
    for (let position = 0; position < 18; position++) {
      for (const replacement of '0123456789X') {
        if (replacement === id[position]) continue;
        const corrupted = id.slice(0, position) + replacement + id.slice(position + 1);
        const expected = replacement === 'X' && position < 17 ? IdNumberErrorCode.FORMAT : IdNumberErrorCode.CHECKSUM;
        expect([corrupted, reasonOf(validateIdNumber(corrupted, TODAY))]).toEqual([corrupted, expected]);
        corruptions++;
      }
    }
    expect(corruptions).toBe(17 * 10 + 10);
  });

  it.each(samples)('detects every adjacent transposition in %s', (id) => {
    for (let position = 0; position < 17; position++) {
      if (id[position] === id[position + 1]) continue;
      const swapped = id.slice(0, position) + id[position + 1] + id[position] + id.slice(position + 2);
      expect([swapped, validateIdNumber(swapped, TODAY).valid]).toEqual([swapped, false]);
    }
  });

  it.each([
    ['empty', ''],
    ['17 digits', '11010519491231002'],
    ['19 characters', '11010519491231002X1'],
    ['16 digits', '1101054912310021'],
    ['X inside', '1101051949123X0021'],
    ['15 characters ending in X', '11010549123100X'],
    ['letters', 'ABCDEFGHIJKLMNOPQR'],
    ['full-width digits', '１１０１０５１９４９１２３１００２Ｘ'],
  ])('rejects %s with FORMAT', (_label, input) => {
    const check = validateIdNumber(input, TODAY);
    expect(reasonOf(check)).toBe(IdNumberErrorCode.FORMAT);
    expect(check.valid ? '' : check.message).toMatch(/格式/);
  });
});

describe('validateIdNumber — normalisation', () => {
  it('accepts a lowercase x and returns it upper-cased', () => {
    const check = validateIdNumber('11010519491231002x', TODAY);
    expect(check.valid && check.normalized).toBe('11010519491231002X');
  });

  it('ignores spaces, tabs, line breaks and the full-width space', () => {
    const check = validateIdNumber(' 110105 19491231\t002x\n\u3000', TODAY);
    expect(check.valid && check.normalized).toBe('11010519491231002X');
  });
});

describe('validateIdNumber — 15-digit legacy numbers', () => {
  it('converts to 18 digits by inserting 19 and adding the check code', () => {
    expect(validateIdNumber('110105491231002', TODAY)).toEqual({
      valid: true,
      normalized: '11010519491231002X',
      regionCode: '110105',
      birthDate: '1949-12-31',
      sex: 'FEMALE',
      kind: 'RESIDENT',
      legacy15: true,
    });
  });

  it('reads the sex from the last digit', () => {
    const check = validateIdNumber('440524800101001', TODAY);
    expect(check.valid && [check.normalized, check.sex]).toEqual(['440524198001010013', 'MALE']);
  });

  it('rejects an impossible date', () => {
    expect(reasonOf(validateIdNumber('110105491331002', TODAY))).toBe(IdNumberErrorCode.BIRTH_DATE);
    expect(reasonOf(validateIdNumber('110105000229002', TODAY))).toBe(IdNumberErrorCode.BIRTH_DATE); // 1900
  });

  it('rejects residence-permit and foreigner prefixes, which never had 15 digits', () => {
    expect(reasonOf(validateIdNumber('810000900101002', TODAY))).toBe(IdNumberErrorCode.REGION);
    expect(reasonOf(validateIdNumber('931840900101002', TODAY))).toBe(IdNumberErrorCode.REGION);
  });
});

describe('validateIdNumber — birth date', () => {
  it('rejects 1900-02-29 (1900 is not a leap year)', () => {
    expect(reasonOf(validateIdNumber(withCheckCode('11010519000229001'), TODAY))).toBe(IdNumberErrorCode.BIRTH_DATE);
  });

  it('accepts 2000-02-29 (2000 is a leap year)', () => {
    const check = validateIdNumber(withCheckCode('11010520000229001'), TODAY);
    expect(check.valid && check.birthDate).toBe('2000-02-29');
  });

  it.each(['19491301', '19490001', '19490100', '19490431', '20230229', '19490132'])('rejects %s', (date) => {
    expect(reasonOf(validateIdNumber(withCheckCode(`110105${date}001`), TODAY))).toBe(IdNumberErrorCode.BIRTH_DATE);
  });

  it(`rejects years before ${EARLIEST_BIRTH_YEAR}`, () => {
    const check = validateIdNumber(withCheckCode('11010517991231001'), TODAY);
    expect(reasonOf(check)).toBe(IdNumberErrorCode.BIRTH_DATE);
    expect(validateIdNumber(withCheckCode('11010518000101001'), TODAY).valid).toBe(true);
  });

  it('rejects a birth date after today, judged in China time', () => {
    // 2025-06-01T16:30Z is already 2 June in Beijing.
    const today = new Date('2025-06-01T16:30:00Z');
    expect(validateIdNumber(withCheckCode('11010520250602001'), { today }).valid).toBe(true);
    const check = validateIdNumber(withCheckCode('11010520250603001'), { today });
    expect(reasonOf(check)).toBe(IdNumberErrorCode.FUTURE_BIRTH_DATE);
    expect(check.valid ? '' : check.message).toMatch(/晚于今天/);
  });

  it('uses the current time when no date is given', () => {
    expect(reasonOf(validateIdNumber(withCheckCode('11010530000101001')))).toBe(IdNumberErrorCode.FUTURE_BIRTH_DATE);
  });
});

describe('validateIdNumber — region and kind', () => {
  it.each(['11', '15', '21', '23', '31', '37', '41', '46', '50', '54', '61', '65', '71'])(
    'accepts province %s as RESIDENT',
    (province) => {
      const check = validateIdNumber(withCheckCode(`${province}0101198001010011`.slice(0, 17)), TODAY);
      expect(check.valid && check.kind).toBe('RESIDENT');
    },
  );

  it.each(['00', '10', '16', '20', '24', '30', '38', '40', '47', '49', '55', '60', '66', '70', '72', '80', '84'])(
    'rejects province %s',
    (province) => {
      const check = validateIdNumber(withCheckCode(`${province}0101198001010011`.slice(0, 17)), TODAY);
      expect(reasonOf(check)).toBe(IdNumberErrorCode.REGION);
      expect(check.valid ? '' : check.message).toMatch(/地址码/);
    },
  );

  it('never rejects an unknown or abolished county code', () => {
    // 510102 (former 成都市东城区, abolished 1990) and 519999 (not a county at all).
    for (const region of ['510102', '519999', '110000', '440524']) {
      expect(validateIdNumber(buildIdNumber({ regionCode: region, birthDate: '1960-01-01', sequence: 1 }), TODAY).valid).toBe(true);
    }
  });

  it.each(['810000', '820000', '830000'])('recognises %s as a HK/Macao/Taiwan residence permit', (region) => {
    const id = buildIdNumber({ regionCode: region, birthDate: '1992-08-17', sequence: 216 });
    expect(validateIdNumber(id, TODAY)).toEqual({
      valid: true,
      normalized: id,
      regionCode: region,
      birthDate: '1992-08-17',
      sex: 'FEMALE',
      kind: 'HK_MACAU_TAIWAN_RESIDENCE',
      legacy15: false,
    });
  });

  it('recognises a foreigner permanent residence ID card (first digit 9)', () => {
    const id = buildIdNumber({ regionCode: '931840', birthDate: '1975-03-09', sequence: 7 });
    expect(validateIdNumber(id, TODAY)).toMatchObject({ valid: true, kind: 'FOREIGN_PERMANENT_RESIDENT', sex: 'MALE' });
  });

  it('reports a bad check code before anything else', () => {
    expect(reasonOf(validateIdNumber('200105194913310020', TODAY))).toBe(IdNumberErrorCode.CHECKSUM);
  });
});

describe('assertIdNumber', () => {
  it('returns the parsed number', () => {
    expect(assertIdNumber('11010519491231002x', TODAY).normalized).toBe('11010519491231002X');
  });

  it('throws InvalidIdNumberError with the code and the Chinese message', () => {
    let error: unknown;
    try {
      assertIdNumber('110105194912310021', TODAY);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(InvalidIdNumberError);
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({ name: 'InvalidIdNumberError', code: IdNumberErrorCode.CHECKSUM });
    expect((error as Error).message).toMatch(/校验码/);
  });
});

describe('buildIdNumber', () => {
  it('rebuilds the standard example', () => {
    expect(buildIdNumber({ regionCode: '110105', birthDate: '1949-12-31', sequence: 2 })).toBe('11010519491231002X');
    expect(buildIdNumber({ regionCode: '440524', birthDate: '1880-01-01', sequence: 1 })).toBe('440524188001010014');
  });

  it('encodes the sex in the parity of the sequence, 0 to 999', () => {
    for (const sequence of [0, 1, 2, 499, 998, 999]) {
      const check = validateIdNumber(buildIdNumber({ regionCode: '510107', birthDate: '1990-01-01', sequence }), TODAY);
      expect(check.valid && check.sex).toBe(sequence % 2 === 1 ? 'MALE' : 'FEMALE');
    }
    expect(buildIdNumber({ regionCode: '510107', birthDate: '1990-01-01', sequence: 0 }).slice(14, 17)).toBe('000');
  });

  it.each([
    ['a 5-digit region', { regionCode: '51010', birthDate: '1990-01-01', sequence: 1 }],
    ['an unknown province', { regionCode: '200101', birthDate: '1990-01-01', sequence: 1 }],
    ['an impossible date', { regionCode: '510107', birthDate: '1990-02-30', sequence: 1 }],
    ['a compact date', { regionCode: '510107', birthDate: '19900101', sequence: 1 }],
    ['a date before 1800', { regionCode: '510107', birthDate: '1799-12-31', sequence: 1 }],
    ['sequence 1000', { regionCode: '510107', birthDate: '1990-01-01', sequence: 1000 }],
    ['a negative sequence', { regionCode: '510107', birthDate: '1990-01-01', sequence: -1 }],
    ['a fractional sequence', { regionCode: '510107', birthDate: '1990-01-01', sequence: 1.5 }],
  ])('refuses %s', (_label, parts) => {
    expect(() => buildIdNumber(parts)).toThrow(RangeError);
  });
});

describe('computeCheckCode', () => {
  it('maps the remainder through 10X98765432', () => {
    expect(computeCheckCode('11010519491231002')).toBe('X');
    expect(computeCheckCode('44052418800101001')).toBe('4');
  });

  it('refuses anything but 17 digits', () => {
    expect(() => computeCheckCode('1101051949123100')).toThrow(RangeError);
    expect(() => computeCheckCode('1101051949123100X')).toThrow(RangeError);
  });
});
