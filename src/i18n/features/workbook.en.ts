import type zh from './workbook.zh-CN'

const en: typeof zh = {
  workbook: { template: { button: 'Download template' } },
  problems: {
    formulaNoValue: 'Formula {text} has no saved result and is read as no data: open the file in Excel, recalculate, save and import again',
    ambiguousPeriod: '“{text}” may be January or October (Excel keeps 2023.10 as 2023.1): choose in the preview under How the sheet was read; the row waits until then',
    columnConflict: 'Columns “{text}” and “{detail}” go to the same indicator and neither is imported: leave one out under Columns and indicators',
    conflictingReturn: '“{file}” gives {subject} as {text}, “{other}” as {detail}: the value of “{other}”, read first, is kept; check both returns',
    repeatedReturn: '“{file}” gives {subject} as {text}, as “{other}” does; the repeat is ignored',
    typeMismatch: 'The file is named .{text} but holds {detail}: it was read as what it holds; if it is not the file you meant, choose another',
    legacyWorkbook: 'An Excel 97–2003 (.xls) workbook cannot be read: save it as .xlsx in Excel and import that',
    badBytes: 'Bytes that are not UTF-8 in this row ({text}) show as �; the rest was read as UTF-8: please check this row',
    unknownEncoding: 'The file is neither UTF-8 nor GB18030 (GBK), so its text may be garbled: save it as “CSV UTF-8” in Excel and import that, or choose another encoding in the preview',
    badIndicatorField: 'Indicator “{column}” has {detail} “{text}”, which cannot be used; the default is used: decimals must be a whole number from 0 to 6, unit one of 人, 人次, 户, 件, 份, 个, 项, 万元, %, and id lower-case letters, digits and underscores starting with a letter',
  },
}

export default en
