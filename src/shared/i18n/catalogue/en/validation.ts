/**
 * Field errors by stable code. The generic ones translate zod's own issues (with its parameters:
 * minimum, maximum); the rest are the codes the shared schemas give their own checks.
 */
export const validation = {
  summary: 'Some fields need attention.',
  filters: 'Some filters are not valid.',
  required: 'Required',
  invalid: 'Not a valid value',
  invalidType: 'Not a valid value',
  invalidOption: 'Choose one of the options',
  unknownField: 'Unknown field: {{keys}}',
  tooShort: 'At least {{minimum}} characters',
  tooLong: 'At most {{maximum}} characters',
  tooSmall: 'At least {{minimum}}',
  tooBig: 'At most {{maximum}}',
  tooFewItems: 'At least {{minimum}} needed',
  tooManyItems: 'At most {{maximum}} allowed',
  notInteger: 'A whole number',
  notText: 'Contains a NUL character or a broken (unpaired surrogate) character',
  codeChars: 'Letters, digits, dot, dash and underscore only',
  email: 'Not a valid e-mail address',
  wholeCents: 'Whole cents only',
  negative: 'Cannot be negative',
  tooLarge: 'Too large',
  dateFormat: 'Use the format DD.MM.YYYY',
  notCalendarDate: 'Not a calendar date',
  timeFormat: 'Use the format HH:MM',
  endBeforeStart: 'The end cannot be before the start'
}
