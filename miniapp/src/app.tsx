// zod-setup must stay the first import: it configures zod before any shared schema is created.
import './zod-setup'
import type { PropsWithChildren } from 'react'
import './app.scss'

// A conditional require, so the weapp build never sees the H5-only styles.
// eslint-disable-next-line @typescript-eslint/no-require-imports
if (process.env.TARO_ENV === 'h5') require('./styles/h5.scss')

function App({ children }: PropsWithChildren) {
  // children are the pages being rendered
  return children
}

export default App
