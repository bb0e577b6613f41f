import { CRITERIA, type Criterion } from '@taotai/shared';

/** enterprise.criteria_mask bit of a criterion, in CRITERIA order: 1 energy … 16 technology. */
export const criterionBit = (c: Criterion): number => 1 << CRITERIA.indexOf(c);

/** The mask of an enterprise whose lines fail these criteria (for bulk writers that compute it in code). */
export const criteriaMaskOf = (criteria: Iterable<Criterion>): number => {
  let mask = 0;
  for (const c of criteria) mask |= criterionBit(c);
  return mask;
};

/** The criteria a mask stands for, in CRITERIA order. */
export const criteriaOfMask = (mask: number): Criterion[] => CRITERIA.filter((c) => (mask & criterionBit(c)) !== 0);
