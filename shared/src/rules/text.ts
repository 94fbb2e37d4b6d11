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

/**
 * A title in book-title marks, one level only: 《高新区人才公寓配租管理办法》, while a title that already
 * holds them (关于《…办法（征求意见稿）》公开征求意见的公告) is written as it is, never 《关于《…》…公告》.
 */
export function bookTitle(title: string): string {
  return /[《》]/.test(title) ? title : `《${title}》`
}
