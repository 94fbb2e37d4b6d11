/**
 * Full-width ASCII (０-９, Ａ-Ｚ, ＠, －, （ …) and the ideographic space become their half-width forms.
 * Every replacement is one UTF-16 unit for one, so offsets into the result are offsets into the input.
 */
export function normalizeWidth(text: string): string {
  let out = ''
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c >= 0xff01 && c <= 0xff5e) out += String.fromCharCode(c - 0xfee0)
    else if (c === 0x3000) out += ' '
    else out += text.charAt(i)
  }
  return out
}
