/** Competition ranks (1, 2, 2, 4), highest value first. */
export function competitionRanks(values: ArrayLike<number>): number[] {
  const n = values.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => values[b] - values[a]);
  const ranks = new Array<number>(n);
  for (let k = 0; k < n; k++) {
    const i = order[k];
    ranks[i] = k > 0 && values[order[k - 1]] === values[i] ? ranks[order[k - 1]] : k + 1;
  }
  return ranks;
}
