/**
 * Loads the BUILT dist/Code.js into a node:vm context that holds only the fakes' globals, the way Apps
 * Script's V8 runtime holds only its services: no require, process, setTimeout, Buffer, TextEncoder,
 * fetch (a fresh vm context has none of Node's globals). Tests then call top-level functions as the
 * clerk's menu clicks and google.script.run do:
 *
 *   const world = createGoogleWorld();
 *   const gas = loadBundle(world);
 *   gas.call('onOpen', {});
 *
 * Time: the context's `Date` reads the world's fake clock (`new Date()` and `Date.now()`), which
 * Google calls advance by their cost (runtime.ts), so the product's own time budget meets fake time.
 *
 * Values crossing the boundary: the fakes are switched to the context's Date and Error so that
 * `v instanceof Date` and `e instanceof Error` hold inside the bundle. Arrays and plain objects the fakes
 * return are host objects: use Array.isArray, not instanceof Array (true in Apps Script as well).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import vm from 'node:vm';
import { PROJECT_ROOT, type GoogleWorld } from './index';

export const BUILT_CODE = join(PROJECT_ROOT, 'dist', 'Code.js');

export interface LoadedBundle {
  context: vm.Context;
  /** Calls a top-level function of Code.js; throws if there is none by that name. */
  call(name: string, ...args: unknown[]): unknown;
  /** Top-level function declarations of Code.js (what Apps Script lists as runnable). */
  topLevelFunctions(): string[];
  /** Evaluates an expression inside the context (e.g. 'typeof require'). */
  evaluate(code: string): unknown;
}

export function loadBundle(world: GoogleWorld, opts: { codePath?: string } = {}): LoadedBundle {
  const code = readFileSync(opts.codePath ?? BUILT_CODE, 'utf8');
  const sandbox: Record<string, unknown> = { ...world.globals };
  const context = vm.createContext(sandbox, { name: 'apps-script' });
  installClockDate(context, () => world.clock.now());
  world.useRealm({
    Date: vm.runInContext('Date', context) as DateConstructor,
    Error: vm.runInContext('Error', context) as ErrorConstructor,
  });
  world.html.scope = context;
  vm.runInContext(code, context, { filename: 'Code.js' });

  const globalsBefore = new Set(Object.keys(world.globals));
  const declared = [...code.matchAll(/^function ([A-Za-z_$][\w$]*)\s*\(/gm)].map((m) => m[1]);
  return {
    context,
    call(name, ...args) {
      const fn = (context as Record<string, unknown>)[name];
      if (typeof fn !== 'function') throw new Error(`Code.js has no top-level function ${name}`);
      world.beginExecution(); // each menu click or google.script.run call is an execution of its own
      return (fn as (...a: unknown[]) => unknown)(...args);
    },
    topLevelFunctions() {
      return declared.filter((n) => !globalsBefore.has(n) && typeof (context as Record<string, unknown>)[n] === 'function');
    },
    evaluate(expr) {
      return vm.runInContext(expr, context);
    },
  };
}

/**
 * Replaces the context's Date by one whose "now" is the fake clock. Dates made from arguments are
 * ordinary Dates; the prototype is shared, so `instanceof Date` holds for every Date in the context.
 */
export function installClockDate(context: vm.Context, now: () => number): void {
  const install = vm.runInContext(
    `(function (clockNow) {
      const RealDate = Date;
      function ClockDate(...args) {
        if (!new.target) return new RealDate(clockNow()).toString();
        return args.length === 0 ? new RealDate(clockNow()) : new RealDate(...args);
      }
      ClockDate.prototype = RealDate.prototype;
      ClockDate.now = () => clockNow();
      ClockDate.parse = RealDate.parse;
      ClockDate.UTC = RealDate.UTC;
      globalThis.Date = ClockDate;
    })`,
    context,
  ) as (clockNow: () => number) => void;
  install(now);
}
