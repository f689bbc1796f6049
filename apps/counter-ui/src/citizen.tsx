import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';

/** The citizen being served at the window (from the ID-card reader or typed), kept per tab. */
export interface CurrentCitizen {
  idNumber: string;
  name: string;
}

interface CitizenState {
  citizen: CurrentCitizen | null;
  setCitizen(c: CurrentCitizen | null): void;
}

const KEY = 'onewindow.citizen';
const Ctx = createContext<CitizenState | null>(null);

function stored(): CurrentCitizen | null {
  try {
    const raw = sessionStorage.getItem(KEY);
    return raw ? (JSON.parse(raw) as CurrentCitizen) : null;
  } catch {
    return null;
  }
}

export function CitizenProvider({ children }: { children: ReactNode }) {
  const [citizen, set] = useState<CurrentCitizen | null>(stored);
  const setCitizen = useCallback((c: CurrentCitizen | null) => {
    if (c) sessionStorage.setItem(KEY, JSON.stringify(c));
    else sessionStorage.removeItem(KEY);
    set(c);
  }, []);
  const value = useMemo(() => ({ citizen, setCitizen }), [citizen, setCitizen]);
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

export function useCitizen(): CitizenState {
  const c = useContext(Ctx);
  if (!c) throw new Error('useCitizen outside CitizenProvider');
  return c;
}

/** ID number as typed or scanned: trimmed, spaces removed, lowercase x normalised. */
export function normaliseIdNumber(raw: string): string {
  return raw.replace(/\s+/g, '').toUpperCase();
}

/** GB 11643 check code (quick client-side check; the server validates again). */
export function idNumberProblem(raw: string): string | null {
  const id = normaliseIdNumber(raw);
  if (/^\d{15}$/.test(id)) return null;
  if (!/^\d{17}[\dX]$/.test(id)) return '身份证号码应为 18 位（最后一位可为 X）或 15 位数字';
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = w.reduce((s, wi, i) => s + wi * Number(id[i]), 0);
  if ('10X98765432'[sum % 11] !== id[17]) return '身份证号码校验位不正确，请核对';
  return null;
}

/** 110105********1234 */
export function maskIdNumber(id: string): string {
  return id.length >= 10 ? `${id.slice(0, 6)}${'*'.repeat(id.length - 10)}${id.slice(-4)}` : id;
}
