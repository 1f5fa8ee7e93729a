export default {
  problems: {
    tooManyRows: '文件超过 {text} 行数据，超出本机内存能容纳的上限（文件 {detail} MB）：请按年份拆分后分别导入，或先汇总到更高的地区层级或更粗的期间再导入',
  },
}
