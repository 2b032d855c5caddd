/**
 * Rows for labels along a line (the ladder's figures, the Monte Carlo percentiles) so that
 * neighbours do not print over each other: each label goes in the first of `rows` rows where it
 * clears the last label placed there; when none has room, in the row whose last label ends first.
 */

/** Where a label lies along the line (px). */
export interface Span {
  start: number;
  end: number;
}

const GAP = 4;

/**
 * The estimated width of `text` at `fontSize` px: DejaVu Sans averages ~0.6 em a character for
 * figures, which is all a layout of a few dozen labels needs — measuring them would mean rendering
 * them first.
 */
export function textWidth(text: string, fontSize: number): number {
  return text.length * fontSize * 0.6;
}

/** The span of `text` centred on `at`. */
export function centred(at: number, text: string, fontSize: number): Span {
  const half = textWidth(text, fontSize) / 2;
  return { start: at - half, end: at + half };
}

export function labelRows(spans: Span[], rows = 2): number[] {
  const ends: number[] = Array.from({ length: rows }, () => -Infinity);
  const order = spans.map((span, index) => ({ span, index })).sort((a, b) => a.span.start - b.span.start);
  const result: number[] = new Array<number>(spans.length).fill(0);
  for (const { span, index } of order) {
    let row = ends.findIndex((end) => end + GAP <= span.start);
    if (row < 0) row = ends.indexOf(Math.min(...ends));
    ends[row] = span.end;
    result[index] = row;
  }
  return result;
}
