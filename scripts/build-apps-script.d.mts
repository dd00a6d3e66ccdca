// Types for tests that import the build script.
export function checkBundle(code: string): void;
export function buildAppsScript(opts?: { outDir?: string; target?: 'commune' | 'district' }): Promise<{ outDir: string; exports: string[]; html: string[]; bytes: number }>;
