import { readFileSync } from 'node:fs';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  // Templates are imported as text, as esbuild's `.txt: 'text'` loader does for the bundles.
  plugins: [
    {
      name: 'text-files',
      enforce: 'pre',
      load(id: string) {
        const path = id.split('?')[0];
        return path.endsWith('.txt') ? `export default ${JSON.stringify(readFileSync(path, 'utf8'))};` : undefined;
      },
    },
  ],
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});
