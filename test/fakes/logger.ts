/**
 * console (V8 runtime console) writes to a list a test can read. The product never calls Logger, so it is not
 * faked: a call to it fails loudly in the tests.
 */
import { Runtime } from './runtime';

export interface LogEntry {
  source: 'console';
  level: 'log' | 'info' | 'warn' | 'error' | 'debug';
  message: string;
}

function render(args: unknown[]): string {
  return args.map((a) => (typeof a === 'string' ? a : a instanceof Error || (a && typeof a === 'object' && 'stack' in a) ? String((a as Error).stack ?? a) : JSON.stringify(a))).join(' ');
}

export function fakeConsole(rt: Runtime, entries: LogEntry[]): Pick<Console, 'log' | 'info' | 'warn' | 'error' | 'debug'> {
  const at =
    (level: LogEntry['level']) =>
    (...args: unknown[]) => {
      rt.hit('console', level);
      entries.push({ source: 'console', level, message: render(args) });
    };
  return { log: at('log'), info: at('info'), warn: at('warn'), error: at('error'), debug: at('debug') };
}
