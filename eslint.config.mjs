import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import importX, { createNodeResolver } from 'eslint-plugin-import-x'
import { builtinModules } from 'node:module'

const restrict = (patterns, paths = []) => ['error', { patterns, paths }]

export default tseslint.config(
  {
    ignores: [
      'out/**',
      '.bench/**',
      'dist/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**'
    ]
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
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
    files: ['bin/**/*.js'],
    languageOptions: { globals: globals.node, sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' }
  },
  {
    files: ['tests/fixtures/**/*.mjs'],
    languageOptions: { globals: globals.node }
  },
  // Layers: imports point downwards only.
  {
    files: ['src/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict(
        [
          {
            group: ['electron', 'node:*', 'react', 'react-dom'],
            message: 'src/shared is plain TypeScript: no Electron, Node or DOM.'
          },
          {
            group: ['**/server/**', '**/main/**', '**/renderer/**', '**/preload/**'],
            message: 'src/shared imports nothing above it.'
          }
        ],
        // Bare built-in names ('fs', 'path') by exact name: a pattern would also match './domain'.
        builtinModules.map((name) => ({
          name,
          message: 'src/shared is plain TypeScript: no Node built-ins.'
        }))
      )
    }
  },
  {
    files: ['src/server/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict([
        { group: ['electron'], message: 'The core runs without Electron.' },
        {
          group: ['**/main/**', '**/renderer/**', '**/preload/**'],
          message: 'The core imports only src/shared.'
        }
      ])
    }
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: globals.browser },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': restrict([
        { group: ['electron', 'node:*'], message: 'The renderer has no Node or Electron.' },
        {
          group: ['**/server/**', '**/main/**'],
          message: 'The renderer talks to the core only through invoke().'
        }
      ])
    }
  },
  {
    files: ['src/main/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict([
        {
          group: ['**/renderer/**', '**/preload/**'],
          message: 'The shell talks to the renderer only through IPC and the preload.'
        }
      ])
    }
  },
  // A migration is frozen: it may use nothing that later code can change.
  {
    files: ['src/server/store/migrations/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['../*', '../../*'],
              allowTypeImports: true,
              message: 'A migration must not call code that later changes; freeze what it needs.'
            }
          ]
        }
      ]
    }
  },
  // Type-aware rules for the product's code: a promise nobody awaits loses its error, and a
  // switch over a union must say what happens to every member.
  {
    files: ['src/**/*.{ts,tsx}'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname }
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': [
        'error',
        { considerDefaultExhaustiveForUnions: true }
      ]
    }
  },
  // No import cycles anywhere in the product, type-only ones included.
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js'] })],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/extensions': ['.ts', '.tsx', '.js']
    },
    rules: { 'import-x/no-cycle': ['error', { ignoreExternal: true }] }
  },
  {
    files: ['src/preload/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict([
        {
          group: ['**/server/**', '**/renderer/**', '**/main/**'],
          message: 'The preload exposes invoke() and shared types only.'
        }
      ])
    }
  }
)
