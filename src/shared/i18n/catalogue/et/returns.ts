import type { returns as en } from '../en/returns'
import type { Shape } from '../shape'

export const returns: Shape<typeof en> = {
  document: {
    rmaTitle: 'Tagastusluba (RMA)',
    ackTitle: 'Tagastuse kinnitus',
    created: 'Loodud',
    deadline: 'Tagastada hiljemalt',
    reason: 'Põhjus',
    status: 'Olek',
    customer: 'Klient',
    item: 'Kaup',
    serial: 'Seerianumber',
    quantity: 'Kogus',
    price: 'Tagastushind',
    invoice: 'Arve',
    outcome: 'Tulemus',
    instructionsTitle: 'Kuidas tagastada',
    instructions: 'Pakkige ülal loetletud kaubad, pange see leht pakki ja kirjutage sildile {{number}}. Saatke hiljemalt {{deadline}}.'
  }
}
