import type zh from './national.zh-CN'

const en: typeof zh = {
  level: {
    country: 'country',
  },
  national: {
    offer: 'The regions in this file lie in {region}, outside the current scope ({home}).',
    switch: 'Switch to {region} and read the file again',
    switching: 'Switching…',
  },
}

export default en
