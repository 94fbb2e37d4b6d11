// The accessibility attributes added to the weapp templates and runtime (weappAria.js, weappAriaRuntime.js): one list for both.
// Only what utils/a11y.ts and the components set, on the components that get them: each attribute costs bytes in the main
// package's base.wxml for every nesting level of every listed component.
const ARIA = ['aria-role', 'aria-label', 'aria-checked', 'aria-disabled', 'aria-selected', 'aria-expanded', 'aria-hidden']
const COMPONENTS = ['View', 'Text', 'Image']
const attributes = Object.fromEntries(ARIA.map((name) => [name, "''"]))
// Inputs and text areas: their name (utils/a11y fieldA11y); WeChat reads no label element.
const FIELDS = ['Input', 'Textarea']
const ARIA_COMPONENTS = {
  ...Object.fromEntries(COMPONENTS.map((component) => [component, attributes])),
  ...Object.fromEntries(FIELDS.map((component) => [component, { 'aria-label': "''", 'aria-disabled': "''" }])),
}
module.exports = { ARIA_COMPONENTS }
