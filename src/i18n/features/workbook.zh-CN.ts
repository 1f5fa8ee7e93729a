/** The reporting template's button (in the page header) and the problems of workbooks, encodings and returns; the rest of the workbook messages load with the import dialog (i18n/lazy/workbook.ts). */
export default {
  workbook: { template: { button: '下载报表模板' } },
  problems: {
    formulaNoValue: '公式 {text} 没有保存计算结果，按无数据导入：请在 Excel 中打开此文件、重新计算并保存后再导入',
    ambiguousPeriod: '“{text}”可能是 1 月也可能是 10 月（Excel 会把 2023.10 存成 2023.1）：请在预览的“读取说明”中选择，此行暂不导入',
    columnConflict: '“{text}”列与“{detail}”列对应同一指标，两列都没有导入：请在“列与指标的对应”中把其中一列设为不导入',
    conflictingReturn: '“{file}”中{subject}为 {text}，“{other}”中为 {detail}，两者不一致：保留了先读入的“{other}”中的数，请核对这两份报表',
    repeatedReturn: '“{file}”中{subject}为 {text}，与“{other}”相同，重复的数已忽略',
    typeMismatch: '文件名是 .{text}，内容却是 {detail} 格式：已按内容读取；如果不是要导入的文件，请重新选择',
    legacyWorkbook: '这是 Excel 97—2003 格式（.xls）的工作簿，不能直接读取：请在 Excel 中“另存为” .xlsx 后再导入',
    badBytes: '此行有不属于 UTF-8 的字节（{text}），这些字节显示为 �，其余内容已按 UTF-8 读取：请核对此行',
    unknownEncoding: '文件既不是 UTF-8 也不是 GB18030（GBK）编码，文字可能显示为乱码：请在 Excel 中另存为“CSV UTF-8”后导入，或在预览中换一种编码',
    badIndicatorField: '指标“{column}”的 {detail} 为“{text}”，不可用，已改用默认值：decimals 应为 0—6 的整数，unit 应为 人、人次、户、件、份、个、项、万元 或 %，id 应为小写字母开头的字母、数字和下划线',
  },
}
