import { DrawRecordView } from '../../../../components/DrawRecordView'
import { LoadGate } from '../../../../components/LoadGate'
import { PageShell } from '../../../../components/PageShell'
import { useDraw, useRouteId } from '../../../../hooks'
import './index.scss'

/** The public lottery record, with a check re-run on this device. */
export default function DrawPage() {
  const draw = useDraw(useRouteId())
  return (
    <PageShell className='gm-draw-page'>
      <LoadGate data={draw.data} loading={draw.loading} error={draw.error} onRetry={() => void draw.reload()}>
        {(record) => <DrawRecordView record={record} />}
      </LoadGate>
    </PageShell>
  )
}
