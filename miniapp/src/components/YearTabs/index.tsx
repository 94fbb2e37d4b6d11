// A row of years to pick one (统计年度, 放假安排…), the chosen one marked for sight and for screen readers.
import { ScrollView, View } from '@tarojs/components'
import { a11y } from '../../utils/a11y'
import { cx } from '../../utils/format'
import './index.scss'

export interface YearTabsProps {
  years: readonly number[]
  /** Null: none chosen yet (the years are still loading, say). */
  value: number | null
  onChange: (year: number) => void
  label?: string
}

export function YearTabs({ years, value, onChange, label = '选择年度' }: YearTabsProps) {
  const shown = value === null || years.includes(value) ? years : [value, ...years]
  return (
    <ScrollView className="gm-year-tabs" scrollX enhanced showScrollbar={false}>
      <View className="gm-year-tabs__row" {...a11y(label, 'tablist')}>
        {shown.map((year) => (
          <View
            key={year}
            className={cx('gm-year-tabs__tab', year === value && 'gm-year-tabs__tab--active')}
            hoverClass="gm-pressed"
            onClick={() => onChange(year)}
            {...a11y(`${year} 年`, 'tab')}
            {...{ 'aria-selected': year === value ? 'true' : 'false' }}
          >
            {`${year} 年`}
          </View>
        ))}
      </View>
    </ScrollView>
  )
}
