import { Alert, Loader } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { Navigate, useParams } from 'react-router'
import { call } from '../../lib/api'
import { useT } from '../../lib/i18n'

/** Opens an order known by its number (invoice lines carry the number): /orders/by-number/SO-000012. */
export function OrderByNumber() {
  const t = useT()
  const { number = '' } = useParams()
  const found = useQuery({
    queryKey: ['list', 'serviceOrders.list', 'by-number', number],
    queryFn: async () => {
      for (const templates of [false, true]) {
        const page = await call('serviceOrders.list', { q: number, templates, pageSize: 50 })
        const hit = page.rows.find((r) => r.number === number)
        if (hit) return hit.id
      }
      return null
    }
  })
  if (found.isLoading) return <Loader m="xl" />
  if (found.data) return <Navigate to={`/orders/${found.data}`} replace />
  return (
    <Alert color="red" title={t('orders.notFound')}>
      {found.error ? (found.error as Error).message : t('orders.notFoundText', { number })}
    </Alert>
  )
}
