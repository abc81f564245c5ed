/**
 * A dense row-major matrix of doubles. The engine works on these instead of nested arrays so
 * that the hot loops (1,000 × 50 cells, thousands of SMAA samples) touch one typed array.
 *
 * Reads of typed arrays in this engine's loops are written `values[i] as number`: the indices are
 * loop-bounded, lint forbids `!`, `?? 0` would hide a real bug, and a shared accessor function
 * made the hottest loops an order of magnitude slower in V8.
 */
export class Matrix {
  readonly data: Float64Array;

  constructor(
    readonly rows: number,
    readonly cols: number,
    data?: Float64Array,
  ) {
    this.data = data ?? new Float64Array(rows * cols);
  }

  get(i: number, j: number): number {
    return this.data[i * this.cols + j] as number;
  }

  set(i: number, j: number, value: number): void {
    this.data[i * this.cols + j] = value;
  }

  column(j: number): Float64Array {
    const out = new Float64Array(this.rows);
    const { data, cols } = this;
    for (let i = 0, index = j; i < this.rows; i++, index += cols) out[i] = data[index] as number;
    return out;
  }

  setColumn(j: number, values: Float64Array): void {
    const { data, cols } = this;
    for (let i = 0, index = j; i < this.rows; i++, index += cols) data[index] = values[i] as number;
  }

  map(fn: (value: number, i: number, j: number) => number): Matrix {
    const out = new Matrix(this.rows, this.cols);
    const { data, cols } = this;
    for (let i = 0, index = 0; i < this.rows; i++) for (let j = 0; j < cols; j++, index++) out.data[index] = fn(data[index] as number, i, j);
    return out;
  }

  toArrays(): number[][] {
    const out: number[][] = [];
    const { data, cols } = this;
    for (let i = 0, index = 0; i < this.rows; i++) {
      // A plain loop: Array.from over a typed subarray is several times slower here.
      const row = new Array<number>(cols);
      for (let j = 0; j < cols; j++, index++) row[j] = data[index] as number;
      out.push(row);
    }
    return out;
  }
}
