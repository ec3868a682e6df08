import { useEffect, useState } from 'react'

/** Canvas text is drawn once; redraw after the bundled fonts have loaded so Thai and Vietnamese labels use them. */
export function useFontsReady(): boolean {
  const [ready, setReady] = useState(document.fonts.status === 'loaded')
  useEffect(() => {
    void document.fonts.ready.then(() => setReady(true))
  }, [])
  return ready
}
