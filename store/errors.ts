// The store's errors: said in one line, never with a stack.

/** The dataset cannot be opened or is not one of ours: a clear message, no stack. */
export class DatasetError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DatasetError';
  }
}

/** An ordinary mistake in what was asked (a unit that does not exist …): one line, exit 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
