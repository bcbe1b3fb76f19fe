// Loads a value for a view and reloads it when its inputs change; an answer for older inputs is dropped.
import { useEffect, useState } from 'preact/hooks';

export type Loaded<T> =
  | { status: 'loading' }
  | { status: 'done'; value: T }
  | { status: 'failed'; error: string };

export function useLoaded<T>(load: () => Promise<T>, inputs: readonly unknown[]): Loaded<T> {
  const [state, setState] = useState<Loaded<T>>({ status: 'loading' });
  useEffect(() => {
    let live = true;
    load().then(
      (value) => live && setState({ status: 'done', value }),
      (error: unknown) => live && setState({ status: 'failed', error: String(error) }),
    );
    return () => {
      live = false;
    };
    // `inputs` are the caller's dependencies of `load`.
  }, inputs);
  return state;
}
