import type zh from './encodings.zh-CN'

const en: typeof zh = {
  encoding: {
    dotAxis: 'Dot plot; the value axis does not start at zero',
    seasonalHint: 'A strongly seasonal indicator (winter and summer campaigns): compared with the same month a year earlier, not with the month before',
    seasonalMom: '{change} (seasonal swing included)',
    sampleMark: 'Sample data',
    sampleMarkHint: 'This screen shows synthetic sample data, not real statistics',
    sampleShort: 'Sample data: synthetic, for demonstration only',
    drillHintTouch: 'Tap a region to drill down',
    rankIn: '{rank} of {total} {peers}',
  },
}

export default en
