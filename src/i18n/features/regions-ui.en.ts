import type zh from './regions-ui.zh-CN'

const en: typeof zh = {
  viewsUi: {
    periodMode: 'Period of the view',
    fixed: 'This period ({period})',
    latest: 'Latest period',
    fixedTag: 'this period',
    latestTag: 'latest period',
    rename: 'Rename view “{name}”',
    renameShort: 'Rename',
    newName: 'New name for “{name}”',
    renameTaken: 'The name is empty or another view has it',
    deleted: 'Deleted view “{name}”',
    undo: 'Undo',
  },
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
