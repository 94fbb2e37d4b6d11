// Taro plugin: the weapp templates carry WeChat's accessibility attributes (aria-role, aria-label, states), which Taro's own templates leave out.
// What @tarojs/plugin-inject does for attributes (its latest release, 4.1.11, predates this Taro 4.2.1), without the package: the listed
// components get the attributes in base.wxml and in the runtime's component table (weappAriaRuntime.js), so the props set by
// utils/a11y.ts reach WeChat's screen reader under the same short names in both.
const path = require('node:path')
const { ARIA_COMPONENTS } = require('./weappAriaComponents')

module.exports = (ctx) => {
  ctx.registerMethod({
    name: 'onSetupClose',
    fn(platform) {
      platform.template.mergeComponents(ctx, ARIA_COMPONENTS)
      const runtime = path.join(__dirname, 'weappAriaRuntime.js')
      platform.runtimePath = Array.isArray(platform.runtimePath) ? [...platform.runtimePath, runtime] : [platform.runtimePath, runtime]
    },
  })
}
