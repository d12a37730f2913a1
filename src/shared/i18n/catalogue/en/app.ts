/** The application frame: start-up, navigation, the user menu. */
export const app = {
  noDatabase: 'Hooldus cannot reach its database: {{message}}'
}
