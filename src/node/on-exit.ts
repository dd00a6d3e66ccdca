/**
 * Clean-up that must happen however the CLI ends: a normal return, an error, Ctrl-C (SIGINT), a kill
 * (SIGTERM, SIGHUP). Each step is synchronous, because an 'exit' handler cannot wait. Used to stop the
 * LibreOffice child with the parent and to remove its throwaway profile and any half-written temp file.
 */
const steps = new Set<() => void>();
let installed = false;

/** Exit status after a signal, as shells report it (128 + signal number). */
const SIGNAL_EXIT: Record<string, number> = { SIGHUP: 129, SIGINT: 130, SIGTERM: 143 };

function runAll(): void {
  for (const step of [...steps]) {
    steps.delete(step);
    try {
      step();
    } catch {
      // Clean-up is best effort: one failing step must not stop the others.
    }
  }
}

function install(): void {
  if (installed) return;
  installed = true;
  process.on('exit', runAll);
  for (const signal of Object.keys(SIGNAL_EXIT) as NodeJS.Signals[]) {
    process.on(signal, () => {
      runAll();
      process.exit(SIGNAL_EXIT[signal]);
    });
  }
}

/** Registers a clean-up step; call the returned function once the step is no longer needed. */
export function onExit(step: () => void): () => void {
  install();
  steps.add(step);
  return () => {
    steps.delete(step);
  };
}
