/** The home region and the national catalogue. */
const zh = {
  level: {
    country: '全国',
  },
  national: {
    offer: '文件中的地区位于{region}，不在当前范围（{home}）内。',
    switch: '切换到{region}并重新读取文件',
    switching: '正在切换…',
  },
}

export default zh
