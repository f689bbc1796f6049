import { useQuery } from '@apollo/client';
import { useCallback } from 'react';
import { PoliceUnitsDocument } from './graphql/operations';

/**
 * A unit's name instead of its code (510107001 → 成都市公安局武侯区分局浆洗街派出所), from the
 * services' unit directory. Until it has loaded, or for a code it does not list, the nearest listed
 * parent's name with the code, else the code with its label.
 */
export function useUnitName(): (code: string | null | undefined) => string {
  const { data } = useQuery(PoliceUnitsDocument, { fetchPolicy: 'cache-first' });
  const units = data?.policeUnits;
  return useCallback(
    (code) => {
      if (!code) return '';
      const byCode = new Map((units ?? []).map((u) => [u.code, u.name]));
      const own = byCode.get(code);
      if (own) return own;
      for (let n = code.length - 1; n >= 4; n--) {
        const parent = byCode.get(code.slice(0, n));
        if (parent) return `${parent}（单位代码 ${code}）`;
      }
      return `单位代码 ${code}`;
    },
    [units],
  );
}
