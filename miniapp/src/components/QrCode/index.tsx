// A QR code drawn with plain views (no canvas or image service), for check-in codes; it scales in large-font mode.
import { View } from '@tarojs/components'
import { useMemo } from 'react'
import { encodeQr } from '../../utils/qrcode'
import { cx } from '../../utils/format'
import './index.scss'

export interface QrCodeProps {
  value: string
  /** Read to screen-reader users instead of the picture. */
  label: string
}

/**
 * A QR code drawn with plain views (one row per line of modules), so it needs no canvas and no
 * image service, and scales with 大字模式 like everything else.
 */
export function QrCode({ value, label }: QrCodeProps) {
  const qr = useMemo(() => encodeQr(value), [value])
  return (
    <View className="gm-qr" role="img" aria-label={label}>
      <View className="gm-qr__matrix">
        {qr.modules.map((row, y) => (
          <View key={y} className="gm-qr__row">
            {row.map((dark, x) => (
              <View key={x} className={cx('gm-qr__cell', dark && 'gm-qr__cell--dark')} />
            ))}
          </View>
        ))}
      </View>
    </View>
  )
}
