// Lint rules, including the import boundaries of docs/ARCHITECTURE.md: each layer may import only
// what the layer table allows, so nobody has to remember it.
import js from '@eslint/js'
import tseslint from 'typescript-eslint'

const node = ['node:*', 'fs', 'path', 'os', 'crypto', 'http', 'child_process', 'worker_threads']
const restrict = (patterns, message, regex) => ({
  'no-restricted-imports': [
    'error',
    { patterns: [{ group: patterns, message }, ...(regex ? [{ regex, message }] : [])] }
  ]
})

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'drizzle/**', 'test-results/**', 'playwright-report/**', '.tmp/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error'
    }
  },
  {
    // Playwright fixtures must destructure their first argument, even when they use none of it.
    files: ['e2e/**/*.ts'],
    rules: { 'no-empty-pattern': 'off' }
  },
  {
    files: ['src/shared/**/*.ts'],
    rules: restrict(
      ['electron', ...node, 'drizzle-orm', 'drizzle-orm/*', 'better-sqlite3', '**/main/**', '**/renderer/**', '@renderer/*', 'react'],
      'src/shared is pure: the contract, schemas and domain logic only (no Electron, Node, Drizzle or UI).'
    )
  },
  {
    files: ['src/main/db/**/*.ts', 'src/main/services/**/*.ts'],
    rules: restrict(['electron'], 'db and services never import Electron or a host.', '^\\.\\.?/(\\.\\./)*(api|electron|http|cli)/')
  },
  {
    files: ['src/main/api/**/*.ts'],
    rules: restrict(['electron'], 'The API layer is shared by every host; it never imports one.', '^\\.\\.?/(\\.\\./)*(electron|http|cli)/')
  },
  {
    files: ['src/main/http/**/*.ts', 'src/main/cli/**/*.ts'],
    rules: restrict(['electron'], 'Only src/main/electron may import Electron.', '^\\.\\.?/(\\.\\./)*electron/')
  },
  {
    files: ['src/preload/**/*.ts'],
    rules: restrict(
      // gitignore semantics: a file cannot be re-included while its folder is excluded, hence the two steps.
      ['@shared/*', '!@shared/api', '@shared/api/*', '!@shared/api/methods', '!@shared/api/bridge', '!@shared/api/result', '**/main/**', '**/renderer/**', 'zod'],
      'The preload exposes the method names only; it imports electron and @shared/api/methods.'
    )
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    rules: restrict(['electron', ...node, '**/main/**', 'drizzle-orm', 'drizzle-orm/*', 'better-sqlite3'], 'The renderer talks to main through window.api only.')
  },
  {
    // A later block replaces the rule, so this one repeats the renderer's patterns and adds features/.
    files: ['src/renderer/src/components/**/*.{ts,tsx}', 'src/renderer/src/lib/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['electron', ...node, '**/main/**', 'drizzle-orm', 'drizzle-orm/*', 'better-sqlite3'], message: 'The renderer talks to main through window.api only.' },
            { group: ['**/features/**'], message: 'components/ and lib/ are shared by every feature and never import one: move what they need into components/ or lib/.' }
          ]
        }
      ]
    }
  }
)
