import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import './grid/agGrid'
import './styles.css'
import { App } from './App'
import { ToastProvider } from './components/Toasts'

const root = document.getElementById('root')
if (!root) throw new Error('index.html has no #root element')

createRoot(root).render(
  <StrictMode>
    <ToastProvider>
      <App />
    </ToastProvider>
  </StrictMode>
)
