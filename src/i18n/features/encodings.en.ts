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
  perWorkers: {
    label: 'Per 10,000 workers',
    switchLabel: 'Map values',
    count: 'Count',
    unit: '{unit} per 10,000 workers',
    titleSuffix: ' (per 10,000 workers)',
    noWorkers: 'Has {indicator} but no {workers}: cannot be set per 10,000 workers',
    chip: 'Map: per 10,000 workers',
    note: 'Per 10,000 workers = Σ{indicator} ÷ Σ{workers} × 10,000, over regions with both',
  },
}

export default en
