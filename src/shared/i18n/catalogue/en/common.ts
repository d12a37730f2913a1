/** Words every screen uses: actions, states, the shell. */
export const common = {
  appName: 'Hooldus',
  save: 'Save',
  cancel: 'Cancel',
  close: 'Close',
  delete: 'Delete',
  edit: 'Edit',
  create: 'Create',
  add: 'Add',
  remove: 'Remove',
  back: 'Back',
  search: 'Search',
  yes: 'Yes',
  no: 'No',
  none: '—',
  loading: 'Loading…',
  rows_one: '{{count}} row',
  rows_other: '{{count}} rows',
  saved: '{{what}} saved',
  notSaved: 'Not saved',
  exportCsv: 'Export CSV',
  language: 'Language',
  csvDialect: 'CSV files',
  errorTitle: {
    VALIDATION: 'Check the input',
    NOT_FOUND: 'Not found',
    CONFLICT: 'Changed elsewhere',
    FORBIDDEN: 'Not allowed',
    INTERNAL: 'Something went wrong'
  }
}
