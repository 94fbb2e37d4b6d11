// A staff page's export button: download a file through the API client and say what was saved.
import { useState } from 'react'
import type { DownloadResult } from '../api'
import { type Action, useAction } from './useAction'

export interface Download<A extends unknown[]> {
  exportFile: Action<A>
  /** What the last download saved, for the notice. */
  downloaded: string | null
}

/** `download` returns nothing when there is nothing to download (no item on the page). */
export function useDownload<A extends unknown[]>(download: (...args: A) => Promise<DownloadResult | undefined>): Download<A> {
  const [downloaded, setDownloaded] = useState<string | null>(null)
  const exportFile = useAction(async (...args: A) => {
    setDownloaded(null)
    const file = await download(...args)
    if (file) setDownloaded(file.opened ? `已下载：${file.filename}` : `已下载：${file.filename}（请在电脑上打开）`)
  })
  return { exportFile, downloaded }
}
