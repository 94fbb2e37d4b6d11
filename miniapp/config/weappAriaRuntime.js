// weapp runtime half of weappAria.js: the runtime's component table gets the same attributes as the templates, so both number them alike.
import { mergeInternalComponents } from '@tarojs/shared'
import { ARIA_COMPONENTS } from './weappAriaComponents'

mergeInternalComponents(ARIA_COMPONENTS)
