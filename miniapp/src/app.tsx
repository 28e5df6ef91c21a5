// App root: global styles and the one reaction to a session that ended (refresh failed): back to login.
import { useEffect, type PropsWithChildren } from 'react'
import { onSignedOut } from './services/session'
import { goToLogin } from './utils/navigation'
import './app.scss'

function App({ children }: PropsWithChildren) {
  useEffect(() => onSignedOut(goToLogin), [])
  return children
}

export default App
