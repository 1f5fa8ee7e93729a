import type zh from './encodings.zh-CN'

const en: typeof zh = {
  encoding: {
    dotAxis: 'Dot plot; the value axis does not start at zero',
  },
}

export default en
