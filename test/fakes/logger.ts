/**
 * Logger and console (REF base/logger; V8 runtime console). Both write to one list a test can read;
 * Logger.log(format, ...values) substitutes %s/%d like Java's String.format subset Apps Script accepts.
 */
import { Runtime, asGas } from './runtime';

export interface LogEntry {
  source: 'Logger' | 'console';
  level: 'log' | 'info' | 'warn' | 'error' | 'debug';
  message: string;
}

function render(args: unknown[]): string {
  return args.map((a) => (typeof a === 'string' ? a : a instanceof Error || (a && typeof a === 'object' && 'stack' in a) ? String((a as Error).stack ?? a) : JSON.stringify(a))).join(' ');
}

export class FakeLogger implements Pick<GoogleAppsScript.Base.Logger, 'log' | 'getLog' | 'clear'> {
  constructor(
    private readonly rt: Runtime,
    private readonly entries: LogEntry[],
  ) {}
  log(data: unknown, ...values: unknown[]): GoogleAppsScript.Base.Logger {
    this.rt.hit('Logger', 'log');
    let message = typeof data === 'string' ? data : render([data]);
    if (values.length > 0) {
      let i = 0;
      message = message.replace(/%[sd]/g, () => String(values[i++]));
    }
    this.entries.push({ source: 'Logger', level: 'log', message });
    return asGas(this);
  }
  getLog(): string {
    this.rt.hit('Logger', 'getLog');
    return this.entries.filter((e) => e.source === 'Logger').map((e) => e.message).join('\n');
  }
  clear(): void {
    this.rt.hit('Logger', 'clear');
    for (let i = this.entries.length - 1; i >= 0; i--) if (this.entries[i].source === 'Logger') this.entries.splice(i, 1);
  }
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
