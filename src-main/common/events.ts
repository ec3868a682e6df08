import type { AppEvent, EventName, EventPayload } from '../../src-shared/api/events'

type Listener = (event: AppEvent) => void

/** Push events from services to whichever transports are listening (Electron windows, browser streams). */
export class EventBus {
  private listeners = new Set<Listener>()

  emit<E extends EventName>(name: E, payload: EventPayload<E>): void {
    const event = { name, payload } as AppEvent
    for (const l of this.listeners) l(event)
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }
}
