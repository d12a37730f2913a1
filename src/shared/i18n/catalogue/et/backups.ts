import type { backups as en } from '../en/backups'
import type { Shape } from '../shape'

export const backups: Shape<typeof en> = {
  tab: 'Varukoopiad',
  status: {
    title: 'Varukoopiate olek',
    lastBackup: 'Viimane varukoopia',
    none: 'Varukoopiat pole veel tehtud',
    size: 'Suurus',
    verified: 'Kontrollitud',
    failed: 'Ebaõnnestus',
    notRecorded: 'Pole kirjas',
    nextDue: 'Järgmine varukoopia',
    off: 'Ajastatud varukoopiad on välja lülitatud',
    folder: 'Kaust',
    database: 'Kasutusel olev andmebaas',
    lastFailed: 'Viimane varukoopia ebaõnnestus: {{problem}}',
    backUpNow: 'Tee varukoopia kohe',
    done: 'Varukoopia tehtud ja kontrollitud'
  },
  schedule: {
    title: 'Ajakava',
    hint: 'Varukoopiad tehakse rakenduse töö ajal ilma tööd peatamata; iga koopia avatakse ja kontrollitakse enne, kui see arvesse läheb.',
    enabled: 'Tee varukoopia iga päev',
    dailyAt: 'Kell (HH:MM)',
    folder: 'Varukoopiate kaust',
    folderHint: 'Teine ketas või sünkroonitav kaust; tühi = {{folder}}',
    keepDaily: 'Päevaseid koopiaid hoida (päeva)',
    keepWeekly: 'Nädalasi koopiaid hoida (nädalat)',
    save: 'Salvesta ajakava',
    saved: 'Varukoopiate ajakava'
  },
  list: {
    title: 'Kaustas olevad varukoopiad',
    empty: 'Kaustas pole veel varukoopiaid.',
    made: 'Tehtud',
    size: 'Suurus',
    check: 'Kontroll',
    restore: 'Taasta…',
    confirmTitle: 'Kas taastada see varukoopia?',
    confirm:
      'Varukoopia ajast {{date}} kontrollitakse esmalt, seejärel asendab see kasutusel oleva andmebaasi. Praegune fail jäetakse alles samasse kausta. Pärast seda logivad kõik uuesti sisse.',
    confirmButton: 'Taasta',
    beforeMigration: 'Enne migreerimist'
  },
  size: {
    kb: '{{n}} kB',
    mb: '{{n}} MB'
  },
  recovery: {
    title: 'Andmebaasi ei saa kasutada',
    damaged: 'Andmebaas ei läbinud käivitamisel terviklikkuse kontrolli.',
    unreadable: 'Andmebaasi ei õnnestunud avada.',
    file: 'Fail',
    details: 'Üksikasjad',
    newest: 'Uusim kontrolli läbiv varukoopia on ajast {{date}} ({{size}}).',
    explain:
      'Taastamine paneb selle varukoopia kahjustatud faili asemele, kahjustatud fail jäetakse alles selle kõrvale; pärast varukoopiat tehtud tööd selles pole.',
    restore: 'Taasta see varukoopia',
    none: 'Kontrolli läbivat varukoopiat ei leitud kaustadest: {{folders}}. Fail jäeti nii, nagu see oli.',
    restored: 'Taastatud. Hooldus avaneb…'
  }
}
