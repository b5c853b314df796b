/**
 * A state update rendered before the caller goes on, for what must be on
 * screen at once (the print layout, from a `beforeprint` handler). Here,
 * not in the theme: an ejected component then imports no `react-dom`, whose
 * types a TypeScript site need not have installed.
 */
import {flushSync} from 'react-dom';

/** Runs `update` and renders its state changes before returning (React's `flushSync`). */
export function renderNow(update: () => void): void {
  flushSync(update);
}
