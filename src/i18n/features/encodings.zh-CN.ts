/** How values are drawn so that they read right: dot plots, map classes, rates per worker, seasons. */
export default {
  encoding: {
    dotAxis: '点图：数值轴未从零开始',
  },
}
