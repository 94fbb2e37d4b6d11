// The mini-program's root: global styles, and the 大字模式 preference every page's PageShell follows.
// zod-setup must stay the first import: it configures zod before any shared schema is created.
import './zod-setup'
import type { PropsWithChildren } from 'react'
import { LargeFontContext } from './components/PageShell'
import { useLargeFont } from './hooks/useLargeFont'
import { installKeyboardActivation } from './utils/a11y'
import './app.scss'

// A conditional require, so the weapp build never sees the H5-only styles.
// eslint-disable-next-line @typescript-eslint/no-require-imports
if (process.env.TARO_ENV === 'h5') require('./styles/h5.scss')
// H5: taps on views with a button or link role also answer Enter and Space.
if (process.env.TARO_ENV === 'h5') installKeyboardActivation(document)

/**
 * children are the pages being rendered (Taro mounts every page inside the app's tree, so a change
 * of the preference on one page reaches the open tab pages at once).
 */
function App({ children }: PropsWithChildren) {
  const { enabled } = useLargeFont()
  return <LargeFontContext.Provider value={enabled}>{children}</LargeFontContext.Provider>
}

export default App
