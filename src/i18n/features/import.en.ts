import type zh from './import.zh-CN'

const en: typeof zh = {
  import: {
    button: 'Import data',
    close: 'Close',
    buttonHint: 'Import a CSV, JSON or Excel file (or drop a file on the page)',
    datasets: 'Datasets',
    datasetsHint: 'Manage imported datasets',
    dropHere: 'Drop the file to import it',
    dropHint: 'CSV, TSV, TXT, JSON or Excel (.xlsx)',
    problems: {
      title: 'Problems',
      download: 'Download the problem list (CSV)',
      more: '{n} more not listed',
      severity: 'Level',
      error: 'Not imported',
      warning: 'Warning',
      file: 'File',
      row: 'Row',
      column: 'Column',
      message: 'Problem and what to do',
      none: 'No problems found.',
    },
    notice: {
      own: 'Showing the data of “{name}”.',
      ownWithSample: 'Showing the data of “{name}”, with sample data where it has none.',
      link: 'Read {n} numbers from {url}.',
      linkProblems: '{n} rows could not be used or need checking.',
      linkFailed: 'Could not read data from {url}: {reason} The data shown before is still shown.',
      downloadReport: 'Download the problem list',
    },
    errors: {
      noRows: '“{file}” has no usable rows.',
      network: 'Could not reach {url} ({detail}). Check the address and the network; if the data is on another server, that server must allow this site to read it (CORS).',
      http: 'The server answered {status} for {url}. Check the address and whether it needs a login.',
      storage: {
        quota: 'The browser’s storage is full, so the data was not saved. Delete datasets you no longer need under “Datasets”, or free browser storage, and retry. The data loaded before is unchanged.',
        unavailable: 'This browser does not allow saving data (private mode or storage disabled), so the data was not saved. The data loaded before is unchanged.',
        other: 'Saving failed ({detail}). The data loaded before is unchanged.',
      },
      other: 'Something went wrong: {detail}',
    },
    report: {
      file: 'file',
      row: 'row',
      column: 'column',
      severity: 'level',
      code: 'code',
      message: 'problem and what to do',
      text: 'text',
    },
    where: {
      row: 'row {row}',
      column: 'column “{column}”',
    },
  },
}

export default en
