export * from './masterdata'
export * from './system'
export * from './orders'
export * from './agreements'
