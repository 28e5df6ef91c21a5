// Runs a form's buttons (save, delete, test…) one at a time: which one is busy, and the error the last
// one failed with, shown under the form (FormError) rather than in a toast that disappears.
import { useState } from 'react'

export interface FormAction<Kind extends string> {
  busy: Kind | null
  error: unknown
  run: (kind: Kind, work: () => Promise<void>) => Promise<void>
}

export function useFormAction<Kind extends string>(): FormAction<Kind> {
  const [busy, setBusy] = useState<Kind | null>(null)
  const [error, setError] = useState<unknown>()

  const run = async (kind: Kind, work: () => Promise<void>) => {
    setBusy(kind)
    setError(undefined)
    try {
      await work()
    } catch (e) {
      setError(e)
    } finally {
      setBusy(null)
    }
  }

  return { busy, error, run }
}
