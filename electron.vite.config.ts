import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import react from '@vitejs/plugin-react'

const shared = { '@shared': resolve(__dirname, 'src/shared') }

export default defineConfig({
  main: {
    resolve: { alias: shared },
    build: {
      rollupOptions: {
        input: {
          // The Electron entry and the browser-mode host are built side by side from the same handlers.
          index: resolve(__dirname, 'src/main/electron/main.ts'),
          web: resolve(__dirname, 'src/main/http/web.ts'),
          // The shop server: the same host over HTTPS on the shop's network (docs/shop-server.md).
          serve: resolve(__dirname, 'src/main/http/serve.ts'),
          // The planner's worker thread (services/planner/workerPath.ts finds it beside the bundle).
          planWorker: resolve(__dirname, 'src/main/services/planner/solveWorker.ts')
        }
      }
    }
  },
  preload: {
    resolve: { alias: shared },
    build: { rollupOptions: { input: { index: resolve(__dirname, 'src/preload/index.ts') } } }
  },
  renderer: {
    root: resolve(__dirname, 'src/renderer'),
    resolve: { alias: { ...shared, '@renderer': resolve(__dirname, 'src/renderer/src') } },
    plugins: [react()],
    build: {
      // electron-vite leaves the renderer unminified: 5.6 MB of script that every window and every browser tab parses
      // before the first screen. Minified it is a third of that.
      minify: true,
      rollupOptions: { input: { index: resolve(__dirname, 'src/renderer/index.html') } }
    }
  }
})
