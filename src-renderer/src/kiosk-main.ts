// The survey page people answer in the shop (served by src-main/collection's server, not the app's
// host): no React, no app code, a few kilobytes, for iPad Safari and Android Chrome over plain http.
import './features/collection/kiosk/kiosk.css'
import { startKiosk } from './features/collection/kiosk/kioskPage'

startKiosk(document.getElementById('kiosk')!)
