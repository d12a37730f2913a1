/** The dispatch board, the tray, a technician's own work. */
export const dispatch = {}
