import type zh from './perf.zh-CN'

const en: typeof zh = {
  problems: {
    tooManyRows:
      'The file has more than {text} rows of data, the most this device’s memory holds (the file is {detail} MB): split it by year and import the parts, or pre-aggregate it to a higher region level or a coarser period first',
  },
}

export default en
