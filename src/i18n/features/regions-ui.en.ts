import type zh from './regions-ui.zh-CN'

const en: typeof zh = {
  regions: {
    summary: 'Highest: {top}, {topValue}; lowest: {bottom}, {bottomValue}; {reference}: {average}.',
    breadcrumb: 'Region path',
    picker: 'Region',
    pickerPlaceholder: 'Type a region name',
    tree: '{label}: province, cities, counties',
    loading: 'Loading the region picker',
    chartKeys: 'Press Enter to choose a region',
  },
}

export default en
