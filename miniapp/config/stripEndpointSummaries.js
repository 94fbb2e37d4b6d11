// Babel plugin for the miniapp builds: empties each endpoint's `summary` in shared/src/contract/ (the OpenAPI
// document's descriptions, ~10 KB of Chinese text the miniapp never shows) — the BFF keeps them.
module.exports = function stripEndpointSummaries({ types: t }) {
  const keyName = (property) =>
    property.computed ? null : property.key.type === 'Identifier' ? property.key.name : property.key.type === 'StringLiteral' ? property.key.value : null
  return {
    name: 'strip-endpoint-summaries',
    visitor: {
      ObjectProperty(path, state) {
        if (!/[\\/]shared[\\/]src[\\/]contract[\\/]/.test(state.filename ?? '')) return
        if (keyName(path.node) !== 'summary' || !t.isStringLiteral(path.node.value) || path.node.value.value === '') return
        // An endpoint: the object also names its method and path.
        const keys = path.parentPath.node.properties.filter((p) => t.isObjectProperty(p)).map(keyName)
        if (!keys.includes('method') || !keys.includes('path')) return
        path.node.value = t.stringLiteral('')
      },
    },
  }
}
