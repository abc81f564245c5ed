import { AppError, describeProblems, type Problem } from '../api/result.ts';

/** Long lists help nobody: a broken 1,000 × 50 matrix would otherwise yield 50,000 entries. */
const MAX_PROBLEMS = 50;

/** Throws the one error every invalid decision problem produces: invalid_args with problems by path. */
export function failInvalid(problems: readonly Problem[]): never {
  const kept = problems.slice(0, MAX_PROBLEMS);
  throw new AppError('invalid_args', `invalid decision problem: ${describeProblems(problems)}`, { problems: kept });
}

/** Collects problems while checking, then throws them all at once so people can fix a file in one go. */
export class ProblemList {
  readonly items: Problem[] = [];

  add(path: (string | number)[], message: string): void {
    if (this.items.length < MAX_PROBLEMS) this.items.push({ path, message });
  }

  get full(): boolean {
    return this.items.length >= MAX_PROBLEMS;
  }

  throwIfAny(): void {
    if (this.items.length > 0) failInvalid(this.items);
  }
}

/** Numbers in messages: short, but exact enough to find the cell. */
export function show(x: number): string {
  return Number.isInteger(x) ? String(x) : String(Number(x.toPrecision(6)));
}
