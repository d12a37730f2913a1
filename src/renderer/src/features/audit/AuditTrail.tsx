// AuditTrail moved to components/ (the record frame shows it). This re-export keeps the settings screen's
// import unchanged while it is being split on another branch; point it at components/AuditTrail and
// delete this file once both have merged.
export { AuditTrail } from '../../components/AuditTrail'
