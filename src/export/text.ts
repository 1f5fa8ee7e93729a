/** Text measures for laying out exported images, before any renderer is at hand. */

/** Fonts that carry Chinese on Windows, macOS, Linux and in LibreOffice. */
export const REPORT_FONTS = "'Microsoft YaHei', 'PingFang SC', 'Noto Sans CJK SC', 'Source Han Sans SC', 'WenQuanYi Micro Hei', sans-serif"

/** Rough width of text: CJK and full-width characters are square, the rest about half as wide. */
export function textWidth(text: string, fontSize: number): number {
  let w = 0
  for (const ch of text) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 1 : 0.58
  return w * fontSize
}

/** Lines the text takes when broken to `width`. */
export function lineCount(text: string, fontSize: number, width: number): number {
  return text
    .split('\n')
    .reduce((n, para) => n + Math.max(1, Math.ceil(textWidth(para, fontSize) / Math.max(width, fontSize))), 0)
}
