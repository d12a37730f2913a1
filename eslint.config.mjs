// Lint rules, including the import boundaries of docs/ARCHITECTURE.md: each layer may import only
// what the layer table allows, so nobody has to remember it. The two rules that need the whole program — floating
// promises (types) and import cycles (the module graph) — run in oxlint (.oxlintrc.json), which checks them in a
// fraction of the time typescript-eslint and import-x took.
import js from '@eslint/js'
import prettier from 'eslint-config-prettier'
import i18next from 'eslint-plugin-i18next'
import reactHooks from 'eslint-plugin-react-hooks'
import tseslint from 'typescript-eslint'

const node = ['node:*', 'fs', 'path', 'os', 'crypto', 'http', 'child_process', 'worker_threads']
const restrict = (patterns, message, regex) => ({
  'no-restricted-imports': ['error', { patterns: [{ group: patterns, message }, ...(regex ? [{ regex, message }] : [])] }]
})

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'drizzle/**', 'test-results/**', 'playwright-report/**', '.tmp/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    // Every word on a screen comes from the catalogues: text in JSX, and the attributes a user reads.
    files: ['src/renderer/**/*.tsx'],
    plugins: { i18next },
    rules: {
      'i18next/no-literal-string': [
        'error',
        {
          mode: 'jsx-only',
          'jsx-attributes': {
            include: [
              'label',
              'placeholder',
              'title',
              'description',
              'aria-label',
              'alt',
              'message',
              'error',
              'nothingFoundMessage',
              'confirmLabel',
              'tooltip'
            ],
            exclude: ['.*']
          },
          // Functions whose string arguments are field names, permission and code-table keys, never words. (The rule
          // can also tell those by their literal-union types, but building the program for it tripled the lint's time.)
          callees: {
            exclude: [
              ...['i18n(ext)?', 't', 'require', 'addEventListener', 'removeEventListener', 'postMessage', 'getElementById'],
              ...['dispatch', 'commit', 'includes', 'indexOf', 'endsWith', 'startsWith'],
              ...['getInputProps', 'errorOf', 'can', 'cell', 'code', 'time', 'field', 'weekday', 'tr']
            ]
          },
          words: { exclude: ['[0-9!-/:-@[-`{-~\\s—–…·•×€%]+', '[A-Z_-]+'] }
        }
      ]
    }
  },
  {
    // …and outside JSX: the words of column headers, notifications and options, which the rule above does not see.
    files: ['src/renderer/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector:
            'Property[key.name=/^(label|title|message|header|placeholder|description|confirmLabel|tooltip|emptyText|group)$/] > :matches(Literal[value=/[A-Za-zÀ-ž]{2}/], TemplateLiteral[quasis.0.value.raw=/[A-Za-zÀ-ž]{2}/])',
          message: 'A user-visible text: take it from the catalogues (t(...)).'
        }
      ]
    }
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' }
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }
      ],
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
    // The demo (src/main/demo) and start-up (src/main/bootstrap.ts) sit above the services and may call them, not the other way round.
    files: ['src/main/services/**/*.ts'],
    rules: restrict(
      ['electron'],
      'Services never import Electron, a host, the demo data or the start-up module.',
      '^\\.\\.?/(\\.\\./)*(api|electron|http|cli|demo|bootstrap)(/|$)'
    )
  },
  {
    files: ['src/main/db/**/*.ts'],
    rules: restrict(
      ['electron'],
      'db is the bottom layer of main: it imports nothing above it (services, demo, start-up, api or a host).',
      '^\\.\\.?/(\\.\\./)*(services|demo|bootstrap|api|electron|http|cli)(/|$)'
    )
  },
  {
    files: ['src/main/demo/**/*.ts'],
    rules: restrict(
      ['electron'],
      'The demo data writes through db and the services; it never imports the API layer or a host.',
      '^\\.\\.?/(\\.\\./)*(api|electron|http|cli)(/|$)'
    )
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
      ['@shared/*', '!@shared/api', '@shared/api/*', '!@shared/api/bridge', '**/main/**', '**/renderer/**', 'zod'],
      'The preload forwards calls on its channels only; it imports electron and the channel names of @shared/api/bridge.'
    )
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    rules: restrict(
      ['electron', ...node, '**/main/**', 'drizzle-orm', 'drizzle-orm/*', 'better-sqlite3'],
      'The renderer talks to main through window.api only.'
    )
  },
  {
    // A later block replaces the rule, so this one repeats the renderer's patterns and adds features/.
    files: ['src/renderer/src/components/**/*.{ts,tsx}', 'src/renderer/src/lib/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['electron', ...node, '**/main/**', 'drizzle-orm', 'drizzle-orm/*', 'better-sqlite3'],
              message: 'The renderer talks to main through window.api only.'
            },
            {
              group: ['**/features/**'],
              message:
                'components/ and lib/ are shared by every feature and never import one: move what they need into components/ or lib/.'
            }
          ]
        }
      ]
    }
  },
  // Formatting is Prettier's; it must come last to switch off the stylistic rules it owns.
  prettier
)
