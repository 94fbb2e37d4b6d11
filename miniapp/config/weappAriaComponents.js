// The accessibility attributes added to the weapp templates and runtime (weappAria.js, weappAriaRuntime.js): one list for both.
// Only what utils/a11y.ts and the components set, on the components that get them: each attribute costs bytes in the main
// package's base.wxml for every nesting level of every listed component.
const ARIA = ['aria-role', 'aria-label', 'aria-checked', 'aria-disabled', 'aria-selected', 'aria-expanded', 'aria-hidden']
const COMPONENTS = ['View', 'Text', 'Image']
const attributes = Object.fromEntries(ARIA.map((name) => [name, "''"]))
const ARIA_COMPONENTS = Object.fromEntries(COMPONENTS.map((component) => [component, attributes]))
module.exports = { ARIA_COMPONENTS }
