/** How values are drawn so that they read right: dot plots, map classes, rates per worker, seasons. */
export default {
  encoding: {
    dotAxis: '点图：数值轴未从零开始',
    seasonalHint: '季节性明显的指标（如12月送温暖、夏季送清凉），按上年同月比较，不与上月比较',
    seasonalMom: '{change}（含季节性波动）',
    sampleMark: '示例数据',
    sampleMarkHint: '本屏显示的是合成的示例数据，不是真实统计',
    sampleShort: '示例数据：程序生成，仅供演示，非真实统计',
    drillHintTouch: '点击地区可下钻',
    rankIn: '{peers} 第{rank}/{total}位',
  },
  perWorkers: {
    label: '每万名职工',
    switchLabel: '地图数值',
    count: '总数',
    unit: '{unit}（每万名职工）',
    titleSuffix: '（每万名职工）',
    noWorkers: '有{indicator}，但没有{workers}，不能折算为每万名职工',
    chip: '地图：每万名职工',
    note: '每万名职工 = Σ{indicator} ÷ Σ{workers} × 10000，只计两项都有的地区',
  },
}
