import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', 'build/', 'dist/', 'dist-district/', 'out/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{js,mjs}'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
  {
    // The core runs inside Apps Script and Node alike: it may not reach for either's globals or modules.
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['node:*', '../../node/*', '../../apps-script/*', 'exceljs', 'docx'] }],
      'no-restricted-globals': ['error', 'process', 'Buffer', 'require', 'setTimeout', 'fetch', 'SpreadsheetApp', 'DocumentApp', 'DriveApp', 'Drive', 'Docs', 'HtmlService', 'LockService', 'PropertiesService', 'Utilities', 'Session', 'Intl'],
    },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
);
