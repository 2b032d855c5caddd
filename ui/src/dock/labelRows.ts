/**
 * Rows for labels along a line (the ladder's figures) so that neighbours do not print over each
 * other: each label goes in the first of `rows` rows where it clears the last label placed there;
 * when none has room, in the row whose last label ends first. Widths are estimated from the text
 * (DejaVu Sans averages ~0.6 em a character for figures), which is all a layout of a few dozen
 * labels needs — measuring them would mean rendering them first.
 */
export interface LineLabel {
  /** Centre of the label along the line (px). */
  at: number;
  text: string;
  fontSize: number;
}

const GAP = 4;

export function labelRows(labels: LineLabel[], rows = 2): number[] {
  const ends: number[] = Array.from({ length: rows }, () => -Infinity);
  const order = labels.map((label, index) => ({ label, index })).sort((a, b) => a.label.at - b.label.at);
  const result: number[] = new Array<number>(labels.length).fill(0);
  for (const { label, index } of order) {
    const half = (label.text.length * label.fontSize * 0.6) / 2;
    const start = label.at - half;
    let row = ends.findIndex((end) => end + GAP <= start);
    if (row < 0) row = ends.indexOf(Math.min(...ends));
    ends[row] = label.at + half;
    result[index] = row;
  }
  return result;
}
