export * from './masterdata'
export * from './system'
