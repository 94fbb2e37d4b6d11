// Pinyin typo tolerance for Q&A search: an unknown bigram is replaced by library bigrams that sound the same.
import { fuzzySyllable, readingsOf } from './pinyin'

/**
 * Typo tolerance for pinyin input: a bigram the library never uses (设保, 公基) is looked up by
 * how it sounds among the library's own bigrams (社保, 公积), and the most common of those that
 * sound the same stand in for it.
 */
export interface FuzzyMatcher {
  alternatives(bigram: string): string[]
}

/** How many library bigrams may stand in for one unknown bigram. */
const MAX_ALTERNATIVES = 2

function keysOf(bigram: string): string[] {
  const a = readingsOf(bigram.charAt(0)).map(fuzzySyllable)
  const b = readingsOf(bigram.charAt(1)).map(fuzzySyllable)
  const keys = new Set<string>()
  for (const x of a) for (const y of b) keys.add(`${x} ${y}`)
  return [...keys]
}

/** A matcher over the library's bigrams, each with how many items use it. */
export function createFuzzyMatcher(bigrams: Iterable<[string, number]>): FuzzyMatcher {
  const bySound = new Map<string, [string, number][]>()
  for (const [bigram, df] of bigrams) {
    for (const key of keysOf(bigram)) {
      const list = bySound.get(key)
      if (list) list.push([bigram, df])
      else bySound.set(key, [[bigram, df]])
    }
  }
  for (const list of bySound.values()) list.sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1))
  return {
    alternatives(bigram) {
      const found = new Map<string, number>()
      for (const key of keysOf(bigram)) for (const [candidate, df] of bySound.get(key) ?? []) if (candidate !== bigram) found.set(candidate, df)
      return [...found.entries()]
        .sort((x, y) => y[1] - x[1])
        .slice(0, MAX_ALTERNATIVES)
        .map(([candidate]) => candidate)
    },
  }
}
