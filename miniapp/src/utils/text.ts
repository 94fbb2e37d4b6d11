/** Characters as people count them (a Chinese character or an emoji is one), like the shared schemas. */
export function countChars(text: string): number {
  return [...text.trim()].length
}
