/**
 * Mid-ranks (ties get the mean of the ranks they span, R's `rank(ties.method = "average")`) and the
 * sizes of the tie groups, which the normal approximations of rank tests need.
 * @example midRanks([3, 1, 3]) // { ranks: [2.5, 1, 2.5], ties: [1, 2] }
 */
export function midRanks(values: ReadonlyArray<number>): { readonly ranks: number[]; readonly ties: number[] } {
  const order = values.map((_, i) => i).sort((a, b) => values[a] - values[b]);
  const ranks = new Array<number>(values.length);
  const ties: number[] = [];
  let i = 0;
  while (i < order.length) {
    let j = i;
    while (j + 1 < order.length && values[order[j + 1]] === values[order[i]]) j++;
    const r = (i + j + 2) / 2;
    for (let k = i; k <= j; k++) ranks[order[k]] = r;
    ties.push(j - i + 1);
    i = j + 1;
  }
  return { ranks, ties };
}
