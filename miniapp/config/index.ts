import path from 'node:path'
import { defineConfig, type UserConfigExport } from '@tarojs/cli'
import type { Compiler } from 'webpack'
import type Chain from 'webpack-chain'
import devConfig from './dev'
import prodConfig from './prod'

const miniappRoot = path.resolve(__dirname, '..')
/** The wire contract is TypeScript source shared with the BFF: compile it with babel like app code. */
const sharedRoot = path.resolve(miniappRoot, '../shared')
const sharedEntry = path.join(sharedRoot, 'src/index.ts')

/**
 * The WeChat runtime forbids `new Function`/`eval`. `src/zod-setup.ts` turns zod's JIT off at run
 * time; these replacements also remove the code that could call it, so the weapp bundle contains no
 * `new Function(` for a reviewer (or the platform's scanner) to find.
 */
const noEvalReplacements: [RegExp, string][] = [[/[\\/]zod[\\/]v4[\\/]core[\\/]doc\.c?js$/, path.join(__dirname, 'shims/zod-doc.js')]]

/**
 * zod code the miniapp never runs, left out of both builds (weapp main package and H5 first load): the
 * JSON Schema converters behind `.toJSONSchema()` and the English messages (Chinese is set first, see
 * src/zod-setup.ts). e2e `weappBundle` checks they stay out.
 */
const zodTrims: [RegExp, string][] = [
  [/[\\/]zod[\\/]v4[\\/]core[\\/](to-json-schema|json-schema-processors)\.js$/, path.join(__dirname, 'shims/zod-json-schema.js')],
  [/[\\/]zod[\\/]v4[\\/]locales[\\/]en\.js$/, path.join(__dirname, 'shims/zod-locale-en.js')],
]

function trimZod(chain: Chain, webpack: { NormalModuleReplacementPlugin: new (pattern: RegExp, replacement: string) => unknown }) {
  zodTrims.forEach(([pattern, replacement], i) => chain.plugin(`zod-trim-${i}`).use(webpack.NormalModuleReplacementPlugin, [pattern, replacement]))
}

/**
 * webpack's `__webpack_require__.g` runtime falls back to `new Function('return this')()` when
 * `globalThis` is missing. Generate it without that fallback for the mini-program.
 */
class NoEvalGlobalRuntimePlugin {
  apply(compiler: Compiler) {
    compiler.hooks.compilation.tap('NoEvalGlobalRuntimePlugin', (compilation) => {
      compilation.hooks.runtimeModule.tap('NoEvalGlobalRuntimePlugin', (module) => {
        if (module.name !== 'global') return
        module.generate = () =>
          [
            '__webpack_require__.g = (function() {',
            "  if (typeof globalThis === 'object') return globalThis;",
            "  if (typeof global === 'object') return global;",
            "  if (typeof window === 'object') return window;",
            "  if (typeof self === 'object') return self;",
            '  return this;',
            '})();',
          ].join('\n')
      })
    })
  }
}

/**
 * Taro's H5 splitChunks only splits initial chunks, so every lazily loaded page chunk would carry
 * its own copy of zod, the contract and the shared components. Collect what two or more pages
 * share into one async chunk.
 */
function shareAsyncPageCode(chain: Chain) {
  const current = (chain.optimization.get('splitChunks') ?? {}) as { cacheGroups?: Record<string, unknown> }
  chain.optimization.splitChunks({
    ...current,
    cacheGroups: {
      ...current.cacheGroups,
      pagesCommon: { name: 'pages-common', chunks: 'async', minChunks: 2, priority: 5, reuseExistingChunk: true },
    },
  })
}

/**
 * `@gm/shared` is TypeScript source. Packages npm could not hoist (e.g. the react-reconciler
 * version @tarojs/react pins) live in miniapp/node_modules, where Taro's own packages in the root
 * node_modules must still find them.
 */
function workspaceResolution(chain: Chain) {
  chain.resolve.alias.set('@gm/shared$', sharedEntry)
  chain.resolve.modules.add('node_modules').add(path.join(miniappRoot, 'node_modules'))
}

export default defineConfig<'webpack5'>(async (merge) => {
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'gov-engagement-miniapp',
    date: '2026-11-21',
    designWidth: 750,
    deviceRatio: {
      640: 2.34 / 2,
      750: 1,
      375: 2,
      828: 1.81 / 2,
    },
    sourceRoot: 'src',
    outputRoot: `dist/${process.env.TARO_ENV}`,
    // weapp: WeChat's aria-* attributes in the templates (see weappAria.js)
    plugins: process.env.TARO_ENV === 'weapp' ? [path.resolve(__dirname, 'weappAria.js')] : [],
    defineConstants: {},
    copy: { patterns: [], options: {} },
    framework: 'react',
    compiler: 'webpack5',
    cache: { enable: false },
    // The weapp bundles keep Chinese text as UTF-8 (as hand-written mini-program code does) instead of Taro's default
    // \uXXXX escapes: 3 bytes a character instead of 6, which is most of the main package's strings.
    ...(process.env.TARO_ENV === 'weapp' ? { terser: { enable: true, config: { output: { ascii_only: false } } } } : {}),
    mini: {
      // Template levels in base.wxml before a node nests through the `comp` component (WeChat templates cannot
      // recurse). Taro's 16 cost 21 KB more of the main package; the deepest citizen page measured (H5, demo data,
      // 2026-12-06) nests 9 components (a decision page: 1,369 of its 1,481 nodes at 9), so 10 keeps them all in templates.
      // (Read by Taro's MiniPlugin, not in its config types: spread to pass the type check.)
      ...{ baseLevel: 10 },
      compile: { include: [sharedRoot] },
      // components' styles are independent BEM blocks, so their order in common.wxss does not matter
      miniCssExtractPluginOption: { ignoreOrder: true },
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
      webpackChain(chain, webpack) {
        workspaceResolution(chain)
        for (const [pattern, replacement] of noEvalReplacements) {
          chain.plugin(`no-eval:${replacement}`).use(webpack.NormalModuleReplacementPlugin, [pattern, replacement])
        }
        chain.plugin('no-eval:global-runtime').use(NoEvalGlobalRuntimePlugin)
        trimZod(chain, webpack)
      },
    },
    h5: {
      publicPath: '/',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      compile: { include: [sharedRoot] },
      output: {
        filename: 'js/[name].[hash:8].js',
        chunkFilename: 'js/[name].[chunkhash:8].js',
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[hash].css',
        chunkFilename: 'css/[name].[chunkhash].css',
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
      webpackChain(chain, webpack) {
        workspaceResolution(chain)
        shareAsyncPageCode(chain)
        trimZod(chain, webpack)
      },
    },
  }

  if (process.env.NODE_ENV === 'development') {
    return merge({}, baseConfig, devConfig)
  }
  return merge({}, baseConfig, prodConfig)
})
